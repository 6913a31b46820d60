// `digest validate --fix` as a library call: lint::run with a Fixer that
// applies `digest fmt`'s repairs (the input's [fmt] settings, the safety
// check, the atomic rewrite of `fmt -i`) to every file that has a finding of
// a fixable rule, then lints the repaired text, so that the Report holds only
// what is left.
#pragma once

#include <ostream>

#include "digestkit/lint_report.hpp"
#include "digestkit/lint_run.hpp"

namespace digestkit::fix {

struct RunSettings {
  lint::RunSettings lint;  // its `fixer` is ignored: run() brings its own
  // Where standard input goes once repaired (or as read, when there was
  // nothing to repair); null: standard input is linted but not repaired.
  std::ostream* standard_output = nullptr;
};

// Plain files are rewritten in place; archive members cannot be, and
// neither can files that do not parse, whose repairs fmt refuses or whose
// output fails the safety check: they are left as they are, named on
// `errors` as warnings (RunResult::unfixed_files) and their findings
// reported. Throws what lint::run throws.
[[nodiscard]] lint::RunResult run(const RunSettings& settings, lint::Report& report, std::ostream& errors);

}  // namespace digestkit::fix
