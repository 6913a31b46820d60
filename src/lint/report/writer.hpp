// Internal: the per-format writers behind lint::Report.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "digestkit/lint_report.hpp"

namespace digestkit::lint {

// The findings of one file as a writer gets them.
struct FileFindings {
  const std::string& path;   // as shown to users
  const SourceText* source;  // null when the file could not be decoded
  const std::vector<Diagnostic>& diagnostics;
  // One per diagnostic (fingerprint() of its identity, relative to the
  // report's root) when the writer wants_fingerprints(), else empty.
  const std::vector<std::string>& fingerprints;
};

class Writer {
 public:
  virtual ~Writer() = default;
  [[nodiscard]] virtual bool wants_fingerprints() const { return false; }
  virtual void file(const FileFindings& findings) = 0;
  // An input that could not be read (or whose config could not be), as
  // reported on the error stream.
  virtual void input_error(const std::string& /*name*/, const std::string& /*message*/) {}
  virtual void finish() = 0;
};

std::unique_ptr<Writer> make_text_writer(std::ostream& out, bool color);
std::unique_ptr<Writer> make_json_writer(std::ostream& out);
std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Writer> make_github_writer(std::ostream& out);
std::unique_ptr<Writer> make_step_summary_writer(const std::filesystem::path& file);
std::unique_ptr<Writer> make_gitlab_writer(std::ostream& out, const ReportOptions& options);
std::unique_ptr<Writer> make_junit_writer(std::ostream& out);
std::unique_ptr<Writer> make_checkstyle_writer(std::ostream& out);

// Where a diagnostic's highlighted range ends (line, code-point column), when
// the source is known and the range is not empty.
struct EndPosition {
  std::size_t line;
  std::size_t column;
};
std::optional<EndPosition> end_of(const Diagnostic& diagnostic, const SourceText* source);

}  // namespace digestkit::lint

namespace digestkit::lint {

// A rule's page in Markdown (without its heading), as in docs/rules.md and
// SARIF help.markdown; and the same as plain text.
std::string rule_body_markdown(const Rule& rule);
std::string rule_body_text(const Rule& rule);
// The Markdown anchor GitHub derives from the heading "## DG203
// byte-order-mark": "dg203-byte-order-mark".
std::string rule_anchor(const Rule& rule);

}  // namespace digestkit::lint
