// One notion of content (docs/fmt.md): for every file of testdata/ and of
// the corpus (archive and pairs, when present), `fmt` changes a file
// exactly when default `validate` has a finding of a fixable rule, and
// diffing a file against its formatted form finds no entry added, removed,
// changed or retitled, and no header or footer change.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/format.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_report.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

std::vector<std::filesystem::path> text_files(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& item : std::filesystem::recursive_directory_iterator(root)) {
    if (item.is_regular_file() && item.path().extension() == ".txt") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The findings default `validate` shows (warnings and errors; info is
// opt-in) that belong to a fixable rule.
std::vector<std::string> fixable_findings(const std::string& bytes, const std::string& name) {
  lint::Options options;
  options.today =
      std::chrono::year_month_day{std::chrono::year{2100}, std::chrono::month{1}, std::chrono::day{1}};
  const lint::FileResult result = lint::lint_bytes(bytes, name, lint::Policy(), options);
  std::vector<std::string> found;
  for (const Diagnostic& d : result.diagnostics) {
    const lint::Rule* rule = lint::find_rule(d.code);
    if (rule != nullptr && rule->fixable && d.severity >= Severity::Warning)
      found.push_back(fmt::format("{}:{}: {} [{}]", d.location.line, d.location.column, d.message, d.code));
  }
  return found;
}

struct Checked {
  std::size_t files = 0;
  std::size_t changed = 0;
};

void check_file(const std::filesystem::path& path, Checked& checked) {
  SCOPED_TRACE(path.string());
  const std::string bytes = testing::read_file(path);
  const ParsedFile parsed = parse_bytes(bytes, path.string());
  const FormattedFile formatted = format_file(parsed, bytes);
  if (formatted.status != FormatStatus::Formatted) return;  // fmt refuses it (exit 2): not a layout question
  ++checked.files;
  const auto fixable = fixable_findings(bytes, path.string());
  EXPECT_EQ(formatted.changed, !fixable.empty())
      << (formatted.changed
              ? "fmt changes the file, but validate reports nothing fixable"
              : "validate reports a fixable finding that fmt does not change: " + fixable.front());
  if (!formatted.changed) return;
  ++checked.changed;

  const ParsedFile reparsed = parse_bytes(formatted.text, path.string() + " (formatted)");
  ASSERT_TRUE(reparsed.ok());
  ASSERT_EQ(reparsed.documents.size(), parsed.documents.size());
  for (std::size_t d = 0; d < parsed.documents.size(); ++d) {
    const DigestDiff diff = diff_documents(parsed.documents[d], reparsed.documents[d]);
    EXPECT_EQ(diff.counts.added, 0u) << "digest " << d + 1;
    EXPECT_EQ(diff.counts.removed, 0u) << "digest " << d + 1;
    EXPECT_EQ(diff.counts.changed, 0u) << "digest " << d + 1;
    EXPECT_EQ(diff.counts.retitled, 0u) << "digest " << d + 1;
    EXPECT_FALSE(diff.has_differences()) << "digest " << d + 1;
  }
}

TEST(OneNotionOfContent, EveryTestdataFile) {
  Checked checked;
  for (const auto& path : text_files(testing::testdata(""))) check_file(path, checked);
  // The format fixtures alone hold a dozen files that fmt repairs.
  EXPECT_GE(checked.files, 100u);
  EXPECT_GE(checked.changed, 12u);
}

TEST(OneNotionOfContent, EveryCorpusFile) {
  const auto corpus = testing::shared_dir() / "corpus";
  if (!std::filesystem::is_directory(corpus / "archive")) GTEST_SKIP() << "no corpus at " << corpus;
  Checked checked;
  for (const char* part : {"archive", "pairs"}) {
    for (const auto& path : text_files(corpus / part)) check_file(path, checked);
  }
  EXPECT_GE(checked.files, 40u);
}

// The samples are what a new user tries first: clean for both commands.
TEST(OneNotionOfContent, SamplesAreCleanForValidateAndFmt) {
  const auto samples = text_files(testing::testdata("samples"));
  ASSERT_FALSE(samples.empty());
  for (const auto& path : samples) {
    const std::string bytes = testing::read_file(path);
    const lint::FileResult result =
        lint::lint_bytes(bytes, path.string(), lint::Policy(), {lint::today_utc()});
    for (const Diagnostic& d : result.diagnostics) {
      EXPECT_LT(d.severity, Severity::Warning) << path << ": " << d.code << " " << d.message;
    }
    const FormattedFile formatted = format_file(parse_bytes(bytes, path.string()), bytes);
    EXPECT_EQ(formatted.status, FormatStatus::Formatted) << path;
    EXPECT_FALSE(formatted.changed) << path;
  }
}

}  // namespace
}  // namespace digestkit
