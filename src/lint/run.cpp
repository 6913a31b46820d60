// lint::run(): inputs -> (threads) config lookup, policy, lint -> (input
// order) report, archive-wide fingerprints -> (at the end) archive-wide
// findings -> report.
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "digestkit/lint_archive.hpp"
#include "digestkit/lint_run.hpp"
#include "digestkit/parallel.hpp"

namespace digestkit::lint {
namespace {

// The linter's view of each digest.toml the locator finds, converted once
// and shared by the worker threads.
class LintConfigs {
 public:
  explicit LintConfigs(const ConfigChoice& choice) : locator_(choice) {}

  // For the walk: digest.toml's exclude lists.
  ConfigLocator& locator() { return locator_; }

  // Null when no digest.toml applies. Throws ConfigError. `found` (when
  // given) is set to the digest.toml itself.
  const Config* for_input(const InputFile& input, const ConfigFile** found = nullptr) {
    const ConfigFile* file = locator_.for_input(input.name, input.container);
    if (found != nullptr) *found = file;
    if (file == nullptr) return nullptr;
    std::lock_guard lock(mutex_);
    auto [slot, inserted] = converted_.try_emplace(file);
    if (inserted) {
      try {
        slot->second.config = lint_config(*file);
      } catch (const ConfigError& error) {
        slot->second.error = error.what();
      }
    }
    if (!slot->second.error.empty()) throw ConfigError(slot->second.error);
    return &slot->second.config;
  }

 private:
  struct Converted {
    Config config;
    std::string error;
  };
  ConfigLocator locator_;
  std::mutex mutex_;
  std::unordered_map<const ConfigFile*, Converted> converted_;
};

struct Linted {
  FileResult result;
  Policy policy;
  const Config* config = nullptr;
  std::string config_error;
  std::optional<FixAttempt> fix;  // with a Fixer
  std::size_t fixed_findings = 0;
};

std::size_t fixable_findings(const FileResult& result) {
  return static_cast<std::size_t>(
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& diagnostic) {
        const Rule* rule = find_rule(diagnostic.code);
        return rule != nullptr && rule->fixable;
      }));
}

}  // namespace

