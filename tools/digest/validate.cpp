// `digest validate`: options -> lint::run() -> report on stdout, summary and
// errors on stderr.
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_baseline.hpp"
#include "digestkit/lint_report.hpp"
#include "digestkit/lint_run.hpp"

namespace digest_cli {
namespace {

namespace lint = digestkit::lint;

struct ValidateOptions {
  std::string format = "text";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> severity;
  std::optional<long> max_warnings;
  bool statistics = false;
  bool list_rules = false;
  std::string explain;
  std::string config;
  std::string today;
  std::string stdin_filename;
  unsigned jobs = 1;
  std::string color = "auto";
  std::string min_severity = "warning";
  std::string baseline;
  std::string write_baseline;
  std::string sarif_root;
  std::string output_file;
  std::vector<std::string> inputs;
};

// Thrown for a bad option value: exit status 2.
struct UsageError {
  std::string message;
};

std::chrono::year_month_day parse_day(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char dash1 = 0;
  char dash2 = 0;
  char extra = 0;
  if (text.size() != 10 ||
      std::sscanf(text.c_str(), "%4d%c%2u%c%2u%c", &year, &dash1, &month, &dash2, &day, &extra) != 5 ||
      dash1 != '-' || dash2 != '-') {
    throw UsageError{"--today must be a date YYYY-MM-DD, not \"" + text + "\""};
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) throw UsageError{"--today " + text + " is not a calendar date"};
  return ymd;
}

lint::RuleSelection selection_of(const ValidateOptions& options) {
  lint::RuleSelection selection;
  if (!options.select.empty()) selection.select = options.select;
  if (!options.ignore.empty()) selection.ignore = options.ignore;
  for (const std::string& setting : options.severity) {
    const std::size_t equals = setting.find('=');
    if (equals == std::string::npos) throw UsageError{"--severity takes CODE=LEVEL, not \"" + setting + "\""};
    try {
      selection.severity[setting.substr(0, equals)] = lint::parse_severity(setting.substr(equals + 1), true);
    } catch (const std::invalid_argument& error) {
      throw UsageError{"--severity " + setting + ": " + error.what()};
    }
  }
  try {
    lint::check_codes(selection);
  } catch (const std::invalid_argument& error) {
    throw UsageError{error.what()};
  }
  return selection;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

int print_catalogue(const ValidateOptions& options) {
  if (!options.explain.empty()) {
    const lint::Rule* rule = lint::find_rule(options.explain);
    if (rule == nullptr) {
      std::string upper = options.explain;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      rule = lint::find_rule(upper);
    }
    if (rule == nullptr)
      throw UsageError{"no rule \"" + options.explain + "\" (see digest validate --list-rules)"};
    std::cout << lint::explain(*rule);
    return 0;
  }
  if (options.format == "markdown") {
    std::cout << lint::rules_markdown();
  } else if (options.format == "text") {
    std::cout << lint::rules_table();
  } else {
    throw UsageError{"--list-rules prints --format text or markdown"};
  }
  return 0;
}

int run_validate(const ValidateOptions& options) {
  if (options.list_rules || !options.explain.empty()) return print_catalogue(options);

  const auto format = lint::parse_format(options.format);
  if (!format) {
    throw UsageError{"unknown --format \"" + options.format +
                     "\" (text, json, sarif, github, gitlab, junit or checkstyle)"};
  }
  if (options.statistics && *format != lint::Format::Text && *format != lint::Format::Json) {
    throw UsageError{"--statistics prints --format text or json"};
  }
  // -o FILE: the report goes there; the findings are also printed on stdout
  // as text (one run, a report for the CI system and a log for people).
  std::ofstream output_file;
  if (!options.output_file.empty()) {
    output_file.open(options.output_file, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      std::cerr << "digest validate: cannot write " << options.output_file << ": " << std::strerror(errno)
                << '\n';
      return 2;
    }
  }
  std::ostream& report_stream = options.output_file.empty() ? std::cout : output_file;

  lint::RunSettings settings;
  settings.inputs = options.inputs;
  if (settings.inputs.empty()) {
    if (options.stdin_filename.empty())
      throw UsageError{"no input: give files, directories, archives or - (stdin)"};
    settings.inputs.emplace_back("-");
  }
  if (!options.stdin_filename.empty()) settings.input_options.stdin_name = options.stdin_filename;
  settings.jobs = options.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.jobs;
  settings.command_line = selection_of(options);
  if (!options.config.empty()) settings.config_file = options.config;
  settings.options.today = options.today.empty() ? lint::today_utc() : parse_day(options.today);

  lint::ReportOptions report_options;
  report_options.format = *format;
  report_options.color = use_color(options.color);
  report_options.statistics = options.statistics;
  report_options.min_severity = *lint::parse_severity(options.min_severity, false);
  report_options.tool_version = DIGESTKIT_VERSION;
  report_options.information_uri = DIGESTKIT_HOMEPAGE_URL;
  report_options.rules_uri = DIGESTKIT_RULES_URL;
  report_options.root = options.sarif_root.empty()
                            ? lint::default_report_root(std::filesystem::current_path())
                            : std::filesystem::absolute(options.sarif_root).lexically_normal();

  // --baseline: absorb what it holds. --write-baseline: record this run's
  // findings, or with --baseline, write the baseline back without the
  // entries that no longer occur.
  std::optional<lint::Baseline> baseline;
  std::optional<lint::Baseline> recorded;
  if (!options.baseline.empty()) {
    try {
      baseline = lint::Baseline::read(options.baseline);
    } catch (const lint::BaselineError& error) {
      std::cerr << "digest validate: " << error.what() << '\n';
      return 2;
    }
    report_options.baseline = &*baseline;
    if (!options.write_baseline.empty() &&
        lint::Baseline(options.write_baseline).root() != baseline->root()) {
      throw UsageError{
          "--baseline and --write-baseline must be in the same folder (paths in them are relative to it)"};
    }
  } else if (!options.write_baseline.empty()) {
    recorded.emplace(options.write_baseline);
    report_options.record = &*recorded;
  }
  if (!options.output_file.empty() && *format != lint::Format::Text && !options.statistics) {
    report_options.text_log = &std::cout;
    report_options.text_log_color = use_color(options.color);
  }
  if (*format == lint::Format::Github) {
    const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
    if (step_summary != nullptr && *step_summary != '\0') report_options.github_step_summary = step_summary;
  }
  lint::Report report(report_stream, report_options);

  lint::RunResult result;
  try {
    result = lint::run(settings, report, std::cerr);
  } catch (const lint::ConfigError& error) {
    std::cerr << "digest: " << error.what() << '\n';
    return 2;
  }
  try {
    report.finish();
  } catch (const lint::ReportError& error) {
    std::cerr << "digest validate: " << error.what() << '\n';
    return 2;
  }
  if (output_file.is_open()) {
    output_file.close();
    if (!output_file) {
      std::cerr << "digest validate: cannot write " << options.output_file << '\n';
      return 2;
    }
  }
  if (!options.write_baseline.empty() && result.input_errors == 0 && result.config_errors == 0) {
    try {
      const lint::Baseline written = baseline ? baseline->pruned() : *recorded;
      written.write(options.write_baseline);
      std::cerr << "digest validate: wrote " << written.size() << " finding"
                << (written.size() == 1 ? "" : "s") << " to " << options.write_baseline << '\n';
    } catch (const lint::BaselineError& error) {
      std::cerr << "digest validate: " << error.what() << '\n';
      return 2;
    }
  }

  const std::string summary = lint::summary_line(report.counts());
  const bool human_log = *format == lint::Format::Text || report_options.text_log != nullptr;
  if (!summary.empty() && human_log && !options.statistics) std::cerr << summary << '\n';
  if (result.input_errors > 0 || result.config_errors > 0) return 2;
  if (report.counts().files == 0)
    std::cerr << "digest validate: warning: no digest files (*.txt) in the inputs\n";
  const long max_warnings = options.max_warnings.value_or(result.config_max_warnings.value_or(0));
  return lint::exit_status(report.counts(), max_warnings);
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command =
      app.add_subcommand("validate", "Lint digest posts: every problem with code, location and message");
  command->footer(
      "Examples:\n"
      "  digest validate post.txt                      lint one post (quiet when clean)\n"
      "  digest validate -j 2 posts/ archive.tgz       many files, two threads\n"
      "  digest validate --format sarif -o lint.sarif posts/   SARIF file, text log on stdout\n"
      "  digest validate --format gitlab -o gl-code-quality-report.json posts/\n"
      "  digest validate --select DG2 --ignore DG206 post.txt\n"
      "  digest validate --severity DG303=error --max-warnings 10 posts/\n"
      "  cat post.txt | digest validate --stdin-filename posts/post.txt -\n"
      "  digest validate --min-severity info post.txt  also show info findings (hidden by default)\n"
      "  digest validate --explain DG209               what a rule means and how to fix it\n"
      "  digest validate --write-baseline .digest-baseline.json posts/   accept today's findings\n"
      "  digest validate --baseline .digest-baseline.json posts/         report only new ones\n"
      "Settings are also read from digest.toml ([validate], [[per-file]]), found by walking up\n"
      "from each input, or from --config; command-line options override them.\n"
      "Exit status: 0 nothing at or over the threshold (errors always count; warnings count beyond\n"
      "--max-warnings, default 0; info never), 1 findings, 2 usage, config or I/O error.");
  command
      ->add_option(
          "--format", options->format,
          "Output: text, json, sarif, github, gitlab, junit, checkstyle (markdown with --list-rules)")
      ->capture_default_str();
  command->add_option("--select", options->select, "Only these rules: codes, prefixes (DG2), names or ALL")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--ignore", options->ignore, "Skip these rules: codes, prefixes or names")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--severity", options->severity, "Re-rate a rule: CODE=error|warning|info|off")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      ->add_option("--max-warnings", options->max_warnings, "Fail when there are more warnings (-1: never)")
      ->check(CLI::Range(-1L, 1L << 40));
  command
      ->add_option("--min-severity", options->min_severity,
                   "Show findings from this severity up: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  command
      ->add_option("--baseline", options->baseline,
                   "Report only findings this baseline file does not hold (see --write-baseline)")
      ->check(CLI::ExistingFile);
  command->add_option("--write-baseline", options->write_baseline,
                      "Record the findings in this file (with --baseline: drop the ones that are gone)");
  command
      ->add_option("--sarif-root", options->sarif_root,
                   "Folder SARIF and GitLab paths are relative to (default: the git work tree, else .)")
      ->check(CLI::ExistingDirectory);
  command->add_option("-o,--output-file", options->output_file,
                      "Write the report to FILE (findings then also print on stdout as text)");
  command->add_flag("--statistics", options->statistics, "Print the number of findings per rule instead");
  command->add_flag("--list-rules", options->list_rules, "Print the rule catalogue");
  command->add_option("--explain", options->explain, "Print the page of one rule (code or name)");
  command->add_option("--config", options->config, "Use this digest.toml for every input")
      ->check(CLI::ExistingFile);
  command->add_option("--today", options->today, "Today's date for the future-date rule (default: now, UTC)");
  command->add_option("--stdin-filename", options->stdin_filename,
                      "Name standard input (-) for messages and digest.toml lookup");
  command->add_option("-j,--jobs", options->jobs, "Files linted in parallel (0: one per core)")
      ->capture_default_str();
  command->add_option("--color", options->color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command->add_option("inputs", options->inputs,
                      "Files, directories, archives (.tar.gz, .zip, ...) or - for stdin");
  command->callback([options, &exit_code] {
    try {
      exit_code = run_validate(*options);
    } catch (const UsageError& error) {
      std::cerr << "digest validate: " << error.message << '\n';
      exit_code = 2;
    }
  });
}

}  // namespace digest_cli
