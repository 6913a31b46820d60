// UTF-8 validation: ICU's U8_NEXT for every non-ASCII sequence, with a fast
// path that skips 16 ASCII bytes at a time.
#include <fmt/format.h>
#include <unicode/utf8.h>
#include <cstring>
#include <iterator>

#include "text_detail.hpp"

namespace digestkit::text_detail {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

bool all_ascii_16(const char* p) {
  std::uint64_t a;
  std::uint64_t b;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 8, 8);
  return ((a | b) & kHighBits) == 0;
}

}  // namespace

std::optional<Utf8Fault> find_invalid_utf8(std::string_view bytes) {
  const char* s = bytes.data();
  const auto length = static_cast<std::int64_t>(bytes.size());
  std::int64_t i = 0;
  while (i < length) {
    while (i + 16 <= length && all_ascii_16(s + i)) i += 16;
    if (i >= length) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return Utf8Fault{static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)};
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
