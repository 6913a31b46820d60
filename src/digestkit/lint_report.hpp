// Writing lint findings: text (clang style), JSON, SARIF 2.1.0 and GitHub
// workflow commands; counts for --statistics and the exit status; and the
// rule catalogue as text (--list-rules, --explain) and Markdown (docs/rules.md).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/lint.hpp"

namespace digestkit::lint {

enum class Format { Text, Json, Sarif, Github };

// "text", "json", "sarif", "github"; nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  Format format = Format::Text;
  bool color = false;       // text only
  bool statistics = false;  // counts per rule instead of each finding (text, json)
  // Findings below this severity are neither shown nor counted: info
  // findings are opt-in so that a clean run stays quiet.
  Severity min_severity = Severity::Warning;
  std::string tool_version = "0";
};

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t files = 0;
  std::size_t files_with_findings = 0;
  std::map<std::string, std::size_t> per_rule;  // code -> findings
};

class Writer;  // one per format (src/lint/report/)

// Streams findings to `out` file by file, in input order. JSON and SARIF
// are complete documents only after finish().
class Report {
 public:
  Report(std::ostream& out, ReportOptions options);
  ~Report();
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  // `source` may be null (undecodable input): no source line, no end column.
  void add(const std::string& path, const SourceText* source, const std::vector<Diagnostic>& diagnostics);
  void finish();
  [[nodiscard]] const Counts& counts() const { return counts_; }

 private:
  std::ostream& out_;
  ReportOptions options_;
  std::unique_ptr<Writer> writer_;
  Counts counts_;
};

// Exit status of `digest validate` for these counts: 1 when there is an
// error or more warnings than max_warnings (-1: no limit), else 0.
[[nodiscard]] int exit_status(const Counts& counts, long max_warnings);

// One summary line for stderr, e.g. "2 errors and 3 warnings in 4 files
// (1 info)"; empty when there are no findings.
[[nodiscard]] std::string summary_line(const Counts& counts);

// --list-rules: one line per rule.
[[nodiscard]] std::string rules_table();
// --explain CODE: the rule's page as text.
[[nodiscard]] std::string explain(const Rule& rule);
// docs/rules.md.
[[nodiscard]] std::string rules_markdown();

}  // namespace digestkit::lint
