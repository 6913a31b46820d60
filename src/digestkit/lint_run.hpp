// A whole `digest validate` run as a library call: walk the inputs (files,
// directories, archives, stdin), find each one's digest.toml (ConfigLocator), lint on `jobs`
// threads (and repair, with a Fixer), apply the archive-wide rules in input
// order, and feed a Report.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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

// What a Fixer did with one input.
struct FixAttempt {
  enum class Status : std::uint8_t {
    Untouched,  // nothing to fix
    Fixed,      // repaired: `bytes` are linted in place of the input's
    Failed,     // something to fix, but the input is left as it is: see `problem`
  };
  Status status = Status::Untouched;
  std::string bytes;    // Fixed: the repaired text (already written back, for a file)
  std::string problem;  // Failed: why, as a clause to follow "NAME: "
  // What the rewrite kept only in part (the group, a set-ID bit) or cleaned
  // up (a stale temporary file), one line each.
  std::vector<std::string> warnings;
  // Standard input: the text to print (repaired or as read), as `ruff check
  // --fix -` prints the fixed source.
  std::optional<std::string> standard_output;
};

// A repair pass after each input is linted (`digest validate --fix`: the
// fix module composes it from format's repairs; lint knows nothing of how).
class Fixer {
 public:
  Fixer() = default;
  Fixer(const Fixer&) = delete;
  Fixer& operator=(const Fixer&) = delete;
  virtual ~Fixer() = default;
  // On the worker threads. `config` is the input's digest.toml (null: none),
  // `linted` its findings under its policy.
  [[nodiscard]] virtual FixAttempt fix(const InputFile& input, const ConfigFile* config,
                                       const FileResult& linted) = 0;
  // On the calling thread, in input order, before the input's findings
  // are reported.
  virtual void delivered(const std::string& name, FixAttempt&& attempt) = 0;
};

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
  // Not owned; null: nothing is repaired. Its repaired inputs are linted
  // again and only what is left is reported.
  Fixer* fixer = nullptr;
  // What a file is when it is another kind of text that a digest tool reads
  // (a web page saved as text, which `digest extract` reads): a phrase for
  // DG100's message, or nullopt. Asked only of files with parse errors of at
  // most 8 MiB (a saved page is far smaller), so clean posts and large files
  // cost nothing; empty: not asked. (validate passes extract's
  // recogniser: lint does not depend on extract.)
  std::function<std::optional<std::string>(std::string_view text)> other_text_kind;
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
  // With a Fixer: findings of fixable rules gone from the repaired inputs,
  // the inputs repaired, and those with something to fix left as they were
  // (each named on the error stream as a warning).
  std::size_t fixed_findings = 0;
  std::size_t fixed_files = 0;
  std::size_t unfixed_files = 0;
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
