// read_json(): digestkit/1 JSON text -> ParsedFile. Accepts one object, an
// array of objects, or objects one after another (JSON Lines).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include <fmt/format.h>

#include "digestkit/json.hpp"
#include "json_to_document.hpp"

namespace digestkit {

namespace {

constexpr std::string_view kSyntax = "DJ001";
// Iterative: nesting depth must not turn into recursion depth.
constexpr unsigned kParseFlags = rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag;

struct ReadError {
  std::string_view code;
  std::string message;
  std::size_t offset = 0;
};

void skip_blanks(rapidjson::MemoryStream& stream, std::string_view text) {
  while (stream.Tell() < text.size()) {
    const char c = stream.Peek();
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    stream.Take();
  }
}

class JsonReader {
 public:
  JsonReader(std::string_view text, ParsedFile& file) : text_(text), file_(file) {}

  std::optional<ReadError> read() {
    rapidjson::MemoryStream stream(text_.data(), text_.size());
    skip_blanks(stream, text_);
    if (stream.Tell() == text_.size()) {
      return ReadError{kSyntax, "no digest: expected a digestkit/1 object, an array of them, or JSON Lines",
                       0};
    }
    const bool array = stream.Peek() == '[';
    do {
      const std::size_t start = stream.Tell();
      rapidjson::Document dom;
      dom.ParseStream<kParseFlags>(stream);
      if (dom.HasParseError()) {
        return ReadError{kSyntax,
                         fmt::format("invalid JSON: {}", rapidjson::GetParseError_En(dom.GetParseError())),
                         dom.GetErrorOffset()};
      }
      const std::string_view value_text = text_.substr(start, stream.Tell() - start);
      auto error = array ? read_array(dom, value_text, start) : read_value(dom, {}, value_text, start);
      if (error) return error;
      skip_blanks(stream, text_);
      if (array && stream.Tell() != text_.size()) {
        return ReadError{kSyntax, "unexpected text after the JSON array", stream.Tell()};
      }
    } while (stream.Tell() < text_.size());
    return std::nullopt;
  }

 private:
  std::optional<ReadError> read_array(const rapidjson::Value& array, std::string_view value_text,
                                      std::size_t start) {
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      json_detail::JsonPath path{json_detail::PathStep{{}, i, true}};
      if (auto error = read_value(array[i], std::move(path), value_text, start)) return error;
    }
    return std::nullopt;
  }

  // `value_text` is the text of the top-level value holding `value`, which
  // starts at `start` in the file; `path` leads from there to `value`.
  std::optional<ReadError> read_value(const rapidjson::Value& value, json_detail::JsonPath path,
                                      std::string_view value_text, std::size_t start) {
    try {
      file_.documents.push_back(
          json_detail::document_from_json(value, file_.documents.size(), *file_.strings, path));
    } catch (const json_detail::ShapeError& error) {
      std::string where = json_detail::path_to_string(error.path);
      std::string message = where.empty() ? error.message : where + ": " + error.message;
      return ReadError{error.code, std::move(message),
                       start + json_detail::locate_path(value_text, error.path)};
    }
    return std::nullopt;
  }

  std::string_view text_;
  ParsedFile& file_;
};

}  // namespace

ParsedFile read_json(std::string_view bytes, std::string path) {
  ParsedFile file;
  file.path = path;
  DecodeOptions utf8_only;
  utf8_only.encoding = "UTF-8";
  utf8_only.detect_legacy = false;
  Decoded decoded = decode(bytes, std::move(path), utf8_only);
  if (decoded.error) {
    file.decode_error = std::move(decoded.error);
    return file;
  }
  file.strings = std::make_unique<StringStore>();
  if (auto error = JsonReader(decoded.source->text(), file).read()) {
    file.documents.clear();
    file.errors.push_back(ParseError{error->code, std::move(error->message), error->offset});
    file.source = std::move(decoded.source);
  }
  return file;
}

}  // namespace digestkit
