// A matching primitive: the rest of a line's text, found 16 bytes at a time.
// Abstracts are most of a digest's bytes; scanning them one PEG step per byte
// was the parser's hot spot.
#pragma once

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace digestkit::grammar {

// The first of CR, LF, NUL and the extra stop bytes in [p, end), or end.
template <char... Stops>
[[nodiscard]] inline const char* find_line_break(const char* p, const char* end) noexcept {
#if defined(__SSE2__)
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i nul = _mm_setzero_si128();
  while (end - p >= 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, cr), _mm_cmpeq_epi8(chunk, lf)),
                                _mm_cmpeq_epi8(chunk, nul));
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(Stops)))), ...);
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p != end && *p != '\r' && *p != '\n' && *p != '\0' && ((*p != Stops) && ...)) ++p;
  return p;
}

// Equivalent to star<not_one<'\r', '\n', '\0', Stops...>>: always succeeds.
template <char... Stops>
struct chars_until_break {
  using rule_t = chars_until_break;
  using subs_t = tao::pegtl::type_list<>;

  template <typename ParseInput>
  static bool match(ParseInput& in) noexcept {
    const char* stop = find_line_break<Stops...>(in.current(), in.end());
    in.bump_in_this_line(static_cast<std::size_t>(stop - in.current()));
    return true;
  }
};

// The rest of a line's text.
using line_chars = chars_until_break<>;

}  // namespace digestkit::grammar

template <typename Name, char... Stops>
struct tao::pegtl::analyze_traits<Name, digestkit::grammar::chars_until_break<Stops...>>
    : analyze_opt_traits<> {};
