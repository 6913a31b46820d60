// SourceText: decoded UTF-8 text with its line index.
#include "source_text_builder.hpp"

namespace digestkit {

SourceText::SourceText(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  SourceTextBuilder::build_index(*this);
}

std::string_view SourceText::line(std::size_t n) const {
  if (n == 0 || n > line_starts_.size()) return {};
  std::size_t start = line_starts_[n - 1];
  std::size_t end = n < line_starts_.size() ? line_starts_[n] : text_.size();
  // A line holds no CR or LF of its own, so any at its end are its ending.
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

Location SourceText::locate(std::size_t offset) const {
  return SourceTextBuilder::locate(text_, line_starts_, offset);
}

// Offsets into transcoded text cannot be mapped back byte for byte (the
// charsets differ in width), so they stay offsets into text(); callers say
// so through `transcoded`. Untranscoded input differs only by its BOM.
std::size_t SourceText::input_offset(std::size_t offset) const {
  if (transcoded) return offset;
  return had_bom ? offset + 3 : offset;
}

}  // namespace digestkit
