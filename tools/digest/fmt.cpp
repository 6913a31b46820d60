// `digest fmt`: options -> format_file / unified_diff / replace_file_atomically
// -> stdout, stderr and the exit status (0 done, 1 would change with
// --check, 2 an input could not be formatted or written).
#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "digestkit/config.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parse.hpp"

namespace digest_cli {
namespace {

namespace fs = std::filesystem;
using digestkit::FormatOptions;

struct FmtArgs {
  std::vector<std::string> inputs;
  bool in_place = false;
  bool check = false;
  bool diff = false;
  bool keep_spacing = false;
  bool keep_tabs = false;
  bool keep_nbsp = false;
  bool keep_zero_width = false;
  bool no_nfc = false;
  std::string config;
  bool no_config = false;
};

bool colour_for(int fd) { return ::isatty(fd) != 0 && std::getenv("NO_COLOR") == nullptr; }

void write_out(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// Options for one input: defaults, then the [fmt] table of its digest.toml
// (nearest one, or --config), then the command-line flags that turn
// repairs off. Each config file is read once.
class OptionsResolver {
 public:
  explicit OptionsResolver(const FmtArgs& args) : args_(args) {}

  std::optional<FormatOptions> for_input(const digestkit::InputFile& file) {
    FormatOptions options;
    if (!args_.no_config) {
      if (const auto config = config_file(file)) {
        auto [it, inserted] = loaded_.try_emplace(*config);
        if (inserted) {
          FormatOptions from_file;
          if (auto error = digestkit::load_format_config(*config, from_file)) {
            std::fputs((*error + "\n").c_str(), stderr);
          } else {
            it->second = from_file;
          }
        }
        if (!it->second) return std::nullopt;
        options = *it->second;
      }
    }
    if (args_.keep_spacing) options.collapse_spaces = false;
    if (args_.keep_tabs) options.replace_tabs = false;
    if (args_.keep_nbsp) options.replace_nbsp = false;
    if (args_.keep_zero_width) options.remove_zero_width = false;
    if (args_.no_nfc) options.nfc = false;
    return options;
  }

 private:
  std::optional<fs::path> config_file(const digestkit::InputFile& file) {
    if (!args_.config.empty()) return fs::path(args_.config);
    const bool from_stdin = file.container.empty() && file.name == "-";
    const fs::path input =
        from_stdin ? fs::current_path() : fs::path(file.container.empty() ? file.name : file.container);
    const fs::path directory = fs::is_directory(input) ? input : input.parent_path();
    auto [it, inserted] = found_.try_emplace(directory.string());
    if (inserted) it->second = digestkit::find_config_file(input);
    return it->second;
  }

  const FmtArgs& args_;
  std::map<std::string, std::optional<fs::path>> found_;
  std::map<fs::path, std::optional<FormatOptions>> loaded_;
};

class FmtRun {
 public:
  explicit FmtRun(const FmtArgs& args) : args_(args), resolver_(args) {}

  void file(digestkit::InputFile&& file) {
    const auto options = resolver_.for_input(file);
    if (!options) {
      fail(file.name, "not formatted: its digest.toml cannot be used");
      return;
    }
    const digestkit::ParsedFile parsed = digestkit::parse_bytes(file.bytes, file.name);
    const digestkit::FormattedFile result = digestkit::format_file(parsed, file.bytes, *options);
    switch (result.status) {
      case digestkit::FormatStatus::Unparsable:
      case digestkit::FormatStatus::Refused:
        for (const auto& diagnostic : result.diagnostics) {
          std::fputs(
              digestkit::render_text(diagnostic, parsed.source.get(), {colour_for(STDERR_FILENO), true})
                  .c_str(),
              stderr);
        }
        fail(file.name,
             result.status == digestkit::FormatStatus::Unparsable
                 ? "not formatted: it does not parse (see above); the file is left as it is"
                 : "not formatted: a repair would change what a line is (see above); the file is left "
                   "as it is");
        return;
      case digestkit::FormatStatus::Unsafe:
        fail(file.name, result.problem + "; nothing was written");
        return;
      case digestkit::FormatStatus::Formatted:
        break;
    }
    if (args_.check && result.changed) {
      std::fputs(fmt::format("would reformat {}\n", file.name).c_str(), stderr);
      ++would_change_;
    }
    if (args_.diff && result.changed) print_diff(file, parsed, result.text);
    if (args_.in_place && result.changed) rewrite(file, result.text);
    if (!args_.check && !args_.diff && !args_.in_place) {
      if (printed_any_ && !result.text.empty()) write_out("\n");  // digests back to back: one "\n" between
      write_out(result.text);
      printed_any_ = printed_any_ || !result.text.empty();
    }
    ++formatted_;
  }

  void input_error(digestkit::InputError&& error) { fail(error.name, error.message); }

  int finish() {
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) fail("standard output", "cannot write");
    if (args_.check) {
      std::fputs(fmt::format("{} file{} would be reformatted, {} already formatted{}\n", would_change_,
                             would_change_ == 1 ? "" : "s", formatted_ - would_change_,
                             failed_ == 0 ? "" : fmt::format(", {} could not be formatted", failed_))
                     .c_str(),
                 stderr);
    }
    if (failed_ != 0) return 2;
    return args_.check && would_change_ != 0 ? 1 : 0;
  }

 private:
  void fail(const std::string& name, const std::string& message) {
    std::fputs(fmt::format("digest fmt: {}: {}\n", name, message).c_str(), stderr);
    ++failed_;
  }

  void print_diff(const digestkit::InputFile& file, const digestkit::ParsedFile& parsed,
                  const std::string& text) {
    // A transcoded file is compared as decoded text: its old bytes are not
    // UTF-8 and would only show as noise.
    const bool transcoded = parsed.source && parsed.source->transcoded;
    const std::string_view old_text = transcoded ? parsed.source->text() : std::string_view(file.bytes);
    const std::string old_name =
        transcoded ? fmt::format("{} ({})", file.name, parsed.source->encoding) : file.name;
    const std::string diff = digestkit::unified_diff(old_text, text, old_name, file.name + " (formatted)",
                                                     {3, colour_for(STDOUT_FILENO)});
    if (diff.empty()) {
      std::fputs(
          fmt::format("{}: only the encoding changes ({} -> UTF-8)\n", file.name, parsed.source->encoding)
              .c_str(),
          stderr);
    }
    write_out(diff);
  }

  void rewrite(const digestkit::InputFile& file, const std::string& text) {
    if (!file.container.empty()) {
      fail(file.name, "cannot rewrite a member of an archive in place; nothing was written");
      return;
    }
    if (file.name == "-") {
      fail(file.name, "cannot rewrite standard input in place (use `digest fmt -` to print the result)");
      return;
    }
    if (auto error = digestkit::replace_file_atomically(file.name, text)) {
      fail(file.name, "cannot rewrite: " + *error + "; the original is untouched");
    }
  }

  const FmtArgs& args_;
  OptionsResolver resolver_;
  bool printed_any_ = false;
  int formatted_ = 0;
  int would_change_ = 0;
  int failed_ = 0;
};

int run_fmt(const FmtArgs& args) {
  FmtRun run(args);
  digestkit::InputOptions input_options;
  digestkit::for_each_input(
      args.inputs, input_options, [&](digestkit::InputFile&& file) { run.file(std::move(file)); },
      [&](digestkit::InputError&& error) { run.input_error(std::move(error)); });
  return run.finish();
}

}  // namespace

void add_fmt_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FmtArgs>();
  CLI::App* command = app.add_subcommand("fmt", "Normalise digests to the canonical layout (the normaliser)");
  command
      ->add_option("inputs", args->inputs, "Files, directories (*.txt, recursive), archives, or - for stdin")
      ->required();
  auto* in_place =
      command->add_flag("-i,--in-place", args->in_place,
                        "Rewrite changed files atomically (temporary file, fsync, rename; permissions kept)");
  auto* check =
      command->add_flag("--check", args->check, "Write nothing; list files that would change, exit 1 if any");
  auto* diff = command->add_flag("--diff", args->diff, "Write nothing; print a unified diff of each change");
  in_place->excludes(check)->excludes(diff);
  command->add_flag("--keep-spacing", args->keep_spacing, "Keep runs of spaces inside fields");
  command->add_flag("--keep-tabs", args->keep_tabs, "Keep tabs inside fields");
  command->add_flag("--keep-nbsp", args->keep_nbsp, "Keep NBSP and other Unicode spaces inside fields");
  command->add_flag("--keep-zero-width", args->keep_zero_width,
                    "Keep zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM)");
  command->add_flag("--no-nfc", args->no_nfc, "Do not normalise text to Unicode NFC");
  auto* config = command
                     ->add_option("--config", args->config,
                                  "Read [fmt] from this digest.toml instead of the nearest one")
                     ->check(CLI::ExistingFile);
  command->add_flag("--no-config", args->no_config, "Ignore digest.toml files")->excludes(config);
  command->footer(
      "Always repaired: line endings to LF, BOM, trailing blanks, blank lines, label and date spellings,\n"
      "author separators, legacy encodings to UTF-8. Repaired unless turned off by the flags above or by\n"
      "digest.toml: runs of spaces, tabs, NBSP and other spaces, zero-width characters, NFC.\n"
      "  [fmt]\n  collapse-spaces = false   # also: nfc, replace-tabs, replace-nbsp, remove-zero-width\n"
      "Files that do not parse are reported and left alone. See docs/fmt.md.\n\n"
      "Examples:\n"
      "  digest fmt post.txt                    print the canonical form of post.txt\n"
      "  digest fmt -i posts/                   rewrite every *.txt under posts/ that is not canonical\n"
      "  digest fmt --check posts/              CI: exit 1 and list the files that would change\n"
      "  digest fmt --diff post.txt             show what fmt would change\n"
      "  cat post.txt | digest fmt - > out.txt  filter standard input\n"
      "  digest fmt --keep-spacing post.txt     keep runs of spaces inside fields\n\n"
      "Exit status: 0 done (or nothing to change), 1 --check found files to change, 2 an input could not\n"
      "be read, parsed, formatted or written.");
  command->callback([args, &exit_code] { exit_code = run_fmt(*args); });
}

}  // namespace digest_cli
