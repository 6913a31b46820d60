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
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "parse/errors/missing-authors.txt:8:1: error: expected \"Authors:\" line after the title [DG103]");
  EXPECT_NE(text.find("\n^\n"), std::string::npos);
}

TEST(Diagnostic, CaretAfterCjkTextUsesDisplayColumns) {
  // The NUL sits after four CJK characters: column 5, display column 9.
  const auto file = digestkit::testing::parse_string(digestkit::testing::bytes("标签\n\n\n2023-01-01 更新\n\n神经辐射\0场\n"));
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
