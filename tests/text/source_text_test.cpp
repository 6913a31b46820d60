// The line index, line(), locate(), input_offset() and the printable-ASCII line flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "digestkit/source.hpp"

namespace digestkit {
namespace {

TEST(TextLineIndex, LfWithFinalNewline) {
  SourceText source("t", "one\ntwo\nthree\n");
  ASSERT_EQ(source.line_count(), 3u);
  EXPECT_EQ(source.line(1), "one");
  EXPECT_EQ(source.line(2), "two");
  EXPECT_EQ(source.line(3), "three");
  EXPECT_EQ(source.line_start(3), 8u);
  EXPECT_EQ(source.line_endings.lf, 3u);
  EXPECT_EQ(source.line_endings.crlf, 0u);
  EXPECT_FALSE(source.line_endings.mixed());
}

TEST(TextLineIndex, MissingFinalNewline) {
  SourceText source("t", "one\ntwo");
  ASSERT_EQ(source.line_count(), 2u);
  EXPECT_EQ(source.line(2), "two");
  EXPECT_EQ(source.line_endings.lf, 1u);
}

TEST(TextLineIndex, Crlf) {
  SourceText source("t", "a\r\nbb\r\n\r\nc");
  ASSERT_EQ(source.line_count(), 4u);
  EXPECT_EQ(source.line(1), "a");
  EXPECT_EQ(source.line(2), "bb");
  EXPECT_EQ(source.line(3), "");
  EXPECT_EQ(source.line(4), "c");
  EXPECT_EQ(source.line_endings.crlf, 3u);
  EXPECT_EQ(source.line_endings.lf, 0u);
  EXPECT_EQ(source.line_endings.cr, 0u);
}

TEST(TextLineIndex, LoneCr) {
  SourceText source("t", "a\rb\r");
  ASSERT_EQ(source.line_count(), 2u);
  EXPECT_EQ(source.line(1), "a");
  EXPECT_EQ(source.line(2), "b");
  EXPECT_EQ(source.line_endings.cr, 2u);
}

TEST(TextLineIndex, MixedEndings) {
  SourceText source("t", "lf\ncrlf\r\ncr\r\rlf2\n\r\n");
  ASSERT_EQ(source.line_count(), 6u);
  EXPECT_EQ(source.line(1), "lf");
  EXPECT_EQ(source.line(2), "crlf");
  EXPECT_EQ(source.line(3), "cr");
  EXPECT_EQ(source.line(4), "");
  EXPECT_EQ(source.line(5), "lf2");
  EXPECT_EQ(source.line(6), "");
  EXPECT_EQ(source.line_endings.lf, 2u);
  EXPECT_EQ(source.line_endings.crlf, 2u);
  EXPECT_EQ(source.line_endings.cr, 2u);
  EXPECT_TRUE(source.line_endings.mixed());
}

TEST(TextLineIndex, CrAtEndThenLfIsOneCrlf) {
  SourceText source("t", "x\r\n");
  EXPECT_EQ(source.line_count(), 1u);
  EXPECT_EQ(source.line_endings.crlf, 1u);
  EXPECT_EQ(source.line_endings.cr, 0u);
}

TEST(TextLineIndex, EmptyTextIsOneEmptyLine) {
  SourceText source("t", "");
  ASSERT_EQ(source.line_count(), 1u);
  EXPECT_EQ(source.line(1), "");
  EXPECT_EQ(source.locate(0).line, 1u);
  EXPECT_EQ(source.locate(0).column, 1u);
}

TEST(TextLineIndex, OutOfRangeLineIsEmpty) {
  SourceText source("t", "a\nb\n");
  EXPECT_EQ(source.line(0), "");
  EXPECT_EQ(source.line(3), "");
}

TEST(TextLocate, AsciiColumns) {
  SourceText source("t", "abc\ndef\n");
  Location l = source.locate(5);
  EXPECT_EQ(l.line, 2u);
  EXPECT_EQ(l.column, 2u);
  EXPECT_EQ(l.display_column, 2u);
  EXPECT_EQ(l.offset, 5u);
  EXPECT_EQ(source.locate(3).line, 1u);  // the '\n' itself
  EXPECT_EQ(source.locate(3).column, 4u);
}

TEST(TextLocate, CrlfEndingBelongsToItsLine) {
  SourceText source("t", "ab\r\ncd");
  EXPECT_EQ(source.locate(3).line, 1u);
  EXPECT_EQ(source.locate(3).column, 4u);
  EXPECT_EQ(source.locate(4).line, 2u);
  EXPECT_EQ(source.locate(4).column, 1u);
}

TEST(TextLocate, CjkIsTwoDisplayColumns) {
  // "2022-02-19 更新X": 更 and 新 are three bytes and two cells each.
  SourceText source("t", "x\n2022-02-19 \xE6\x9B\xB4\xE6\x96\xB0X\n");
  const std::size_t x = source.text().find('X');
  Location l = source.locate(x);
  EXPECT_EQ(l.line, 2u);
  EXPECT_EQ(l.column, 14u);
  EXPECT_EQ(l.display_column, 16u);
}

TEST(TextLocate, OffsetInsideCharacterCountsItAsNotPassed) {
  SourceText source("t",
                    "a\xE6\x9B\xB4"
                    "b");
  for (std::size_t offset : {1u, 2u, 3u}) {
    Location l = source.locate(offset);
    EXPECT_EQ(l.column, 2u) << offset;
    EXPECT_EQ(l.display_column, 2u) << offset;
  }
  EXPECT_EQ(source.locate(4).column, 3u);
  EXPECT_EQ(source.locate(4).display_column, 4u);
}

TEST(TextLocate, CombiningMarkTakesNoCell) {
  // "e" + U+0301 COMBINING ACUTE ACCENT + "x": two code points before x, one cell.
  SourceText source("t", "e\xCC\x81x");
  Location l = source.locate(3);
  EXPECT_EQ(l.column, 3u);
  EXPECT_EQ(l.display_column, 2u);
}

TEST(TextLocate, NbspIsOneCell) {
  SourceText source("t", "\xC2\xA0\xC2\xA0\xE7\x9B\xAE\xE5\xBD\x95!");
  Location l = source.locate(source.text().find('!'));
  EXPECT_EQ(l.column, 5u);
  EXPECT_EQ(l.display_column, 7u);
}

TEST(TextLocate, PastTheEndClamps) {
  SourceText source("t", "ab\ncd");
  Location l = source.locate(1000);
  EXPECT_EQ(l.offset, 5u);
  EXPECT_EQ(l.line, 2u);
  EXPECT_EQ(l.column, 3u);
}

TEST(TextLocate, EndAfterFinalNewlineIsStartOfNextLine) {
  SourceText source("t", "ab\ncd\n");
  Location l = source.locate(6);
  EXPECT_EQ(l.line, 3u);
  EXPECT_EQ(l.column, 1u);
}

TEST(TextLocate, LongSingleLine) {
  std::string text(5 * 1024 * 1024, 'a');
  text += "\xE6\x9B\xB4z";
  SourceText source("t", std::move(text));
  EXPECT_EQ(source.line_count(), 1u);
  Location l = source.locate(source.text().size() - 1);
  EXPECT_EQ(l.column, 5u * 1024 * 1024 + 2);
  EXPECT_EQ(l.display_column, 5u * 1024 * 1024 + 3);
}

TEST(TextInputOffset, PlainUtf8IsIdentity) {
  SourceText source("t", "abc");
  EXPECT_EQ(source.input_offset(2), 2u);
}

TEST(TextInputOffset, BomAddsThreeUnlessTranscoded) {
  SourceText source("t", "abc");
  source.had_bom = true;
  EXPECT_EQ(source.input_offset(2), 5u);
  source.transcoded = true;
  EXPECT_EQ(source.input_offset(2), 2u);
}

}  // namespace
}  // namespace digestkit

