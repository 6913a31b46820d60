// Legacy charsets found by ICU detection: the fixtures in testdata/text/.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <cctype>

#include "digestkit/source.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using digestkit::testing::testdata;

struct LegacyCase {
  const char* fixture;
  const char* expected_utf8;
  const char* encoding;
};

void PrintTo(const LegacyCase& c, std::ostream* os) { *os << c.fixture; }

class TextLegacyFixture : public ::testing::TestWithParam<LegacyCase> {};

TEST_P(TextLegacyFixture, IsDetectedAndTranscoded) {
  const LegacyCase& c = GetParam();
  const std::string bytes = read_file(testdata(std::string("text/") + c.fixture));
  const std::string expected = read_file(testdata(std::string("text/") + c.expected_utf8));
  Decoded decoded = decode(bytes, c.fixture);
  ASSERT_FALSE(decoded.error.has_value()) << decoded.error->message;
  const SourceText& source = *decoded.source;
  EXPECT_EQ(source.text(), expected);
  EXPECT_EQ(source.encoding, c.encoding);
  EXPECT_TRUE(source.transcoded);
  EXPECT_FALSE(source.had_bom);
  ASSERT_TRUE(source.detection_confidence.has_value());
  EXPECT_GT(*source.detection_confidence, 10);
  EXPECT_EQ(source.line(1), SourceText("", expected).line(1));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, TextLegacyFixture,
    ::testing::Values(LegacyCase{"digest-zh-hans.gb18030.txt", "digest-zh-hans.utf8.txt", "GB18030"},
                      // ICU reports GBK as GB18030, its superset.
                      LegacyCase{"digest-zh-hans.gbk.txt", "digest-zh-hans-gbk.utf8.txt", "GB18030"},
                      LegacyCase{"digest-zh-hant.big5.txt", "digest-zh-hant.utf8.txt", "Big5"}),
    [](const ::testing::TestParamInfo<LegacyCase>& info) {
      std::string name = info.param.fixture;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(TextLegacy, ForcedEncodingMatchesDetection) {
  DecodeOptions options;
  options.encoding = "Big5";
  Decoded decoded = decode(read_file(testdata("text/digest-zh-hant.big5.txt")), "f.txt", options);
  ASSERT_FALSE(decoded.error.has_value()) << decoded.error->message;
  EXPECT_EQ(decoded.source->text(), read_file(testdata("text/digest-zh-hant.utf8.txt")));
  EXPECT_FALSE(decoded.source->detection_confidence.has_value());
}

// ICU's converters make the other fixtures at test time.
std::string convert_from_utf8(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  const std::int32_t length =
      ucnv_convert(charset, "UTF-8", out.data(), static_cast<std::int32_t>(out.size()), utf8.data(),
                   static_cast<std::int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
  return out;
}

TEST(TextLegacy, Utf16LeWithoutBomIsDetected) {
  const std::string expected = read_file(testdata("text/digest-zh-hans.utf8.txt"));
  Decoded decoded = decode(convert_from_utf8(expected, "UTF-16LE"), "u16.txt");
  ASSERT_FALSE(decoded.error.has_value()) << decoded.error->message;
  EXPECT_EQ(decoded.source->text(), expected);
  EXPECT_EQ(decoded.source->encoding, "UTF-16LE");
  EXPECT_FALSE(decoded.source->had_bom);
}

TEST(TextLegacy, ShiftJisIsDetected) {
  // An invented digest in Japanese: category, 更新 date, entry, marker, footer.
  const std::string expected =
      "\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92/"
      "\xE7\x94\xBB\xE5\x83\x8F\xE8\xAA\x8D\xE8\xAD\x98\n\n\n"
      "2023-05-04 \xE6\x9B\xB4\xE6\x96\xB0\n\n"
      "Counting Birds in Drone Footage\n\nAuthors:Oskar Lindqvist\n\n"
      "\xE3\x83\x89\xE3\x83\xAD\xE3\x83\xBC\xE3\x83\xB3\xE6\x98\xA0\xE5\x83\x8F\xE3\x81\x8B\xE3\x82\x89"
      "\xE9\xB3\xA5\xE3\x82\x92\xE6\x95\xB0\xE3\x81\x88\xE3\x82\x8B\xE6\x96\xB9\xE6\xB3\x95\xE3\x82\x92"
      "\xE6\x8F\x90\xE6\xA1\x88\xE3\x81\x99\xE3\x82\x8B\xE3\x80\x82"
      "\xE3\x81\x93\xE3\x82\x8C\xE3\x81\xAF\xE6\x9E\xB6\xE7\xA9\xBA\xE3\x81\xAE\xE7\xA0\x94\xE7\xA9\xB6\xE3"
      "\x81\xA7"
      "\xE3\x81\x99\xE3\x80\x82\nPDF\n\n\xE8\xAB\x96\xE6\x96\x87\xE3\x81\xAE\xE7\x94\xBB\xE5\x83\x8F\n";
  Decoded decoded = decode(convert_from_utf8(expected, "Shift_JIS"), "sjis.txt");
  ASSERT_FALSE(decoded.error.has_value()) << decoded.error->message;
  EXPECT_EQ(decoded.source->text(), expected);
  EXPECT_EQ(decoded.source->encoding, "Shift_JIS");
}

TEST(TextLegacy, Latin1IsNotSilentlyAccepted) {
  const std::string bytes = read_file(testdata("text/digest-latin1.txt"));
  Decoded decoded = decode(bytes, "latin1.txt");
  ASSERT_TRUE(decoded.error.has_value());
  EXPECT_EQ(decoded.source, nullptr);
  const std::size_t first_accent = bytes.find('\xE9');  // "supervisé" on the category line
  EXPECT_EQ(decoded.error->input_offset, first_accent);
  EXPECT_EQ(decoded.error->location.line, 1u);
  EXPECT_EQ(decoded.error->location.column, first_accent + 1);
  EXPECT_NE(decoded.error->message.find("invalid UTF-8 byte 0xE9"), std::string::npos)
      << decoded.error->message;
}

TEST(TextLegacy, ShortAccentedLatin1IsNotMistakenForCjk) {
  // Each accented letter followed by a letter forms a well-formed GBK pair.
  for (const char* text : {"caf\xE9s", "na\xEFve", "R\xE9sum\xE9s of d\xE9j\xE0 vu\n", "\xC0la carte"}) {
    Decoded decoded = decode(text, "short.txt");
    EXPECT_TRUE(decoded.error.has_value())
        << text << " decoded as " << (decoded.source ? decoded.source->encoding : "");
  }
}

TEST(TextLegacy, TruncatedGb18030IsAnError) {
  std::string bytes = read_file(testdata("text/digest-zh-hans.gb18030.txt"));
  bytes.pop_back();  // cut 录 in half
  Decoded decoded = decode(bytes, "cut.txt");
  ASSERT_TRUE(decoded.error.has_value());
  EXPECT_NE(decoded.error->message.find("invalid UTF-8"), std::string::npos) << decoded.error->message;
}

}  // namespace
}  // namespace digestkit
