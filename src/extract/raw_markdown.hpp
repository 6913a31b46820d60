// Entries the site failed to render, read from their raw Markdown with the
// page_dump raw_entry rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace digestkit::extract_detail {

struct RawEntry {
  std::string_view title;
  std::string_view authors;  // the names, as between "**Authors:" and "**"
  std::string_view abstract;
  std::string_view comment;  // after the PDF link; empty when none
};

struct RawEntryError {
  std::size_t offset = 0;  // into the text
  std::string message;
};

// Whether `text` starts a raw-Markdown entry ("## Title **Authors:").
[[nodiscard]] bool starts_raw_entry(std::string_view text);
// Reads the entry (text must start one); nullopt and `error` when it stops short.
[[nodiscard]] std::optional<RawEntry> read_raw_entry(std::string_view text, RawEntryError& error);

}  // namespace digestkit::extract_detail
