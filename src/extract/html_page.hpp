// An HTML page as blocks: parsed with libxml2's HTML parser (as SAX events,
// no tree: memory stays flat however large or deep the page), the layout's
// article and footer read in document order, one block per block-level
// element (white space collapsed as a browser shows it). Nothing here reads
// tags by hand.
#pragma once

#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "block.hpp"
#include "digestkit/source.hpp"
#include "layout.hpp"

namespace digestkit::extract_detail {

struct HtmlBlocks {
  const PageLayout* layout = nullptr;  // null: no known layout's marks were found
  std::optional<std::string_view> title;
  std::vector<Block> blocks;  // the article's, then the footer's
};

// Block texts live in `arena`.
[[nodiscard]] HtmlBlocks read_html_blocks(const SourceText& page, std::span<const PageLayout> layouts,
                                          std::deque<std::string>& arena);

}  // namespace digestkit::extract_detail
