// Internal: the per-format writers behind lint::Report.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "digestkit/lint_report.hpp"

namespace digestkit::lint {

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void file(const std::string& path, const SourceText* source,
                    const std::vector<Diagnostic>& diagnostics) = 0;
  virtual void finish() = 0;
};

std::unique_ptr<Writer> make_text_writer(std::ostream& out, bool color);
std::unique_ptr<Writer> make_json_writer(std::ostream& out);
std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const std::string& tool_version);
std::unique_ptr<Writer> make_github_writer(std::ostream& out);

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

}  // namespace digestkit::lint
