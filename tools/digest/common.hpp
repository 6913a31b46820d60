// What every subcommand decides the same way: colour, the number of jobs,
// the options of commands that read digest text, the progress line, usage
// errors and their "digest <command>: " prefix, and --help's layout.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "digestkit/inputs.hpp"
#include "digestkit/progress.hpp"
#include "digestkit/source.hpp"

#include <CLI/CLI.hpp>

#include "digestkit/inputs.hpp"

namespace digest_cli {

// A bad option value or combination: printed as "digest <command>: message",
// exit status 2.
struct UsageError {
  std::string message;
};

// "digest <command>: message" on stderr.
void print_error(std::string_view command, std::string_view message);

// Runs `body` as the command's callback: its return value is the exit
// status; a UsageError is printed with the command's prefix (exit 2).
void on_run(CLI::App* command, int& exit_code, std::function<int()> body);

// --color: auto (the environment and the terminal decide), always, never.
enum class ColourMode { Auto, Always, Never };

// Whether to colour what goes to `fd`. Auto follows no-color.org and
// force-color.org: NO_COLOR set to anything but "" turns colour off;
// otherwise FORCE_COLOR or CLICOLOR_FORCE set (and not "0") turns it on;
// otherwise colour when `fd` is a terminal.
[[nodiscard]] bool use_colour(int fd, ColourMode mode = ColourMode::Auto);
// "auto", "always" or "never" (the values --color is checked against).
[[nodiscard]] ColourMode colour_mode_named(std::string_view name);
// Adds --color WHEN (auto, always, never) storing into `mode`.
CLI::Option* add_colour_option(CLI::App& command, std::string& mode);

// -j N: N threads; 0 means one per core.
[[nodiscard]] unsigned jobs_from(unsigned requested);
CLI::Option* add_jobs_option(CLI::App& command, unsigned& jobs, std::string_view what);

// The options of every command that reads digest text. A new shared input
// option is a field here, a line in add_input_options() and one in apply().
struct InputArgs {
  std::string encoding;        // --encoding NAME: decode with this charset
  std::string stdin_filename;  // --stdin-filename NAME: standard input's name
  std::uint64_t max_file_size = digestkit::InputOptions{}.max_file_size;
  std::uint64_t max_member_size = digestkit::InputOptions{}.max_member_size;
  std::uint64_t max_total_size = digestkit::InputOptions{}.max_total_size;
  std::uint64_t max_expansion_ratio = digestkit::InputOptions{}.max_expansion_ratio;
  // Directory walks (files named on the command line are always read).
  bool hidden = false;               // --hidden
  bool no_ignore = false;            // --no-ignore
  bool follow_links = false;         // --follow-links
  std::vector<std::string> exclude;  // --exclude GLOB ...
};
void add_input_options(CLI::App& command, InputArgs& args);
// Only the directory walk's options (--hidden, --no-ignore, --follow-links,
// --exclude), for a command with input options of its own (extract); part of
// add_input_options().
void add_walk_options(CLI::App& command, InputArgs& args);
void apply_walk(const InputArgs& args, digestkit::InputOptions& inputs);
// Checks --encoding (UsageError for a charset ICU does not know) and fills
// the library's options.
void apply(const InputArgs& args, digestkit::InputOptions& inputs, digestkit::DecodeOptions& decode);

// The progress line of commands that walk inputs: on when stderr is a
// terminal, unless --no-progress or --quiet.
struct ProgressArgs {
  bool no_progress = false;
};
void add_progress_option(CLI::App& command, ProgressArgs& args);
[[nodiscard]] std::unique_ptr<digestkit::ProgressReporter> make_progress(
    const ProgressArgs& args, bool quiet, const std::vector<std::string>& inputs,
    const digestkit::InputOptions& options);

// --help without CLI11's raw type names (TEXT, UINT, ...): each option shows
// its own value name (FILE, N, NAME) or its choices ({text,json}).
class HelpFormatter final : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override;
};

// Suggestions for a mistyped command or option: the closest candidate by
// edit distance, when close enough to be what was meant.
[[nodiscard]] std::optional<std::string> closest(std::string_view typed,
                                                 const std::vector<std::string>& candidates);

}  // namespace digest_cli
