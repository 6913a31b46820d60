// check_equivalent: documents built by hand, compared field by field after
// the repairs; every kind of difference is found and named.
#include <gtest/gtest.h>

#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

Text text(std::string_view value) { return Text{value, {}}; }

Document sample() {
  Document document;
  document.category.line = text("Robotics/Control");
  document.category.tags = {text("Robotics"), text("Control")};
  Date date;
  date.written = text("2023-05-14");
  date.year = 2023;
  date.month = 5;
  date.day = 14;
  date.is_calendar_date = true;
  document.date = date;
  Entry entry;
  entry.title = text("Learning to Balance a Pencil");
  entry.authors = {Author{"Mira Okafor", {}}, Author{"Tomas Lindqvist", {}}};
  entry.abstract = text("We balance a pencil.");
  entry.comments = text("8 pages");
  document.entries.push_back(entry);
  Footer footer;
  footer.author = text("Lin");
  footer.notice = text("Notice by Lin !");
  document.footer = footer;
  return document;
}

TEST(CheckEquivalent, IdenticalDocumentsAreEquivalent) {
  EXPECT_EQ(check_equivalent(sample(), sample()), std::nullopt);
}

TEST(CheckEquivalent, ComparesTheRepairedInputWithTheOutput) {
  Document before = sample();
  before.entries[0].title = text("Learning to\u00a0Balance a\u200b Pencil ");
  before.entries[0].authors = {Author{"Mira Okafor", {}}, Author{"", {}}, Author{"Tomas Lindqvist", {}}};
  before.entries[0].comments = text("8\tpages");
  EXPECT_EQ(check_equivalent(before, sample()), std::nullopt);
  // The unrepaired output is not what the normaliser promises.
  EXPECT_NE(check_equivalent(sample(), before), std::nullopt);
}

TEST(CheckEquivalent, RepairsFollowTheOptions) {
  Document before = sample();
  before.entries[0].title = text("Learning to  Balance a Pencil");
  // Runs of spaces are kept by default and collapsed only when asked.
  EXPECT_NE(check_equivalent(before, sample()), std::nullopt);
  EXPECT_EQ(check_equivalent(before, before), std::nullopt);
  FormatOptions collapsing;
  collapsing.collapse_spaces = true;
  EXPECT_EQ(check_equivalent(before, sample(), collapsing), std::nullopt);
  EXPECT_NE(check_equivalent(before, before, collapsing), std::nullopt);
}

TEST(CheckEquivalent, NamesEachKindOfDifference) {
  const Document before = sample();
  const auto differs = [&](auto change) {
    Document after = sample();
    change(after);
    return check_equivalent(before, after).value_or("");
  };
  EXPECT_NE(differs([](Document& d) { d.category.line = text("Robotics"); }).find("category"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.date.reset(); }).find("date line was lost"), std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.date->day = 15; }).find("2023-05-15"), std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.entries.clear(); }).find("1 entries became 0"), std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.entries[0].title = text("Other"); }).find("entry 1: title"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) {
              d.entries[0].authors.pop_back();
            }).find("author \"Tomas Lindqvist\" was lost"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) {
              d.entries[0].authors.push_back(Author{"X", {}});
            }).find("was added"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.entries[0].abstract = text("x"); }).find("abstract"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.entries[0].comments.reset(); }).find("comment \"8 pages\" was lost"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.entries[0].marker = Marker::Long; }).find("marker"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.footer.reset(); }).find("footer was lost"), std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.footer->author = text("Kim"); }).find("footer author"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.footer->notice = text("x"); }).find("licence notice"),
            std::string::npos);
  EXPECT_NE(differs([](Document& d) { d.footer->has_toc = false; }).find("table-of-contents"),
            std::string::npos);
}

TEST(CheckEquivalent, ACommentEmptyOnceRepairedEqualsABarePdfLine) {
  Document before = sample();
  before.entries[0].comments = text("\u200b");
  Document after = sample();
  after.entries[0].comments.reset();
  EXPECT_EQ(check_equivalent(before, after), std::nullopt);
}

TEST(CheckEquivalent, ComparesDocumentCounts) {
  const std::vector<Document> one{sample()};
  const std::vector<Document> two{sample(), sample()};
  EXPECT_EQ(check_equivalent(two, two), std::nullopt);
  EXPECT_EQ(check_equivalent(one, two).value_or(""), "1 digests became 2");
}

TEST(CheckEquivalent, LongFieldsAreCutInMessages) {
  Document after = sample();
  const std::string long_title(500, 'x');
  after.entries[0].title = text(long_title);
  const std::string message = check_equivalent(sample(), after).value_or("");
  EXPECT_LT(message.size(), 200u);
  EXPECT_NE(message.find("...\""), std::string::npos);
}

}  // namespace
}  // namespace digestkit

namespace digestkit {
namespace {

// format_file's safety check on documents that no parse of real input
// yields (changed after parsing): the output is refused, not returned.
TEST(SafetyCheck, OutputThatDoesNotParseIsRefusedAsUnsafe) {
  const std::string bytes = testing::read_file(testing::testdata("format/crlf.before.txt"));
  ParsedFile parsed = parse_bytes(bytes, "post.txt");
  ASSERT_TRUE(parsed.ok());
  parsed.documents[0].date->year = 12345;  // prints a date line the grammar cannot read
  const FormattedFile result = format_file(parsed, bytes);
  EXPECT_EQ(result.status, FormatStatus::Unsafe);
  EXPECT_TRUE(result.text.empty());
  EXPECT_EQ(result.problem.rfind(
                "internal error: formatting changed the content of post.txt: the output does not parse", 0),
            0u)
      << result.problem;
}

TEST(SafetyCheck, ADifferenceIsRefusedWithTheInputLine) {
  const std::string bytes = testing::read_file(testing::testdata("format/crlf.before.txt"));
  ParsedFile parsed = parse_bytes(bytes, "post.txt");
  ASSERT_TRUE(parsed.ok());
  parsed.documents[0].date->is_calendar_date = false;  // the re-parse finds a real date
  const FormattedFile result = format_file(parsed, bytes);
  EXPECT_EQ(result.status, FormatStatus::Unsafe);
  EXPECT_TRUE(result.text.empty());
  EXPECT_EQ(result.problem,
            "internal error: formatting changed the content of post.txt at line 4: date 2023-05-14 became a "
            "calendar date");
}

TEST(SafetyCheck, NamesTheFirstChangedFieldOfARealParse) {
  const std::string bytes = testing::read_file(testing::testdata("format/crlf.before.txt"));
  const ParsedFile swapped = parse_bytes(bytes, "post.txt");
  ASSERT_TRUE(swapped.ok());
  const FormattedFile fine = format_file(swapped, bytes);
  ASSERT_EQ(fine.status, FormatStatus::Formatted);
  const ParsedFile reparsed = parse_bytes(fine.text, "formatted.txt");
  std::vector<Document> before = swapped.documents;
  ASSERT_EQ(check_equivalent(before, reparsed.documents), std::nullopt);
  before[0].entries[1].title = before[0].entries[0].title;
  const auto difference = check_equivalent(before, reparsed.documents);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(
      difference->rfind("entry 2: title \"Learning to Balance a Pencil with Sparse Rewards\" became", 0), 0u)
      << *difference;
}

}  // namespace
}  // namespace digestkit
