// Every rule: a fixture that triggers it at the right line:column, and a near
// miss that must not. Fixtures are written by testdata/lint/make_fixtures.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "digestkit/lint.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

lint::Options options() {
  lint::Options opts;
  opts.today =
      std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::month{6}, std::chrono::day{1}};
  return opts;
}

lint::FileResult lint_fixture(const std::string& name) {
  const std::string path = "rules/" + name + ".txt";
  return lint::lint_bytes(read_file(testdata("lint/" + path)), path, lint::Policy{}, options());
}

std::string listing(const lint::FileResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) {
    out += d.code + "@" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
           d.message + "\n";
  }
  return out;
}

struct Expected {
  const char* code;
  std::size_t line;
  std::size_t column;
};

class RuleFixture : public ::testing::TestWithParam<Expected> {};

TEST_P(RuleFixture, BadFixtureTriggersAtLocation) {
  const Expected& want = GetParam();
  const lint::FileResult result = lint_fixture(std::string(want.code) + ".bad");
  const auto found = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                  [&](const digestkit::Diagnostic& d) { return d.code == want.code; });
  ASSERT_NE(found, result.diagnostics.end()) << listing(result);
  EXPECT_EQ(found->location.line, want.line) << listing(result);
  EXPECT_EQ(found->location.column, want.column) << listing(result);
  EXPECT_FALSE(found->message.empty());
  EXPECT_EQ(found->path, "rules/" + std::string(want.code) + ".bad.txt");
}

TEST_P(RuleFixture, GoodFixtureDoesNotTrigger) {
  const Expected& want = GetParam();
  const lint::FileResult result = lint_fixture(std::string(want.code) + ".good");
  for (const auto& d : result.diagnostics) EXPECT_NE(d.code, want.code) << listing(result);
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, RuleFixture,
    ::testing::Values(Expected{"DG101", 1, 1}, Expected{"DG102", 4, 1}, Expected{"DG103", 8, 1},
                      Expected{"DG104", 7, 1}, Expected{"DG105", 10, 1}, Expected{"DG106", 11, 1},
                      Expected{"DG107", 12, 1}, Expected{"DG108", 13, 1}, Expected{"DG109", 10, 53},
                      Expected{"DG110", 25, 1}, Expected{"DG111", 28, 1}, Expected{"DG112", 6, 15},
                      Expected{"DG113", 15, 1}, Expected{"DG114", 6, 11}, Expected{"DG120", 8, 1},
                      Expected{"DG121", 11, 1}, Expected{"DG122", 2, 1}, Expected{"DG123", 26, 1},
                      Expected{"DG124", 4, 1}, Expected{"DG125", 25, 55}, Expected{"DG201", 1, 10},
                      Expected{"DG202", 9, 1}, Expected{"DG203", 1, 1}, Expected{"DG204", 6, 46},
                      Expected{"DG205", 10, 16}, Expected{"DG206", 6, 15}, Expected{"DG207", 15, 13},
                      Expected{"DG208", 17, 24}, Expected{"DG209", 15, 19}, Expected{"DG210", 6, 9},
                      Expected{"DG211", 6, 33}, Expected{"DG212", 17, 24}, Expected{"DG213", 1, 1},
                      Expected{"DG214", 10, 16}, Expected{"DG215", 17, 24}, Expected{"DG216", 6, 1},
                      Expected{"DG301", 4, 1}, Expected{"DG302", 4, 1}, Expected{"DG303", 4, 1},
                      Expected{"DG304", 8, 1}, Expected{"DG305", 8, 1}, Expected{"DG306", 8, 23},
                      Expected{"DG307", 8, 36}, Expected{"DG308", 15, 1}, Expected{"DG309", 6, 16},
                      Expected{"DG310", 6, 28}, Expected{"DG311", 22, 1}, Expected{"DG312", 25, 48},
                      Expected{"DG313", 25, 25}, Expected{"DG314", 1, 6}, Expected{"DG316", 8, 21},
                      Expected{"DG317", 15, 1}),
    [](const ::testing::TestParamInfo<Expected>& info) { return std::string(info.param.code); });

TEST(RuleFixtures, EveryFileRuleHasAFixture) {
  // DG4xx need several files: archive_test.cpp covers them.
  for (const lint::Rule& rule : lint::rules()) {
    if (rule.code.starts_with("DG4")) continue;
    EXPECT_TRUE(std::filesystem::exists(testdata("lint/rules/" + std::string(rule.code) + ".bad.txt")))
        << rule.code;
  }
}

TEST(RuleFixtures, CleanDigestHasNoFindingsAtAll) {
  const lint::FileResult result = lint_fixture("clean");
  EXPECT_TRUE(result.diagnostics.empty()) << listing(result);
}

