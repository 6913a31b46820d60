// `digest diff OLD NEW`: options -> digestkit::diff_inputs -> DiffReport.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "common.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/diff.hpp"

namespace digest_cli {
namespace {

struct DiffCommand {
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  std::string color = "auto";
  bool stat = false;
  InputArgs input;
  digestkit::DiffOptions options;
};

int run_diff(const DiffCommand& command) {
  digestkit::DiffReportOptions report_options;
  report_options.format = command.stat               ? digestkit::DiffFormat::Stat
                          : command.format == "json" ? digestkit::DiffFormat::Json
                                                     : digestkit::DiffFormat::Text;
  report_options.color = use_colour(STDOUT_FILENO, colour_mode_named(command.color));
  const bool error_color = use_colour(STDERR_FILENO, colour_mode_named(command.color));
  digestkit::InputOptions input_options;
  digestkit::DiffOptions options = command.options;
  apply(command.input, input_options, options.decode);

  digestkit::DiffReport report(report_options, command.old_path, command.new_path);
  bool trouble = false;
  auto report_errors = [&](const digestkit::ParsedFile& file) {
    for (const auto& diagnostic : digestkit::errors_of(file)) {
      digestkit::RenderOptions render;
      render.color = error_color;
      std::cerr << digestkit::render_text(diagnostic, file.source.get(), render) << '\n';
    }
  };
  const bool comparable = digestkit::diff_inputs(
      command.old_path, command.new_path, options, input_options,
      [&](digestkit::FileDiff&& file) {
        if (file.status == digestkit::FileDiffStatus::Failed) {
          trouble = true;
          report_errors(file.old_file);
          report_errors(file.new_file);
        }
        report.add(file);
      },
      [&](digestkit::InputError&& error) {
        trouble = true;
        std::cerr << "digest diff: " << error.name << ": " << error.message << '\n';
      });
  if (!comparable) return 2;
  std::cout << report.finish() << std::flush;
  if (trouble) return 2;
  return report.has_differences() ? 1 : 0;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto command = std::make_shared<DiffCommand>();
  auto* sub = app.add_subcommand("diff", "Show which entries were added, removed, retitled, edited or moved");
  sub->add_option("OLD", command->old_path, "old version: a file, a directory or an archive (- for stdin)")
      ->type_name("PATH")
      ->required();
  sub->add_option("NEW", command->new_path, "new version, of the same kind as OLD")
      ->type_name("PATH")
      ->required();
  sub->add_option("--format", command->format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->add_flag("--stat", command->stat, "counts only (per file for directories and archives)");
  sub->add_flag("--moves", command->options.moves, "also report entries whose order changed");
  sub->add_flag("--ignore-whitespace", command->options.ignore_whitespace,
                "treat runs of white space as one space, ignore leading/trailing white space");
  sub->add_flag("--ignore-case", command->options.ignore_case, "compare under Unicode case folding");
  add_colour_option(*sub, command->color);
  add_input_options(*sub, command->input);
  sub->footer(
      "Entries are matched by title (case, spacing and compatibility forms aside); entries left over are\n"
      "paired as retitled when their titles share at least 80% of their words; the rest are added or\n"
      "removed. For matched entries the authors list and the word-level changes of the abstract and\n"
      "comments are shown ([-removed-]{+added+}). Files holding several digests are compared digest by\n"
      "digest in order. Directories pair files by relative path, archives pair members by member path.\n"
      "\n"
      "Examples:\n"
      "  digest diff yesterday.txt today.txt            what changed in a post\n"
      "  digest diff --moves --ignore-case a.txt b.txt  also order changes; case differences ignored\n"
      "  digest diff --stat old/ new/                   counts per file of two scrape directories\n"
      "  digest diff --format json v1.tgz v2.tgz | jq '.summary'\n"
      "\n"
      "JSON output is described by schema/digestkit-diff-1.schema.json (docs/diff.md).\n"
      "Exit status: 0 no differences, 1 differences, 2 trouble (unreadable input, parse error).");
  on_run(sub, exit_code, [command] { return run_diff(*command); });
}

}  // namespace digest_cli
