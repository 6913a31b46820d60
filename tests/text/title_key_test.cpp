// title_key(): the key papers are matched by (DG308, DG401, diff's entry
// pairing), its hash, and the fast path that skips ICU's normalizer.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "digestkit/title_key.hpp"

namespace {

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
