// unified_diff: exact output for known cases, and the same hunks as GNU
// diff -u on texts whose shortest edit is unambiguous.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "digestkit/format.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

std::string numbered_lines(int count, const std::string& suffix = "\n") {
  std::string text;
  for (int i = 1; i <= count; ++i) text += "line " + std::to_string(i) + suffix;
  return text;
}

std::string replace_line(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

std::string gnu_diff(const std::string& old_text, const std::string& new_text) {
  const auto dir = testing::make_temp_dir("fmt-gnu-diff");
  testing::write_file(dir / "old", old_text);
  testing::write_file(dir / "new", new_text);
  const auto result = testing::run_command("diff -u --label old --label new " + (dir / "old").string() + " " +
                                           (dir / "new").string());
  std::filesystem::remove_all(dir);
  EXPECT_NE(result.exit_code, 2) << result.err;
  return result.out;
}

TEST(UnifiedDiff, EqualTextsHaveNoDiff) { EXPECT_EQ(unified_diff("a\nb", "a\nb", "old", "new"), ""); }

TEST(UnifiedDiff, OneChangedLineWithContext) {
  const std::string old_text = numbered_lines(10);
  const std::string new_text = replace_line(old_text, "line 5\n", "line five\n");
  EXPECT_EQ(
      unified_diff(old_text, new_text, "a.txt", "a.txt (formatted)"),
      "--- a.txt\n+++ a.txt (formatted)\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n"
      " line 6\n line 7\n line 8\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb", "old", "new"),
            "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, ColourOnlyWhenAsked) {
  const std::string plain = unified_diff("a\n", "b\n", "old", "new");
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  const std::string coloured = unified_diff("a\n", "b\n", "old", "new", {3, true});
  EXPECT_NE(coloured.find("\x1b[31m-a\x1b[0m\n"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\x1b[32m+b\x1b[0m\n"), std::string::npos) << coloured;
}

TEST(UnifiedDiff, MatchesGnuDiff) {
  const std::string base = numbered_lines(40);
  struct Case {
    std::string old_text, new_text;
  } cases[] = {
      {base, replace_line(base, "line 20\n", "line twenty\n")},
      {base, replace_line(replace_line(base, "line 3\n", "line three\n"), "line 30\n", "line thirty\n")},
      {base, replace_line(replace_line(base, "line 10\n", "line ten\n"), "line 16\n", "line sixteen\n")},
      {base, replace_line(replace_line(base, "line 10\n", "line ten\n"), "line 18\n", "line eighteen\n")},
      {base, replace_line(base, "line 1\n", "")},
      {base, base + "line 41\nline 42"},
      {"", "a\nb\n"},
      {"a\nb\n", ""},
      {base, replace_line(base, "line 7\nline 8\nline 9\n", "seven\neight\n")},
      {numbered_lines(6, "\r\n"), numbered_lines(6)},
      {base.substr(0, base.size() - 1), base},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(unified_diff(c.old_text, c.new_text, "old", "new"), gnu_diff(c.old_text, c.new_text))
        << "old:\n"
        << c.old_text << "\nnew:\n"
        << c.new_text;
  }
}

}  // namespace
}  // namespace digestkit
