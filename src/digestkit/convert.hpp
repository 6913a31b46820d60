// `digest convert` as a library call: every input (text or digestkit/1 JSON)
// converted on `jobs` threads, in input order, into one output (standard
// output, -o FILE) or one output per input (-o DIR/). Each target (--to) is
// one row of the table targets() returns: its name, extension, how one
// input's part is rendered and how parts are joined into an output.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parse.hpp"
#include "digestkit/progress.hpp"
#include "digestkit/source.hpp"
#include "digestkit/spool.hpp"

namespace digestkit {

enum class ConvertTarget : std::uint8_t { Json, JsonLines, Csv, Text, Sqlite };
// JsonlPosts: every line of an input is one JSON string holding a post's
// text (a record of Spark's RDD.pipe or Hadoop Streaming), named NAME:LINE.
enum class ConvertSource : std::uint8_t { Auto, Text, Json, JsonlPosts };

struct ConvertOptions {
  ConvertTarget to = ConvertTarget::Json;
  ConvertSource from = ConvertSource::Auto;
  DecodeOptions decode;  // for text inputs (--encoding)
  FormatOptions format;  // for --to text without `configs`
  // For --to text: each input's options are format_options_for() its
  // digest.toml, as `digest fmt` finds it (null: `format` for every input).
  ConfigLocator* configs = nullptr;
};

struct ConvertedInput {
  std::string name;       // InputFile::name
  std::string container;  // InputFile::container
  Spool output;           // this input's part, for targets that render parts (on disk when large)
  // The parsed input: kept for targets that take documents, and for a
  // failed input as the source its diagnostics point into.
  std::unique_ptr<ParsedFile> parsed;
  std::vector<Diagnostic> diagnostics;  // why the input failed to decode or parse
  std::string problem;                  // why it failed, when no place in it is to blame
  std::size_t documents = 0;
  std::uint64_t input_bytes = 0;
  // The failure was written into the output as an error record
  // (RunSettings::inline_errors) rather than reported to the sink.
  bool error_written = false;
  [[nodiscard]] bool failed() const { return !diagnostics.empty() || !problem.empty(); }
  [[nodiscard]] const SourceText* source() const { return parsed ? parsed->source.get() : nullptr; }
};

namespace convert {

// Where one output goes: a stream that is not ours (standard output), or a
// file to create.
struct Destination {
  std::FILE* stream = nullptr;  // written, flushed, never closed
  // When stream is null: written to a temporary file beside it, renamed over
  // it when complete (a failed or interrupted write leaves the old file).
  std::filesystem::path path;
  std::string name;  // for messages: "standard output" or the path
  // -o FILE through a symbolic link replaces the file it names; a member's
  // output under -o DIR/ replaces the link itself, never writing through it.
  bool follow_symlink = true;
};

// One output of a target: gets the converted inputs written to it in input
// order and joins them into one well-formed whole.
class Output {
 public:
  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  virtual ~Output() = default;
  // A converted (not failed) input. After an error() it is ignored.
  virtual void add(const ConvertedInput& input) = 0;
  // Completes the output. nullopt when all of it was written.
  [[nodiscard]] virtual std::optional<std::string> finish() = 0;
  // The first write that failed ("cannot write NAME: reason"): the run stops.
  [[nodiscard]] virtual std::optional<std::string> error() const = 0;
  // What the output did, for the user ("archive.db: 3 digests added, ..."),
  // after finish(); empty when there is nothing to say.
  [[nodiscard]] virtual std::string summary() const { return {}; }
};

// How parts are joined into one stream: `start`, then `first` before the
// first non-empty part and `between` before each further one, then
// `end_after_parts` (or `end_without_parts` when there was none).
struct Joining {
  std::string_view start;
  std::string_view first;
  std::string_view between;
  std::string_view end_after_parts;
  std::string_view end_without_parts;
};

struct TargetSpec {
  ConvertTarget target;
  std::string_view name;         // --to NAME
  std::string_view extension;    // -o FILE with it implies this target; files under -o DIR/ get it
  std::string_view description;  // one line for --help
  bool to_standard_output;       // false: needs -o (a binary file)
  // Renders one input's documents as its part (on worker threads). Null for
  // a target whose Output takes the documents (ConvertedInput::parsed).
  // Appends the file's part a digest at a time (the spool holds it on disk
  // when large). Throws SpoolError.
  void (*render_part)(const ParsedFile& file, const ConvertOptions& options, Spool& part);
  Joining joining;  // for the Output of open_joined_stream
  std::unique_ptr<Output> (*open)(const TargetSpec& spec, const Destination& destination);
};

// Every target, in the order --help lists them.
[[nodiscard]] std::span<const TargetSpec> targets();
[[nodiscard]] const TargetSpec& target_spec(ConvertTarget target);
[[nodiscard]] const TargetSpec* find_target(std::string_view name);
// The target whose extension the path ends with (case-insensitive), if any.
[[nodiscard]] const TargetSpec* target_for_path(std::string_view path);
// The Output of every target that renders text parts: parts joined by
// spec.joining into the destination.
[[nodiscard]] std::unique_ptr<Output> open_joined_stream(const TargetSpec& spec,
                                                         const Destination& destination);

// The target of a run: --to when given, else the one -o FILE's extension
// names, else JSON. Returns the problem when --to and -o's extension name
// different targets (or --to names none).
[[nodiscard]] std::optional<std::string> choose_target(const std::optional<std::string>& to,
                                                       const std::string& output, ConvertTarget& chosen);

}  // namespace convert

// Whether an input is read as digestkit/1 JSON: by --from, or for auto by its
// name ending in .json or .jsonl.
[[nodiscard]] bool reads_as_json(std::string_view name, ConvertSource from);
// The file name extensions to take from directories and archives: digest
// posts (.txt), or .json/.jsonl with --from json. JSON files are read in
// auto mode only when named (a folder of posts may hold other .json files).
[[nodiscard]] std::vector<std::string> input_extensions(ConvertSource from);
// Whether ICU has a converter for the charset NAME (for --encoding).
[[nodiscard]] bool encoding_is_known(const std::string& name);
// ".json", ".jsonl", ".csv" or ".txt".
[[nodiscard]] std::string_view output_extension(ConvertTarget to);

// Converts one input. Text inputs go to any target (text: the canonical form,
// as `digest fmt` prints it); JSON inputs go to text only. Uses a
// per-thread JSON writer, so it may run on several threads at once.
[[nodiscard]] ConvertedInput convert_input(InputFile&& input, const ConvertOptions& options);

// Where -o DIR/ writes the output of an input, relative to DIR: an archive
// member's name made safe by safe_relative_path() (nullopt when it is not
// safe), a plain path with its root and ".." components dropped, "stdin" for
// "-"; the extension replaced by output_extension(to).
[[nodiscard]] std::optional<std::string> output_relative_path(std::string_view name,
                                                              std::string_view container, ConvertTarget to);

namespace convert {

struct RunSettings {
  std::vector<std::string> inputs;
  InputOptions input_options;  // extensions: set from options.from by run()
  ConvertOptions options;
  ConfigChoice config;  // --config / --no-config: [fmt] for --to text (options.configs is set by run())
  unsigned jobs = 1;
  bool fail_fast = false;  // stop at the first failed input
  // --from jsonl-posts --to jsonl --errors inline: a failed record becomes a
  // JSON error record in its place in the output (post_records.hpp).
  bool inline_errors = false;
  // "" or "-": standard output; ends in "/" or names a directory: one file
  // per input under it; else the file to write.
  std::string output;
  std::FILE* standard_output = stdout;
  // The progress line, fed as inputs are delivered; the sink clears it
  // (finish()) before it writes.
  ProgressReporter* progress = nullptr;
};

// Receives every input's outcome on the calling thread, in input order.
class ConvertSink {
 public:
  ConvertSink() = default;
  ConvertSink(const ConvertSink&) = delete;
  ConvertSink& operator=(const ConvertSink&) = delete;
  virtual ~ConvertSink() = default;
  // An input converted and written, or one that failed (input.failed()):
  // its diagnostics, or a problem such as a -o DIR/ path it may not have.
  virtual void converted(const ConvertedInput& input) = 0;
  // An input that could not be read (not found, over a limit, corrupt archive).
  virtual void input_error(const InputError& error) = 0;
};

struct RunResult {
  std::size_t inputs = 0;          // converted, failed or unreadable
  std::size_t failed = 0;          // failed or unreadable
  std::size_t unreadable = 0;      // input errors
  std::size_t unwritable = 0;      // inputs whose -o DIR/ output could not be written
  std::size_t written_errors = 0;  // failed inputs written as error records (inline_errors)
  bool stopped = false;            // fail_fast ended the run early
  // The output could not be opened or written (the run stopped there).
  std::optional<std::string> output_error;
  std::string summary;  // Output::summary() of a single output
};

[[nodiscard]] RunResult run(const RunSettings& settings, ConvertSink& sink);

}  // namespace convert
}  // namespace digestkit
