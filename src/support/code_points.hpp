// Private to the library: asking a question of every code point of UTF-8
// text, decoded with ICU's U8_NEXT.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace digestkit::support {

// The invisible formatting characters that text never needs: zero-width
// spaces and joiners, the word joiner and invisible math operators, U+FEFF
// inside text, the soft hyphen and the bidi marks. `validate` reports them
// (DG207) and `fmt` removes them, so both must ask this one question.
[[nodiscard]] constexpr bool is_invisible_format_character(int c) {
  switch (c) {
    case 0x00AD:  // SOFT HYPHEN
    case 0x061C:  // ARABIC LETTER MARK
    case 0x200B:  // ZERO WIDTH SPACE
    case 0x200C:  // ZERO WIDTH NON-JOINER
    case 0x200D:  // ZERO WIDTH JOINER
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2060:  // WORD JOINER
    case 0x2061:  // FUNCTION APPLICATION
    case 0x2062:  // INVISIBLE TIMES
    case 0x2063:  // INVISIBLE SEPARATOR
    case 0x2064:  // INVISIBLE PLUS
    case 0xFEFF:  // ZERO WIDTH NO-BREAK SPACE (a BOM inside text)
      return true;
    default:
      return false;
  }
}

// Whether pred(c) holds for every code point c of the text, stopping at the
// first that fails. An ill-formed sequence reaches pred as a negative c.
template <class Pred>
[[nodiscard]] bool every_code_point(std::string_view text, Pred&& pred) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (!pred(c)) return false;
  }
  return true;
}

}  // namespace digestkit::support
