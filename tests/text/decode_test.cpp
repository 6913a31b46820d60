// decode(): BOMs, UTF-8 validation with located errors, UTF-16/32, --encoding.
#include <gtest/gtest.h>

#include "digestkit/source.hpp"

namespace digestkit {
namespace {

using namespace std::string_view_literals;

const SourceText& ok(const Decoded& decoded) {
  if (decoded.error) ADD_FAILURE() << "unexpected error: " << decoded.error->message;
  EXPECT_NE(decoded.source, nullptr);
  static const SourceText empty("", "");
  return decoded.source ? *decoded.source : empty;
}

const DecodeError& failed(const Decoded& decoded) {
  static const DecodeError none{"<no error>", 0, {}};
  EXPECT_EQ(decoded.source, nullptr);
  EXPECT_TRUE(decoded.error.has_value());
  return decoded.error ? *decoded.error : none;
}

TEST(TextDecode, EmptyInput) {
  Decoded decoded = decode("", "empty.txt");
  const SourceText& source = ok(decoded);
  EXPECT_EQ(source.text(), "");
  EXPECT_EQ(source.path(), "empty.txt");
  EXPECT_EQ(source.encoding, "UTF-8");
  EXPECT_FALSE(source.had_bom);
  EXPECT_FALSE(source.transcoded);
  EXPECT_EQ(source.line_count(), 1u);
}

TEST(TextDecode, PlainUtf8IsKeptByteForByte) {
  const std::string input =
      "\xE6\x97\xA0\xE7\x9B\x91\xE7\x9D\xA3\n\n\n2022-02-19 \xE6\x9B\xB4\xE6\x96\xB0\r\n";
  Decoded decoded = decode(input, "p.txt");
  const SourceText& source = ok(decoded);
  EXPECT_EQ(source.text(), input);
  EXPECT_EQ(source.line_count(), 4u);
  EXPECT_EQ(source.line_endings.lf, 3u);
  EXPECT_EQ(source.line_endings.crlf, 1u);
  EXPECT_FALSE(source.detection_confidence.has_value());
}

TEST(TextDecode, Utf8BomIsStrippedAndRecorded) {
  Decoded decoded = decode("\xEF\xBB\xBFTitle\nx\xFFy", "bom.txt", {.encoding = {}, .detect_legacy = false});
  EXPECT_TRUE(decoded.error.has_value());
  Decoded clean = decode("\xEF\xBB\xBFTitle\nnext", "bom.txt");
  const SourceText& source = ok(clean);
  EXPECT_EQ(source.text(), "Title\nnext");
  EXPECT_TRUE(source.had_bom);
  EXPECT_FALSE(source.transcoded);
  EXPECT_EQ(source.encoding, "UTF-8");
  EXPECT_EQ(source.input_offset(6), 9u);
}

TEST(TextDecode, BomOnly) {
  Decoded decoded = decode("\xEF\xBB\xBF", "b.txt");
  EXPECT_EQ(ok(decoded).text(), "");
  EXPECT_TRUE(ok(decoded).had_bom);
}

TEST(TextDecode, NulBytesAreLeftToTheParser) {
  Decoded decoded = decode("a\0b\n"sv, "nul.txt");
  EXPECT_EQ(ok(decoded).text(), "a\0b\n"sv);
}

struct InvalidCase {
  const char* name;
  std::string_view input;
  std::size_t offset;
  std::size_t line;
  std::size_t column;
  std::size_t display_column;
  const char* bytes;
};

void PrintTo(const InvalidCase& c, std::ostream* os) { *os << c.name; }

class TextInvalidUtf8 : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(TextInvalidUtf8, IsLocatedExactly) {
  const InvalidCase& c = GetParam();
  Decoded decoded = decode(c.input, "bad.txt");
  const DecodeError& error = failed(decoded);
  EXPECT_EQ(error.input_offset, c.offset);
  EXPECT_EQ(error.location.line, c.line);
  EXPECT_EQ(error.location.column, c.column);
  EXPECT_EQ(error.location.display_column, c.display_column);
  EXPECT_NE(error.message.find(c.bytes), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("invalid UTF-8"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("byte offset " + std::to_string(c.offset)), std::string::npos)
      << error.message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TextInvalidUtf8,
    ::testing::Values(
        InvalidCase{"lone_continuation", "Title\nAuthors:A\x80 B\n"sv, 15, 2, 10, 10, "byte 0x80"},
        InvalidCase{"truncated_at_eof", "ok\n\xE6\x9B\xB4\xE6\x96"sv, 6, 2, 2, 3, "sequence 0xE6 0x96"},
        InvalidCase{"truncated_before_ascii",
                    "\xE6\x9B"
                    "x\n"sv,
                    0, 1, 1, 1, "sequence 0xE6 0x9B"},
        InvalidCase{"overlong_slash", "a/\xC0\xAF"sv, 2, 1, 3, 3, "byte 0xC0"},
        InvalidCase{"overlong_three_byte", "\xE0\x80\xAF"sv, 0, 1, 1, 1, "byte 0xE0"},
        InvalidCase{"surrogate_encoded", "x\r\ny\xED\xA0\x80"sv, 4, 2, 2, 2, "byte 0xED"},
        InvalidCase{"after_lone_cr", "a\r\xFF"sv, 2, 2, 1, 1, "byte 0xFF"},
        InvalidCase{"after_final_lf", "a\n\xFE"sv, 2, 2, 1, 1, "byte 0xFE"},
        InvalidCase{"beyond_max_code_point", "\xF4\x90\x80\x80"sv, 0, 1, 1, 1, "byte 0xF4"},
        InvalidCase{"after_ascii_block", "0123456789abcdefghijklmnopqrstuv\xC3"sv, 32, 1, 33, 33,
                    "byte 0xC3"}),
    [](const ::testing::TestParamInfo<InvalidCase>& info) { return std::string(info.param.name); });

TEST(TextDecode, InvalidAfterBomCountsTheBomInTheInputOffset) {
  Decoded decoded = decode(
      "\xEF\xBB\xBF"
      "ab\xFF",
      "b.txt");
  const DecodeError& error = failed(decoded);
  EXPECT_EQ(error.input_offset, 5u);
  EXPECT_EQ(error.location.offset, 2u);
  EXPECT_EQ(error.location.column, 3u);
}

TEST(TextDecode, DetectionCanBeTurnedOff) {
  Decoded decoded = decode("\xC2\xDB\xCE\xC4", "gb.txt", {.encoding = {}, .detect_legacy = false});
  EXPECT_EQ(failed(decoded).input_offset, 0u);
}

TEST(TextDecode, Utf16LeWithBom) {
  Decoded decoded = decode(
      "\xFF\xFE"
      "A\0\n\0\xBA\x8B\x87\x65"sv,
      "u16.txt");
  const SourceText& source = ok(decoded);
  EXPECT_EQ(source.text(), "A\n\xE8\xAE\xBA\xE6\x96\x87");  // A, LF, 论文
  EXPECT_EQ(source.encoding, "UTF-16LE");
  EXPECT_TRUE(source.had_bom);
  EXPECT_TRUE(source.transcoded);
  EXPECT_EQ(source.input_offset(2), 2u);
  EXPECT_EQ(source.line_count(), 2u);
}

TEST(TextDecode, Utf16BeWithBom) {
  Decoded decoded = decode("\xFE\xFF\0A\0\r\0\n"sv, "u16be.txt");
  EXPECT_EQ(ok(decoded).text(), "A\r\n");
  EXPECT_EQ(ok(decoded).encoding, "UTF-16BE");
  EXPECT_EQ(ok(decoded).line_endings.crlf, 1u);
}

TEST(TextDecode, Utf32LeWithBom) {
  Decoded decoded = decode(
      "\xFF\xFE\0\0"
      "A\0\0\0\x56\x6B\0\0"sv,
      "u32.txt");  // A, U+6B56
  EXPECT_EQ(ok(decoded).text(), "A\xE6\xAD\x96");
  EXPECT_EQ(ok(decoded).encoding, "UTF-32LE");
}

TEST(TextDecode, Utf16WithUnpairedSurrogateIsAnError) {
  Decoded decoded = decode(
      "\xFF\xFE"
      "A\0\n\0B\0\x00\xD8"
      "C\0"sv,
      "u16.txt");
  const DecodeError& error = failed(decoded);
  EXPECT_NE(error.message.find("UTF-16LE"), std::string::npos) << error.message;
  EXPECT_EQ(error.input_offset, 8u);
  EXPECT_EQ(error.location.line, 2u);
  EXPECT_EQ(error.location.column, 2u);
}

TEST(TextDecode, Utf16OddLengthIsTruncated) {
  Decoded decoded = decode(
      "\xFF\xFE"
      "A\0B"sv,
      "u16.txt");
  const DecodeError& error = failed(decoded);
  EXPECT_NE(error.message.find("truncated"), std::string::npos) << error.message;
  EXPECT_EQ(error.input_offset, 4u);
  EXPECT_NE(error.message.find("byte offset 4"), std::string::npos) << error.message;
  EXPECT_EQ(error.location.column, 2u);
}

TEST(TextForcedEncoding, Gb18030) {
  DecodeOptions options;
  options.encoding = "GB18030";
  Decoded decoded = decode("\xC2\xDB\xCE\xC4\xBD\xD8\xCD\xBC\n", "f.txt", options);
  EXPECT_EQ(ok(decoded).text(), "\xE8\xAE\xBA\xE6\x96\x87\xE6\x88\xAA\xE5\x9B\xBE\n");  // 论文截图
  EXPECT_EQ(ok(decoded).encoding, "GB18030");
  EXPECT_TRUE(ok(decoded).transcoded);
  EXPECT_FALSE(ok(decoded).detection_confidence.has_value());
}

TEST(TextForcedEncoding, Utf16LeWithoutBom) {
  DecodeOptions options;
  options.encoding = "UTF-16LE";
  Decoded decoded = decode("h\0i\0"sv, "f.txt", options);
  EXPECT_EQ(ok(decoded).text(), "hi");
  EXPECT_FALSE(ok(decoded).had_bom);
}

TEST(TextForcedEncoding, Utf16LeBomIsStrippedAndRecorded) {
  DecodeOptions options;
  options.encoding = "UTF-16LE";
  Decoded decoded = decode("\xFF\xFEh\0"sv, "f.txt", options);
  EXPECT_EQ(ok(decoded).text(), "h");
  EXPECT_TRUE(ok(decoded).had_bom);
}

TEST(TextForcedEncoding, Latin1IsReadWhenAskedFor) {
  DecodeOptions options;
  options.encoding = "ISO-8859-1";
  Decoded decoded = decode("caf\xE9", "f.txt", options);
  EXPECT_EQ(ok(decoded).text(), "caf\xC3\xA9");
  EXPECT_EQ(ok(decoded).encoding, "ISO-8859-1");
}

TEST(TextForcedEncoding, Utf8MeansValidateWithoutDetection) {
  DecodeOptions options;
  options.encoding = "utf8";
  EXPECT_EQ(ok(decode("\xEF\xBB\xBFok", "f.txt", options)).text(), "ok");
  Decoded bad = decode("\xC2\xDB\xCE\xC4\xBD\xD8\xCD\xBC", "f.txt", options);
  // 0xC2 0xDB: 0xDB is no continuation byte, so 0xC2 alone is the fault.
  EXPECT_EQ(failed(bad).input_offset, 0u);
  EXPECT_NE(failed(bad).message.find("byte 0xC2"), std::string::npos) << failed(bad).message;
}

TEST(TextForcedEncoding, UnknownNameIsAnError) {
  DecodeOptions options;
  options.encoding = "no-such-charset";
  Decoded decoded = decode("abc", "f.txt", options);
  const DecodeError& error = failed(decoded);
  EXPECT_NE(error.message.find("unknown encoding \"no-such-charset\""), std::string::npos) << error.message;
  EXPECT_EQ(error.input_offset, 0u);
  EXPECT_EQ(error.location.line, 1u);
}

TEST(TextForcedEncoding, IllegalSequenceNamesItsOffset) {
  DecodeOptions options;
  options.encoding = "Shift_JIS";
  // "ab\n" then 0x82 0xA0 (あ) then 0x85 0x40 (unassigned in Shift_JIS).
  Decoded decoded = decode("ab\n\x82\xA0\x85\x40", "f.txt", options);
  const DecodeError& error = failed(decoded);
  EXPECT_EQ(error.input_offset, 5u);
  EXPECT_NE(error.message.find("byte offset 5"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("0x85 0x40"), std::string::npos) << error.message;
  EXPECT_EQ(error.location.line, 2u);
  EXPECT_EQ(error.location.column, 2u);
  EXPECT_EQ(error.location.display_column, 3u);
}

TEST(TextDecode, LargeInputIsKeptIntact) {
  std::string input;
  for (int i = 0; input.size() < (9u << 20); ++i)
    input += "Entry " + std::to_string(i) + " \xE8\xAE\xBA\xE6\x96\x87\r\n";
  Decoded decoded = decode(input, "large.txt");
  EXPECT_EQ(ok(decoded).text(), input);
  EXPECT_EQ(ok(decoded).line_endings.crlf, ok(decoded).line_count());
}

TEST(TextDecode, FiveMegabyteSingleLine) {
  std::string input(5 * 1024 * 1024, 'x');
  input += "\xE6\x9B\xB4";
  Decoded decoded = decode(input, "long.txt");
  EXPECT_EQ(ok(decoded).text().size(), input.size());
  EXPECT_EQ(ok(decoded).line_count(), 1u);

  input += '\xFF';
  Decoded bad = decode(input, "long.txt");
  const DecodeError& error = failed(bad);
  EXPECT_EQ(error.input_offset, input.size() - 1);
  EXPECT_EQ(error.location.line, 1u);
  EXPECT_EQ(error.location.column, 5u * 1024 * 1024 + 2);
}

}  // namespace
}  // namespace digestkit
