// One input through decode -> parse (or read_json) -> its output part.
#include <unicode/ucnv.h>

#include <algorithm>

#include "digestkit/convert.hpp"
#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"
#include "support/ascii_scan.hpp"

namespace digestkit {

bool reads_as_json(std::string_view name, ConvertSource from) {
  switch (from) {
    case ConvertSource::Json:
      return true;
    case ConvertSource::Text:
    case ConvertSource::JsonlPosts:  // the records hold post text
      return false;
    case ConvertSource::Auto:
      break;
  }
  return support::ends_with_ignoring_ascii_case(name, ".json") ||
         support::ends_with_ignoring_ascii_case(name, ".jsonl");
}

std::vector<std::string> input_extensions(ConvertSource from) {
  if (from == ConvertSource::Json || from == ConvertSource::JsonlPosts) return {".json", ".jsonl"};
  return {".txt"};
}

bool encoding_is_known(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status) && !name.empty();
}

std::string_view output_extension(ConvertTarget to) { return convert::target_spec(to).extension; }

ConvertedInput convert_input(InputFile&& input, const ConvertOptions& options) {
  ConvertedInput result;
  result.name = std::move(input.name);
  result.container = std::move(input.container);
  result.input_bytes = input.bytes.size();

  const bool json = reads_as_json(result.name, options.from);
  if (json && options.to != ConvertTarget::Text) {
    result.problem = "digestkit/1 JSON input converts to text only (use --to text)";
    return result;
  }
  // The parse takes over the bytes (no copy of UTF-8 text), and the part is
  // rendered a digest at a time into a spool: memory is the text, its AST and
  // one digest's output however large the input.
  auto file = std::make_unique<ParsedFile>(
      json ? read_json(input.bytes, result.name)
           : parse_owned_bytes(std::move(input.bytes), result.name, options.decode));
  std::string().swap(input.bytes);
  if (!file->ok()) {
    result.diagnostics = errors_of(*file);
    result.parsed = std::move(file);
    return result;
  }
  result.documents = file->documents.size();
  const convert::TargetSpec& target = convert::target_spec(options.to);
  if (target.render_part == nullptr) {
    result.parsed = std::move(file);
    return result;
  }
  const ConvertOptions* render_options = &options;
  ConvertOptions configured;
  if (options.to == ConvertTarget::Text && options.configs != nullptr) {
    // --to text prints what `digest fmt` would: the input's [fmt] applies.
    configured = options;
    try {
      configured.format = format_options_for(options.configs->for_input(result.name, result.container));
    } catch (const ConfigError& error) {
      result.problem = error.what();
      return result;
    }
    render_options = &configured;
  }
  try {
    target.render_part(*file, *render_options, result.output);
  } catch (const SpoolError& error) {
    result.output.clear();
    result.problem = error.what();
  }
  return result;
}

}  // namespace digestkit
