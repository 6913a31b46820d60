// display_width(): terminal cells by ICU East Asian Width and category.
#include <gtest/gtest.h>

#include "digestkit/source.hpp"

namespace digestkit {
namespace {

TEST(TextDisplayWidth, Ascii) { EXPECT_EQ(display_width("Authors:"), 8u); }

TEST(TextDisplayWidth, Empty) { EXPECT_EQ(display_width(""), 0u); }

TEST(TextDisplayWidth, WideAndFullwidthAreTwo) {
  EXPECT_EQ(display_width("\xE8\xAE\xBA\xE6\x96\x87\xE6\x88\xAA\xE5\x9B\xBE"), 8u);  // 论文截图
  EXPECT_EQ(display_width("\xEF\xBC\xA1"), 2u);                                      // U+FF21 FULLWIDTH A
  EXPECT_EQ(display_width("\xEF\xBD\xB1"), 1u);  // U+FF71 halfwidth katakana
}

TEST(TextDisplayWidth, ZeroWidthCharacters) {
  EXPECT_EQ(display_width("a\xCC\x81"), 1u);      // combining acute (Mn)
  EXPECT_EQ(display_width("a\xE2\x83\x9D"), 1u);  // combining enclosing circle (Me)
  EXPECT_EQ(display_width("a\xE2\x80\x8B"
                          "b"),
            2u);                                 // ZERO WIDTH SPACE (Cf)
  EXPECT_EQ(display_width("\xE2\x80\xAE"), 0u);  // RIGHT-TO-LEFT OVERRIDE (Cf)
  EXPECT_EQ(display_width("\xEF\xBB\xBF"), 0u);  // ZERO WIDTH NO-BREAK SPACE
}

TEST(TextDisplayWidth, AmbiguousAndNbspAreOne) {
  EXPECT_EQ(display_width("\xC2\xA0"), 1u);  // NBSP
  EXPECT_EQ(display_width("\xC3\xA9"), 1u);  // é
  EXPECT_EQ(display_width("\xCE\xB1"), 1u);  // Greek alpha (ambiguous)
}

TEST(TextDisplayWidth, MalformedBytesCountOneEach) {
  EXPECT_EQ(display_width("a\xFF"
                          "b"),
            3u);
}

}  // namespace
}  // namespace digestkit
