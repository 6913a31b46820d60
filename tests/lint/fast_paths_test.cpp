// The rules' fast paths give the findings of the general ones: DG307's
// pairwise compare of plain names against ICU-built keys (and its hashed
// path for long author lists), the NFC quick-check shortcut of DG208, and linting
// input that is taken over rather than copied.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "digestkit/lint.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

lint::Options options() {
  return lint::Options{
      std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::month{6}, std::chrono::day{1}}};
}

std::string digest_with(std::string_view title, std::string_view authors) {
  return "机器学习\n\n\n2023-05-04 更新\n\n" + std::string(title) + "\n\nAuthors:" + std::string(authors) +
         "\n\nAn abstract.\nPDF\n\n论文截图\n\n文章作者: Ilse\n版权声明: 本博客所有文章除特別声明外,均采用 "
         "CC "
         "BY 4.0 许可协议。转载请注明来源 Ilse !\n\u00a0\u00a0目录";
}

// "line:column message" of each finding of `code`.
std::vector<std::string> findings(const std::string& text, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& d : lint::lint_bytes(text, "t.txt", lint::Policy{}, options()).diagnostics) {
    if (d.code == code)
      out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
                    d.message);
  }
  return out;
}

std::vector<std::string> repeated_authors(std::string_view authors) {
  return findings(digest_with("A Title", authors), "DG307");
}

TEST(RepeatedAuthors, PlainNamesDifferingInCase) {
  EXPECT_EQ(repeated_authors("Ann Lee, ANN LEE"),
            std::vector<std::string>{"8:18 author \"ANN LEE\" is listed twice (also author 1)"});
}

TEST(RepeatedAuthors, SpacingCollapsesInTheKey) {
  EXPECT_EQ(repeated_authors("Ann Lee, Ann  Lee"),
            std::vector<std::string>{"8:18 author \"Ann  Lee\" is listed twice (also author 1)"});
}

TEST(RepeatedAuthors, NonAsciiNamesAreCaseFolded) {
  EXPECT_EQ(repeated_authors("José Díaz, JOSÉ DÍAZ").size(), 1u);
  // NFKC: full-width letters are the same name.
  EXPECT_EQ(repeated_authors("Ann Lee, \uff21\uff4e\uff4e \uff2c\uff45\uff45").size(), 1u);
  // A zero-width space is dropped from the key (and reported by DG207).
  EXPECT_EQ(repeated_authors("Ann Lee, Ann\u200b Lee").size(), 1u);
}

TEST(RepeatedAuthors, AccentedNamesCompareWithoutBuiltKeys) {
  EXPECT_EQ(repeated_authors("Gorqu\u00fc Mithipe, gorqu\u00fc mithipe").size(), 1u);
  EXPECT_EQ(repeated_authors("Gorqu\u00fc Mithipe, GORQU\u00dc MITHIPE").size(), 1u);  // one built
  EXPECT_EQ(repeated_authors("Gorqu\u00fc Mithipe, Gorquu Mithipe").size(), 0u);
  EXPECT_EQ(repeated_authors("Mithipe Gorqu\u00fc, Mithipe Gorqu\u00fd").size(), 0u);  // same prefix
}

TEST(RepeatedAuthors, SameLengthAndPrefixIsNotEnough) {
  EXPECT_TRUE(repeated_authors("Annabel Lee, Annabel Lea").empty());
  EXPECT_TRUE(repeated_authors("Jo Ko, Jo Ka, José Díaz, Jose Diaz").empty());
}

TEST(RepeatedAuthors, EveryRepeatNamesTheFirstOccurrence) {
  EXPECT_EQ(repeated_authors("Ann Lee, Bo Chen, ann lee, ANN LEE"),
            (std::vector<std::string>{"8:27 author \"ann lee\" is listed twice (also author 1)",
                                      "8:36 author \"ANN LEE\" is listed twice (also author 1)"}));
}

