// Files whose repairs would change how a line reads are refused with a
// located message instead of being printed wrong (and then caught by the
// safety check) or left half-repaired.
#include <gtest/gtest.h>

#include <string>

#include "format_test_util.hpp"

namespace digestkit {
namespace {

std::string entry(const std::string& title, const std::string& abstract,
                  const std::string& marker = "论文截图\n\n") {
  return title + "\n\nAuthors:Mira Okafor, Tomas Lindqvist\n\n" + abstract + "\nPDF 8 pages\n\n" + marker;
}

std::string digest(const std::string& entries, const std::string& footer_author = "Lin") {
  return "Robotics/Control\n\n\n2023-05-14 更新\n\n" + entries + "文章作者: " + footer_author +
         "\n版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Lin "
         "!\n\u00a0\u00a0目录";
}

const std::string kTitle = "Learning to Balance a Pencil";
const std::string kAbstract = "We balance a pencil on a fingertip.";

FormattedFile format_text(const std::string& bytes, const FormatOptions& options = {}) {
  const ParsedFile parsed = parse_bytes(bytes, "refused.txt");
  EXPECT_TRUE(parsed.ok()) << format_testing::errors_text(parsed);
  return format_file(parsed, bytes, options);
}

void expect_refused(const std::string& bytes, std::size_t line, const std::string& message_part,
                    std::size_t column = 1) {
  const FormattedFile result = format_text(bytes);
  ASSERT_EQ(result.status, FormatStatus::Refused) << bytes;
  ASSERT_FALSE(result.diagnostics.empty());
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.code, "FMT001");
  EXPECT_EQ(d.path, "refused.txt");
  EXPECT_EQ(d.location.line, line);
  EXPECT_EQ(d.location.column, column);
  EXPECT_NE(d.message.find(message_part), std::string::npos) << d.message;
  EXPECT_TRUE(result.text.empty());
}

TEST(Refusal, AbstractThatWouldReadAsAPdfLine) {
  expect_refused(digest(entry(kTitle, "\u200bPDF files are compared.")), 10,
                 "abstract would read as a \"PDF\" line");
  expect_refused(digest(entry(kTitle, "PDF\u00a0files are compared.")), 10,
                 "abstract would read as a \"PDF\" line");
}

TEST(Refusal, AbstractThatWouldReadAsAMarker) {
  expect_refused(digest(entry(kTitle, "论文截图\u00a0")), 10, "abstract would read as a screenshot marker");
}

TEST(Refusal, TitleThatWouldReadAsAnAuthorsLine) {
  expect_refused(digest(entry("\u200bAuthors:Someone", kAbstract)), 6,
                 "title would read as an \"Authors:\" line");
  expect_refused(digest(entry("Authors\u00a0: Someone", kAbstract)), 6,
                 "title would read as an \"Authors:\" line");
}

TEST(Refusal, TitleThatWouldReadAsTheFooter) {
  expect_refused(digest(entry(kTitle, kAbstract) + entry("\u200b文章作者: Someone", kAbstract)), 15,
                 "title would read as the footer");
}

TEST(Refusal, TitleAfterAMissingMarkerThatWouldReadAsAMarker) {
  expect_refused(digest(entry(kTitle, kAbstract, "") + entry("\u200b论文截图", kAbstract)), 13,
                 "title would read as the screenshot marker");
}

TEST(Refusal, FieldsThatWouldBeEmpty) {
  expect_refused(digest(entry("\u200b\u2060", kAbstract)), 6, "title would be empty");
  expect_refused(digest(entry(kTitle, "\u00a0\u200b")), 10, "abstract would be empty");
  expect_refused(digest(entry(kTitle, kAbstract), "\u200b"), 15, "footer author would be empty", 7);
}

TEST(Refusal, TheSameFileFormatsWhenTheRepairIsTurnedOff) {
  FormatOptions keep_zero_width;
  keep_zero_width.remove_zero_width = false;
  const std::string bytes = digest(entry(kTitle, "\u200bPDF files are compared."));
  EXPECT_EQ(format_text(bytes, keep_zero_width).status, FormatStatus::Formatted);
}

TEST(Refusal, CategoryThatWouldStartTheFileWithAByteOrderMark) {
  FormatOptions keep_zero_width;
  keep_zero_width.remove_zero_width = false;
  std::string bytes = digest(entry(kTitle, kAbstract));
  bytes.insert(0, "\t\ufeff");
  EXPECT_EQ(format_text(bytes).status, FormatStatus::Formatted);
  const FormattedFile result = format_text(bytes, keep_zero_width);
  ASSERT_EQ(result.status, FormatStatus::Refused);
  EXPECT_NE(result.diagnostics.front().message.find("byte-order mark"), std::string::npos);
}

TEST(Refusal, HeadlessDigestAfterADigestWithoutFooter) {
  // The second digest has no date and parses only because its category line
  // starts with a blank before "Author:"; trimmed, it would read as an entry.
  const std::string first = "Robotics\n\n\n2023-05-14 更新\n\n" + entry(kTitle, kAbstract);
  const std::string bytes = first + " Author:Lab\n\n\n" + digest(entry(kTitle, kAbstract)).substr(38);
  const ParsedFile parsed = parse_bytes(bytes, "refused.txt");
  ASSERT_TRUE(parsed.ok()) << format_testing::errors_text(parsed);
  ASSERT_EQ(parsed.documents.size(), 2u);
  ASSERT_FALSE(parsed.documents[1].date.has_value());
  const FormattedFile result = format_file(parsed, bytes);
  ASSERT_EQ(result.status, FormatStatus::Refused);
  EXPECT_NE(result.diagnostics.front().message.find("would read as an entry"), std::string::npos);
}

TEST(Refusal, ReportsEveryRefusedField) {
  const FormattedFile result =
      format_text(digest(entry("\u200bAuthors:Someone", kAbstract) + entry(kTitle, "\u200bPDF files")));
  ASSERT_EQ(result.status, FormatStatus::Refused);
  EXPECT_EQ(result.diagnostics.size(), 2u);
}

TEST(Refusal, UnformattableFieldsWorksOnDocumentsWithoutSource) {
  StringStore store;
  Document document;
  document.category.line = Text{store.keep("Robotics"), {}};
  Entry e;
  e.title = Text{store.keep("two\nlines"), {}};
  e.abstract = Text{store.keep("An abstract."), {}};
  document.entries.push_back(e);
  const auto refusals = unformattable_fields({document});
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_NE(refusals[0].message.find("line break"), std::string::npos);
}

}  // namespace
}  // namespace digestkit
