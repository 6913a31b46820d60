#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#if defined(DIGESTKIT_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

#include "commands.hpp"

namespace {

// The allocator malloc() really goes to: the build links mimalloc, and this
// checks that it did replace the system's.
std::string allocator_name() {
#if defined(DIGESTKIT_WITH_MIMALLOC)
  const std::unique_ptr<void, decltype(&std::free)> probe(std::malloc(16), &std::free);
  if (mi_is_in_heap_region(probe.get())) {
    const int version = mi_version();
    return fmt::format("mimalloc {}.{}.{}", version / 100, version / 10 % 10, version % 10);
  }
#endif
  return "system malloc";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"digest: validate, normalise, diff and convert scraped arXiv digest posts"};
  app.set_version_flag("--version", fmt::format("digest {} ({})", DIGESTKIT_VERSION, allocator_name()));
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
