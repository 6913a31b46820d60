// `digest diff --side-by-side`: rows fitted by display width (CJK two
// cells), wrapped at ICU line breaks, entry-aligned columns, markers and
// colours as in the text view, unchanged entries counted or shown; and the
// pager of the text views (run under a pseudo-terminal with script(1)).
#include <gtest/gtest.h>

#include <unicode/utf8.h>

#include <sstream>
#include <string>
#include <vector>

#include "diff/columns.hpp"
#include "digestkit/source.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

using diff_detail::ColumnRow;
using diff_detail::Piece;
using diff_detail::PieceKind;
using diff_detail::WrapOptions;

std::string row_text(const ColumnRow& row) {
  std::string out;
  for (const auto& piece : row.pieces) {
    if (piece.kind == PieceKind::Same) out += piece.text;
    if (piece.kind == PieceKind::Removed) out += "[-" + piece.text + "-]";
    if (piece.kind == PieceKind::Added) out += "{+" + piece.text + "+}";
  }
  return out;
}

std::vector<ColumnRow> wrap(const std::vector<Piece>& pieces, std::size_t width, std::size_t indent = 0) {
  WrapOptions options;
  options.width = width;
  options.indent = indent;
  return diff_detail::wrap_pieces(pieces, options);
}

TEST(SideBySideColumns, WrapsAtWordBoundariesWithinTheWidth) {
  const auto rows =
      wrap({{PieceKind::Same, "We compress the decoder into a lattice of experts", false}}, 16, 2);
  std::vector<std::string> texts;
  for (const auto& row : rows) {
    texts.push_back(row_text(row));
    EXPECT_EQ(row.width, display_width(row_text(row)));
    EXPECT_LE(row.width, 16U);
  }
  EXPECT_EQ(texts,
            (std::vector<std::string>{"We compress the", "  decoder into a", "  lattice of", "  experts"}));
}

TEST(SideBySideColumns, ChineseTakesTwoCellsAndBreaksBetweenCharacters) {
  const auto rows = wrap({{PieceKind::Same, "我们提出了一种新的图像修复方法", false}}, 9);
  ASSERT_GT(rows.size(), 1U);
  for (const auto& row : rows) {
    EXPECT_LE(row.width, 9U) << row_text(row);
    EXPECT_EQ(row.width, display_width(row_text(row)));
    EXPECT_EQ(row.width % 2, 0U);  // no character cut in half
  }
  EXPECT_EQ(row_text(rows[0]), "我们提出");
}

TEST(SideBySideColumns, AMarkedRunCutByARowEndIsReopened) {
  const auto rows =
      wrap({{PieceKind::Same, "kept ", false}, {PieceKind::Removed, "old words here", false}}, 14);
  std::vector<std::string> texts;
  for (const auto& row : rows) texts.push_back(row_text(row));
  EXPECT_EQ(texts, (std::vector<std::string>{"kept [-old-]", "[-words here-]"}));
  for (const auto& row : rows) EXPECT_EQ(row.width, display_width(row_text(row)));
}

TEST(SideBySideColumns, AWordWiderThanTheRowIsCut) {
  const auto rows = wrap({{PieceKind::Same, "https://example.org/a-very-long-path", false}}, 10);
  for (const auto& row : rows) EXPECT_LE(row.width, 10U) << row_text(row);
  std::string joined;
  for (const auto& row : rows) joined += row_text(row);
  EXPECT_EQ(joined, "https://example.org/a-very-long-path");
}

// ---- The command ---------------------------------------------------------

std::string fixture(const std::string& name) {
  return testing::shell_quote(testing::testdata("diff/" + name).string());
}

const std::string kViewPair = fixture("view-old.txt") + " " + fixture("view-new.txt");
const std::string kHtmlPair = fixture("html-old.txt") + " " + fixture("html-new.txt");
const std::string kEditedPair = fixture("base.txt") + " " + fixture("edited.txt");

