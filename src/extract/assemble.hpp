// Blocks -> the digest they hold: category, date, entries (headings and
// raw-Markdown ones, in page order), footer; and what was dropped. One
// reading for HTML pages and text dumps, steered by the page's layout.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "block.hpp"
#include "digestkit/extraction.hpp"
#include "layout.hpp"

namespace digestkit::extract_detail {

struct RecoveredEntry {
  std::string_view title;
  std::vector<std::string_view> authors;
  std::string_view abstract;
  std::optional<std::string_view> comments;  // nullopt: a bare "PDF"
  Marker marker = Marker::Missing;
  bool raw_markdown = false;
};

struct RecoveredDigest {
  std::string_view category;
  int year = 0, month = 0, day = 0;
  std::vector<RecoveredEntry> entries;
  std::optional<std::string_view> footer_author;
  std::optional<std::string_view> footer_notice;
};

struct Problem {
  std::size_t offset = 0;  // into the decoded page
  std::string code;
  std::string message;
};

struct Assembly {
  std::optional<RecoveredDigest> digest;  // set when there were no problems
  std::vector<Problem> problems;
  bool no_digest = false;  // the problem is that the page holds no digest
  ExtractionFacts facts;
};

struct AssembleInput {
  const PageLayout* layout = nullptr;
  std::span<const Block> blocks;
  std::optional<std::string_view> category;  // HTML: the post title; dumps: found by the layout's meta line
  std::size_t line_count = 0;                // lines of the input (for the chrome ranges)
  std::string_view looked_for;               // for "no digest found"
  std::string_view path;
};

// Joined text (abstract paragraphs) is kept in `arena`.
[[nodiscard]] Assembly assemble(const AssembleInput& input, std::deque<std::string>& arena);

// Adds lines [first, last] to a dropped-text record's ranges, merged with
// the last range when at most one line lies between them.
void add_lines(DroppedText& dropped, std::size_t first, std::size_t last);

}  // namespace digestkit::extract_detail
