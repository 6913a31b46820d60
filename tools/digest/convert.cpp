// `digest convert`: options -> digestkit::convert_input() over run_ordered()
// -> stdout, one file (-o FILE) or one file per input (-o DIR/).
#include <unistd.h>

#include <algorithm>
#include <atomic>
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
#include "digestkit/convert.hpp"
#include "digestkit/parallel.hpp"
#include "digestkit/progress.hpp"

namespace digest_cli {
namespace {

namespace fs = std::filesystem;
using digestkit::ConvertedInput;
using digestkit::ConvertSource;
using digestkit::ConvertTarget;

struct ConvertCommand {
  std::vector<std::string> inputs;
  std::string to = "json";
  std::string from = "auto";
  std::string output;
  unsigned jobs = 1;
  bool keep_going = false;
  bool fail_fast = false;
  std::string encoding;
  std::uint64_t max_member_size = digestkit::InputOptions{}.max_member_size;
  std::uint64_t max_total_size = digestkit::InputOptions{}.max_total_size;
  bool no_progress = false;
};

ConvertTarget target_named(const std::string& name) {
  if (name == "jsonl") return ConvertTarget::JsonLines;
  if (name == "csv") return ConvertTarget::Csv;
  if (name == "text") return ConvertTarget::Text;
  return ConvertTarget::Json;
}

ConvertSource source_named(const std::string& name) {
  if (name == "text") return ConvertSource::Text;
  if (name == "json") return ConvertSource::Json;
  return ConvertSource::Auto;
}

bool stderr_has_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

// Where converted inputs go. A failure to write ends the run (exit 2).
class OutputWriter {
 public:
  OutputWriter(ConvertTarget to, const std::string& output) : to_(to), joiner_(to) {
    if (output.empty() || output == "-") {
      stream_ = stdout;
    } else if (output.back() == '/' || fs::is_directory(output)) {
      directory_ = fs::path(output);
    } else {
      owned_ = std::fopen(output.c_str(), "wb");
      if (owned_ == nullptr) fail(output);
      stream_ = owned_;
      file_name_ = output;
    }
    if (stream_ != nullptr) write(stream_, joiner_.start());
  }
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;
  ~OutputWriter() {
    if (owned_ != nullptr) std::fclose(owned_);
  }

  [[nodiscard]] bool per_input() const { return directory_.has_value(); }
  [[nodiscard]] const std::string& error() const { return error_; }

  // Returns the problem of this input ("" when written); a failure to write
  // is recorded in error() instead.
  std::string add(const ConvertedInput& input) {
    if (!error_.empty()) return {};
    if (!directory_) {
      if (!input.output.empty()) {
        write(stream_, joiner_.before_part());
        write(stream_, input.output);
      }
      return {};
    }
    const auto relative = digestkit::output_relative_path(input.name, input.container, to_);
    if (!relative) {
      return fmt::format("{}: error: unsafe member name (absolute or with \"..\"): not written under {}\n",
                         input.name, directory_->string());
    }
    if (!written_.insert(*relative).second) {
      return fmt::format("{}: error: {} was already written for an earlier input: not overwritten\n",
                         input.name, (*directory_ / *relative).string());
    }
    write_file(*directory_ / *relative, input.output);
    return {};
  }

  // Closes the output; false (and error()) when it could not be written.
  bool finish() {
    if (!error_.empty()) return false;
    if (stream_ != nullptr) {
      write(stream_, joiner_.finish());
      if (std::fflush(stream_) != 0) fail(file_name_.empty() ? "standard output" : file_name_);
      if (owned_ != nullptr) {
        const int status = std::fclose(owned_);
        owned_ = nullptr;
        if (status != 0) fail(file_name_);
      }
    }
    return error_.empty();
  }

 private:
  void fail(const std::string& what) {
    if (error_.empty())
      error_ = fmt::format("digest convert: cannot write {}: {}", what, std::strerror(errno));
  }

  void write(std::FILE* stream, std::string_view text) {
    if (text.empty() || !error_.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), stream) != text.size()) {
      fail(file_name_.empty() ? "standard output" : file_name_);
    }
  }