testing::CommandResult side_by_side(const std::string& args) {
  return testing::run_command(std::string("LC_ALL=C.UTF-8 NO_COLOR=1 ") + DIGEST_EXE + " diff -y " + args);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The text of a line from display cell `from` on (empty when shorter).
std::string from_cell(const std::string& line, std::size_t from) {
  std::size_t cells = 0;
  const auto length = static_cast<std::int32_t>(line.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(line.data(), i, length, c);
    if (cells >= from) return line.substr(static_cast<std::size_t>(begin));
    cells += display_width(line.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
  }
  return {};
}

// Every row fits the width and has its gutter at the same cell: the
// columns stay aligned whatever the scripts.
void expect_aligned(const std::string& out, std::size_t width) {
  const std::size_t left = (width - 3) / 2;
  bool saw_gutter = false;
  for (const auto& line : lines_of(out)) {
    EXPECT_LE(display_width(line), width) << line;
    const std::string rest = from_cell(line, left);
    if (rest.empty() || line.rfind("(", 0) == 0) continue;
    const std::string gutter = rest.substr(0, 3);
    EXPECT_TRUE(gutter == "   " || gutter == " | " || gutter == " < " || gutter == " > " ||
                rest.rfind(" ↕ ", 0) == 0 || rest == " |" || rest == " <")
        << "gutter not at cell " << left << ": " << line;
    saw_gutter = saw_gutter || gutter == " | ";
  }
  EXPECT_TRUE(saw_gutter) << out;
}

TEST(SideBySide, ColumnsAlignForEveryWidth) {
  for (const std::size_t width : {60U, 80U, 130U}) {
    for (const auto& pair : {kViewPair, kHtmlPair, kEditedPair}) {
      const auto result = side_by_side("--moves --width " + std::to_string(width) + " " + pair);
      EXPECT_EQ(result.exit_code, 1) << result.err;
      expect_aligned(result.out, width);
    }
  }
}

TEST(SideBySide, WidthComesFromColumnsWithoutTheOption) {
  const auto result = testing::run_command(std::string("LC_ALL=C.UTF-8 NO_COLOR=1 COLUMNS=70 ") + DIGEST_EXE +
                                           " diff -y " + kEditedPair);
  expect_aligned(result.out, 70);
  // Not a terminal and no COLUMNS: 130.
  const auto wide = testing::run_command(std::string("LC_ALL=C.UTF-8 NO_COLOR=1 env -u COLUMNS ") +
                                         DIGEST_EXE + " diff --side-by-side " + kEditedPair);
  expect_aligned(wide.out, 130);
}

TEST(SideBySide, WordChangesAreMarkedOnTheirSide) {
  const auto result = side_by_side("--width 130 " + kViewPair);
  EXPECT_NE(result.out.find("lattice of [-small-] experts"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("lattice of {+tiny+} experts"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("date: [-2024-01-24-]"), std::string::npos) << result.out;
  // Spelled as the text view does.
  EXPECT_NE(result.out.find("Spiral Codes:<U+00A0>Cyclic"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("{+H<U+0430>na Ostrowski+}"), std::string::npos) << result.out;
  // The old column of a line holds the old text, the new column the new.
  for (const auto& line : lines_of(result.out)) {
    if (line.find("[-small-]") == std::string::npos) continue;
    EXPECT_NE(from_cell(line, 63).find("{+tiny+}"), std::string::npos) << line;
    EXPECT_EQ(from_cell(line, 63).find("[-"), std::string::npos) << line;
  }
}

TEST(SideBySide, ColourReplacesTheMarkers) {
  const auto result = testing::run_command(std::string("LC_ALL=C.UTF-8 ") + DIGEST_EXE +
                                           " diff -y --color=always --width 130 " + kViewPair);
  EXPECT_NE(result.out.find("\x1b[31msmall\x1b[m"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\x1b[32mtiny\x1b[m"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("[-small-]"), std::string::npos);
}

TEST(SideBySide, UnchangedEntriesAreCountedOrShown) {
  const auto counted = side_by_side(kViewPair);
  EXPECT_NE(counted.out.find("\n(1 unchanged entry)\n"), std::string::npos) << counted.out;
  EXPECT_EQ(counted.out.find("Tonal Drift"), std::string::npos);
  const auto shown = side_by_side("--show-unchanged --width 100 " + kViewPair);
  EXPECT_NE(
      shown.out.find("Tonal Drift in Sung Mandarin                       Tonal Drift in Sung Mandarin\n"),
      std::string::npos)
      << shown.out;
}

TEST(SideBySide, EntriesOnOneSideAndRetitledOnes) {
  const auto result = side_by_side("--moves --width 100 " + kHtmlPair);
  EXPECT_NE(result.out.find("Paper Lanterns: Lighting Estimation from One     <"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find(" > Snow Globes: Bounded Scenes"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("(retitled, 80% similar)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("(moved 2 → 3)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" ↕ Tidal Samplers"), std::string::npos) << result.out;
}

TEST(SideBySide, DoesNotGoWithOtherFormats) {
  const auto result = side_by_side("--format json " + kViewPair);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--side-by-side"), std::string::npos) << result.err;
}

// ---- The pager -----------------------------------------------------------

// The command under a pseudo-terminal (script -e gives its exit status).
testing::CommandResult on_terminal(const std::string& environment, const std::string& args) {
  const std::string command = "env -u PAGER -u DIGEST_PAGER LC_ALL=C.UTF-8 NO_COLOR=1 " + environment + " " +
                              DIGEST_EXE + " diff " + args;
  return testing::run_command("script -qec " + testing::shell_quote(command) + " /dev/null");
}

TEST(DiffPager, TextViewsArePagedOnATerminal) {
  const auto text = on_terminal("DIGEST_PAGER='sed s/^/PAGED:/'", kViewPair);
  EXPECT_EQ(text.exit_code, 1) << text.out << text.err;
  EXPECT_NE(text.out.find("PAGED:+0 -0 ~3 =1 entries"), std::string::npos) << text.out;
  const auto columns = on_terminal("DIGEST_PAGER='sed s/^/PAGED:/'", "-y " + kViewPair);
  EXPECT_NE(columns.out.find("PAGED:Spiral Codes"), std::string::npos) << columns.out;
  // PAGER when DIGEST_PAGER is not set.
  const auto pager = on_terminal("PAGER='sed s/^/PAGER:/'", kViewPair);
  EXPECT_NE(pager.out.find("PAGER:+0 -0 ~3"), std::string::npos) << pager.out;
}

TEST(DiffPager, NotWithNoPagerJsonOrAPipe) {
  const auto off = on_terminal("DIGEST_PAGER='sed s/^/PAGED:/'", "--no-pager " + kViewPair);
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_EQ(off.out.find("PAGED:"), std::string::npos) << off.out;
  EXPECT_NE(off.out.find("+0 -0 ~3"), std::string::npos) << off.out;
  const auto json = on_terminal("DIGEST_PAGER='sed s/^/PAGED:/'", "--format json " + kViewPair);
  EXPECT_EQ(json.out.find("PAGED:"), std::string::npos) << json.out;
  const auto piped = testing::run_command(std::string("DIGEST_PAGER='sed s/^/PAGED:/' NO_COLOR=1 ") +
                                          DIGEST_EXE + " diff " + kViewPair);
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(piped.out.find("PAGED:"), std::string::npos) << piped.out;
}

TEST(DiffPager, APagerThatCannotStartLeavesTheOutputPrinted) {
  const auto result = on_terminal("DIGEST_PAGER=/nonexistent/pager", kViewPair);
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_NE(result.out.find("+0 -0 ~3 =1 entries"), std::string::npos) << result.out;
  // A pager that quits without reading: the exit status is the diff's.
  const auto quits = on_terminal("DIGEST_PAGER=true", kViewPair);
  EXPECT_EQ(quits.exit_code, 1) << quits.out;
  const auto same =
      on_terminal("DIGEST_PAGER='sed s/^/PAGED:/'", fixture("view-old.txt") + " " + fixture("view-old.txt"));
  EXPECT_EQ(same.exit_code, 0) << same.out;
}

}  // namespace
}  // namespace digestkit
