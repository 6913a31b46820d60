// `digest validate`: options -> lint::run() -> report on stdout, summary and
// errors on stderr.
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
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
#include "common.hpp"
#include "digestkit/extract.hpp"
#include "digestkit/fix.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_baseline.hpp"
#include "digestkit/lint_report.hpp"
#include "digestkit/lint_run.hpp"

namespace digest_cli {
namespace {

namespace lint = digestkit::lint;
namespace fix = digestkit::fix;

struct ValidateOptions {
  std::string format = "text";
  std::vector<std::string> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::vector<std::string> severity;
  std::optional<long> max_warnings;
  bool statistics = false;
  bool list_rules = false;
  std::string explain;
  std::string config;
  bool no_config = false;
  std::string today;
  InputArgs input;
  ProgressArgs progress;
  unsigned jobs = 1;
  std::string color = "auto";
  std::string min_severity = "warning";
  std::string baseline;
  std::string write_baseline;
  std::string sarif_root;
  std::string output_file;
  bool quiet = false;
  bool exit_zero = false;
  bool fix = false;
  std::vector<std::string> inputs;
};

// Writes each line to `out` after "digest validate: " (the library's
// messages about inputs and config files name no command).
class PrefixedLines final : public std::streambuf {
 public:
  PrefixedLines(std::ostream& out, std::string prefix) : out_(out), prefix_(std::move(prefix)) {}

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    if (at_line_start_) out_ << prefix_;
    out_.put(static_cast<char>(c));
    at_line_start_ = c == '\n';
    return c;
  }
  int sync() override {
    out_.flush();
    return 0;
  }

 private:
  std::ostream& out_;
  std::string prefix_;
  bool at_line_start_ = true;
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
  selection.extend_select = options.extend_select;
  selection.ignore = options.ignore;
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
  } else if (options.format == "json") {
    std::cout << lint::rules_json();
  } else {
    throw UsageError{"--list-rules prints --format text, json or markdown"};
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

  lint::RunSettings settings;
  settings.inputs = options.inputs;
  // A page saved as text (w3m, lynx): named, and pointed to digest extract.
  settings.other_text_kind = [](std::string_view text) -> std::optional<std::string> {
    const auto layout = digestkit::extract::text_dump_layout(text);
    if (!layout) return std::nullopt;
    return fmt::format("a web page saved as text ({} layout; use digest extract to get the digest out of it)",
                       *layout);
  };
  if (settings.inputs.empty()) {
    if (options.input.stdin_filename.empty())
      throw UsageError{"no input: give files, directories, archives or - (stdin)"};
    settings.inputs.emplace_back("-");
  }
  // --fix on standard input prints the repaired text on stdout (as `ruff
  // check --fix -` does); the findings then go to stderr, or to -o FILE.
  const bool fixed_text_on_stdout =
      options.fix && std::find(settings.inputs.begin(), settings.inputs.end(), "-") != settings.inputs.end();
  std::ostream& log_stream = fixed_text_on_stdout ? std::cerr : std::cout;
  const int log_fd = fixed_text_on_stdout ? STDERR_FILENO : STDOUT_FILENO;
  std::ostream& report_stream = options.output_file.empty() ? log_stream : output_file;
  apply(options.input, settings.input_options, settings.decode);
  settings.jobs = jobs_from(options.jobs);
  settings.command_line = selection_of(options);
  if (!options.config.empty()) settings.config.file = options.config;
  settings.config.disabled = options.no_config;
  settings.options.today = options.today.empty() ? lint::today_utc() : parse_day(options.today);

  lint::ReportOptions report_options;
  report_options.format = *format;
  report_options.color = use_colour(log_fd, colour_mode_named(options.color));
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
    report_options.text_log = &log_stream;
    report_options.text_log_color = use_colour(log_fd, colour_mode_named(options.color));
  }
  if (*format == lint::Format::Github) {
    const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
    if (step_summary != nullptr && *step_summary != '\0') report_options.github_step_summary = step_summary;
  }
  lint::Report report(report_stream, report_options);

