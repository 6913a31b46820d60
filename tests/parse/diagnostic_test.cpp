// Rendering: clang-style header, the source line, and a caret placed by
// display column (CJK characters are two cells wide).
#include <gtest/gtest.h>

#include "digestkit/diagnostic.hpp"
#include "parse_test_util.hpp"

TEST(Diagnostic, RendersClangStyleWithCaret) {
  const auto file = digestkit::testing::parse_fixture("parse/errors/missing-authors.txt");
  const auto diagnostics = digestkit::errors_of(file);
  ASSERT_EQ(diagnostics.size(), 1u);
  const std::string text = digestkit::render_text(diagnostics[0], file.source.get());
  EXPECT_EQ(
      text.substr(0, text.find('\n')),
      "parse/errors/missing-authors.txt:8:1: error: expected \"Authors:\" line after the title [DG103]");
  EXPECT_NE(text.find("\n^\n"), std::string::npos);
}

TEST(Diagnostic, CaretAfterCjkTextUsesDisplayColumns) {
  // The NUL sits after four CJK characters: column 5, display column 9.
  const auto file = digestkit::testing::parse_string(
      digestkit::testing::bytes("标签\n\n\n2023-01-01 更新\n\n神经辐射\0场\n"));
  const auto diagnostics = digestkit::errors_of(file);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].location.column, 5u);
  EXPECT_EQ(diagnostics[0].location.display_column, 9u);
  const std::string text = digestkit::render_text(diagnostics[0], file.source.get());
  EXPECT_NE(text.find("\n        ^\n"), std::string::npos) << text;
}

TEST(Diagnostic, ColourOnlyWhenAsked) {
  const auto file = digestkit::testing::parse_fixture("parse/errors/missing-authors.txt");
  const auto d = digestkit::errors_of(file).at(0);
  EXPECT_EQ(digestkit::render_text(d, file.source.get()).find('\x1b'), std::string::npos);
  EXPECT_NE(digestkit::render_text(d, file.source.get(), {.color = true}).find('\x1b'), std::string::npos);
}

TEST(Diagnostic, InvisibleAndReorderingCharactersAreSpelledOut) {
  // U+202E (right-to-left override) and U+200B (zero-width space) before the
  // offending column: the echoed line spells them out and the caret follows.
  const digestkit::SourceText source("x.txt", "ab\u202Ec\u200Bd\n");
  digestkit::Diagnostic d;
  d.code = "DG209";
  d.path = "x.txt";
  d.message = "bidi control";
  d.location = source.locate(std::string_view("ab\u202Ec\u200B").size());
  ASSERT_EQ(d.location.column, 6u);
  const std::string text = digestkit::render_text(d, &source);
  EXPECT_NE(text.find("\nab<U+202E>c<U+200B>d\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n" + std::string(2 + 8 + 1 + 8, ' ') + "^\n"), std::string::npos) << text;
}
