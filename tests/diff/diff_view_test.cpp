// The text view of `digest diff`: what a reader sees for invisible and
// look-alike characters, links, dates, white space, the summary line,
// identical inputs and colour; and the pairing of two archives each made
// of one top folder (`tar czf v1.tgz v1/`).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

using testing::run_command;
using testing::shell_quote;

std::string fixture(const std::string& name) {
  return shell_quote(testing::testdata("diff/" + name).string());
}

// The view under a UTF-8 locale (arrows and ellipses), without colour.
testing::CommandResult diff_utf8(const std::string& args) {
  return run_command(std::string("LC_ALL=C.UTF-8 NO_COLOR=1 ") + DIGEST_EXE + " diff " + args);
}

const std::string kViewPair = fixture("view-old.txt") + " " + fixture("view-new.txt");

TEST(DiffView, InvisibleCharactersAreSpelled) {
  const auto result = diff_utf8(kViewPair);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("~ Spiral Codes:<U+00A0>Cyclic Contrastive Pre<U+00AD>training for Bird Song\n"),
            std::string::npos)
      << result.out;
  // A Cyrillic "а" looks like the Latin one: content that changed, spelled.
  EXPECT_NE(result.out.find("    authors: removed [-Hana Ostrowski-]; added {+H<U+0430>na Ostrowski+}\n"),
            std::string::npos)
      << result.out;
}

