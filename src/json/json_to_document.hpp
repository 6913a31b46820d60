// One digestkit/1 object (a rapidjson DOM value) -> Document, checking the
// object against the format as strictly as the schema does, plus the facts
// a schema cannot express (tags agree with the category, date_valid with the
// date).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "digestkit/document.hpp"
#include "json_path.hpp"

namespace digestkit::json_detail {

struct ShapeError {
  std::string_view code;  // DJ002 structure, DJ003 format version, DJ004 inconsistent fields
  JsonPath path;
  std::string message;
};

// Throws ShapeError. `path` is the value's own path (it is extended while
// descending and restored on success).
[[nodiscard]] Document document_from_json(const rapidjson::Value& value, std::size_t index,
                                          StringStore& store, JsonPath& path);

}  // namespace digestkit::json_detail
