// `digest extract`: options -> digestkit::extract::run() -> stdout, one file
// (-o FILE) or one file per input (-o DIR/).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "digestkit/extract.hpp"

namespace digest_cli {
namespace {

namespace fs = std::filesystem;
namespace ex = digestkit::extract;

struct ExtractCommand {
  std::vector<std::string> inputs;
  std::string to = "text";
  std::string as = "auto";
  std::string output;
  unsigned jobs = 1;
  bool fail_fast = false;
  InputArgs walk;  // only the walk's options (add_walk_options)
};

// Parts joined as convert joins them for the same target (one JSON array,
// JSON Lines, digests separated by a newline).
class Joiner {
 public:
  explicit Joiner(digestkit::ConvertTarget to) : joining_(digestkit::convert::target_spec(to).joining) {}
  [[nodiscard]] std::string_view start() const { return joining_.start; }
  std::string_view before_part() {
    const bool first = !any_part_;
    any_part_ = true;
    return first ? joining_.first : joining_.between;
  }
  [[nodiscard]] std::string_view finish() const {
    return any_part_ ? joining_.end_after_parts : joining_.end_without_parts;
  }

 private:
  digestkit::convert::Joining joining_;
  bool any_part_ = false;
};

// Writes the parts in input order to one stream, or one file per input.
class ExtractSink final : public ex::Sink {
 public:
  ExtractSink(ex::Target to, const std::string& output, bool fail_fast)
      : to_(digestkit::extract::convert_target(to)), joiner_(to_), fail_fast_(fail_fast) {
    if (output.empty() || output == "-") {
      stream_ = stdout;
    } else if (output.back() == '/' || fs::is_directory(output)) {
      directory_ = fs::path(output);
    } else {
      owned_ = std::fopen(output.c_str(), "wb");
      if (owned_ == nullptr) fail(output);
      stream_ = owned_;
      name_ = output;
    }
    if (stream_ != nullptr) write(stream_, joiner_.start(), name_);
  }
  ExtractSink(const ExtractSink&) = delete;
  ExtractSink& operator=(const ExtractSink&) = delete;
  ~ExtractSink() override {
    if (owned_ != nullptr) std::fclose(owned_);
  }

  void page(ex::ExtractedInput&& input) override {
    ++inputs_;
    if (input.failed()) {
      ++failed_;
      std::fputs(input.errors.c_str(), stderr);
      if (fail_fast_) stop_ = true;
      return;
    }
    if (!error_.empty()) return;
    if (!directory_) {
      write(stream_, joiner_.before_part(), name_);
      write(stream_, input.output, name_);
      return;
    }
    const auto relative = digestkit::output_relative_path(input.name, input.container, to_);
    if (!relative || !written_.insert(*relative).second) {
      ++failed_;
      std::fprintf(stderr, "%s: error: %s: not written under %s\n", input.name.c_str(),
                   relative ? "an earlier input was written to the same file" : "unsafe member name",
                   directory_->c_str());
      return;
    }
    write_file(*directory_ / *relative, input.output);
  }

  void input_error(digestkit::InputError&& error) override {
    ++inputs_;
    ++failed_;
    ++unreadable_;
    std::fprintf(stderr, "%s: error: %s\n", error.name.c_str(), error.message.c_str());
    if (fail_fast_) stop_ = true;
  }

  bool finish() {
    if (stream_ != nullptr && error_.empty()) {
      write(stream_, joiner_.finish(), name_);
      if (std::fflush(stream_) != 0) fail(name_.empty() ? "standard output" : name_);
      if (owned_ != nullptr) {
        const int status = std::fclose(owned_);
        owned_ = nullptr;
        if (status != 0) fail(name_);
      }
    }
    return error_.empty();
  }

  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] bool stopped() const { return stop_ || !error_.empty(); }
  std::size_t inputs_ = 0, failed_ = 0, unreadable_ = 0;

