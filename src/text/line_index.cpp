// The line index: where each line starts, and offset -> line:column.
#include <unicode/utf8.h>
#include <algorithm>
#include <cstring>

#include "source_text_builder.hpp"
#include "text_detail.hpp"

namespace digestkit {

namespace {

const char* find_byte(const char* from, const char* end, char byte) {
  return static_cast<const char*>(std::memchr(from, byte, static_cast<std::size_t>(end - from)));
}

// Text without a single CR (the common case): one memchr per line of text.
// Blank lines, half of a digest's, are taken without a call.
void index_lf_only(const char* begin, const char* end, std::vector<std::size_t>& starts,
                   LineEndings& endings) {
  for (const char* p = begin; (p = find_byte(p, end, '\n')) != nullptr;) {
    do {
      ++p;
      ++endings.lf;
      starts.push_back(static_cast<std::size_t>(p - begin));
    } while (p != end && *p == '\n');
  }
}

// Any mix of LF, CRLF and lone CR. The next CR and next LF are each found
// with memchr and remembered, so every byte is scanned at most twice.
void index_mixed(const char* begin, const char* end, std::vector<std::size_t>& starts, LineEndings& endings) {
  const char* next_lf = find_byte(begin, end, '\n');
  const char* next_cr = find_byte(begin, end, '\r');
  while (next_lf != nullptr || next_cr != nullptr) {
    const char* line_end;
    if (next_cr != nullptr && (next_lf == nullptr || next_cr < next_lf)) {
      if (next_cr + 1 == next_lf) {
        ++endings.crlf;
        line_end = next_lf + 1;
        next_lf = find_byte(line_end, end, '\n');
      } else {
        ++endings.cr;
        line_end = next_cr + 1;
      }
      next_cr = find_byte(line_end, end, '\r');
    } else {
      ++endings.lf;
      line_end = next_lf + 1;
      next_lf = find_byte(line_end, end, '\n');
    }
    starts.push_back(static_cast<std::size_t>(line_end - begin));
  }
}

bool ends_with_line_ending(std::string_view text) {
  return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

}  // namespace

void SourceTextBuilder::index_lines(std::string_view text, std::vector<std::size_t>& line_starts,
                                    LineEndings& endings) {
  line_starts.clear();
  endings = {};
  line_starts.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (text.empty()) return;
  if (std::memchr(begin, '\r', text.size()) == nullptr) {
    index_lf_only(begin, end, line_starts, endings);
  } else {
    index_mixed(begin, end, line_starts, endings);
  }
  // "a\n" is one line, not a line followed by an empty one.
  if (line_starts.size() > 1 && line_starts.back() == text.size()) line_starts.pop_back();
}

Location SourceTextBuilder::locate(std::string_view text, const std::vector<std::size_t>& line_starts,
                                   std::size_t offset) {
  offset = std::min(offset, text.size());
  Location location;
  location.offset = offset;
  // The end of a text whose last line is terminated lies on the (unindexed)
  // line after it, where an editor would put the cursor.
  if (offset == text.size() && ends_with_line_ending(text)) {
    location.line = line_starts.size() + 1;
    return location;
  }
  auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(after - line_starts.begin()) - 1;
  location.line = line_index + 1;

  const std::size_t start = line_starts[line_index];
  // A character is passed only once all of its bytes are: an offset inside
  // one resolves to the column of its first byte.
  // ICU looks back at most three trail bytes; a window that size keeps its
  // 32-bit indexes valid in texts of any length.
  std::int64_t stop = static_cast<std::int64_t>(offset);
  if (offset < text.size()) {
    const std::size_t window = offset - std::min<std::size_t>(offset - start, 3);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data() + window);
    std::int32_t in_window = static_cast<std::int32_t>(offset - window);
    U8_SET_CP_START(bytes, 0, in_window);
    stop = static_cast<std::int64_t>(window) + in_window;
  }

  std::int64_t i = static_cast<std::int64_t>(start);
  std::size_t code_points = 0;
  std::size_t cells = 0;
  while (i < stop) {
    UChar32 c;
    U8_NEXT(text.data(), i, stop, c);
    ++code_points;
    cells += c < 0 ? 1 : static_cast<std::size_t>(text_detail::code_point_width(c));
  }
  location.column = 1 + code_points;
  location.display_column = 1 + cells;
  return location;
}

}  // namespace digestkit
