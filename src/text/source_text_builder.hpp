// Private to the text module: builds SourceText's line index and resolves
// locations over any UTF-8 view, so that decode() can locate an error in the
// valid prefix of an input without building a SourceText for it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "digestkit/source.hpp"

namespace digestkit {

struct SourceTextBuilder {
  // Fills line starts (offset 0 first; a final line ending does not start an
  // empty line) and counts the endings. A line ends at "\n", "\r\n" or a
  // lone "\r". When asked, also tells for each line whether it is printable
  // ASCII (SourceText::is_printable_ascii_line), in the same pass.
  static void index_lines(std::string_view text, std::vector<std::size_t>& line_starts, LineEndings& endings,
                          std::vector<bool>* printable_ascii_lines = nullptr);

  // Resolves offset (clamped to text.size()) against line_starts built by
  // index_lines for the same text.
  static Location locate(std::string_view text, const std::vector<std::size_t>& line_starts,
                         std::size_t offset);

  // The text back out of a SourceText found not to be UTF-8 after all.
  static std::string take_text(SourceText& source) { return std::move(source.text_); }

  static void build_index(SourceText& source) {
    index_lines(source.text_, source.line_starts_, source.line_endings, &source.printable_ascii_lines_);
  }
};

}  // namespace digestkit
