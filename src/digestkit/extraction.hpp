// What `digest extract` found in a web page besides the digest itself: the
// kind of source, the site layout it recognised and what it left out. Plain
// data, written by the JSON writer as the "extracted" object (docs/json.md).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace digestkit {

// Lines [first, last] (1-based, inclusive) of the input.
struct LineRange {
  std::size_t first = 0;
  std::size_t last = 0;
  friend bool operator==(const LineRange&, const LineRange&) = default;
};

// One kind of dropped text: how many blocks of it and where they were.
struct DroppedText {
  std::size_t count = 0;          // blocks (summaries) or lines (chrome)
  std::vector<LineRange> ranges;  // in input order, adjacent ranges merged
};

struct ExtractionFacts {
  std::string_view kind;                 // "html" or "text-dump"
  std::string_view layout;               // the layout description's name, e.g. "hexo-butterfly"
  std::size_t raw_markdown_entries = 0;  // entries recovered from unrendered Markdown
  std::size_t rejoined_lines = 0;        // hard-wrapped lines joined back (text dumps)
  DroppedText summaries;                 // LLM-written summary blocks after entries
  DroppedText chrome;                    // site chrome: menus, post meta, navigation, ...
};

}  // namespace digestkit
