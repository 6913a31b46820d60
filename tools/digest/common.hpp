// What every subcommand decides the same way: colour, the number of jobs.
#pragma once

#include <string_view>

namespace digest_cli {

// --color: auto (the environment and the terminal decide), always, never.
enum class ColourMode { Auto, Always, Never };

// Whether to colour what goes to `fd`. Auto follows no-color.org and
// force-color.org: NO_COLOR set to anything but "" turns colour off;
// otherwise FORCE_COLOR or CLICOLOR_FORCE set (and not "0") turns it on;
// otherwise colour when `fd` is a terminal.
[[nodiscard]] bool use_colour(int fd, ColourMode mode = ColourMode::Auto);
// "auto", "always" or "never" (the values --color is checked against).
[[nodiscard]] ColourMode colour_mode_named(std::string_view name);

// -j N: N threads; 0 means one per core.
[[nodiscard]] unsigned jobs_from(unsigned requested);

}  // namespace digest_cli
