#include <filesystem>
#include <system_error>

#include "digestkit/progress.hpp"
#include "walk.hpp"

namespace digestkit {

std::optional<std::uint64_t> total_input_bytes(const std::vector<std::string>& paths,
                                               const InputOptions& options) {
  namespace fs = std::filesystem;
  std::uint64_t total = 0;
  const auto add_file = [&total](const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return false;
    total += size;
    return true;
  };
  for (const auto& path : paths) {
    if (path == "-" || is_archive_path(path)) return std::nullopt;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      if (!add_file(path)) return std::nullopt;
      continue;
    }
    bool known = true;
    archive_detail::walk_tree(path, options, [&](archive_detail::WalkItem&& item) {
      known = known && !item.error && !is_archive_path(item.path) && add_file(item.path);
    });
    if (!known) return std::nullopt;
  }
  return total;
}

}  // namespace digestkit
