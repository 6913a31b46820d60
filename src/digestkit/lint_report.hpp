// Writing lint findings: text (clang style), JSON, SARIF 2.1.0 and GitHub
// workflow commands; counts for --statistics and the exit status; and the
// rule catalogue as text (--list-rules, --explain) and Markdown (docs/rules.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_archive.hpp"
#include "digestkit/lint_baseline.hpp"

namespace digestkit::lint {

enum class Format { Text, Json, Sarif, Github, Gitlab, Junit, Checkstyle };

// "text", "json", "sarif", "github", "gitlab", "junit", "checkstyle";
// nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  Format format = Format::Text;
  bool color = false;       // text only
  bool statistics = false;  // counts per rule instead of each finding (text, json)
  // Findings below this severity are neither shown nor counted: info
  // findings are opt-in so that a clean run stays quiet.
  Severity min_severity = Severity::Warning;
  std::string tool_version = "0";
  // Findings this baseline holds are absorbed: neither shown nor counted
  // (Counts::baselined). Not owned; may be null.
  Baseline* baseline = nullptr;
  // Without `baseline`: every finding is added here (--write-baseline) and
  // counted as baselined, none is new. Not owned.
  Baseline* record = nullptr;
  // The folder report paths and fingerprints are relative to (SARIF,
  // GitLab): absolute; by default the current folder.
  std::filesystem::path root = std::filesystem::current_path();
  // SARIF tool.driver.informationUri, and the address of docs/rules.md that
  // each rule's helpUri points into (with its anchor); omitted when empty.
  std::string information_uri;
  std::string rules_uri;
  // Also every finding as text here (a human log beside a report written to
  // a file: -o); null for none. Not owned.
  std::ostream* text_log = nullptr;
  bool text_log_color = false;
  // With Format::Github: the job summary file (GITHUB_STEP_SUMMARY) the
  // Markdown tables are appended to; empty for none.
  std::filesystem::path github_step_summary;
};

// A report that could not be written (the job summary file, for one).
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t files = 0;
  std::size_t files_with_findings = 0;
  std::size_t baselined = 0;                    // findings the baseline absorbed
  std::size_t input_errors = 0;                 // inputs that could not be read or configured
  std::size_t fixable = 0;                      // findings of rules `digest fmt` repairs
  std::map<std::string, std::size_t> per_rule;  // code -> findings
};

class Writer;  // one per format (src/lint/report/)

// Streams findings to `out` file by file, in input order. JSON, SARIF,
// GitLab, JUnit and Checkstyle are complete documents only after finish(),
// which throws ReportError when a report cannot be written.
class Report {
 public:
  Report(std::ostream& out, ReportOptions options);
  ~Report();
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  // `source` may be null (undecodable input): no source line, no end column.
  // `summary` tells which post and entry each finding is in (baselines and
  // fingerprints); without it findings belong to the whole file.
  void add(const std::string& path, const SourceText* source, const std::vector<Diagnostic>& diagnostics,
           const FileSummary* summary = nullptr);
  // The archive-wide findings (ArchiveIndex::finish()) once every file has
  // been added; their files' texts are gone, so they show no source line.
  void add_archive_findings(const std::vector<ArchiveFinding>& findings);
  // An input that could not be read, or whose digest.toml could not be:
  // SARIF marks the run unsuccessful and names it.
  void input_error(const std::string& name, const std::string& message);
  void finish();
  [[nodiscard]] const Counts& counts() const { return counts_; }
  // Whether findings of this severity are shown (and counted, and recorded
  // in a baseline): --min-severity.
  [[nodiscard]] bool shows(Severity severity) const { return severity >= options_.min_severity; }

 private:
  void count(const Diagnostic& diagnostic);
  void record(const std::string& path, const SourceText* source, const FileSummary* summary,
              const std::vector<Diagnostic>& diagnostics);
  std::vector<Diagnostic> without_baselined(const std::string& path, const SourceText* source,
                                            const FileSummary* summary,
                                            const std::vector<Diagnostic>& diagnostics);

  std::ostream& out_;
  ReportOptions options_;
  std::vector<std::unique_ptr<Writer>> writers_;  // the format's first
  Counts counts_;
  std::set<std::string> paths_with_findings_;  // counted in counts_.files_with_findings
};

// The work tree root of the git repository holding `from` (the nearest
// folder with a .git entry), or `from` itself when there is none; absolute.
// The default of --sarif-root.
[[nodiscard]] std::filesystem::path default_report_root(const std::filesystem::path& from);

// Exit status of `digest validate` for these counts: 1 when there is an
// error or more warnings than max_warnings (-1: no limit), else 0.
[[nodiscard]] int exit_status(const Counts& counts, long max_warnings);

// The summary for stderr, e.g. "2 errors, 3 warnings in 4 files of 9
// (5 more in the baseline)", and when some findings are fmt's to repair a
// second line "[*] 2 fixable with --fix"; empty when there are no
// findings.
[[nodiscard]] std::string summary_line(const Counts& counts);

// --list-rules: one line per rule ("[fmt]": `digest fmt` repairs it).
[[nodiscard]] std::string rules_table();
// --list-rules --format json: [{"code", "name", "severity", "fixable", "summary"}].
[[nodiscard]] std::string rules_json();
// --explain CODE: the rule's page as text.
[[nodiscard]] std::string explain(const Rule& rule);
// docs/rules.md.
[[nodiscard]] std::string rules_markdown();

}  // namespace digestkit::lint
