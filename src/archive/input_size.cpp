#include <filesystem>
#include <system_error>

#include "digestkit/progress.hpp"
#include "walk.hpp"

namespace digestkit {

std::optional<std::uint64_t> total_input_bytes(const std::vector<std::string>& paths,
                                               const InputOptions& options) {
  const auto totals = input_totals(paths, options);
  if (!totals) return std::nullopt;
  return totals->bytes;
}

std::optional<InputTotals> input_totals(const std::vector<std::string>& paths, const InputOptions& options) {
  namespace fs = std::filesystem;
  InputTotals total;
  const auto add_file = [&total](const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return false;
    total.bytes += size;
    ++total.files;
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
      if (item.warning) return;
      known = known && !item.error && !is_archive_path(item.path) && add_file(item.path);
    });
    if (!known) return std::nullopt;
  }
  return total;
}

}  // namespace digestkit