TEST(RepeatedAuthors, LongCollaborationListsAreCheckedToo) {
  std::string authors;
  for (int i = 0; i < 40; ++i) authors += "Member" + std::to_string(i) + " Team, ";
  authors += "MEMBER7 TEAM";
  const auto found = repeated_authors(authors);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("(also author 8)"), std::string::npos) << found[0];
}

TEST(NotNfc, CompatibilityIdeographAmongInertCjkIsFound) {
  // U+F900 normalises to U+8C48; the characters around it are stable under NFC.
  const auto found = findings(digest_with("机器\uf900学习 Title", "Ann Lee"), "DG208");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, 4), "6:3 ");
}

TEST(NotNfc, CombiningMarkAfterAStableLetterIsFound) {
  EXPECT_TRUE(findings(digest_with("A Title", "Zo\u00eb Lind"), "DG208").empty());
  // "e" + U+0308 composes to U+00EB.
  EXPECT_EQ(findings(digest_with("A Title", "Zoe\u0308 Lind"), "DG208").size(), 1u);
  // Already NFC: nothing composes U+00E9 with a further acute.
  EXPECT_TRUE(findings(digest_with("A Title", "Zo\u00e9\u0301 Lind"), "DG208").empty());
  // Marks out of canonical order (230 before 220) are reordered.
  EXPECT_EQ(findings(digest_with("A Title", "Zoe\u0301\u0323 Lind"), "DG208").size(), 1u);
}

TEST(NotNfc, DecomposedHangulIsFound) {
  EXPECT_EQ(findings(digest_with("\u1100\u1161 Title", "Ann Lee"), "DG208").size(), 1u);
  EXPECT_TRUE(findings(digest_with("\uac00 Title", "Ann Lee"), "DG208").empty());
}

TEST(Scripts, AccentedLatinNamesAreQuiet) {
  EXPECT_TRUE(findings(digest_with("Caf\u00e9 Na\u00efve R\u00e9sum\u00e9",
                                   "Zo\u00eb Lind, Ji\u0159\u00ed Nov\u00e1k, "
                                   "Lucà D'Agostin\u00f2"),
                       "DG210")
                  .empty());
}

TEST(Scripts, ACyrillicLetterAmongAccentedLatinIsStillFound) {
  // "Lаtè": U+0430 CYRILLIC SMALL LETTER A beside Latin letters.
  const auto found = findings(digest_with("A Title", "Ann L\u0430t\u00e8"), "DG210");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("mixes Latin and Cyrillic letters"), std::string::npos) << found[0];
  // A whole Cyrillic word that looks Latin, in a title with accented Latin.
  EXPECT_EQ(findings(digest_with("\u0422\u043e\u0440 Caf\u00e9 Models", "Ann Lee"), "DG211").size(), 1u);
}

TEST(OwnedInput, GivesTheFindingsOfBorrowedInput) {
  std::size_t files = 0;
  for (const auto& item : std::filesystem::directory_iterator(testdata("lint/rules"))) {
    const std::string bytes = read_file(item.path());
    const std::string path = item.path().filename().string();
    const auto borrowed = lint::lint_bytes(bytes, path, lint::Policy{}, options());
    const auto owned = lint::lint_owned_bytes(std::string(bytes), path, lint::Policy{}, options());
    ASSERT_EQ(owned.diagnostics.size(), borrowed.diagnostics.size()) << path;
    for (std::size_t i = 0; i < owned.diagnostics.size(); ++i) {
      EXPECT_EQ(owned.diagnostics[i].code, borrowed.diagnostics[i].code) << path;
      EXPECT_EQ(owned.diagnostics[i].location.offset, borrowed.diagnostics[i].location.offset) << path;
      EXPECT_EQ(owned.diagnostics[i].message, borrowed.diagnostics[i].message) << path;
    }
    ++files;
  }
  EXPECT_GT(files, 50u);
}

}  // namespace
