#include "digestkit/diagnostic.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "digestkit/parse.hpp"

namespace digestkit {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

Diagnostic to_diagnostic(const SourceText& source, const ParseError& error) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(error.code);
  diagnostic.severity = Severity::Error;
  diagnostic.path = source.path();
  diagnostic.location = source.locate(error.offset);
  diagnostic.input_offset = source.input_offset(error.offset);
  diagnostic.message = error.message;
  return diagnostic;
}

Diagnostic to_diagnostic(const std::string& path, const DecodeError& error) {
  Diagnostic diagnostic;
  diagnostic.code = "DG114";
  diagnostic.severity = Severity::Error;
  diagnostic.path = path;
  diagnostic.location = error.location;
  diagnostic.input_offset = error.input_offset;
  diagnostic.message = error.message;
  return diagnostic;
}

std::vector<Diagnostic> errors_of(const ParsedFile& file) {
  std::vector<Diagnostic> diagnostics;
  if (file.decode_error) {
    diagnostics.push_back(to_diagnostic(file.path, *file.decode_error));
  }
  if (file.source) {
    for (const ParseError& error : file.errors) diagnostics.push_back(to_diagnostic(*file.source, error));
  }
  return diagnostics;
}

namespace {

fmt::text_style severity_style(Severity severity) {
  switch (severity) {
    case Severity::Error: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_red);
    case Severity::Warning: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_magenta);
    case Severity::Info: return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_cyan);
  }
  return {};
}

// The source line as shown under a diagnostic: control characters (tabs,
// stray CRs) become one space so that the caret's display column still fits.
std::string printable_line(std::string_view line) {
  std::string shown(line);
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return shown;
}

}  // namespace

std::string render_text(const Diagnostic& diagnostic, const SourceText* source, const RenderOptions& options) {
  const Location& at = diagnostic.location;
  const auto style = [&](fmt::text_style s, std::string_view text) {
    return options.color ? fmt::format(s, "{}", text) : std::string(text);
  };
  std::string out = style(fmt::emphasis::bold, fmt::format("{}:{}:{}:", diagnostic.path, at.line, at.column));
  out += ' ';
  out += style(severity_style(diagnostic.severity), fmt::format("{}:", to_string(diagnostic.severity)));
  out += ' ';
  out += style(fmt::emphasis::bold, diagnostic.message);
  out += fmt::format(" [{}]\n", diagnostic.code);
  if (options.show_source && source != nullptr && at.line >= 1 && at.line <= source->line_count()) {
    out += printable_line(source->line(at.line));
    out += '\n';
    out += std::string(at.display_column - 1, ' ');
    out += style(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green), "^");
    out += '\n';
  }
  return out;
}

}  // namespace digestkit
