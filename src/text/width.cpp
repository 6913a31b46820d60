// Terminal display width from ICU's East Asian Width and general category.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "digestkit/source.hpp"
#include "text_detail.hpp"

namespace digestkit {

int text_detail::code_point_width(std::int32_t c) {
  if (c < 0x80) return 1;
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  // Default-ignorable code points (variation selectors, Hangul fillers, ...)
  // and conjoining medial vowels and final consonants take no cell of their own.
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 0;
  const int jamo = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
  if (jamo == U_HST_VOWEL_JAMO || jamo == U_HST_TRAILING_JAMO) return 0;
  const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) {
  const char* s = utf8.data();
  const auto length = static_cast<std::int64_t>(utf8.size());
  std::size_t cells = 0;
  for (std::int64_t i = 0; i < length;) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++cells;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    cells += c < 0 ? 1 : static_cast<std::size_t>(text_detail::code_point_width(c));
  }
  return cells;
}

}  // namespace digestkit
