// The safety check with the input position of the first difference, for
// messages that point into the file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "digestkit/format.hpp"

namespace digestkit::format_detail {

struct Difference {
  std::string message;
  Span where;  // in the `before` documents' source text
};

[[nodiscard]] std::optional<Difference> first_difference(const std::vector<Document>& before,
                                                         const std::vector<Document>& after,
                                                         const FormatOptions& options);

// The same for digest `index` (of `count` in its file) alone: `after` is
// the parse of its output by itself, which must be one digest.
[[nodiscard]] std::optional<Difference> first_difference_in_digest(const Document& before,
                                                                   const std::vector<Document>& after,
                                                                   std::size_t index, std::size_t count,
                                                                   const FormatOptions& options);

}  // namespace digestkit::format_detail