  void write_file(const fs::path& path, const std::string& part) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      error_ = fmt::format("digest convert: cannot create {}: {}", path.parent_path().string(), ec.message());
      return;
    }
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
      fail(path.string());
      return;
    }
    digestkit::OutputJoiner joiner(to_);
    write_to(file, path, joiner.start());
    if (!part.empty()) {
      write_to(file, path, joiner.before_part());
      write_to(file, path, part);
    }
    write_to(file, path, joiner.finish());
    if (std::fclose(file) != 0) fail(path.string());
  }

  void write_to(std::FILE* file, const fs::path& path, std::string_view text) {
    if (!text.empty() && error_.empty() && std::fwrite(text.data(), 1, text.size(), file) != text.size()) {
      fail(path.string());
    }
  }

  ConvertTarget to_;
  digestkit::OutputJoiner joiner_;
  std::FILE* stream_ = nullptr;
  std::FILE* owned_ = nullptr;
  std::string file_name_;
  std::optional<fs::path> directory_;
  std::set<std::string> written_;
  std::string error_;
};

int run_convert(const ConvertCommand& command) {
  const ConvertTarget to = target_named(command.to);
  const ConvertSource from = source_named(command.from);
  if (from == ConvertSource::Json && to != ConvertTarget::Text) {
    std::fprintf(stderr, "digest convert: JSON input converts to text only: use --to text\n");
    return 2;
  }
  if (!command.encoding.empty() && !digestkit::encoding_is_known(command.encoding)) {
    std::fprintf(stderr,
                 "digest convert: unknown encoding \"%s\" (an ICU charset name, e.g. GB18030, Big5)\n",
                 command.encoding.c_str());
    return 2;
  }

  digestkit::ConvertOptions options;
  options.to = to;
  options.from = from;
  if (!command.encoding.empty()) options.decode.encoding = command.encoding;
  options.render.color = stderr_has_color();

  digestkit::InputOptions input_options;
  input_options.extensions = digestkit::input_extensions(from, to);
  input_options.max_member_size = command.max_member_size;
  input_options.max_total_size = command.max_total_size;

  OutputWriter writer(to, command.output);
  if (!writer.error().empty()) {
    std::fprintf(stderr, "%s\n", writer.error().c_str());
    return 2;
  }

  std::optional<digestkit::ProgressReporter> progress;
  if (!command.no_progress && isatty(STDERR_FILENO) != 0) {
    progress.emplace(digestkit::total_input_bytes(command.inputs, input_options));
  }
  auto report = [&](const std::string& text) {
    if (progress) progress->finish();
    std::fputs(text.c_str(), stderr);
  };

  std::size_t inputs = 0, failed = 0, unreadable = 0;
  std::atomic<bool> stop = false;
  digestkit::OrderedRunOptions run_options;
  run_options.jobs = command.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : command.jobs;
  run_options.should_stop = [&] { return stop.load(); };

  const std::function<ConvertedInput(digestkit::InputFile &&)> work = [&](digestkit::InputFile&& file) {
    return digestkit::convert_input(std::move(file), options);
  };
  const std::function<void(ConvertedInput &&)> emit = [&](ConvertedInput&& result) {
    ++inputs;
    std::string problem = result.failed() ? result.errors : writer.add(result);
    if (!writer.error().empty()) stop = true;
    if (!problem.empty()) {
      ++failed;
      report(problem);
      if (command.fail_fast) stop = true;
    }
    if (progress) progress->add(result.input_bytes);
  };
  const std::function<void(digestkit::InputError &&)> on_error = [&](digestkit::InputError&& error) {
    ++inputs;
    ++failed;
    ++unreadable;
    report(fmt::format("{}: error: {}\n", error.name, error.message));
    if (command.fail_fast) stop = true;
    if (progress) progress->add(0);
  };
  digestkit::run_ordered<ConvertedInput>(command.inputs, input_options, run_options, work, emit, on_error);

  if (progress) progress->finish();
  if (!writer.finish()) {
    std::fprintf(stderr, "%s\n", writer.error().c_str());
    return 2;
  }
  if (failed != 0) {
    std::fprintf(stderr, "digest: %zu of %zu inputs failed%s\n", failed, inputs,
                 command.fail_fast ? " (stopped at the first: --fail-fast)" : "");
  }
  if (unreadable != 0) return 2;
  return failed != 0 ? 1 : 0;
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
  auto command = std::make_shared<ConvertCommand>();
  auto* sub =
      app.add_subcommand("convert", "Convert digests to JSON, JSON Lines or CSV, and JSON back to text");
  sub->add_option("INPUT", command->inputs,
                  "files, directories, .tar/.tar.gz/.tgz/.zip archives, or - for stdin")
      ->required();
  sub->add_option("--to", command->to, "output: json (one array), jsonl (one digest per line), csv, text")
      ->check(CLI::IsMember({"json", "jsonl", "csv", "text"}))
      ->capture_default_str();
  sub->add_option("--from", command->from,
                  "input: text, json (digestkit/1 JSON or JSON Lines), or auto (by extension .json/.jsonl)")
      ->check(CLI::IsMember({"auto", "text", "json"}))
      ->capture_default_str();
  sub->add_option(
      "-o,--output", command->output,
      "write to FILE instead of stdout; DIR/ (trailing slash or an existing directory): one file per "
      "input");
  sub->add_option("-j,--jobs", command->jobs,
                  "convert N inputs in parallel (0: one per core); output stays in "
                  "input order")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  auto* keep_going =
      sub->add_flag("--keep-going", command->keep_going, "report a failed input and go on (the default)");
  auto* fail_fast = sub->add_flag("--fail-fast", command->fail_fast, "stop at the first failed input");
  keep_going->excludes(fail_fast);
  fail_fast->excludes(keep_going);
  sub->add_option("--encoding", command->encoding,
                  "decode text inputs from this charset (ICU name, e.g. GB18030) instead of detecting it");
  sub->add_option("--max-member-size", command->max_member_size,
                  "largest input file or archive member (e.g. 64M, 1G)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("1G");
  sub->add_option("--max-total-size", command->max_total_size, "most bytes one archive may expand to")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64G");
  sub->add_flag("--no-progress", command->no_progress, "no progress line on stderr even on a terminal");
  sub->footer(
      "Text inputs (.txt in directories and archives) convert to json, jsonl, csv, or text (the canonical\n"
      "form, as digest fmt prints it); digestkit/1 JSON inputs (.json/.jsonl, or any with --from json)\n"
      "convert to text. The JSON format is schema/digestkit-1.schema.json (docs/json.md). Each digest\n"
      "records its source: path, position in the file, encoding (legacy charsets are detected and\n"
      "transcoded), BOM and line endings. CSV has one row per entry (RFC 4180). A failed input is\n"
      "reported on stderr and the others go on; its output is left out.\n"
      "\n"
      "Examples:\n"
      "  digest convert --to jsonl posts/ > posts.jsonl      every post under posts/, one digest per line\n"
      "  digest convert -j 2 -o all.json archive.tgz         one JSON array for a whole archive, two jobs\n"
      "  digest convert --to csv posts/ > entries.csv        one row per entry\n"
      "  digest convert --to jsonl -o out/ legacy.zip        one .jsonl per member under out/\n"
      "  digest convert --encoding GB18030 --to json old/    force a legacy charset\n"
      "  digest convert post.txt | digest convert --from json --to text -   back to text (= digest fmt)\n"
      "  jq -c 'select(.date >= \"2024-01-01\")' posts.jsonl | digest convert --from json --to text -\n"
      "\n"
      "Exit status: 0 all converted, 1 some inputs failed to decode or parse (summary on stderr),\n"
      "2 usage error, an unreadable input or one over a size limit, or output that could not be written.");
  sub->callback([command, &exit_code] { exit_code = run_convert(*command); });
}

}  // namespace digest_cli
