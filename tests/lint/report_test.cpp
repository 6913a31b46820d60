// Output formats: golden files for text, json, sarif and github; SARIF
// checked against the committed SARIF 2.1.0 schema; docs/rules.md generated
// from the catalogue. DIGESTKIT_UPDATE_GOLDEN=1 rewrites the golden files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "digestkit/lint.hpp"
#include "digestkit/lint_report.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

std::string render(lint::Format format, bool statistics = false) {
  lint::Options options;
  options.today =
      std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::month{1}, std::chrono::day{1}};
  lint::ReportOptions report_options;
  report_options.format = format;
  report_options.statistics = statistics;
  report_options.min_severity = digestkit::Severity::Info;
  report_options.tool_version = "test";
  report_options.information_uri = "https://example.org/digestkit";
  report_options.rules_uri = "https://example.org/digestkit/docs/rules.md";
  std::ostringstream out;
  lint::Report report(out, report_options);
  for (const char* name : {"DG114.bad", "DG204.bad", "DG209.bad", "DG212.bad", "DG308.bad"}) {
    const std::string path = std::string("rules/") + name + ".txt";
    const lint::FileResult result =
        lint::lint_bytes(read_file(testdata("lint/" + path)), path, lint::Policy{}, options);
    report.add(result.path, result.source.get(), result.diagnostics, &result.summary);
  }
  report.finish();
  // The report root is the current folder: its file:// URI differs from
  // one machine to the next.
  std::string text = out.str();
  const std::string root_uri = "\"file://" + std::filesystem::current_path().generic_string() + "/\"";
  for (std::size_t at = text.find(root_uri); at != std::string::npos; at = text.find(root_uri)) {
    text.replace(at, root_uri.size(), "\"file:///ROOT/\"");
  }
  return text;
}

void expect_golden(const std::string& actual, const std::string& golden) {
  const auto path = testdata("lint/golden/" + golden);
  if (std::getenv("DIGESTKIT_UPDATE_GOLDEN") != nullptr) digestkit::testing::write_file(path, actual);
  EXPECT_EQ(actual, read_file(path)) << "golden " << golden
                                     << " differs; DIGESTKIT_UPDATE_GOLDEN=1 rewrites it";
}

TEST(ReportGolden, Text) { expect_golden(render(lint::Format::Text), "report.txt"); }
TEST(ReportGolden, Json) { expect_golden(render(lint::Format::Json), "report.json"); }
TEST(ReportGolden, Sarif) { expect_golden(render(lint::Format::Sarif), "report.sarif"); }
TEST(ReportGolden, Github) { expect_golden(render(lint::Format::Github), "report.github"); }
TEST(ReportGolden, Statistics) { expect_golden(render(lint::Format::Text, true), "statistics.txt"); }

TEST(ReportText, NeverEchoesABidiControl) {
  // The source line of a DG209 finding is shown escaped, caret under it.
  const std::string text = render(lint::Format::Text);
  EXPECT_EQ(text.find("\u202e"), std::string::npos);
  EXPECT_NE(text.find("Gradient Gardens: <U+202E>Growing Neural Networks from Seeds\n                  ^\n"),
            std::string::npos)
      << text;
}

TEST(Sarif, ValidatesAgainstTheSarif210Schema) {
  EXPECT_EQ(digestkit::testing::schema_errors(render(lint::Format::Sarif), "sarif/sarif-2.1.0.schema.json"),
            "");
}

TEST(Sarif, EmptyRunValidatesToo) {
  lint::ReportOptions options;
  options.format = lint::Format::Sarif;
  std::ostringstream out;
  lint::Report report(out, options);
  report.finish();
  EXPECT_EQ(digestkit::testing::schema_errors(out.str(), "sarif/sarif-2.1.0.schema.json"), "");
}

TEST(Report, CountsAndExitStatus) {
  lint::Counts counts;
  EXPECT_EQ(lint::exit_status(counts, 0), 0);
  EXPECT_EQ(lint::summary_line(counts), "");
  counts.warnings = 2;
  counts.files = 3;
  counts.files_with_findings = 1;
  EXPECT_EQ(lint::exit_status(counts, 0), 1);
  EXPECT_EQ(lint::exit_status(counts, 2), 0);
  EXPECT_EQ(lint::exit_status(counts, -1), 0);
  counts.errors = 1;
  EXPECT_EQ(lint::exit_status(counts, -1), 1);
  EXPECT_EQ(lint::summary_line(counts), "1 error, 2 warnings in 1 file of 3");
}

TEST(Report, InfoIsHiddenUnlessAsked) {
  lint::Options options;
  options.today = lint::today_utc();
  const auto result =
      lint::lint_bytes(read_file(testdata("lint/rules/DG310.bad.txt")), "x.txt", lint::Policy{}, options);
  ASSERT_FALSE(result.diagnostics.empty());
  std::ostringstream out;
  lint::Report report(out, lint::ReportOptions{});
  report.add(result.path, result.source.get(), result.diagnostics);
  report.finish();
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(report.counts().infos, 0u);
}

TEST(RulesDoc, CommittedRulesMarkdownIsUpToDate) {
  const auto path = std::filesystem::path(DIGESTKIT_TESTDATA_DIR).parent_path() / "docs" / "rules.md";
  if (std::getenv("DIGESTKIT_UPDATE_GOLDEN") != nullptr)
    digestkit::testing::write_file(path, lint::rules_markdown());
  EXPECT_EQ(read_file(path), lint::rules_markdown())
      << "docs/rules.md is stale: digest validate --list-rules --format markdown > docs/rules.md";
}

TEST(RulesDoc, ExplainPrintsThePage) {
  const std::string page = lint::explain(*lint::find_rule("DG209"));
  EXPECT_EQ(page.rfind("DG209 bidi-control\n", 0), 0u);
  EXPECT_NE(page.find("Fixed by `digest fmt`: no"), std::string::npos);
  EXPECT_NE(lint::rules_table().find("DG203  byte-order-mark"), std::string::npos);
}

}  // namespace
