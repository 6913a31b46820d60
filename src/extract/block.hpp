// A block of page text: a paragraph of a text dump (its hard-wrapped lines
// joined) or the text of one HTML block element, with the anchor it starts
// with and where it was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "digestkit/document.hpp"

namespace digestkit::extract_detail {

enum class BlockKind : std::uint8_t {
  Text,          // anything without an anchor
  Heading,       // an HTML heading below the date heading's level (an entry title)
  DateHeading,   // "YYYY-MM-DD 更新"
  Authors,       // "Authors:..." (value: the names)
  Pdf,           // "PDF [comment]" (value: the comment, has_value: whether there is one)
  Marker,        // screenshot marker (value: what follows on its line)
  FooterAuthor,  // "文章作者: NAME"
  FooterLink,    // "文章链接: URL"
  FooterNotice,  // "版权声明: NOTICE"
};

struct Block {
  BlockKind kind = BlockKind::Text;
  std::string_view text;   // the whole block, wrapped lines joined
  std::string_view value;  // the anchor's value (a suffix of text); text for Text and Heading
  bool has_value = false;  // Pdf: a comment follows "PDF"
  Marker marker = Marker::Missing;
  int date_year = 0, date_month = 0, date_day = 0;  // DateHeading
  std::size_t first_line = 0;                       // 1-based lines of the input
  std::size_t last_line = 0;
  std::size_t offset = 0;        // byte offset of the block's start in the decoded input
  std::size_t joined_lines = 0;  // hard-wrapped lines joined into this block (dumps)
};

// Classifies a block by the anchor its text starts with (the page_dump line
// rules) and fills kind, value, has_value, marker and the date.
void classify(Block& block);

}  // namespace digestkit::extract_detail
