// `digest convert`: options -> convert::run() -> a ConvertSink that reports
// failed inputs (and progress) on stderr; the library writes the output.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "digestkit/convert.hpp"
#include "digestkit/progress.hpp"

namespace digest_cli {
namespace {

namespace convert = digestkit::convert;
using digestkit::ConvertSource;

struct ConvertCommand {
  std::vector<std::string> inputs;
  std::optional<std::string> to;
  std::string from = "auto";
  std::string errors = "stderr";
  std::string output;
  unsigned jobs = 1;
  bool keep_going = false;
  bool fail_fast = false;
  bool quiet = false;
  InputArgs input;
  ProgressArgs progress;
  std::string config;
  bool no_config = false;
};

ConvertSource source_named(const std::string& name) {
  if (name == "text") return ConvertSource::Text;
  if (name == "json") return ConvertSource::Json;
  if (name == "jsonl-posts") return ConvertSource::JsonlPosts;
  return ConvertSource::Auto;
}

// Failed inputs on stderr (diagnostics rendered clang style), clearing the
// progress line first.
class ReportingSink final : public convert::ConvertSink {
 public:
  explicit ReportingSink(digestkit::ProgressReporter* progress)
      : progress_(progress), colour_(use_colour(STDERR_FILENO)) {}

  void converted(const digestkit::ConvertedInput& input) override {
    if (!input.failed() || input.error_written) return;
    std::string text;
    for (const digestkit::Diagnostic& diagnostic : input.diagnostics) {
      text += digestkit::render_text(diagnostic, input.source(), {colour_, true});
      if (text.back() != '\n') text.push_back('\n');
    }
    if (!input.problem.empty()) text += fmt::format("{}: error: {}\n", input.name, input.problem);
    report(text);
  }

  void input_error(const digestkit::InputError& error) override {
    report(fmt::format("digest convert: {}: {}{}\n", error.name, error.warning ? "warning: " : "",
                       error.message));
  }

 private:
  void report(const std::string& text) {
    if (progress_ != nullptr) progress_->finish();
    std::fputs(text.c_str(), stderr);
  }

