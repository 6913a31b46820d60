#include <system_error>

#include "digestkit/config.hpp"

namespace digestkit {

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& input) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(input, ec);
  if (ec) return std::nullopt;
  if (!std::filesystem::is_directory(dir, ec)) dir = dir.parent_path();
  while (!dir.empty()) {
    std::filesystem::path candidate = dir / "digest.toml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace digestkit
