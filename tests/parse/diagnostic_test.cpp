// Rendering: clang-style header, the source line, and a caret placed by
// display column (CJK characters are two cells wide).
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "digestkit/diagnostic.hpp"
#include "digestkit/shown_name.hpp"
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

namespace {

// The two lines under the header: the shown source and the caret line.
std::pair<std::string, std::string> shown_lines(const std::string& rendered) {
  const auto first = rendered.find('\n') + 1;
  const auto second = rendered.find('\n', first) + 1;
  return {rendered.substr(first, second - 1 - first),
          rendered.substr(second, rendered.find('\n', second) - second)};
}

digestkit::Diagnostic at_offset(const digestkit::SourceText& source, std::size_t offset) {
  digestkit::Diagnostic d;
  d.code = "DG112";
  d.path = "x.txt";
  d.message = "here";
  d.location = source.locate(offset);
  return d;
}

}  // namespace

TEST(Diagnostic, LongLineIsShownAsAWindowAroundTheColumn) {
  // 5 MB of text on one line: the report stays short (it once repeated the
  // line and a caret line as wide).
  std::string line;
  for (int i = 0; line.size() < 5'000'000; ++i) line += "word" + std::to_string(i) + ' ';
  const std::size_t middle = line.find(' ', line.size() / 2) + 1;
  line.insert(middle, "HERE");
  const digestkit::SourceText source("x.txt", line + "\n");
  const std::string text = digestkit::render_text(at_offset(source, middle), &source);
  EXPECT_LT(text.size(), 400U);
  const auto [shown, caret] = shown_lines(text);
  ASSERT_TRUE(shown.starts_with("…")) << shown;
  ASSERT_TRUE(shown.ends_with("…")) << shown;
  // The caret stands under the H of HERE ("…" is one cell).
  EXPECT_EQ(caret, std::string(caret.size() - 1, ' ') + "^");
  const std::string_view plain(shown);
  EXPECT_EQ(plain.substr(caret.size() - 1 + (std::string_view("…").size() - 1), 4), "HERE") << shown;
  EXPECT_LE(digestkit::display_width(shown), 102U);

  // At the start and at the end of the line only one side is cut.
  const auto [start, start_caret] = shown_lines(digestkit::render_text(at_offset(source, 0), &source));
  EXPECT_FALSE(start.starts_with("…"));
  EXPECT_TRUE(start.ends_with("…"));
  EXPECT_EQ(start_caret, "^");
  const auto [end, end_caret] = shown_lines(digestkit::render_text(at_offset(source, line.size()), &source));
  EXPECT_TRUE(end.starts_with("…"));
  EXPECT_FALSE(end.ends_with("…"));
  EXPECT_EQ(end_caret.size(), digestkit::display_width(end) + 1);
}

TEST(Diagnostic, WindowCountsWideCharactersAndEscapes) {
  std::string line;
  for (int i = 0; i < 400; ++i) line += "神经\u202E";
  const digestkit::SourceText source("x.txt", line + "\n");
  const std::size_t offset = std::string_view("神经\u202E").size() * 200;
  const auto [shown, caret] = shown_lines(digestkit::render_text(at_offset(source, offset), &source));
  EXPECT_TRUE(shown.starts_with("…"));
  EXPECT_LE(digestkit::display_width(shown), 102U);
  // The caret stands right after whole characters, under the 神 that
  // starts group 201, with up to 50 cells before it: whole characters, the
  // widest an escape of 8 cells ("…" and the caret add one each).
  EXPECT_GE(caret.size(), 2U + 50U - 8U);
  EXPECT_LE(caret.size(), 2U + 50U);
  EXPECT_EQ(caret.back(), '^');
  EXPECT_TRUE(shown.ends_with("…"));
}

TEST(Diagnostic, ShortLinesAreShownWhole) {
  const std::string line(100, 'x');
  const digestkit::SourceText source("x.txt", line + "\n");
  const auto [shown, caret] = shown_lines(digestkit::render_text(at_offset(source, 99), &source));
  EXPECT_EQ(shown, line);
  EXPECT_EQ(caret, std::string(99, ' ') + "^");
}

TEST(Diagnostic, FileNamesAreQuotedLikeGit) {
  EXPECT_EQ(digestkit::quoted_name("posts/a b.txt"), "posts/a b.txt");
  EXPECT_EQ(digestkit::quoted_name("帖子/光谱.txt"), "帖子/光谱.txt");
  EXPECT_EQ(digestkit::quoted_name("a\nx.txt:1:1: error: forged"), "\"a\\nx.txt:1:1: error: forged\"");
  EXPECT_EQ(digestkit::quoted_name("\x1b[2Jx.txt"), "\"\\033[2Jx.txt\"");
  EXPECT_EQ(digestkit::quoted_name("caf\xe9.txt"), "\"caf\\351.txt\"");  // Latin-1, not UTF-8
  EXPECT_EQ(digestkit::quoted_name("a\"b\\c\t"), "\"a\\\"b\\\\c\\t\"");

  const digestkit::SourceText source("x.txt", "text\n");
  auto d = at_offset(source, 0);
  d.path = "evil\n.txt";
  const std::string text = digestkit::render_text(d, &source);
  EXPECT_TRUE(text.starts_with("\"evil\\n.txt\":1:1: error: here [DG112]\n")) << text;
}

TEST(Diagnostic, Utf8NamesReplaceInvalidBytes) {
  EXPECT_EQ(digestkit::utf8_name("帖子/a.txt"), "帖子/a.txt");
  EXPECT_EQ(digestkit::utf8_name("caf\xe9.txt"), "caf\uFFFD.txt");
  EXPECT_EQ(digestkit::utf8_name("\xff\xfe"), "\uFFFD\uFFFD");
  EXPECT_EQ(digestkit::utf8_name("a\nb"), "a\nb");  // the JSON writers escape it
}
