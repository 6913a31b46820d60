// A whole `digest validate` run as a library call: walk the inputs (files,
// directories, archives, stdin), find each one's digest.toml (ConfigLocator), lint on `jobs`
// threads, apply the archive-wide rules in input order, and feed a Report.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "digestkit/inputs.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_report.hpp"
#include "digestkit/parse.hpp"
#include "digestkit/progress.hpp"

namespace digestkit::lint {

struct RunSettings {
  std::vector<std::string> inputs;
  InputOptions input_options;
  DecodeOptions decode;  // --encoding
  unsigned jobs = 1;
  RuleSelection command_line;  // --select/--ignore/--severity
  ConfigChoice config;         // --config / --no-config
  Options options;
  // The progress line: cleared before messages go to the error stream, and
  // before findings go to the report when it is on the same terminal.
  ProgressReporter* progress = nullptr;
  bool report_on_terminal = false;
};

// The warnings of the files one digest.toml configures, and its
// [validate] max-warnings (for files without one: 0).
struct WarningBudget {
  std::filesystem::path config;  // empty: the files without a max-warnings
  long max_warnings = 0;         // -1: no limit
  std::size_t warnings = 0;
};

struct RunResult {
  std::size_t input_errors = 0;   // unreadable inputs (reported on the error stream)
  std::size_t config_errors = 0;  // bad digest.toml files (reported on the error stream)
  std::vector<WarningBudget> budgets;
};

// Throws ConfigError when --config cannot be read; problems with single
// inputs or their config files are written to `errors` ("NAME: message"
// lines, for the caller to prefix) and counted.
[[nodiscard]] RunResult run(const RunSettings& settings, Report& report, std::ostream& errors);

// 1 for an error, or for more warnings than allowed: by --max-warnings over
// all inputs when given, else by each digest.toml's max-warnings over the
// files it configures (0 for files without one); else 0.
[[nodiscard]] int exit_status(const RunResult& result, const Counts& counts,
                              std::optional<long> command_line_max);

}  // namespace digestkit::lint