  const auto progress =
      make_progress(options.progress, options.quiet, settings.inputs, settings.input_options);
  settings.progress = progress.get();
  settings.report_on_terminal = isatty(log_fd) == 1;
  lint::RunResult result;
  PrefixedLines prefixed(std::cerr, "digest validate: ");
  std::ostream errors(&prefixed);
  try {
    if (options.fix) {
      fix::RunSettings fix_settings{settings, &std::cout};
      result = fix::run(fix_settings, report, errors);
    } else {
      result = lint::run(settings, report, errors);
    }
  } catch (const lint::ConfigError& error) {
    throw UsageError{error.what()};
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
  if (progress) progress->complete();
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

  // After --fix, what is left to fix could not be (named above as warnings).
  lint::Counts summary_counts = report.counts();
  if (options.fix) summary_counts.fixable = 0;
  const std::string summary = lint::summary_line(summary_counts);
  const bool human_log = *format == lint::Format::Text || report_options.text_log != nullptr;
  if (!summary.empty() && human_log && !options.statistics && !options.quiet) std::cerr << summary << '\n';
  if (options.fix && !options.quiet && (result.fixed_findings > 0 || result.fixed_files > 0)) {
    std::cerr << "digest validate: fixed " << result.fixed_findings << " finding"
              << (result.fixed_findings == 1 ? "" : "s") << " in " << result.fixed_files << " file"
              << (result.fixed_files == 1 ? "" : "s") << '\n';
  }
  if (result.input_errors > 0 || result.config_errors > 0) return 2;
  if (report.counts().files == 0 && !options.quiet)
    std::cerr << "digest validate: warning: no digest files (*.txt) in the inputs\n";
  if (options.exit_zero) return 0;
  return lint::exit_status(result, report.counts(), options.max_warnings);
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
      "  digest validate --fix posts/                  apply digest fmt's repairs, report what is left\n"
      "Settings are also read from digest.toml ([validate], [[per-file]]), the nearest one above\n"
      "each input (an archive's member: above the archive), or from --config; --select replaces the\n"
      "configured selection, --extend-select and --ignore add to it. See docs/config.md.\n"
      "Exit status: 0 nothing at or over the threshold (errors always count; warnings count beyond\n"
      "--max-warnings, default 0; info never), 1 findings, 2 usage, config or I/O error.");
  command
      ->add_option(
          "--format", options->format,
          "Output: text, json, sarif, github, gitlab, junit, checkstyle (markdown with --list-rules)")
      ->type_name("FORMAT")
      ->capture_default_str();
  command
      ->add_option(
          "--select", options->select,
          "Only these rules (replaces the configured selection): codes, prefixes (DG2), names or ALL")
      ->type_name("RULES")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      ->add_option("--extend-select", options->extend_select,
                   "Also these rules (added to the configured selection)")
      ->type_name("RULES")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--ignore", options->ignore, "Skip these rules (added to the configured ignore list)")
      ->type_name("RULES")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--severity", options->severity, "Re-rate a rule: CODE=error|warning|info|off")
      ->type_name("CODE=LEVEL")
      ->delimiter(',')
      ->allow_extra_args(false);
  command
      ->add_option("--max-warnings", options->max_warnings, "Fail when there are more warnings (-1: never)")
      ->type_name("N")
      ->check(CLI::Range(-1L, 1L << 40));
  command
      ->add_option("--min-severity", options->min_severity,
                   "Show findings from this severity up: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  command
      ->add_option("--baseline", options->baseline,
                   "Report only findings this baseline file does not hold (see --write-baseline)")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--write-baseline", options->write_baseline,
                   "Record the findings in this file (with --baseline: drop the ones that are gone)")
      ->type_name("FILE");
  command
      ->add_option("--sarif-root", options->sarif_root,
                   "Folder SARIF and GitLab paths are relative to (default: the git work tree, else .)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("-o,--output-file", options->output_file,
                   "Write the report to FILE (findings then also print on stdout as text)")
      ->type_name("FILE");
  command->add_flag("-q,--quiet", options->quiet,
                    "Only the findings: no summary line, no warnings about the inputs, no progress");
  command->add_flag("--exit-zero", options->exit_zero,
                    "Exit 0 even when there are findings (2 still means a usage, config or I/O error)");
  command->add_flag("--fix", options->fix,
                    "Repair the fixable findings ([*]) in place as `digest fmt -i` does (its [fmt] settings, "
                    "the safety check), then report what is left; stdin: the repaired text on stdout");
  command->add_flag("--statistics", options->statistics, "Print the number of findings per rule instead");
  command->add_flag("--list-rules", options->list_rules, "Print the rule catalogue");
  command->add_option("--explain", options->explain, "Print the page of one rule (code or name)")
      ->type_name("RULE");
  auto* config = command->add_option("--config", options->config, "Use this digest.toml for every input")
                     ->type_name("FILE")
                     ->check(CLI::ExistingFile);
  command->add_flag("--no-config", options->no_config, "Ignore digest.toml files")->excludes(config);
  command->add_option("--today", options->today, "Today's date for the future-date rule (default: now, UTC)")
      ->type_name("YYYY-MM-DD");
  add_input_options(*command, options->input);
  add_jobs_option(*command, options->jobs, "Files linted");
  add_progress_option(*command, options->progress);
  add_colour_option(*command, options->color);
  command
      ->add_option("inputs", options->inputs,
                   "Files, directories, archives (.tar.gz, .zip, ...) or - for stdin")
      ->type_name("PATH");
  on_run(command, exit_code, [options] { return run_validate(*options); });
}

}  // namespace digest_cli
