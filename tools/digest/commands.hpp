// Each subcommand registers itself on the app and, when run, stores the
// process exit status in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace digest_cli {

void add_validate_command(CLI::App& app, int& exit_code);
void add_fmt_command(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);
void add_extract_command(CLI::App& app, int& exit_code);

}  // namespace digest_cli
