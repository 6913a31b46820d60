// The line index: where each line starts, and offset -> line:column.
#include <unicode/utf8.h>
#include <algorithm>
#include <cstring>

#include "source_text_builder.hpp"
#include "support/ascii_scan.hpp"
#include "text_detail.hpp"

namespace digestkit {

namespace {

const char* find_byte(const char* from, const char* end, char byte) {
  return static_cast<const char*>(std::memchr(from, byte, static_cast<std::size_t>(end - from)));
}

// Line starts and, when `printable` is given, one flag per line, appended
// as the text is read: a line is printable until a byte that is not
// printable ASCII turns up before its end.
class LfLineIndex {
 public:
  LfLineIndex(std::vector<std::size_t>& starts, std::vector<bool>* printable, LineEndings& endings)
      : starts_(starts), printable_(printable), endings_(endings) {}

  void unusual_byte() { line_printable_ = false; }
  void line_feed_at(std::size_t offset) {
    ++endings_.lf;
    starts_.push_back(offset + 1);
    if (printable_ != nullptr) printable_->push_back(line_printable_);
    line_printable_ = true;
  }
  void last_line() {
    if (printable_ != nullptr) printable_->push_back(line_printable_);
  }

 private:
  std::vector<std::size_t>& starts_;
  std::vector<bool>* printable_;
  LineEndings& endings_;
  bool line_printable_ = true;
};

// Text without a CR, the common case: one pass, 32 bytes at a time; a
// block of printable ASCII (most of every line) costs one test. Returns
// false at the first CR, having indexed only part of the text.
bool index_lf_only(std::string_view text, LfLineIndex& index) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  const auto mask_of = [](__m128i low, __m128i high, char byte) {
    const __m128i wanted = _mm_set1_epi8(byte);
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(low, wanted))) |
           (static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(high, wanted))) << 16U);
  };
  for (; i + 32 <= size; i += 32) {
    const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
    const unsigned special = support::special_bytes_mask(low) | (support::special_bytes_mask(high) << 16U);
    if (special == 0) continue;
    if (mask_of(low, high, '\r') != 0) return false;
    unsigned feeds = mask_of(low, high, '\n');
    unsigned others = special & ~feeds;
    for (; feeds != 0; feeds &= feeds - 1) {
      const auto at = static_cast<unsigned>(__builtin_ctz(feeds));
      const unsigned before = (1U << at) - 1;
      if ((others & before) != 0) index.unusual_byte();
      others &= ~before;
      index.line_feed_at(i + at);
    }
    if (others != 0) index.unusual_byte();
  }
#endif
  for (; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte == '\n') {
      index.line_feed_at(i);
    } else if (byte == '\r') {
      return false;
    } else if (support::is_special_byte(byte)) {
      index.unusual_byte();
    }
  }
  index.last_line();
  return true;
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

// The flags of lines indexed by index_mixed(): each line's bytes up to its
// ending, which is the only place a CR or LF can be.
void flag_printable_lines(std::string_view text, const std::vector<std::size_t>& starts,
                          std::vector<bool>& printable) {
  printable.clear();
  for (std::size_t n = 0; n < starts.size(); ++n) {
    const std::size_t begin = starts[n];
    const std::size_t end = n + 1 < starts.size() ? starts[n + 1] : text.size();
    const std::size_t first = support::first_special_byte(text, begin);
    printable.push_back(first >= end || text[first] == '\n' || text[first] == '\r');
  }
}

bool ends_with_line_ending(std::string_view text) {
  return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

}  // namespace

void SourceTextBuilder::index_lines(std::string_view text, std::vector<std::size_t>& line_starts,
                                    LineEndings& endings, std::vector<bool>* printable_ascii_lines) {
  line_starts.clear();
  endings = {};
  line_starts.push_back(0);
  if (printable_ascii_lines != nullptr) printable_ascii_lines->clear();
  LfLineIndex index(line_starts, printable_ascii_lines, endings);
  if (!index_lf_only(text, index)) {
    line_starts.resize(1);
    endings = {};
    index_mixed(text.data(), text.data() + text.size(), line_starts, endings);
    if (printable_ascii_lines != nullptr) flag_printable_lines(text, line_starts, *printable_ascii_lines);
  }
  // "a\n" is one line, not a line followed by an empty one.
  if (line_starts.size() > 1 && line_starts.back() == text.size()) {
    line_starts.pop_back();
    if (printable_ascii_lines != nullptr) printable_ascii_lines->pop_back();
  }
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
