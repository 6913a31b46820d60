#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"digest: validate, normalise, diff and convert scraped arXiv digest posts"};
  app.set_version_flag("--version", std::string("digest ") + DIGESTKIT_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  digest validate posts/                 lint every digest under posts/\n"
      "  digest fmt -i post.txt                 normalise a post in place\n"
      "  digest diff old.txt new.txt            what changed between two versions\n"
      "  digest convert --to jsonl archive.tgz  a whole archive as JSON Lines\n"
      "Exit status: 0 success, 1 findings/differences/failed inputs, 2 usage or I/O error.");

  int exit_code = 0;
  digest_cli::add_validate_command(app, exit_code);
  digest_cli::add_fmt_command(app, exit_code);
  digest_cli::add_diff_command(app, exit_code);
  digest_cli::add_convert_command(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help/--version as "errors" with exit code 0.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "digest: internal error: " << e.what() << '\n';
    return 2;
  }
  return exit_code;
}