  digestkit::ProgressReporter* progress_;
  bool colour_;
};

int run_convert(const ConvertCommand& command) {
  convert::RunSettings settings;
  if (auto problem = convert::choose_target(command.to, command.output, settings.options.to)) {
    throw UsageError{*problem};
  }
  settings.options.from = source_named(command.from);
  if (settings.options.from == ConvertSource::Json && settings.options.to != digestkit::ConvertTarget::Text) {
    throw UsageError{"JSON input converts to text only: use --to text"};
  }
  apply(command.input, settings.input_options, settings.options.decode);
  settings.inputs = command.inputs;
  settings.input_options.extensions = digestkit::input_extensions(settings.options.from);
  settings.jobs = jobs_from(command.jobs);
  settings.fail_fast = command.fail_fast;
  settings.inline_errors = command.errors == "inline";
  if (settings.inline_errors && (settings.options.from != ConvertSource::JsonlPosts ||
                                 settings.options.to != digestkit::ConvertTarget::JsonLines)) {
    throw UsageError{"--errors inline needs --from jsonl-posts --to jsonl"};
  }
  settings.output = command.output;
  if (!command.config.empty()) settings.config.file = command.config;
  settings.config.disabled = command.no_config;

  const auto progress =
      make_progress(command.progress, command.quiet, command.inputs, settings.input_options);
  settings.progress = progress.get();
  ReportingSink sink(progress.get());
  const convert::RunResult result = convert::run(settings, sink);
  if (progress) progress->complete();
  if (!result.summary.empty() && !command.quiet)
    std::fprintf(stderr, "digest convert: %s\n", result.summary.c_str());
  if (result.output_error) {
    print_error("convert", *result.output_error);
    std::clearerr(stdout);  // reported, with its cause; main need not again
    return 2;
  }
  const bool records = settings.options.from == ConvertSource::JsonlPosts;
  const std::size_t reported = result.failed - result.written_errors;
  if (reported != 0) {
    print_error("convert",
                fmt::format("{} of {} {} failed{}", reported, result.inputs, records ? "records" : "inputs",
                            result.stopped ? " (stopped at the first: --fail-fast)" : ""));
  }
  if (result.written_errors != 0 && !command.quiet) {
    print_error("convert", fmt::format("warning: {} of {} records failed (written as error records)",
                                       result.written_errors, result.inputs));
  }
  if (result.inputs == 0 && !command.quiet && !records) {
    print_error("convert",
                fmt::format("warning: no {} files in the inputs", settings.options.from == ConvertSource::Json
                                                                      ? "digestkit/1 JSON (*.json, *.jsonl)"
                                                                      : "digest (*.txt)"));
  }
  if (result.unreadable != 0 || result.unwritable != 0) return 2;
  return reported != 0 ? 1 : 0;
}

std::string target_names() {
  std::string names;
  for (const convert::TargetSpec& target : convert::targets()) {
    names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", target.name, target.description);
  }
  return names;
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
  auto command = std::make_shared<ConvertCommand>();
  auto* sub =
      app.add_subcommand("convert", "Convert digests to JSON, JSON Lines or CSV, and JSON back to text");
  sub->add_option("INPUT", command->inputs,
                  "files, directories, .tar/.tar.gz/.tgz/.zip archives, or - for stdin")
      ->type_name("PATH")
      ->required();
  std::vector<std::string> target_list;
  for (const convert::TargetSpec& target : convert::targets()) target_list.emplace_back(target.name);
  sub->add_option("--to", command->to,
                  "output: " + target_names() + "; default: by -o FILE's extension, else json")
      ->type_name("TARGET")
      ->check(CLI::IsMember(target_list));
  sub->add_option(
         "--from", command->from,
         "input: text, json (digestkit/1 JSON or JSON Lines), jsonl-posts (each line one JSON string "
         "holding a post's text, as Spark's RDD.pipe or Hadoop Streaming feed it), or auto (by "
         "extension .json/.jsonl)")
      ->type_name("SOURCE")
      ->check(CLI::IsMember({"auto", "text", "json", "jsonl-posts"}))
      ->capture_default_str();
  sub->add_option("--errors", command->errors,
                  "stderr: failed inputs reported on stderr, exit 1; inline (--from jsonl-posts --to jsonl): "
                  "a failed record becomes an {\"error\": ...} line in its place, exit 0")
      ->type_name("WHERE")
      ->check(CLI::IsMember({"stderr", "inline"}))
      ->capture_default_str();
  sub->add_option(
         "-o,--output", command->output,
         "write to FILE instead of stdout; DIR/ (trailing slash or an existing directory): one file per "
         "input")
      ->type_name("FILE|DIR/");
  add_jobs_option(*sub, command->jobs, "Inputs converted");
  auto* keep_going =
      sub->add_flag("--keep-going", command->keep_going, "report a failed input and go on (the default)");
  auto* fail_fast = sub->add_flag("--fail-fast", command->fail_fast, "stop at the first failed input");
  keep_going->excludes(fail_fast);
  fail_fast->excludes(keep_going);
  add_input_options(*sub, command->input);
  sub->add_flag("-q,--quiet", command->quiet, "Only errors on stderr: no warnings, no progress");
  add_progress_option(*sub, command->progress);
  auto* config =
      sub->add_option("--config", command->config,
                      "With --to text: read [fmt] from this digest.toml instead of the nearest one")
          ->type_name("FILE")
          ->check(CLI::ExistingFile);
  sub->add_flag("--no-config", command->no_config, "With --to text: ignore digest.toml files")
      ->excludes(config);
  sub->footer(
      "Text inputs (.txt in directories and archives) convert to json, jsonl, csv, or text (the canonical\n"
      "form, as digest fmt prints it, with each input's digest.toml [fmt]); digestkit/1 JSON inputs\n"
      "(named .json/.jsonl files, or with --from json also those in directories and archives) convert\n"
      "to text. Without --to, -o FILE's extension picks the target (.json, .jsonl, .csv, .txt). The JSON\n"
      "format is\n"
      "schema/digestkit-1.schema.json (docs/json.md). Each digest records its source: path, position\n"
      "in the file, encoding (legacy charsets are detected and transcoded), BOM and line endings. CSV\n"
      "has one row per entry (RFC 4180). A failed input is reported on stderr and the others go on;\n"
      "its output is left out.\n"
      "\n"
      "Examples:\n"
      "  digest convert --to jsonl posts/ > posts.jsonl      every post under posts/, one digest per line\n"
      "  digest convert -j 2 -o all.json archive.tgz         one JSON array for a whole archive, two jobs\n"
      "  digest convert -o entries.csv posts/                one row per entry (--to csv from the name)\n"
      "  digest convert --to jsonl -o out/ legacy.zip        one .jsonl per member under out/\n"
      "  digest convert --encoding GB18030 --to json old/    force a legacy charset\n"
      "  digest convert post.txt | digest convert --from json --to text -   back to text (= digest fmt)\n"
      "  jq -c 'select(.date >= \"2024-01-01\")' posts.jsonl | digest convert --from json --to text -\n"
      "  digest convert --from jsonl-posts --to jsonl --errors inline -   a Spark/Hadoop Streaming mapper\n"
      "\n"
      "Exit status: 0 all converted, 1 some inputs failed to decode or parse (summary on stderr),\n"
      "2 usage error, an unreadable input or one over a size limit, or output that could not be written.");
  on_run(sub, exit_code, [command] { return run_convert(*command); });
}

}  // namespace digest_cli
