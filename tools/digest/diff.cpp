// `digest diff OLD NEW`: options -> digestkit::diff_inputs -> DiffReport.
#include <langinfo.h>
#include <unistd.h>

#include <strings.h>
#include <clocale>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/diff.hpp"
#include "pager.hpp"

namespace digest_cli {
namespace {

struct DiffCommand {
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  std::string color = "auto";
  bool stat = false;
  bool side_by_side = false;
  bool show_unchanged = false;
  bool no_pager = false;
  int width = 0;  // 0: COLUMNS, the terminal's width or 130
  bool whitespace = false;
  bool explain_chars = false;
  int strip_components = -1;  // automatic
  // git's external diff arguments: path old-file old-hex old-mode new-file
  // new-hex new-mode.
  std::vector<std::string> git_external;
  InputArgs input;
  digestkit::DiffOptions options;
};

// Arrows and ellipses in UTF-8 unless the locale's character set is
// something else (LC_ALL=C is ASCII): the text view follows the terminal,
// the summary line and the JSON do not depend on it.
bool locale_is_utf8() {
  const char* previous = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = previous != nullptr ? previous : "C";
  if (std::setlocale(LC_CTYPE, "") == nullptr) return false;
  const char* codeset = nl_langinfo(CODESET);
  const bool utf8 =
      codeset != nullptr && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
  std::setlocale(LC_CTYPE, saved.c_str());
  return utf8;
}

bool is_tree(const std::string& path) {
  std::error_code error;
  return path != "-" && (std::filesystem::is_directory(path, error) || digestkit::is_archive_path(path));
}

int run_diff(DiffCommand command) {
  std::string git_path;
  if (!command.git_external.empty()) {
    if (!command.old_path.empty()) {
      std::cerr << "digest diff: --git-external takes git's seven arguments instead of OLD and NEW\n";
      return 2;
    }
    git_path = command.git_external[0];
    command.old_path = command.git_external[1];
    command.new_path = command.git_external[4];
  } else if (command.new_path.empty()) {
    std::cerr << "digest diff: " << (command.old_path.empty() ? "OLD and NEW are" : "NEW is")
              << " required\nRun with --help for more information.\n";
    return 2;
  }
  if (command.strip_components >= 0)
    command.options.strip_components = static_cast<std::size_t>(command.strip_components);
  digestkit::DiffReportOptions report_options;
  report_options.format = command.stat                     ? digestkit::DiffFormat::Stat
                          : command.format == "json"       ? digestkit::DiffFormat::Json
                          : command.format == "json-patch" ? digestkit::DiffFormat::JsonPatch
                          : command.format == "html"       ? digestkit::DiffFormat::Html
                          : command.side_by_side           ? digestkit::DiffFormat::SideBySide
                                                           : digestkit::DiffFormat::Text;
  if (command.side_by_side && report_options.format != digestkit::DiffFormat::SideBySide) {
    std::cerr << "digest diff: --side-by-side is a text view: it does not go with --stat or --format "
              << command.format << '\n';
    return 2;
  }
  report_options.width =
      output_width(command.width > 0 ? std::optional<std::size_t>(command.width) : std::nullopt);
  report_options.show_unchanged = command.show_unchanged;
  if (report_options.format == digestkit::DiffFormat::JsonPatch &&
      (is_tree(command.old_path) || is_tree(command.new_path))) {
    std::cerr << "digest diff: --format json-patch compares two files (convert --to json of a directory or\n"
                 "archive is one array of all its files' digests); give two files\n";
    return 2;
  }
  // Under git, stdout is git's pager when it has one (GIT_PAGER_IN_USE).
  const char* git_pager = std::getenv("GIT_PAGER_IN_USE");
  const bool git_terminal =
      !git_path.empty() && git_pager != nullptr && std::string_view(git_pager) == "true";
  report_options.color = use_colour(STDOUT_FILENO, colour_mode_named(command.color)) ||
                         (git_terminal && use_colour(STDERR_FILENO, colour_mode_named(command.color)));
  report_options.whitespace = command.whitespace;
  report_options.explain_chars = command.explain_chars;
  report_options.ascii = !locale_is_utf8();
  const bool error_color = use_colour(STDERR_FILENO, colour_mode_named(command.color));
  digestkit::InputOptions input_options;
  apply(command.input, input_options, command.options.decode);

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
      command.old_path, command.new_path, command.options, input_options,
      [&](digestkit::FileDiff&& file) {
        if (file.status == digestkit::FileDiffStatus::Failed) {
          trouble = true;
          report_errors(file.old_file);
          report_errors(file.new_file);
        }
        report.add(file);
      },
      [&](digestkit::InputError&& error) {
        trouble = trouble || !error.warning;
        std::cerr << "digest diff: " << error.name << ": " << (error.warning ? "warning: " : "")
                  << error.message << '\n';
      });
  if (!comparable) return 2;
  const std::string out = report.finish();
  if (!git_path.empty()) {
    // git prints nothing of its own for an external diff: name the file as
    // `diff --git` would, and exit 0 (any other status makes git stop).
    if (!out.empty()) {
      const std::string_view bold = report_options.color ? "\x1b[1m" : "";
      const std::string_view reset = report_options.color ? "\x1b[m" : "";
      std::cout << bold << "diff --digest a/" << git_path << " b/" << git_path << reset << '\n';
    }
    std::cout << out << std::flush;
    return trouble ? 2 : 0;
  }
  // The views people read go through the pager on a terminal.
  const bool paged = report_options.format == digestkit::DiffFormat::Text ||
                     report_options.format == digestkit::DiffFormat::SideBySide;
  print_paged(out, paged && !command.no_pager);
  if (trouble) return 2;
  return report.has_differences() ? 1 : 0;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto command = std::make_shared<DiffCommand>();
  auto* sub = app.add_subcommand("diff", "Show which entries were added, removed, retitled, edited or moved");
  sub->add_option("OLD", command->old_path, "old version: a file, a directory or an archive (- for stdin)")
      ->type_name("PATH");
  sub->add_option("NEW", command->new_path, "new version, of the same kind as OLD")->type_name("PATH");
  sub->add_option("--git-external", command->git_external,
                  "run as git's diff.<driver>.command: the seven arguments git passes (docs/diff.md)")
      ->expected(7)
      ->type_name("PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE");
  sub->add_option("--format", command->format, "output format")
      ->check(CLI::IsMember({"text", "json", "json-patch", "html"}))
      ->capture_default_str();
  sub->add_flag("-y,--side-by-side", command->side_by_side,
                "the text view in two columns, old | new, entry beside entry (as diff -y)");
  sub->add_option("--width", command->width,
                  "cells a side-by-side row takes (default: COLUMNS, the terminal's width, or 130)")
      ->check(CLI::Range(21, 100000))
      ->type_name("N");
  sub->add_flag("--show-unchanged", command->show_unchanged,
                "side by side and HTML: show unchanged entries whole instead of counting them");
  sub->add_flag("--no-pager", command->no_pager,
                "never page the text views (default on a terminal: DIGEST_PAGER, PAGER, or less -FRX)");
  sub->add_flag("--stat", command->stat, "counts only (per file for directories and archives)");
  sub->add_flag("--moves", command->options.moves, "also report entries whose order changed");
  sub->add_flag("--ignore-whitespace", command->options.ignore_whitespace,
                "treat runs of white space as one space, ignore leading/trailing white space");
  sub->add_flag("--ignore-case", command->options.ignore_case, "compare under Unicode case folding");
  sub->add_option("--strip-components", command->strip_components,
                  "leading folders of member paths to ignore when pairing two directories or archives\n"
                  "(default: one, when each side has all its members in one top folder)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  sub->add_flag("--whitespace", command->whitespace,
                "show changes of runs of spaces and tabs alone (hidden in the text view by default)");
  sub->add_flag("--explain-chars", command->explain_chars,
                "name the invisible characters the text view spells: <U+200B ZERO WIDTH SPACE>");
  add_colour_option(*sub, command->color);
  add_input_options(*sub, command->input);
  sub->footer(
      "Entries are matched by title (case, spacing and compatibility forms aside); entries left over are\n"
      "paired as retitled when their titles share at least 80% of their words; the rest are added or\n"
      "removed. For matched entries the authors list and the word-level changes of the abstract and\n"
      "comments are shown ([-removed-]{+added+}, or in red and green on a terminal). Invisible characters\n"
      "are spelled <U+200B>. Files holding several digests are compared digest by\n"
      "digest in order. Directories pair files by relative path, archives pair members by member path\n"
      "(v1/a.txt with v2/a.txt when each side holds one top folder, as `tar czf v1.tgz v1/` makes).\n"
      "\n"
      "Examples:\n"
      "  digest diff yesterday.txt today.txt            what changed in a post\n"
      "  digest diff --moves --ignore-case a.txt b.txt  also order changes; case differences ignored\n"
      "  digest diff --stat old/ new/                   counts per file of two scrape directories\n"
      "  digest diff --format json v1.tgz v2.tgz | jq '.summary'\n"
      "\n"
      "  digest diff --format json-patch a.txt b.txt    RFC 6902 patch of `convert --to json a.txt`\n"
      "  digest diff -y --width 160 a.txt b.txt         old and new in two columns\n"
      "  digest diff --format html old/ new/ > diff.html   one self-contained page\n"
      "  git config diff.digest.command 'digest diff --git-external'   entry-level `git diff` of\n"
      "  echo '*.txt diff=digest' >> .gitattributes                     digest posts\n"
      "\n"
      "JSON output is described by schema/digestkit-diff-1.schema.json (docs/diff.md).\n"
      "Identical inputs print nothing (--stat prints the counts).\n"
      "Exit status: 0 no differences, 1 differences, 2 trouble (unreadable input, parse error).");
  on_run(sub, exit_code, [command] { return run_diff(*command); });
}

}  // namespace digest_cli