// What fmt repairs by default is layout, not content (docs/diff.md): a
// no-break space for a space, or a decomposed accent for the precomposed
// one, is not a change, though the heading still spells what it shows.
TEST(DiffView, LayoutThatFmtRepairsIsNotAChange) {
  const auto result = diff_utf8(kViewPair);
  EXPECT_EQ(result.out.find("    title:"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("Jose<U+0301>"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("Mar<U+00ED>n"), std::string::npos) << result.out;
}

TEST(DiffView, ExplainCharsNamesThem) {
  const auto result = diff_utf8("--explain-chars " + kViewPair);
  EXPECT_NE(result.out.find("{+H<U+0430 CYRILLIC SMALL LETTER A>na Ostrowski+}"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("Codes:<U+00A0 NO-BREAK SPACE>Cyclic"), std::string::npos) << result.out;
}

TEST(DiffView, LinksAddressesAndArxivIdsAreOneToken) {
  const auto result = diff_utf8(kViewPair);
  EXPECT_NE(result.out.find("    comments: Code: [-https://github.com/rivenlab/spiral-]"
                            "{+https://rivenlab.github.io/spiral+}\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("    comments: 8 pages, [-arXiv:2401.01234v1-]{+arXiv:2401.01234v2+}\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("    comments: contact: [-lab@riven.example-]{+team@riven.example+}\n"),
            std::string::npos)
      << result.out;
}

TEST(DiffView, DatesReadWhole) {
  EXPECT_NE(diff_utf8(kViewPair).out.find("\ndate: 2024-01-24 → 2024-01-27\n"), std::string::npos);
  const auto ascii = run_command(std::string("LC_ALL=C NO_COLOR=1 ") + DIGEST_EXE + " diff " + kViewPair);
  EXPECT_NE(ascii.out.find("\ndate: 2024-01-24 -> 2024-01-27\n"), std::string::npos) << ascii.out;
}

TEST(DiffView, WhiteSpaceOnlyPiecesAreHiddenUnlessAsked) {
  const auto result = diff_utf8(kViewPair);
  // "speech  separation" gained a space; "small" became "tiny" in another entry.
  EXPECT_EQ(result.out.find("{+ +}"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("[- -]{+  +}"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("    abstract: white space only (--whitespace shows it)\n"), std::string::npos)
      << result.out;
  const auto shown = diff_utf8("--whitespace " + kViewPair);
  EXPECT_NE(shown.out.find("speech {+ +}separation"), std::string::npos) << shown.out;
}

TEST(DiffView, SummaryIsAsciiWithTheUnchangedCount) {
  const auto result = run_command(std::string("LC_ALL=C NO_COLOR=1 ") + DIGEST_EXE + " diff " + kViewPair);
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')), "+0 -0 ~3 =1 entries");
  const auto stat = diff_utf8("--stat " + fixture("base.txt") + " " + fixture("edited.txt"));
  EXPECT_EQ(stat.out, "+1 -1 ~5 =0 entries\n");
}

TEST(DiffView, IdenticalInputsPrintNothing) {
  const auto same = diff_utf8(fixture("base.txt") + " " + fixture("base.txt"));
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_EQ(same.out, "");
  EXPECT_EQ(same.err, "");
  const auto stat = diff_utf8("--stat " + fixture("base.txt") + " " + fixture("base.txt"));
  EXPECT_EQ(stat.exit_code, 0);
  EXPECT_EQ(stat.out.substr(0, 12), "+0 -0 ~0 =6 ");
  const auto tree = testing::testdata("diff/tree-old").string();
  EXPECT_EQ(diff_utf8(shell_quote(tree) + " " + shell_quote(tree)).out, "");
}

TEST(DiffView, ColourReplacesTheMarkers) {
  const auto result = diff_utf8("--color=always " + kViewPair);
  EXPECT_NE(result.out.find("comments: Code: \x1b[31mhttps://github.com/rivenlab/spiral\x1b[m"
                            "\x1b[32mhttps://rivenlab.github.io/spiral\x1b[m\n"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("[-"), std::string::npos);
  EXPECT_EQ(result.out.find("{+"), std::string::npos);
}

TEST(DiffView, AdjacentEditsMerge) {
  const auto result = diff_utf8(kViewPair);
  EXPECT_NE(result.out.find("[-small-]{+tiny+}"), std::string::npos) << result.out;
}

// Two archives made the ordinary way, `tar czf v1.tgz v1/`: their members
// are v1/... and v2/..., paired once the top folder is stripped.
TEST(DiffView, ArchivesOfOneTopFolderEachArePaired) {
  const auto dir = testing::make_temp_dir("diff-top-folders");
  for (const std::string side : {"v1", "v2"}) {
    std::filesystem::create_directories(dir / side);
    const std::string tree = side == "v1" ? "tree-old" : "tree-new";
    std::filesystem::copy(testing::testdata("diff/" + tree), dir / side,
                          std::filesystem::copy_options::recursive);
    ASSERT_EQ(run_command("cd " + shell_quote(dir.string()) + " && tar czf " + side + ".tgz " + side + "/")
                  .exit_code,
              0);
  }
  const auto v1 = shell_quote((dir / "v1.tgz").string());
  const auto v2 = shell_quote((dir / "v2.tgz").string());
  const auto result = diff_utf8(v1 + " " + v2);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "+1 -1 ~5 =1 entries in 3 of 4 files (1 only in old, 1 only in new)")
      << result.out;
  EXPECT_NE(result.out.find(":v1/a.txt " + (dir / "v2.tgz").string() + ":v2/a.txt\n"), std::string::npos)
      << result.out;
  // The same folders compared as directories pair the same way.
  const auto dirs =
      diff_utf8("--stat " + shell_quote(dir.string() + "/v1") + " " + shell_quote(dir.string() + "/v2"));
  EXPECT_EQ(dirs.out.substr(0, dirs.out.find('\n')),
            "+1 -1 ~5 =1 entries in 3 of 4 files (1 only in old, 1 only in new)");
  // Explicitly: nothing stripped pairs nothing; two folders stripped leave
  // members at the top with nothing to strip.
  const auto none = diff_utf8("--stat --strip-components 0 " + v1 + " " + v2);
  EXPECT_NE(none.out.find("in 6 of 6 files (3 only in old, 3 only in new)"), std::string::npos) << none.out;
  const auto two = diff_utf8("--strip-components 2 " + v1 + " " + v2);
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("v1/a.txt: not compared: fewer than 2 folders to strip"), std::string::npos)
      << two.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace digestkit
