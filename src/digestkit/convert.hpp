// `digest convert` as library calls: one input in, its part of the output (or
// its rendered errors) out, and the pieces that join parts into one output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/source.hpp"

namespace digestkit {

enum class ConvertTarget { Json, JsonLines, Csv, Text };
enum class ConvertSource { Auto, Text, Json };

struct ConvertOptions {
  ConvertTarget to = ConvertTarget::Json;
  ConvertSource from = ConvertSource::Auto;
  DecodeOptions decode;  // for text inputs (--encoding)
  FormatOptions format;  // for --to text
  RenderOptions render;  // for error messages
};

struct ConvertedInput {
  std::string name;       // InputFile::name
  std::string container;  // InputFile::container
  std::string output;     // this input's part: see OutputJoiner
  std::string errors;     // rendered diagnostics; empty when the input converted
  std::size_t documents = 0;
  std::uint64_t input_bytes = 0;
  [[nodiscard]] bool failed() const { return !errors.empty(); }
};

// Whether an input is read as digestkit/1 JSON: by --from, or for auto by its
// name ending in .json or .jsonl.
[[nodiscard]] bool reads_as_json(std::string_view name, ConvertSource from);
// The file name extensions to take from directories and archives.
[[nodiscard]] std::vector<std::string> input_extensions(ConvertSource from, ConvertTarget to);
// Whether ICU has a converter for the charset NAME (for --encoding).
[[nodiscard]] bool encoding_is_known(const std::string& name);
// ".json", ".jsonl", ".csv" or ".txt".
[[nodiscard]] std::string_view output_extension(ConvertTarget to);

// Converts one input. Text inputs go to any target (text: the canonical form,
// as `digest fmt` prints it); JSON inputs go to text only. Uses a
// per-thread JSON writer, so it may run on several threads at once.
[[nodiscard]] ConvertedInput convert_input(InputFile&& input, const ConvertOptions& options);

// Joins inputs' parts into one well-formed output: a single JSON array, one
// CSV header, text digests separated by a newline.
class OutputJoiner {
 public:
  explicit OutputJoiner(ConvertTarget to) : to_(to) {}
  // Written once before anything else.
  [[nodiscard]] std::string_view start() const;
  // Written before each non-empty part.
  [[nodiscard]] std::string_view before_part();
  // Written once at the end.
  [[nodiscard]] std::string_view finish() const;

 private:
  ConvertTarget to_;
  bool any_part_ = false;
};

// Where -o DIR/ writes the output of an input, relative to DIR: an archive
// member's name made safe by safe_relative_path() (nullopt when it is not
// safe), a plain path with its root and ".." components dropped, "stdin" for
// "-"; the extension replaced by output_extension(to).
[[nodiscard]] std::optional<std::string> output_relative_path(std::string_view name,
                                                              std::string_view container, ConvertTarget to);

}  // namespace digestkit
