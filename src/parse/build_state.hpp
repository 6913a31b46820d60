// What the actions build into while the grammar runs. Parts of an entry,
// a date or a footer are gathered here and moved into the Document when the
// enclosing rule has matched as a whole.
#pragma once

#include <string_view>
#include <vector>

#include "digestkit/document.hpp"

namespace digestkit::parse_detail {

struct BuildState {
  std::string_view text;  // the whole decoded text; spans are offsets into it
  std::vector<Document>& documents;

  std::vector<Text> tags;
  Date date;
  Entry entry;
  Footer footer;

  [[nodiscard]] Span span_of(const char* begin, const char* end) const {
    return {static_cast<std::size_t>(begin - text.data()), static_cast<std::size_t>(end - text.data())};
  }
  [[nodiscard]] Document& document() { return documents.back(); }
};

}  // namespace digestkit::parse_detail
