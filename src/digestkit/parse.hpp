// Parsing decoded text into Documents. The grammar lives in grammar/; this is
// the library's entry point to it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/document.hpp"
#include "digestkit/source.hpp"

namespace digestkit {

struct ParseError {
  std::string_view code;   // stable rule code, e.g. "DG103"
  std::string message;     // "expected \"Authors:\" line after the title"
  std::size_t offset = 0;  // byte offset into SourceText::text()
};

struct ParseOptions {
  // After an error, skip to the next entry, footer or digest and go on, so
  // that one run reports every problem (validate). Without it the first
  // error ends the parse (fmt, convert).
  bool recover = false;
};

// A parsed file: owns its text; the Documents view into it.
struct ParsedFile {
  std::string path;                      // as given by the caller
  std::unique_ptr<SourceText> source;    // null for documents read from JSON
  std::unique_ptr<StringStore> strings;  // text owned for JSON-built documents
  std::vector<Document> documents;
  std::vector<ParseError> errors;           // empty when the parse succeeded
  std::optional<DecodeError> decode_error;  // set when the bytes could not be decoded
  [[nodiscard]] bool ok() const { return errors.empty() && !decode_error; }
};

[[nodiscard]] ParsedFile parse(std::unique_ptr<SourceText> source, const ParseOptions& options = {});
[[nodiscard]] ParsedFile parse_bytes(std::string_view bytes, std::string path,
                                     const DecodeOptions& decode_options = {},
                                     const ParseOptions& options = {});
// The same, taking over `bytes` (no copy of valid UTF-8 input).
[[nodiscard]] ParsedFile parse_owned_bytes(std::string&& bytes, std::string path,
                                           const DecodeOptions& decode_options = {},
                                           const ParseOptions& options = {});

}  // namespace digestkit
