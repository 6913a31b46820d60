#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "digestkit/convert.hpp"

namespace digest_cli {
namespace {

// Set and not empty.
bool is_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// Set, not empty and not "0".
bool is_forced(const char* name) { return is_set(name) && std::string_view(std::getenv(name)) != "0"; }

// Optimal string alignment distance (Levenshtein plus adjacent swaps).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

void print_error(std::string_view command, std::string_view message) {
  std::fputs(fmt::format("digest {}: {}\n", command, message).c_str(), stderr);
}

void on_run(CLI::App* command, int& exit_code, std::function<int()> body) {
  command->callback([command, &exit_code, body = std::move(body)] {
    try {
      exit_code = body();
    } catch (const UsageError& error) {
      print_error(command->get_name(), error.message);
      exit_code = 2;
    }
  });
}

bool use_colour(int fd, ColourMode mode) {
  switch (mode) {
    case ColourMode::Always:
      return true;
    case ColourMode::Never:
      return false;
    case ColourMode::Auto:
      break;
  }
  if (is_set("NO_COLOR")) return false;
  if (is_forced("FORCE_COLOR") || is_forced("CLICOLOR_FORCE")) return true;
  return ::isatty(fd) == 1;
}

ColourMode colour_mode_named(std::string_view name) {
  if (name == "always") return ColourMode::Always;
  if (name == "never") return ColourMode::Never;
  return ColourMode::Auto;
}

CLI::Option* add_colour_option(CLI::App& command, std::string& mode) {
  return command
      .add_option("--color", mode,
                  "Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

unsigned jobs_from(unsigned requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

CLI::Option* add_jobs_option(CLI::App& command, unsigned& jobs, std::string_view what) {
  return command
      .add_option("-j,--jobs", jobs,
                  fmt::format("{} in parallel (0: one per core); output stays in input order", what))
      ->type_name("N")
      ->capture_default_str();
}

void add_input_options(CLI::App& command, InputArgs& args) {
  command
      .add_option("--encoding", args.encoding,
                  "Decode text inputs from this charset (ICU name, e.g. GB18030) instead of detecting it")
      ->type_name("NAME");
  command
      .add_option("--stdin-filename", args.stdin_filename,
                  "Name standard input (-) for messages and digest.toml lookup")
      ->type_name("PATH");
  command.add_option("--max-file-size", args.max_file_size, "Largest input file or standard input (e.g. 2G)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("1G");
  command.add_option("--max-member-size", args.max_member_size, "Largest archive member (e.g. 16M, 1G)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64M");
  command.add_option("--max-total-size", args.max_total_size, "Most bytes one archive may expand to")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("1G");
  command
      .add_option("--max-expansion-ratio", args.max_expansion_ratio,
                  "Stop an archive that expands more than this many times its compressed size (0: no limit)")
      ->type_name("N")
      ->capture_default_str();
  add_walk_options(command, args);
}

void add_walk_options(CLI::App& command, InputArgs& args) {
  command.add_flag("--hidden", args.hidden, "Walk hidden files and folders (names starting with '.') too");
  command.add_flag("--no-ignore", args.no_ignore,
                   "Walk what .gitignore, .ignore and .git/info/exclude exclude too");
  command.add_flag("--follow-links", args.follow_links,
                   "Walk symbolic links to folders, and take links that resolve outside the named folder");
  command
      .add_option("--exclude", args.exclude,
                  "Skip files and folders matching GLOB in directory walks (relative to the named folder; "
                  "repeatable)")
      ->type_name("GLOB")
      ->take_all()
      ->allow_extra_args(false);
}

void apply(const InputArgs& args, digestkit::InputOptions& inputs, digestkit::DecodeOptions& decode) {
  if (!args.encoding.empty()) {
    if (!digestkit::encoding_is_known(args.encoding)) {
      throw UsageError{
          fmt::format("unknown encoding \"{}\" (an ICU charset name, e.g. GB18030, Big5)", args.encoding)};
    }
    decode.encoding = args.encoding;
  }
  if (!args.stdin_filename.empty()) inputs.stdin_name = args.stdin_filename;
  inputs.max_file_size = args.max_file_size;
  inputs.max_member_size = args.max_member_size;
  inputs.max_total_size = args.max_total_size;
  inputs.max_expansion_ratio = args.max_expansion_ratio;
  apply_walk(args, inputs);
}

void apply_walk(const InputArgs& args, digestkit::InputOptions& inputs) {
  inputs.hidden = args.hidden;
  inputs.ignore_files = !args.no_ignore;
  inputs.follow_links = args.follow_links;
  inputs.exclude = args.exclude;
}

void add_progress_option(CLI::App& command, ProgressArgs& args) {
  command.add_flag("--no-progress", args.no_progress, "No progress line on stderr, even on a terminal");
}

std::unique_ptr<digestkit::ProgressReporter> make_progress(const ProgressArgs& args, bool quiet,
                                                           const std::vector<std::string>& inputs,
                                                           const digestkit::InputOptions& options) {
  if (args.no_progress || quiet || ::isatty(STDERR_FILENO) != 1) return nullptr;
  const auto totals = digestkit::input_totals(inputs, options);
  return std::make_unique<digestkit::ProgressReporter>(
      stderr, true, totals ? std::optional(totals->bytes) : std::nullopt,
      digestkit::ProgressReporter::Clock::now(), totals ? std::optional(totals->files) : std::nullopt);
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_type_size() == 0) {
    std::string out;
    if (!option->get_excludes().empty()) {
      out += " (not with";
      for (const CLI::Option* other : option->get_excludes()) out += " " + other->get_name();
      out += ")";
    }
    return out;
  }
  // get_type_name() is the value name, then ":" and each check's description
  // ("TEXT:{a,b}", "N:NONNEGATIVE"): show the choices if there are any, else
  // the value name alone.
  const std::string type = option->get_type_name();
  const std::size_t colon = type.find(':');
  std::string shown = type.substr(0, colon);
  const std::size_t choices = type.find(":{");
  if (choices != std::string::npos) shown = type.substr(choices + 1, type.find('}', choices) - choices);
  std::string out = " " + shown;
  if (!option->get_default_str().empty()) out += " [" + option->get_default_str() + "]";
  if (option->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
  if (option->get_required()) out += " (required)";
  if (!option->get_excludes().empty()) {
    out += " (not with";
    for (const CLI::Option* other : option->get_excludes()) out += " " + other->get_name();
    out += ")";
  }
  return out;
}

std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(typed, candidate);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // Close enough to be a typo: a third of the word, at least one edit.
  if (!best || best_distance > std::max<std::size_t>(1, typed.size() / 3)) return std::nullopt;
  return best;
}

}  // namespace digest_cli
