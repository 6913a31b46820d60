// visible_text: which characters are spelled, how, and what stays as it is.
#include <gtest/gtest.h>

#include "digestkit/visible_text.hpp"

namespace digestkit {
namespace {

TEST(VisibleText, PlainAndScriptTextIsUnchanged) {
  for (const std::string text : {"Sparse Rewards (v2): 3D", "降低计算成本", "Bjørn Halvorsen", "Ελληνικά",
                                 "हिन्दी", "❤️ emoji with variation selector", "한국어"}) {
    EXPECT_FALSE(needs_spelling(text)) << text;
    EXPECT_EQ(visible_text(text), text);
  }
}

TEST(VisibleText, InvisibleCharactersAreSpelled) {
  EXPECT_EQ(visible_text("Hri\u200btam"), "Hri<U+200B>tam");
  EXPECT_EQ(visible_text("CyCLIP:\u00a0Cyclic"), "CyCLIP:<U+00A0>Cyclic");
  EXPECT_EQ(visible_text("a\tb\r"), "a<U+0009>b<U+000D>");
  EXPECT_EQ(visible_text("\u202eevil"), "<U+202E>evil");
  EXPECT_EQ(visible_text("x\u3000y"), "x<U+3000>y");      // ideographic space
  EXPECT_EQ(visible_text("\xef\xbb\xbfz"), "<U+FEFF>z");  // BOM
  EXPECT_EQ(visible_text("bad \xff byte"), "bad <?> byte");
}

TEST(VisibleText, DecomposedAccentsAreSpelledPrecomposedAreNot) {
  EXPECT_EQ(visible_text("Jose\u0301"), "Jose<U+0301>");
  EXPECT_EQ(visible_text("Jos\u00e9"), "Jos\u00e9");
  // A mark with nothing to compose with is how the script is written.
  EXPECT_EQ(visible_text("\u0915\u093f"), "\u0915\u093f");
}

TEST(VisibleText, NamesOnRequest) {
  VisibleTextOptions options;
  options.names = true;
  EXPECT_EQ(visible_text("a\u200bb", options), "a<U+200B ZERO WIDTH SPACE>b");
  EXPECT_EQ(visible_text("a\tb", options), "a<U+0009 control>b");
  EXPECT_EQ(describe_code_point(0x202E), "U+202E RIGHT-TO-LEFT OVERRIDE");
}

TEST(VisibleText, LengthLimit) {
  VisibleTextOptions options;
  options.max_chars = 3;
  EXPECT_EQ(visible_text("abcdef", options), "abc…");
}

TEST(VisibleText, LookAlikes) {
  EXPECT_TRUE(look_alike("Vaswani", "V\u0430swani"));  // Cyrillic а
  EXPECT_FALSE(look_alike("Vaswani", "Vaswani"));
  EXPECT_FALSE(look_alike("Vaswani", "Vasvani"));
  std::string spelled;
  append_spelled_non_ascii(spelled, "V\u0430swani");
  EXPECT_EQ(spelled, "V<U+0430>swani");
}

}  // namespace
}  // namespace digestkit
