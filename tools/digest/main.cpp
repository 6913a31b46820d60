#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#if defined(DIGESTKIT_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

#include "commands.hpp"
#include "common.hpp"
#include "standard_streams.hpp"

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

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return names;
}

// The subcommand named on the command line, if any.
const CLI::App* named_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with('-')) continue;
    for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
      if (command->get_name() == arg) return command;
    }
    return nullptr;
  }
  return nullptr;
}

// "--fromat" -> "; did you mean --format?" for options the command does not have.
std::string option_hint(const CLI::App& command, int argc, char** argv) {
  std::vector<std::string> known;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) known.push_back("--" + name);
  }
  known.emplace_back("--help");
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.starts_with("--") || arg == "--") continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), arg) != known.end()) continue;
    if (const auto suggestion = digest_cli::closest(arg, known)) {
      return fmt::format("unknown option {}; did you mean {}?", arg, *suggestion);
    }
    return fmt::format("unknown option {} (see digest {} --help)", arg, command.get_name());
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  digest_cli::sanitize_standard_fds();
#if defined(DIGESTKIT_WITH_MIMALLOC)
  // Give the memory of a large input back at once when it is freed, not
  // 100 ms later: with -j 2, the next large input is read on another thread
  // meanwhile, and both would count (peak RSS 1.9 instead of 1.7 times one
  // 96 MB file; no cost measured on the 300 MB archive of small posts).
  mi_option_set(mi_option_decommit_delay, 0);
#endif
  CLI::App app{"digest: validate, normalise, diff and convert scraped arXiv digest posts"};
  app.formatter(std::make_shared<digest_cli::HelpFormatter>());
  app.set_version_flag("-V,--version", fmt::format("digest {} ({})", DIGESTKIT_VERSION, allocator_name()));
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  digest validate posts/                 lint every digest under posts/\n"
      "  digest fmt -i post.txt                 normalise a post in place\n"
      "  digest diff old.txt new.txt            what changed between two versions\n"
      "  digest convert --to jsonl archive.tgz  a whole archive as JSON Lines\n"
      "  digest extract page.html               the digest a saved web page holds\n"
      "Exit status: 0 success, 1 findings/differences/failed inputs, 2 usage or I/O error.");

  int exit_code = 0;
  digest_cli::add_validate_command(app, exit_code);
  digest_cli::add_fmt_command(app, exit_code);
  digest_cli::add_diff_command(app, exit_code);
  digest_cli::add_convert_command(app, exit_code);
  digest_cli::add_extract_command(app, exit_code);

  // A first word that is no command: say which one was meant (CLI11 would
  // only say that a subcommand is required).
  if (argc >= 2 && !std::string_view(argv[1]).starts_with('-') && named_command(app, argc, argv) == nullptr) {
    const auto names = command_names(app);
    const auto suggestion = digest_cli::closest(argv[1], names);
    std::fputs(fmt::format("digest: unknown command \"{}\"{}\n", argv[1],
                           suggestion ? fmt::format("; did you mean {}?", *suggestion)
                                      : " (commands: validate, fmt, diff, convert; see digest --help)")
                   .c_str(),
               stderr);
    return 2;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports --help/--version as "errors" with exit code 0.
    if (e.get_exit_code() == 0) return digest_cli::finish_standard_output(app.exit(e));
    const CLI::App* command = named_command(app, argc, argv);
    const std::string prefix = command != nullptr ? "digest " + command->get_name() : "digest";
    std::string message = e.what();
    if (command != nullptr && dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
      if (std::string hint = option_hint(*command, argc, argv); !hint.empty()) message = hint;
    }
    if (command == nullptr && dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
      message = "a command is required: validate, fmt, diff or convert";
    }
    std::fputs(fmt::format("{}: {}\nRun '{} --help' for more.\n", prefix, message, prefix).c_str(), stderr);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "digest: internal error: " << e.what() << '\n';
    return 2;
  }
  return digest_cli::finish_standard_output(exit_code);
}
