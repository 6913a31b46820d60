// DG401/DG402 across files, and title_key(), which they match papers by.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "digestkit/lint.hpp"
#include "digestkit/title_key.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

lint::FileResult lint_archive_file(const std::string& name) {
  lint::Options options;
  options.today =
      std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::month{1}, std::chrono::day{1}};
  const std::string path = "archive/" + name;
  return lint::lint_bytes(read_file(testdata("lint/" + path)), path, lint::Policy{}, options);
}

TEST(ArchiveIndex, SamePaperWithDifferentAuthorsInAnotherDigest) {
  lint::ArchiveIndex index;
  const lint::Policy policy;
  EXPECT_TRUE(index.add(lint_archive_file("a.txt").summary, policy).empty());
  const auto found = index.add(lint_archive_file("b.txt").summary, policy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "DG401");
  EXPECT_EQ(found[0].path, "archive/b.txt");
  EXPECT_EQ(found[0].location.line, 6u);
  EXPECT_EQ(found[0].location.column, 1u);
  EXPECT_NE(found[0].message.find("archive/a.txt:6:1 with different authors"), std::string::npos)
      << found[0].message;
}

TEST(ArchiveIndex, PapersAreFoundAfterTheTableGrows) {
  // 100 files of 1,000 papers: the table is re-placed several times, and a
  // changed copy of any paper seen before must still be found, once.
  lint::ArchiveIndex index;
  const lint::Policy policy;
  const auto summary_of = [](int file, std::uint64_t abstract_hash) {
    lint::FileSummary summary;
    summary.path = "file" + std::to_string(file) + ".txt";
    for (int k = 0; k < 1000; ++k) {
      lint::EntryFingerprint entry;
      entry.key_hash = digestkit::title_key_hash("Paper " + std::to_string(file * 1000 + k));
      entry.title = "a paper";
      entry.abstract_hash = abstract_hash;
      entry.where.line = static_cast<std::size_t>(k) + 1;
      entry.where.column = 1;
      summary.entries.push_back(entry);
    }
    return summary;
  };
  for (int file = 0; file < 100; ++file) EXPECT_TRUE(index.add(summary_of(file, 1), policy).empty()) << file;
  const auto found = index.add(summary_of(37, 2), policy);  // file 37's papers, other abstracts
  ASSERT_EQ(found.size(), 1000u);
  EXPECT_NE(found[0].message.find("file37.txt:1:1 with a different abstract"), std::string::npos)
      << found[0].message;
  EXPECT_NE(found[999].message.find("file37.txt:1000:1"), std::string::npos) << found[999].message;
}

TEST(ArchiveIndex, SameCategoryAndDateInTwoFiles) {
  lint::ArchiveIndex index;
  const lint::Policy policy;
  (void)index.add(lint_archive_file("a.txt").summary, policy);
  const auto found = index.add(lint_archive_file("c.txt").summary, policy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "DG402");
  EXPECT_EQ(found[0].location.line, 4u);
  EXPECT_NE(found[0].message.find("archive/a.txt:4"), std::string::npos) << found[0].message;
}

TEST(ArchiveIndex, IdenticalRepeatsAndIgnoredRulesAreQuiet) {
  lint::ArchiveIndex index;
  const lint::Policy policy;
  (void)index.add(lint_archive_file("a.txt").summary, policy);
  lint::FileResult again = lint_archive_file("a.txt");
  again.summary.path = "archive/copy.txt";
  for (auto& digest : again.summary.digests) digest.date = "2023-05-06";  // another day, same papers
  EXPECT_TRUE(index.add(again.summary, policy).empty());

  lint::Policy ignoring;
  lint::RuleSelection selection;
  selection.ignore = std::vector<std::string>{"DG4"};
  ignoring.apply(selection);
  EXPECT_TRUE(index.add(lint_archive_file("b.txt").summary, ignoring).empty());
}

TEST(TitleKey, FoldsCaseWidthAndSpace) {
  EXPECT_EQ(digestkit::title_key("  Sparse   Lattice\tENCODERS "), "sparse lattice encoders");
  EXPECT_EQ(digestkit::title_key("Ｓｐａｒｓｅ Straße"), "sparse strasse");   // NFKC + full case folding
  EXPECT_EQ(digestkit::title_key("Self\u200bSupervised"), "selfsupervised");  // default ignorables dropped
  EXPECT_EQ(digestkit::title_key("Jose\u0301"), digestkit::title_key("JOSÉ"));
  EXPECT_EQ(digestkit::title_key("a\u00a0\u3000b"), "a b");
  EXPECT_EQ(digestkit::title_key(""), "");
}

}  // namespace