namespace {

// Line n's bytes before its ending are all printable ASCII: what
// is_printable_ascii_line() must say, asked the slow way.
bool printable_the_slow_way(const digestkit::SourceText& text, std::size_t n) {
  const std::string_view line = text.line(n);
  return std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

void expect_flags_match(const std::string& content) {
  const digestkit::SourceText text("t.txt", content);
  for (std::size_t n = 1; n <= text.line_count(); ++n) {
    EXPECT_EQ(text.is_printable_ascii_line(n), printable_the_slow_way(text, n))
        << "line " << n << " of \"" << content << "\"";
  }
}

TEST(TextPrintableLines, EachKindOfByteAtEachPlaceInABlock) {
  // Lines of every length around the 16-byte blocks the index reads, with
  // one odd byte at each position, under each kind of line ending.
  for (const char* ending : {"\n", "\r\n", "\r"}) {
    for (const std::string odd : {"\t", "\x7f", "\x01", "\xc3\xa9", "\xe6\x9b\xb4"}) {
      for (std::size_t length = 0; length <= 40; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
          std::string line(length, 'a');
          line.insert(at, odd);
          expect_flags_match("plain first line\n" + line + ending + std::string(length, 'b') + ending + line);
        }
      }
    }
  }
}

TEST(TextPrintableLines, BlankAndPlainLines) {
  const digestkit::SourceText text("t.txt", "Title\n\n\nAuthors: A, B\n   \n\tx\nend");
  ASSERT_EQ(text.line_count(), 7u);
  for (std::size_t n : {1, 2, 3, 4, 5, 7}) EXPECT_TRUE(text.is_printable_ascii_line(n)) << n;
  EXPECT_FALSE(text.is_printable_ascii_line(6));
  const digestkit::SourceText empty("t.txt", "");
  EXPECT_TRUE(empty.is_printable_ascii_line(1));
  const digestkit::SourceText cjk("t.txt", "a\n2023-05-04 \xe6\x9b\xb4\xe6\x96\xb0\n");
  EXPECT_EQ(cjk.line_count(), 2u);
  EXPECT_TRUE(cjk.is_printable_ascii_line(1));
  EXPECT_FALSE(cjk.is_printable_ascii_line(2));
}

}  // namespace
