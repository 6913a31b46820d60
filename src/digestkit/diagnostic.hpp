// Diagnostics shared by the parser, the linter and every command that reports
// a problem with an input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/source.hpp"

namespace digestkit {

enum class Severity : unsigned char { Info, Warning, Error };

[[nodiscard]] std::string_view to_string(Severity severity);

// Another place a finding is about (the other copy of a paper, say): shown
// as a clang-style note, and as SARIF relatedLocations.
struct RelatedLocation {
  std::string path;
  Location location;
  std::string message;  // what is there: "the copy compared with"
};

struct Diagnostic {
  std::string code;  // "DG203"
  Severity severity = Severity::Error;
  std::string path;
  Location location;             // start of the offending text
  std::size_t length = 0;        // bytes highlighted from location.offset
  std::size_t input_offset = 0;  // byte offset in the raw input file
  std::string message;
  std::vector<RelatedLocation> related;
  // For a finding reported without its source text (the archive-wide rules
  // report after the texts are gone): the column its range ends at, on its
  // line; 0 when unknown.
  std::size_t end_column = 0;
};

struct ParseError;
struct ParsedFile;

// A parse or decode error as a Diagnostic (severity error).
[[nodiscard]] Diagnostic to_diagnostic(const SourceText& source, const ParseError& error);
[[nodiscard]] Diagnostic to_diagnostic(const std::string& path, const DecodeError& error);
// Every parse and decode error of a file, in order.
[[nodiscard]] std::vector<Diagnostic> errors_of(const ParsedFile& file);

struct RenderOptions {
  bool color = false;
  bool show_source = true;  // the source line and a caret under the column
};

// clang style: "path:line:col: error: message [DG103]" then the source line
// and a caret placed by display column (CJK text is two cells wide).
[[nodiscard]] std::string render_text(const Diagnostic& diagnostic, const SourceText* source,
                                      const RenderOptions& options = {});

}  // namespace digestkit
