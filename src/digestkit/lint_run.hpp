// A whole `digest validate` run as a library call: walk the inputs (files,
// directories, archives, stdin), find each one's digest.toml, lint on `jobs`
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
  RuleSelection command_line;                        // --select/--ignore/--severity
  std::optional<std::filesystem::path> config_file;  // --config: used for every input
  Options options;
  // The progress line: cleared before messages go to the error stream, and
  // before findings go to the report when it is on the same terminal.
  ProgressReporter* progress = nullptr;
  bool report_on_terminal = false;
};

struct RunResult {
  std::size_t input_errors = 0;   // unreadable inputs (reported on the error stream)
  std::size_t config_errors = 0;  // bad digest.toml files (reported on the error stream)
  // [validate] max-warnings of the --config file, or else of the digest.toml
  // found from the current directory.
  std::optional<long> config_max_warnings;
};

// Throws ConfigError when --config cannot be read; problems with single
// inputs or their config files are written to `errors` ("NAME: message"
// lines, for the caller to prefix) and counted.
[[nodiscard]] RunResult run(const RunSettings& settings, Report& report, std::ostream& errors);

}  // namespace digestkit::lint
