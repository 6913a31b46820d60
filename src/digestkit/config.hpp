// digest.toml discovery. Each module reads its own section ([validate],
// [fmt], [[per-file]]) with toml++; this only finds the file.
#pragma once

#include <filesystem>
#include <optional>

namespace digestkit {

// The nearest digest.toml in the input's directory or one of its parents.
[[nodiscard]] std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& input);

}  // namespace digestkit