namespace {

TEST(TitleKey, HashIsEqualExactlyForEqualKeys) {
  const std::vector<std::string> titles = {
      "Sparse Lattice Encoders for Tidal Forecasting",
      "sparse   lattice\tENCODERS for tidal forecasting ",
      "  SPARSE LATTICE ENCODERS FOR TIDAL FORECASTING",
      "Sparse Lattice Encoders for Tidal Forecastin",
      "Sparse Lattice Encoders forTidal Forecasting",
      "Straße der Modelle",
      "STRASSE DER MODELLE",
      "strasse  der modelle",
      "Ｓｐａｒｓｅ",
      "sparse",
      "",
      "   ",
      "abcdefgh",
      "abcdefg h",
      "abcdefg  hijklmno",  // a double space across an 8-byte boundary
      "ABCDEFG HIJKLMNO",
      "abcdefgh ijklmnop qrstuvwx",  // single spaces only: the fast path
      "abcdefgh  ijklmnop qrstuvwx",
      "abcdefgh\tijklmnop qrstuvwx",
      " abcdefgh ijklmnop qrstuvwx",
  };
  for (const auto& a : titles) {
    for (const auto& b : titles) {
      EXPECT_EQ(digestkit::title_key_hash(a) == digestkit::title_key_hash(b),
                digestkit::title_key(a) == digestkit::title_key(b))
          << '"' << a << "\" vs \"" << b << '"';
    }
  }
}

}  // namespace

namespace {

// What title_key() means, asked of ICU's normalizer for every text:
// NFKC_Casefold, then White_Space runs collapsed to one space and trimmed.
std::string key_by_icu(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::UnicodeString folded = folding->normalize(icu::UnicodeString::fromUTF8(text), status);
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString key;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !key.isEmpty();
      continue;
    }
    if (pending_space) key.append(u' ');
    pending_space = false;
    key.append(c);
  }
  std::string out;
  key.toUTF8String(out);
  return out;
}

std::string utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

// title_key() and title_key_hash() skip the normalizer for text whose
// non-ASCII characters NFKC_Casefold leaves alone; every BMP character,
// alone, between letters, before a combining mark and after an accented
// capital, must give ICU's key and its hash, and key_is_lower_case() may
// only say so of text whose key is its lower case.
TEST(TitleKey, EveryCharacterGivesIcusKey) {
  std::size_t mismatches = 0;
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const std::string ch = utf8(c);
    for (const std::string& text : {ch, "Ab " + ch + "Cd", ch + "\u0301x", "\u00c9" + ch, ch + " \u00dc"}) {
      const std::string key = key_by_icu(text);
      std::string lowered = text;
      for (char& byte : lowered) byte = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + 32) : byte;
      if (digestkit::title_key(text) == key &&
          digestkit::title_key_hash(text) == digestkit::title_key_hash(key) &&
          (!digestkit::key_is_lower_case(text) || key == lowered))
        continue;
      ADD_FAILURE() << "U+" << std::hex << c << ": \"" << text << "\"";
      if (++mismatches == 20) return;
    }
  }
}

}  // namespace

namespace {

TEST(TitleKey, WhichKeysAreTheTextInLowerCase) {
  EXPECT_TRUE(digestkit::key_is_lower_case("Sparse Lattice Encoders"));
  EXPECT_TRUE(digestkit::key_is_lower_case("Gorqu\u00fc Mithipe"));  // ü: as it is
  EXPECT_TRUE(digestkit::key_is_lower_case("\u8bba\u6587 Papers"));
  EXPECT_FALSE(digestkit::key_is_lower_case("GORQU\u00dc"));  // Ü folds to ü
  EXPECT_FALSE(digestkit::key_is_lower_case("Ann  Lee"));     // spaces collapse
  EXPECT_FALSE(digestkit::key_is_lower_case(" Ann"));
  EXPECT_FALSE(digestkit::key_is_lower_case("Ann\tLee"));
  EXPECT_FALSE(digestkit::key_is_lower_case("Self\u200bSupervised"));  // dropped
  EXPECT_FALSE(digestkit::key_is_lower_case("a\u00a0b"));              // NBSP is a space
  EXPECT_FALSE(digestkit::key_is_lower_case(""));
}

}  // namespace
