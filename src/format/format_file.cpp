// Formatting one parsed file with black's safety check around it.
#include <fmt/format.h>

#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"
#include "equivalence.hpp"

namespace digestkit {
namespace {

std::string path_of(const ParsedFile& parsed) { return parsed.source ? parsed.source->path() : parsed.path; }

Diagnostic to_diagnostic(const ParsedFile& parsed, const FormatRefusal& refusal) {
  Diagnostic diagnostic;
  diagnostic.code = "FMT001";
  diagnostic.severity = Severity::Error;
  diagnostic.path = path_of(parsed);
  diagnostic.message = refusal.message;
  if (parsed.source) {
    diagnostic.location = parsed.source->locate(refusal.span.begin);
    diagnostic.input_offset = parsed.source->input_offset(refusal.span.begin);
    diagnostic.length = refusal.span.size();
  }
  return diagnostic;
}

std::string located(const ParsedFile& parsed, Span where) {
  if (!parsed.source || where.begin > parsed.source->text().size()) return {};
  return fmt::format(" at line {}", parsed.source->locate(where.begin).line);
}

}  // namespace

FormattedFile format_file(const ParsedFile& parsed, std::string_view input_bytes,
                          const FormatOptions& options) {
  FormattedFile result;
  if (!parsed.ok()) {
    result.status = FormatStatus::Unparsable;
    result.diagnostics = errors_of(parsed);
    return result;
  }
  result.text = format_documents(parsed.documents, options);
  result.changed = result.text != input_bytes;
  // Output identical to the input parses to the input's own documents.
  if (!result.changed) return result;

  if (auto refusals = unformattable_fields(parsed.documents, options); !refusals.empty()) {
    result.status = FormatStatus::Refused;
    result.text.clear();
    for (const FormatRefusal& refusal : refusals)
      result.diagnostics.push_back(to_diagnostic(parsed, refusal));
    return result;
  }

  const std::string path = path_of(parsed);
  const ParsedFile reparsed = parse_bytes(result.text, path);
  if (!reparsed.ok()) {
    std::string reason = "the output does not parse";
    if (reparsed.decode_error) {
      reason += ": " + reparsed.decode_error->message;
    } else if (!reparsed.errors.empty() && reparsed.source) {
      const ParseError& error = reparsed.errors.front();
      const Location at = reparsed.source->locate(error.offset);
      reason += fmt::format(" (output line {}, column {}: {})", at.line, at.column, error.message);
    }
    result.status = FormatStatus::Unsafe;
    result.problem = fmt::format("internal error: formatting changed the content of {}: {}", path, reason);
    result.text.clear();  // refused output must not reach any file
    return result;
  }
  if (auto difference = format_detail::first_difference(parsed.documents, reparsed.documents, options)) {
    result.status = FormatStatus::Unsafe;
    result.problem = fmt::format("internal error: formatting changed the content of {}{}: {}", path,
                                 located(parsed, difference->where), difference->message);
    result.text.clear();
  }
  return result;
}

}  // namespace digestkit
