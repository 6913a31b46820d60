// Every fault class of FORMAT.md that cannot be read without guessing is a
// parse error with an exact code, line, column and message.
#include <gtest/gtest.h>

#include "digestkit/diagnostic.hpp"
#include "parse_test_util.hpp"

using digestkit::testing::parse_fixture;

namespace {

struct ExpectedError {
  const char* fixture;
  const char* code;
  std::size_t line;
  std::size_t column;
  const char* message;
};

const ExpectedError kExpected[] = {
    {"empty.txt", "DG101", 1, 1, "empty file: expected a category line"},
    {"blank-only.txt", "DG101", 4, 1, "empty file: expected a category line"},
    {"category-only.txt", "DG102", 2, 1,
     "expected the update date line \"YYYY-MM-DD 更新\" after the category line"},
    {"bad-date.txt", "DG102", 4, 1,
     "expected the update date line \"YYYY-MM-DD 更新\" after the category line"},
    {"missing-authors.txt", "DG103", 8, 1, "expected \"Authors:\" line after the title"},
    {"wrapped-title.txt", "DG104", 7, 1,
     "title is wrapped onto a second line; expected \"Authors:\" line after the title"},
    {"missing-abstract.txt", "DG105", 10, 1,
     "entry has no abstract: expected the abstract line before the \"PDF\" line"},
    {"wrapped-abstract.txt", "DG106", 11, 1,
     "abstract is wrapped onto several lines; expected \"PDF\" line after the abstract"},
    {"missing-pdf.txt", "DG107", 12, 1,
     "entry has no \"PDF\" line: expected it before the screenshot marker"},
    {"unknown-marker.txt", "DG108", 13, 1,
     "expected screenshot marker \"论文截图\" or \"点此查看论文截图\" after the \"PDF\" line"},
    {"cut-mid-abstract.txt", "DG109", 10, 61, "file ends in the middle of an entry (cut off?)"},
    {"cut-after-title.txt", "DG109", 7, 1, "file ends in the middle of an entry (cut off?)"},
    {"footer-without-licence.txt", "DG110", 34, 1,
     "expected the licence line \"版权声明: …\" after the footer author"},
    {"trailing-text.txt", "DG111", 37, 1,
     "unexpected text: expected an entry title, the footer \"文章作者: …\", another digest or the end of the "
     "file"},
    {"nul-byte.txt", "DG112", 6, 11, "NUL byte in text"},
    {"missing-title.txt", "DG113", 15, 1,
     "entry has no title: found \"Authors:\" line where a title was expected"},
};

class ParseErrorFixture : public ::testing::TestWithParam<ExpectedError> {};

}  // namespace

TEST_P(ParseErrorFixture, ReportsCodeLineColumnAndMessage) {
  const ExpectedError& expected = GetParam();
  const auto file = parse_fixture(std::string("parse/errors/") + expected.fixture);
  ASSERT_FALSE(file.ok());
  const auto diagnostics = digestkit::errors_of(file);
  ASSERT_EQ(diagnostics.size(), 1u);
  const auto& d = diagnostics.front();
  EXPECT_EQ(d.code, expected.code);
  EXPECT_EQ(d.location.line, expected.line);
  EXPECT_EQ(d.location.column, expected.column);
  EXPECT_EQ(d.message, expected.message);
  EXPECT_EQ(d.path, std::string("parse/errors/") + expected.fixture);
}

INSTANTIATE_TEST_SUITE_P(Faults, ParseErrorFixture, ::testing::ValuesIn(kExpected), [](const auto& info) {
  std::string name = info.param.fixture;
  std::string out;
  for (char c : name.substr(0, name.size() - 4)) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
});

TEST(ParseErrors, InvalidUtf8IsLocatedDecodeError) {
  const auto file = parse_fixture("parse/errors/invalid-utf8.txt");
  ASSERT_TRUE(file.decode_error.has_value());
  const auto diagnostics = digestkit::errors_of(file);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, "DG114");
  EXPECT_EQ(diagnostics[0].location.line, 10u);
  EXPECT_EQ(diagnostics[0].location.column, 39u);
  EXPECT_EQ(diagnostics[0].input_offset, 200u);
  EXPECT_NE(diagnostics[0].message.find("0xFF"), std::string::npos);
}

TEST(ParseErrors, WithoutRecoveryStopsAtFirstError) {
  const std::string text =
      digestkit::testing::read_file(digestkit::testing::testdata("samples/nerf-2023-03-14.txt"));
  // Two broken entries: the first loses its Authors line, the third its PDF line.
  std::string broken = text;
  broken.replace(broken.find("Authors:Maren"),
                 broken.find('\n', broken.find("Authors:Maren")) + 1 - broken.find("Authors:Maren"), "");
  const auto pdf = broken.find("PDF Accepted");
  broken.replace(pdf, broken.find('\n', pdf) + 1 - pdf, "");
  const auto once = digestkit::testing::parse_string(broken, false);
  EXPECT_EQ(once.errors.size(), 1u);
  const auto all = digestkit::testing::parse_string(broken, true);
  ASSERT_EQ(all.errors.size(), 2u);
  EXPECT_EQ(all.errors[0].code, "DG103");
  EXPECT_EQ(all.errors[1].code, "DG107");
  // The entry between the two broken ones is still read, and so is the footer.
  ASSERT_EQ(all.documents.size(), 1u);
  ASSERT_EQ(all.documents[0].entries.size(), 1u);
  EXPECT_EQ(all.documents[0].entries[0].title.value,
            "Gaussian Quilts: Stitching Splat Patches   across Views");
  ASSERT_TRUE(all.documents[0].footer.has_value());
}

TEST(ParseErrors, RecoveryAcrossDigests) {
  const std::string a =
      digestkit::testing::read_file(digestkit::testing::testdata("parse/errors/missing-authors.txt"));
  const std::string b =
      digestkit::testing::read_file(digestkit::testing::testdata("samples/ssl-2023-05-02.txt"));
  const auto file = digestkit::testing::parse_string(a + "\n" + b, true);
  ASSERT_EQ(file.errors.size(), 1u);
  ASSERT_EQ(file.documents.size(), 2u);
  EXPECT_EQ(file.documents[1].entries.size(), 2u);
}
