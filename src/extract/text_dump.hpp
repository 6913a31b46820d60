// A text dump of a page as blocks: the page_dump grammar classifies every
// line, consecutive non-blank lines form a paragraph (an anchor line always
// starts one), and a paragraph's hard-wrapped lines are joined back.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "block.hpp"
#include "digestkit/source.hpp"

namespace digestkit::extract_detail {

struct DumpBlocks {
  std::vector<Block> blocks;
};

// Joined paragraphs live in `arena`; single lines view the page's text.
[[nodiscard]] DumpBlocks read_dump_blocks(const SourceText& page, std::deque<std::string>& arena);

// Appends `next` to `joined` the way a hard wrap is undone: with one space,
// or with none where a dump breaks without one: between two wide (CJK)
// characters and after the '/' or '?' of a URL.
void join_wrapped(std::string& joined, std::string_view next);

}  // namespace digestkit::extract_detail