 private:
  void fail(const std::string& what) {
    if (error_.empty())
      error_ = fmt::format("digest extract: cannot write {}: {}", what, std::strerror(errno));
  }
  void write(std::FILE* stream, std::string_view text, const std::string& name) {
    if (text.empty() || !error_.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), stream) != text.size()) {
      fail(name.empty() ? "standard output" : name);
    }
  }
  void write_file(const fs::path& path, const std::string& part) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      error_ = fmt::format("digest extract: cannot create {}: {}", path.parent_path().string(), ec.message());
      return;
    }
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return fail(path.string());
    Joiner joiner(to_);
    write(file, joiner.start(), path.string());
    write(file, joiner.before_part(), path.string());
    write(file, part, path.string());
    write(file, joiner.finish(), path.string());
    if (std::fclose(file) != 0) fail(path.string());
  }

  digestkit::ConvertTarget to_;
  Joiner joiner_;
  bool fail_fast_ = false;
  bool stop_ = false;
  std::FILE* stream_ = nullptr;
  std::FILE* owned_ = nullptr;
  std::string name_;
  std::optional<fs::path> directory_;
  std::set<std::string> written_;
  std::string error_;
};

int run_extract(const ExtractCommand& command) {
  ex::Settings settings;
  settings.inputs = command.inputs;
  settings.input_options.extensions = ex::default_extensions();
  apply_walk(command.walk, settings.input_options);
  settings.jobs = jobs_from(command.jobs);
  settings.to = command.to == "json"    ? ex::Target::Json
                : command.to == "jsonl" ? ex::Target::JsonLines
                                        : ex::Target::Text;
  settings.page.as = command.as == "html"   ? ex::PageSource::Html
                     : command.as == "text" ? ex::PageSource::TextDump
                                            : ex::PageSource::Auto;
  settings.render.color = use_colour(STDERR_FILENO);
  ExtractSink sink(settings.to, command.output, command.fail_fast);
  if (!sink.error().empty()) {
    std::fprintf(stderr, "%s\n", sink.error().c_str());
    return 2;
  }
  settings.should_stop = [&sink] { return sink.stopped(); };
  ex::run(settings, sink);
  if (!sink.finish()) {
    std::fprintf(stderr, "%s\n", sink.error().c_str());
    return 2;
  }
  if (sink.failed_ != 0 && sink.inputs_ > 1) {
    std::fprintf(stderr, "digest: %zu of %zu inputs failed%s\n", sink.failed_, sink.inputs_,
                 command.fail_fast ? " (stopped at the first: --fail-fast)" : "");
  }
  if (sink.unreadable_ != 0) return 2;
  return sink.failed_ != 0 ? 1 : 0;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
  auto command = std::make_shared<ExtractCommand>();
  auto* sub =
      app.add_subcommand("extract", "Recover the digest from full web pages (HTML or a text dump of it)");
  sub->add_option("INPUT", command->inputs,
                  "pages (.html/.htm/.txt), directories, .tar/.tar.gz/.tgz/.zip archives, or - for stdin")
      ->required();
  add_walk_options(*sub, command->walk);
  sub->add_option("--to", command->to,
                  "output: text (the canonical digest, as digest fmt prints it), json (one array), jsonl")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--as", command->as,
                  "read inputs as: html, text (a page dump), or auto (by content and name)")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->capture_default_str();
  sub->add_option(
      "-o,--output", command->output,
      "write to FILE instead of stdout; DIR/ (trailing slash or an existing directory): one file per "
      "input");
  sub->add_option("-j,--jobs", command->jobs,
                  "extract N pages in parallel (0: one per core); output stays in input order")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_flag("--fail-fast", command->fail_fast, "stop at the first page that fails");
  sub->footer(
      "Reads pages as scrapers save them: the HTML as served (libxml2's HTML parser) or a text dump of it\n"
      "(w3m -dump, lynx -dump, a browser's \"save as text\"). Site chrome, the summaries after each entry,\n"
      "image placeholders and the page's own footer are dropped; hard-wrapped lines are joined back;\n"
      "entries the site left as raw Markdown are recovered as entries of their own. A page of no known\n"
      "layout is \"no digest found\"; an entry that cannot be recovered whole fails its page (nothing of it\n"
      "is written). JSON output is digestkit/1 with an \"extracted\" object (docs/extract.md).\n"
      "\n"
      "Examples:\n"
      "  digest extract page.html                     the digest, as digest fmt prints it\n"
      "  digest extract --to json saved/ > all.json   every page under saved/, with what was dropped\n"
      "  digest extract -j 2 -o posts/ pages.tgz      one digest per page under posts/\n"
      "  digest extract page.txt | digest validate -  check what was recovered\n"
      "\n"
      "Exit status: 0 every page gave its digest, 1 some page held no digest or an entry could not be\n"
      "recovered (reported on stderr), 2 usage error, an unreadable input, or output that could not be "
      "written.");
  sub->callback([command, &exit_code] { exit_code = run_extract(*command); });
}

}  // namespace digest_cli
