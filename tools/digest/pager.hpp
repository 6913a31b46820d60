// Program behaviour on a terminal for the views people read: the pager
// (DIGEST_PAGER, then PAGER, else `less -FRX`, as git does with GIT_PAGER)
// and the width rows are fitted to.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace digest_cli {

// The cells a row may take: `explicit_width` (--width), else COLUMNS, else
// the terminal's width (TIOCGWINSZ on standard output), else 130.
[[nodiscard]] std::size_t output_width(std::optional<std::size_t> explicit_width);

// Writes text to standard output, through the pager when `paging` and
// standard output is a terminal. An empty pager command (or "cat") means
// none. A pager that cannot be started (sh reports 126 or 127 without
// having read the text) leaves the text printed directly. Returns nothing:
// the caller's exit status does not depend on the pager.
void print_paged(std::string_view text, bool paging);

}  // namespace digest_cli
