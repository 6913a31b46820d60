// One input through decode -> parse (or read_json) -> its output part.
#include "digestkit/convert.hpp"

#include <unicode/ucnv.h>

#include <algorithm>

#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"

namespace digestkit {

namespace {

bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); });
}

std::string render_errors(const ParsedFile& file, const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& diagnostic : errors_of(file)) {
    out += render_text(diagnostic, file.source.get(), options);
    if (out.back() != '\n') out.push_back('\n');
  }
  return out;
}

void write_part(const ParsedFile& file, const ConvertOptions& options, std::string& out) {
  thread_local JsonWriter writer;
  const JsonSource source = json_source_of(file);
  switch (options.to) {
    case ConvertTarget::Json:
      for (const Document& document : file.documents) {
        if (&document != &file.documents.front()) out += ",\n";
        writer.append_pretty(document, source, out, 2);
      }
      break;
    case ConvertTarget::JsonLines:
      for (const Document& document : file.documents) writer.append_line(document, source, out);
      break;
    case ConvertTarget::Csv:
      for (const Document& document : file.documents) append_csv_rows(document, source.path, out);
      break;
    case ConvertTarget::Text:
      out += format_documents(file.documents, options.format);
      break;
  }
}

}  // namespace

bool reads_as_json(std::string_view name, ConvertSource from) {
  switch (from) {
    case ConvertSource::Json:
      return true;
    case ConvertSource::Text:
      return false;
    case ConvertSource::Auto:
      break;
  }
  return ends_with_ignoring_case(name, ".json") || ends_with_ignoring_case(name, ".jsonl");
}

std::vector<std::string> input_extensions(ConvertSource from, ConvertTarget to) {
  const bool json = from == ConvertSource::Json || (from == ConvertSource::Auto && to == ConvertTarget::Text);
  if (json) return {".json", ".jsonl"};
  return {".txt"};
}

bool encoding_is_known(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status) && !name.empty();
}

std::string_view output_extension(ConvertTarget to) {
  switch (to) {
    case ConvertTarget::Json:
      return ".json";
    case ConvertTarget::JsonLines:
      return ".jsonl";
    case ConvertTarget::Csv:
      return ".csv";
    case ConvertTarget::Text:
      break;
  }
  return ".txt";
}

ConvertedInput convert_input(InputFile&& input, const ConvertOptions& options) {
  ConvertedInput result;
  result.name = std::move(input.name);
  result.container = std::move(input.container);
  result.input_bytes = input.bytes.size();

  const bool json = reads_as_json(result.name, options.from);
  if (json && options.to != ConvertTarget::Text) {
    result.errors = result.name + ": error: digestkit/1 JSON input converts to text only (use --to text)\n";
    return result;
  }
  ParsedFile file =
      json ? read_json(input.bytes, result.name) : parse_bytes(input.bytes, result.name, options.decode);
  // The parsed file holds its own copy of the text.
  std::string().swap(input.bytes);
  if (!file.ok()) {
    result.errors = render_errors(file, options.render);
    return result;
  }
  result.documents = file.documents.size();
  result.output.reserve(result.input_bytes + result.input_bytes / 4 + 256);
  write_part(file, options, result.output);
  return result;
}

std::string_view OutputJoiner::start() const {
  switch (to_) {
    case ConvertTarget::Json:
      return "[";
    case ConvertTarget::Csv:
      return csv_header();
    case ConvertTarget::JsonLines:
    case ConvertTarget::Text:
      break;
  }
  return {};
}

std::string_view OutputJoiner::before_part() {
  const bool first = !any_part_;
  any_part_ = true;
  switch (to_) {
    case ConvertTarget::Json:
      return first ? "\n" : ",\n";
    case ConvertTarget::Text:
      return first ? "" : "\n";
    case ConvertTarget::JsonLines:
    case ConvertTarget::Csv:
      break;
  }
  return {};
}

std::string_view OutputJoiner::finish() const {
  if (to_ == ConvertTarget::Json) return any_part_ ? "\n]\n" : "]\n";
  return {};
}

}  // namespace digestkit
