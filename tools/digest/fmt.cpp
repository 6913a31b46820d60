// `digest fmt`: options -> format::run() -> a FormatSink that prints: the
// canonical text or diffs on stdout, messages and the summary on stderr; the
// exit status (0 done, 1 would change with --check, 2 an input could not be
// formatted or written).
#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/format_run.hpp"

namespace digest_cli {
namespace {

namespace format = digestkit::format;

struct FmtArgs {
  std::vector<std::string> inputs;
  bool in_place = false;
  bool check = false;
  bool diff = false;
  bool keep_spacing = false;
  bool collapse_spaces = false;
  bool keep_tabs = false;
  bool keep_nbsp = false;
  bool keep_zero_width = false;
  bool no_nfc = false;
  unsigned jobs = 1;
  std::string config;
  bool no_config = false;
  bool quiet = false;
  std::string color = "auto";
  InputArgs input;
  ProgressArgs progress;
};

void write_out(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

class PrintingSink final : public format::FormatSink {
 public:
  PrintingSink(const format::RunSettings& settings, const FmtArgs& args)
      : progress_(settings.progress),
        settings_(settings),
        quiet_(args.quiet),
        stderr_colour_(use_colour(STDERR_FILENO, colour_mode_named(args.color))),
        stdout_is_terminal_(::isatty(STDOUT_FILENO) == 1) {}

  void config_error(const std::string& message) override {
    clear_progress();
    std::fputs((message + "\n").c_str(), stderr);
  }

  void file(format::FileOutcome&& outcome) override {
    // Messages go to stderr, the progress line's terminal; the canonical
    // text and diffs to stdout, which may be that terminal too.
    const bool to_stderr = !outcome.diagnostics.empty() || outcome.status == format::FileStatus::Failed ||
                           (outcome.status == format::FileStatus::Reformatted &&
                            (settings_.check || (settings_.diff && outcome.diff.empty())));
    const bool to_stdout = !outcome.text.empty() || !outcome.diff.empty();
    if (to_stderr || (to_stdout && stdout_is_terminal_)) clear_progress();
    for (const auto& diagnostic : outcome.diagnostics) {
      std::fputs(digestkit::render_text(diagnostic, outcome.source.get(), {stderr_colour_, true}).c_str(),
                 stderr);
    }
    for (const std::string& warning : outcome.warnings) {
      clear_progress();
      std::fputs(fmt::format("digest fmt: {}: warning: {}\n", outcome.name, warning).c_str(), stderr);
    }
    if (outcome.status == format::FileStatus::Failed) {
      fail(outcome.name, outcome.problem);
      return;
    }
    const bool changed = outcome.status == format::FileStatus::Reformatted;
    if (settings_.check && changed && !quiet_)
      std::fputs(fmt::format("would reformat {}\n", outcome.name).c_str(), stderr);
    if (settings_.diff && changed) {
      if (outcome.diff.empty() && !quiet_) {
        std::fputs(fmt::format("{}: only the encoding changes ({} -> UTF-8)\n", outcome.name,
                               outcome.transcoded_from)
                       .c_str(),
                   stderr);
      }
      write_out(outcome.diff);
    }
    if (!settings_.check && !settings_.diff && !settings_.in_place) {
      if (printed_any_ && !outcome.text.empty()) write_out("\n");  // digests back to back: one "\n" between
      try {
        outcome.text.for_each_piece([](std::string_view piece) {
          write_out(piece);
          return true;
        });
      } catch (const digestkit::SpoolError& error) {
        fail(outcome.name, error.what());
        return;
      }
      printed_any_ = printed_any_ || !outcome.text.empty();
    }
  }

  void input_error(digestkit::InputError&& error) override {
    clear_progress();
    if (error.warning) {
      std::fputs(fmt::format("digest fmt: {}: warning: {}\n", error.name, error.message).c_str(), stderr);
      return;
    }
    fail(error.name, error.message);
  }

  // The summary (a failure to write standard output is main's to report).
  void finish(const format::RunResult& result) {
    const std::size_t failed = result.failed + result.input_errors;
    const std::string failures = failed == 0 ? "" : fmt::format(", {} could not be formatted", failed);
    if (quiet_) return;
    if (settings_.check) {
      std::fputs(fmt::format("{} would be reformatted, {} already formatted{}\n",
                             plural(result.reformatted, "file", "files"), result.unchanged, failures)
                     .c_str(),
                 stderr);
    } else if (settings_.in_place) {
      // black's summary line.
      std::fputs(fmt::format("{} reformatted, {} left unchanged{}\n",
                             plural(result.reformatted, "file", "files"), result.unchanged, failures)
                     .c_str(),
                 stderr);
    }
  }

  [[nodiscard]] bool failed() const { return failed_; }

 private:
  void fail(const std::string& name, const std::string& message) {
    std::fputs(fmt::format("digest fmt: {}: {}\n", name, message).c_str(), stderr);
    failed_ = true;
  }

  void clear_progress() {
    if (progress_ != nullptr) progress_->finish();
  }

  digestkit::ProgressReporter* progress_;
  const format::RunSettings& settings_;
  const bool quiet_;
  const bool stderr_colour_;
  const bool stdout_is_terminal_;
  bool printed_any_ = false;
  bool failed_ = false;
};

int run_fmt(const FmtArgs& args) {
  format::RunSettings settings;
  settings.inputs = args.inputs;
  if (settings.inputs.empty()) {
    if (args.input.stdin_filename.empty())
      throw UsageError{"no input: give files, directories, archives or - (stdin)"};
    settings.inputs.emplace_back("-");
  }
  apply(args.input, settings.input_options, settings.decode);
  settings.jobs = jobs_from(args.jobs);
  settings.check = args.check;
  settings.diff = args.diff;
  settings.in_place = args.in_place;
  settings.diff_options.color = use_colour(STDOUT_FILENO, colour_mode_named(args.color));
  // fmt --diff is for reading: lines that differ only in invisible
  // characters show them (<U+00A0>, <U+000D>).
  settings.diff_options.spell_invisible = true;
  if (!args.config.empty()) settings.config_file = args.config;
  settings.use_config = !args.no_config;
  if (args.collapse_spaces) settings.command_line.collapse_spaces = true;
  if (args.keep_spacing) settings.command_line.collapse_spaces = false;
  if (args.keep_tabs) settings.command_line.replace_tabs = false;
  if (args.keep_nbsp) settings.command_line.replace_nbsp = false;
  if (args.keep_zero_width) settings.command_line.remove_zero_width = false;
  if (args.no_nfc) settings.command_line.nfc = false;

  const auto progress = make_progress(args.progress, args.quiet, settings.inputs, settings.input_options);
  settings.progress = progress.get();
  PrintingSink sink(settings, args);
  const format::RunResult result = format::run(settings, sink);
  if (progress) progress->complete();
  sink.finish(result);
  if (sink.failed()) return 2;
  return args.check && result.reformatted != 0 ? 1 : 0;
}

}  // namespace

void add_fmt_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FmtArgs>();
  CLI::App* command = app.add_subcommand("fmt", "Normalise digests to the canonical layout (the normaliser)");
  command
      ->add_option("inputs", args->inputs, "Files, directories (*.txt, recursive), archives, or - for stdin")
      ->type_name("PATH");
  auto* in_place =
      command->add_flag("-i,--in-place", args->in_place,
                        "Rewrite changed files atomically (temporary file, fsync, rename; permissions kept)");
  auto* check =
      command->add_flag("--check", args->check, "Write nothing; list files that would change, exit 1 if any");
  auto* diff = command->add_flag("--diff", args->diff, "Write nothing; print a unified diff of each change");
  in_place->excludes(check)->excludes(diff);
  auto* collapse = command->add_flag(
      "--collapse-spaces", args->collapse_spaces,
      "Opt in: collapse runs of spaces inside fields and print every author separator as \", \"");
  command->add_flag("--keep-spacing", args->keep_spacing, "Keep runs of spaces as published (the default)")
      ->excludes(collapse);
  command->add_flag("--keep-tabs", args->keep_tabs, "Keep tabs inside fields");
  command->add_flag("--keep-nbsp", args->keep_nbsp, "Keep NBSP and other Unicode spaces inside fields");
  command->add_flag("--keep-zero-width", args->keep_zero_width,
                    "Keep zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM)");
  command->add_flag("--no-nfc", args->no_nfc, "Do not normalise text to Unicode NFC");
  add_jobs_option(*command, args->jobs, "Files formatted");
  command->add_flag("-q,--quiet", args->quiet,
                    "Only errors on stderr: no \"would reformat\", no summary, no progress");
  add_colour_option(*command, args->color);
  add_input_options(*command, args->input);
  add_progress_option(*command, args->progress);
  auto* config = command
                     ->add_option("--config", args->config,
                                  "Read [fmt] from this digest.toml instead of the nearest one")
                     ->type_name("FILE")
                     ->check(CLI::ExistingFile);
  command->add_flag("--no-config", args->no_config, "Ignore digest.toml files")->excludes(config);
  command->footer(
      "fmt changes layout, never content: exactly what `digest validate` reports as fixable.\n"
      "Always repaired: line endings to LF, BOM, trailing blanks, blank lines, label and date spellings,\n"
      "legacy encodings to UTF-8. Repaired unless turned off by the flags above or by digest.toml: tabs,\n"
      "NBSP and other spaces, invisible characters, NFC. Runs of spaces (titles, names, author\n"
      "separators) are published text and kept unless --collapse-spaces or digest.toml asks:\n"
      "  [fmt]\n  collapse-spaces = true   # also: nfc, replace-tabs, replace-nbsp, remove-zero-width\n"
      "Files that do not parse are reported and left alone. See docs/fmt.md.\n\n"
      "Examples:\n"
      "  digest fmt post.txt                    print the canonical form of post.txt\n"
      "  digest fmt -i posts/                   rewrite every *.txt under posts/ that is not canonical\n"
      "  digest fmt --check posts/              CI: exit 1 and list the files that would change\n"
      "  digest fmt -j 2 --check posts/         the same on two threads\n"
      "  digest fmt --diff post.txt             show what fmt would change\n"
      "  cat post.txt | digest fmt - > out.txt  filter standard input\n"
      "  digest fmt --stdin-filename posts/a.txt < a.txt   stdin, named (and configured) as posts/a.txt\n"
      "  digest fmt --collapse-spaces post.txt  also collapse runs of spaces inside fields\n\n"
      "Exit status: 0 done (or nothing to change), 1 --check found files to change, 2 an input could not\n"
      "be read, parsed, formatted or written.");
  on_run(command, exit_code, [args] { return run_fmt(*args); });
}

}  // namespace digest_cli
