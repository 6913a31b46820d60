// The scan rapidjson's Writer<StringBuffer> runs before each character of a
// string: copy the longest run of bytes that JSON allows unescaped, stop at
// the first that rapidjson must escape (U+0000..U+001F, '"', '\\').
//
// Replaces rapidjson 1.1.0's RAPIDJSON_SSE2 version, which tests
// `byte <= 0x19` and so lets U+001A..U+001F through. Bytes of 0x80 and above
// are copied too: for UTF-8 to UTF-8 without validation rapidjson copies them
// one by one anyway (Transcoder<Encoding, Encoding>), so the output is the
// same, only faster on non-ASCII text. Included after rapidjson's headers, in
// the one file that writes with it (json_writer.cpp).
#pragma once

#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

RAPIDJSON_NAMESPACE_BEGIN

namespace json_scan {

inline bool must_escape(unsigned char byte) { return byte < 0x20 || byte == '"' || byte == '\\'; }

// Bytes from p to end that need no escaping, as a count.
inline std::size_t unescaped_prefix(const char* p, const char* end) {
  const char* const begin = p;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control_max = _mm_set1_epi8(0x1F);
  while (end - p >= 16) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // byte <= 0x1F  <=>  max(byte, 0x1F) == 0x1F (unsigned)
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(s, control_max), control_max);
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(s, quote), _mm_cmpeq_epi8(s, backslash)), control);
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) return static_cast<std::size_t>(p - begin) + static_cast<std::size_t>(__builtin_ctz(mask));
    p += 16;
  }
#endif
  while (p != end && !must_escape(static_cast<unsigned char>(*p))) ++p;
  return static_cast<std::size_t>(p - begin);
}

}  // namespace json_scan

template <>
inline bool Writer<StringBuffer>::ScanWriteUnescapedString(StringStream& is, std::size_t length) {
  const char* const p = is.src_;
  const char* const end = is.head_ + length;
  if (p == end) return false;
  const std::size_t run = json_scan::unescaped_prefix(p, end);
  if (run != 0) {
    // WriteString reserved room for the whole string escaped.
    std::memcpy(os_->PushUnsafe(run), p, run);
    is.src_ = p + run;
  }
  return is.src_ != end;
}

RAPIDJSON_NAMESPACE_END
