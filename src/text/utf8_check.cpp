// UTF-8 validation: ICU's U8_NEXT for every non-ASCII sequence; the ASCII
// between them is skipped 16 bytes at a time.
#include <fmt/format.h>
#include <unicode/utf8.h>
#include <iterator>

#include "support/ascii_scan.hpp"
#include "text_detail.hpp"

namespace digestkit::text_detail {

std::optional<Utf8Fault> find_invalid_utf8(std::string_view bytes) {
  const char* s = bytes.data();
  const auto length = static_cast<std::int64_t>(bytes.size());
  std::int64_t i = 0;
  for (;;) {
    i = static_cast<std::int64_t>(support::first_non_ascii(bytes, static_cast<std::size_t>(i)));
    if (i >= length) break;
    // A run of non-ASCII characters (a CJK line) is read without going back
    // to the ASCII scan after each one.
    while (i < length && static_cast<unsigned char>(s[i]) >= 0x80) {
      const std::int64_t start = i;
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0) return Utf8Fault{static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)};
    }
  }
  return std::nullopt;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes)
    fmt::format_to(std::back_inserter(out), "{}0x{:02X}", out.empty() ? "" : " ", b);
  return out;
}

}  // namespace digestkit::text_detail
