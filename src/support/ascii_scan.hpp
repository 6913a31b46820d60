// Private to the library: finding the first byte of interest in mostly-ASCII
// text 16 bytes at a time. Digest text is English with a few CJK lines, so
// every pass over it (UTF-8 validation, the character rules, the script
// checks) spends its time skipping plain ASCII.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace digestkit::support {

// Offset of the first byte >= 0x80 at or after `from`, or text.size().
[[nodiscard]] inline std::size_t first_non_ascii(std::string_view text, std::size_t from = 0) noexcept {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#else
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
  }
#endif
  while (i < size && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

[[nodiscard]] inline bool is_ascii(std::string_view text) noexcept {
  return first_non_ascii(text) == text.size();
}

// Whether a byte is not printable ASCII: a control byte, tab, CR, LF, DEL or
// any byte >= 0x80.
[[nodiscard]] constexpr bool is_special_byte(unsigned char byte) noexcept {
  return byte < 0x20 || byte >= 0x7f;
}

#if defined(__SSE2__)
// One bit per byte of `chunk` for which is_special_byte() holds.
[[nodiscard]] inline unsigned special_bytes_mask(__m128i chunk) noexcept {
  // Signed compare: bytes >= 0x80 are negative, so this also catches them.
  const __m128i special =
      _mm_or_si128(_mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7f)));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

// Offset of the first byte at or after `from` that is not printable ASCII
// (a control byte, tab, CR, LF, DEL or any byte >= 0x80), or text.size().
[[nodiscard]] inline std::size_t first_special_byte(std::string_view text, std::size_t from) noexcept {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const unsigned mask = special_bytes_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < size && !is_special_byte(static_cast<unsigned char>(data[i]))) ++i;
  return i;
}

// Offset of the first of the given bytes in text, or text.size().
template <char... Bytes>
[[nodiscard]] inline std::size_t first_of(std::string_view text) noexcept {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(Bytes)))), ...);
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < size && ((data[i] != Bytes) && ...)) ++i;
  return i;
}

// Offset of the first of two adjacent `byte`s at or after `from`, or
// std::string_view::npos. (std::string_view::find of a two-byte pattern
// calls memchr once per single occurrence: once per space in a title.)
[[nodiscard]] inline std::size_t find_pair(std::string_view text, char byte, std::size_t from = 0) noexcept {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i wanted = _mm_set1_epi8(byte);
  for (; i + 17 <= size; i += 16) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
    const int mask =
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, wanted), _mm_cmpeq_epi8(next, wanted)));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 1 < size; ++i) {
    if (data[i] == byte && data[i + 1] == byte) return i;
  }
  return std::string_view::npos;
}

// True when every byte is printable ASCII (0x20..0x7E) and no two spaces
// are adjacent: text whose title key is its lower case once trimmed.
[[nodiscard]] inline bool is_printable_single_spaced(std::string_view text) noexcept {
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t i = 0;
  bool previous_space = false;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    if (special_bytes_mask(chunk) != 0) return false;
    const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(' '))));
    if ((spaces & (spaces >> 1U)) != 0 || (previous_space && (spaces & 1U) != 0)) return false;
    previous_space = (spaces & 0x8000U) != 0;
  }
#endif
  for (; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    if (is_special_byte(byte) || (byte == ' ' && previous_space)) return false;
    previous_space = byte == ' ';
  }
  return true;
}

[[nodiscard]] constexpr char to_lower_ascii(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Whether NAME ends with SUFFIX, ASCII letters compared without case (file
// name extensions: ".JSON" is ".json"). SUFFIX must be lower case.
[[nodiscard]] constexpr bool ends_with_ignoring_ascii_case(std::string_view name,
                                                           std::string_view suffix) noexcept {
  if (name.size() < suffix.size()) return false;
  const std::string_view tail = name.substr(name.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (to_lower_ascii(tail[i]) != suffix[i]) return false;
  }
  return true;
}

// to_lower_ascii() of eight bytes at once; bytes >= 0x80 are left alone.
[[nodiscard]] constexpr std::uint64_t to_lower_ascii(std::uint64_t word) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t ascii = ~word & kHigh;
  const std::uint64_t at_least_a = (word & ~kHigh) + kOnes * (0x80 - 'A');
  const std::uint64_t above_z = (word & ~kHigh) + kOnes * (0x80 - 'Z' - 1);
  return word | (((at_least_a & ~above_z & ascii) & kHigh) >> 2);
}

}  // namespace digestkit::support