RunResult run(const RunSettings& settings, Report& report, std::ostream& errors) {
  LintConfigs configs(settings.config);
  RunResult outcome;
  // Warnings are counted against the max-warnings of the digest.toml that
  // configures their file (0 for files without one).
  std::map<const Config*, std::size_t> budget_of;
  const auto budget_for = [&](const Config* config) -> WarningBudget& {
    const Config* key = config != nullptr && config->max_warnings ? config : nullptr;
    auto [slot, inserted] = budget_of.try_emplace(key, outcome.budgets.size());
    if (inserted) {
      outcome.budgets.push_back(key != nullptr ? WarningBudget{key->path, *key->max_warnings, 0}
                                               : WarningBudget{{}, 0, 0});
    }
    return outcome.budgets[slot->second];
  };

  ArchiveIndex archive;
  std::vector<const Config*> config_of_file;  // by the index archive.add() gives a file
  OrderedRunOptions run_options;
  run_options.jobs = std::max(1u, settings.jobs);
  run_options.progress = settings.progress;
  const auto clear_progress = [&] {
    if (settings.progress != nullptr) settings.progress->finish();
  };

  const auto skip_unshown_archive_rules = [&](Policy& policy) {
    RuleSelection unshown;
    for (const RuleId rule : {lint::rule<"DG401">, lint::rule<"DG402">}) {
      if (policy.enabled(rule) && !report.shows(policy.severity(rule)))
        unshown.ignore.emplace_back(rule.code());
    }
    if (!unshown.ignore.empty()) policy.apply(unshown);
  };
  // A file that does not parse may be a page that `digest extract` reads: one
  // DG100 finding that says so instead of the page's parse errors.
  const auto recognise_other_text = [&](Linted& linted) {
    if (!settings.other_text_kind || !linted.result.source || !linted.policy.enabled(rule<"DG100">)) return;
    const bool parse_errors = std::any_of(
        linted.result.diagnostics.begin(), linted.result.diagnostics.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error && d.code.starts_with("DG1"); });
    // A saved page is some hundred kilobytes; the recogniser decodes a copy
    // of the text, which a large file need not pay for.
    constexpr std::size_t kLargestPage = std::size_t{8} << 20;
    if (!parse_errors || linted.result.source->text().size() > kLargestPage) return;
    const std::optional<std::string> kind = settings.other_text_kind(linted.result.source->text());
    if (!kind) return;
    Diagnostic diagnostic;
    diagnostic.code = std::string(rule<"DG100">.code());
    diagnostic.severity = linted.policy.severity(rule<"DG100">);
    diagnostic.path = linted.result.path;
    diagnostic.message = "not a digest post: " + *kind;
    linted.result.diagnostics.assign(1, std::move(diagnostic));
  };
  const std::function<Linted(InputFile &&)> work = [&](InputFile&& input) {
    Linted linted;
    const Config* config = nullptr;
    const ConfigFile* config_file = nullptr;
    try {
      config = configs.for_input(input, &config_file);
    } catch (const ConfigError& error) {
      linted.config_error = error.what();
      linted.result.path = input.name;
      return linted;
    }
    linted.config = config;
    linted.policy = policy_for(config, settings.command_line, input.name);
    // The archive-wide rules keep every paper's title and authors until the
    // end: not for findings the report would not show (they are info by
    // default, below the default --min-severity).
    skip_unshown_archive_rules(linted.policy);
    if (auto result = not_a_digest(input.bytes, input.name, linted.policy)) {
      linted.result = std::move(*result);
      return linted;
    }
    ParseOptions parse_options;
    parse_options.recover = true;
    if (settings.fixer == nullptr) {
      linted.result =
          lint_file(parse_owned_bytes(std::move(input.bytes), input.name, settings.decode, parse_options),
                    input.name, linted.policy, settings.options);
      recognise_other_text(linted);
      return linted;
    }
    // The fixer needs the bytes as read; the repaired text is linted again,
    // so that only what is left is reported.
    linted.result = lint_file(parse_bytes(input.bytes, input.name, settings.decode, parse_options),
                              input.name, linted.policy, settings.options);
    recognise_other_text(linted);
    linted.fix = settings.fixer->fix(input, config_file, linted.result);
    if (linted.fix->status == FixAttempt::Status::Fixed) {
      const std::size_t before = fixable_findings(linted.result);
      linted.result = lint_file(parse_bytes(linted.fix->bytes, input.name, settings.decode, parse_options),
                                input.name, linted.policy, settings.options);
      const std::size_t after = fixable_findings(linted.result);
      linted.fixed_findings = before > after ? before - after : 0;
      linted.fix->bytes = {};
    }
    return linted;
  };
  const std::function<void(Linted &&)> emit = [&](Linted&& linted) {
    if (!linted.config_error.empty()) {
      clear_progress();
      errors << linted.config_error << '\n';
      ++outcome.config_errors;
      report.input_error(linted.result.path, linted.config_error);
      return;
    }
    if (linted.fix) {
      if (!linted.fix->warnings.empty()) clear_progress();
      for (const std::string& warning : linted.fix->warnings)
        errors << linted.result.path << ": warning: " << warning << '\n';
      switch (linted.fix->status) {
        case FixAttempt::Status::Untouched:
          break;
        case FixAttempt::Status::Fixed:
          ++outcome.fixed_files;
          outcome.fixed_findings += linted.fixed_findings;
          break;
        case FixAttempt::Status::Failed:
          clear_progress();
          errors << linted.result.path << ": warning: " << linted.fix->problem << '\n';
          ++outcome.unfixed_files;
          break;
      }
      settings.fixer->delivered(linted.result.path, std::move(*linted.fix));
    }
    FileResult& result = linted.result;
    archive.add(result.summary, linted.policy);
    config_of_file.push_back(linted.config);
    if (settings.report_on_terminal && !result.diagnostics.empty()) clear_progress();
    const std::size_t warnings_before = report.counts().warnings;
    report.add(result.path, result.source.get(), result.diagnostics, &result.summary);
    budget_for(linted.config).warnings += report.counts().warnings - warnings_before;
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    clear_progress();
    errors << error.name << ": " << (error.warning ? "warning: " : "") << error.message << '\n';
    if (error.warning) return;
    ++outcome.input_errors;
    report.input_error(error.name, error.message);
  };
  InputOptions input_options = settings.input_options;
  input_options.configs = &configs.locator();
  run_ordered<Linted>(settings.inputs, input_options, run_options, work, emit, on_error);
  std::vector<ArchiveFinding> across = archive.finish();
  if (!across.empty() && settings.report_on_terminal) clear_progress();
  // A file's findings at a time, so that their warnings count against the
  // config of that file.
  for (auto begin = across.begin(); begin != across.end();) {
    const auto end = std::find_if(begin, across.end(),
                                  [&](const ArchiveFinding& finding) { return finding.file != begin->file; });
    const std::size_t warnings_before = report.counts().warnings;
    report.add_archive_findings(
        std::vector<ArchiveFinding>(std::make_move_iterator(begin), std::make_move_iterator(end)));
    budget_for(config_of_file[begin->file]).warnings += report.counts().warnings - warnings_before;
    begin = end;
  }
  return outcome;
}

int exit_status(const RunResult& result, const Counts& counts, std::optional<long> command_line_max) {
  if (command_line_max) return exit_status(counts, *command_line_max);
  if (counts.errors > 0) return 1;
  for (const WarningBudget& budget : result.budgets) {
    if (budget.max_warnings >= 0 && budget.warnings > static_cast<std::size_t>(budget.max_warnings)) return 1;
  }
  return 0;
}

}  // namespace digestkit::lint