TEST(RuleMessages, QuoteTheOffendingText) {
  EXPECT_NE(listing(lint_fixture("DG209.bad")).find("U+202E RIGHT-TO-LEFT OVERRIDE"), std::string::npos);
  EXPECT_NE(listing(lint_fixture("DG212.bad"))
                .find("\"Ã©\" looks like UTF-8 read as Windows-1252 (mojibake) for \"é\""),
            std::string::npos);
  EXPECT_NE(listing(lint_fixture("DG210.bad")).find("mixes Latin and Cyrillic letters"), std::string::npos);
  EXPECT_NE(listing(lint_fixture("DG211.bad")).find("looks like Latin \"Top\""), std::string::npos);
  EXPECT_NE(listing(lint_fixture("DG313.bad")).find("\"CC BY 5.1\""), std::string::npos);
  // The decomposed side is spelled, or both would read "é" (issue 15).
  EXPECT_NE(listing(lint_fixture("DG208.bad")).find("\"e<U+0301>\" should be \"é\""), std::string::npos);
}

TEST(RuleMessages, InvisibleCharactersAreEscapedInMessages) {
  // A bidi override inside a message would reorder the terminal line.
  for (const auto& d : lint_fixture("DG209.bad").diagnostics) {
    EXPECT_EQ(d.message.find("\u202e"), std::string::npos) << d.message;
  }
}

TEST(Policy, IgnoreSelectAndSeverity) {
  const std::string bytes = read_file(testdata("lint/rules/DG204.bad.txt"));
  lint::Policy policy;
  lint::RuleSelection ignore;
  ignore.ignore = std::vector<std::string>{"DG2"};
  policy.apply(ignore);
  EXPECT_TRUE(lint::lint_bytes(bytes, "x.txt", policy, options()).diagnostics.empty());

  lint::Policy raised;
  lint::RuleSelection severity;
  severity.select = std::vector<std::string>{"trailing-whitespace"};
  severity.severity["DG204"] = digestkit::Severity::Error;
  raised.apply(severity);
  const auto result = lint::lint_bytes(bytes, "x.txt", raised, options());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].severity, digestkit::Severity::Error);
}

TEST(Policy, UnknownCodesAreRejected) {
  lint::RuleSelection selection;
  selection.select = std::vector<std::string>{"DG9"};
  EXPECT_THROW(lint::check_codes(selection), std::invalid_argument);
  lint::RuleSelection severity;
  severity.severity["DG2"] = digestkit::Severity::Error;  // severities need whole codes
  EXPECT_THROW(lint::check_codes(severity), std::invalid_argument);
}

TEST(Catalogue, CodesNamesAndTextsAreComplete) {
  std::set<std::string_view> names;
  for (const lint::Rule& rule : lint::rules()) {
    EXPECT_EQ(rule.code.size(), 5u);
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_FALSE(rule.summary.empty() || rule.what.empty() || rule.why.empty() || rule.fix.empty())
        << rule.code;
    EXPECT_EQ(lint::find_rule(rule.code), &rule);
    EXPECT_EQ(lint::find_rule(rule.name), &rule);
  }
}

TEST(Catalogue, ListsEveryParseErrorCodeOfTheGrammar) {
  // The grammar owns DG101..DG119 (grammar/digestkit/grammar/errors.hpp);
  // the decoder's invalid-UTF-8 error is DG114.
  const std::string errors = read_file(std::filesystem::path(DIGESTKIT_TESTDATA_DIR).parent_path() /
                                       "grammar/digestkit/grammar/errors.hpp");
  std::size_t checked = 0;
  for (std::size_t at = errors.find("\"DG1"); at != std::string::npos; at = errors.find("\"DG1", at + 1)) {
    const std::string code = errors.substr(at + 1, 5);
    EXPECT_NE(lint::find_rule(code), nullptr) << code << " is raised by the grammar but not in the catalogue";
    ++checked;
  }
  EXPECT_GT(checked, 10u);
}

}  // namespace

namespace {

TEST(Hostile, ManyFindingsOnOneHugeLineAreCappedAndLinear) {
  std::string text = "机器学习\n\n\n2023-05-04 更新\n\nTitle\n\nAuthors:A B\n\n";
  for (int i = 0; i < 100000; ++i) text += "a\t";  // a 200 KB abstract of tabs
  text += "\nPDF\n\n论文截图\n";
  const auto result = lint::lint_bytes(text, "tabs.txt", lint::Policy{}, options());
  const auto tabs = std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                  [](const digestkit::Diagnostic& d) { return d.code == "DG205"; });
  // The last tab ends the line: trailing whitespace, not DG205.
  EXPECT_EQ(static_cast<std::size_t>(tabs), 101u);
  EXPECT_NE(listing(result).find("99899 more findings of DG205"), std::string::npos);
}

TEST(Hostile, EmptyAndBinaryInputsGiveLocatedFindings) {
  for (const std::string& bytes : {std::string(), std::string("\0\0\0", 3), std::string("\xff\xfe\x00", 3),
                                   std::string("\r\r\r"), std::string(5, ' ')}) {
    const auto result = lint::lint_bytes(bytes, "odd.txt", lint::Policy{}, options());
    EXPECT_FALSE(result.diagnostics.empty());
    for (const auto& d : result.diagnostics) EXPECT_GE(d.location.line, 1u);
  }
}

}  // namespace
