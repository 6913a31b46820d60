// Paths into a JSON value ("entries[2].title") and finding where the value
// a path names starts in the JSON text, so that a structural problem found
// in the DOM can be reported at its line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace digestkit::json_detail {

struct PathStep {
  std::string_view key;  // member name, when !is_index
  std::size_t index = 0;
  bool is_index = false;
};

using JsonPath = std::vector<PathStep>;

// "entries[2].title", "[3].tags[0]"; empty for the root.
[[nodiscard]] std::string path_to_string(const JsonPath& path);

// Offset within `json` (the text of one well-formed JSON value) of the value
// `path` names, or of its member name when the path ends in a member; the
// offset of the value's start when the path names nothing in it.
[[nodiscard]] std::size_t locate_path(std::string_view json, const JsonPath& path);

}  // namespace digestkit::json_detail
