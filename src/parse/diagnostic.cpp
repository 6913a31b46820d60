#include "digestkit/diagnostic.hpp"

#include <fmt/color.h>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

#include "digestkit/parse.hpp"
#include "digestkit/shown_name.hpp"

namespace digestkit {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
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
    case Severity::Error:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_red);
    case Severity::Warning:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_magenta);
    case Severity::Info:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_cyan);
  }
  return {};
}

// The source line as shown under a diagnostic, and the display width of
// its text before `column`. Control characters become one space; format
// characters (bidi controls, zero-width spaces) and line/paragraph
// separators are spelled <U+XXXX>: echoed raw they would reorder or hide
// text on the terminal, the very faults validate reports. The caret is then
// placed under the escaped line.
//
// A long line is shown as a window around the column (as rustc and ruff
// do), cut with "…": a diagnostic costs a bounded amount of output however
// long the line (a 900 MB line of NULs once made a 900 MB report).
struct ShownLine {
  std::string text;
  std::size_t caret_width = 0;
};

// Display cells of a line shown whole; a longer one is cut to this many,
// with kWindowBefore of them (whole characters: up to that many) before the
// caret, more when the rest of the line is short.
constexpr std::size_t kWindowWidth = 100;
constexpr std::size_t kWindowBefore = 50;
constexpr std::string_view kEllipsis = "…";

struct ShownPiece {
  std::string text;
  std::size_t width = 0;
};

ShownPiece shown_piece(std::string_view line, std::int32_t start, std::int32_t end, UChar32 c) {
  std::string_view piece =
      line.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
  if (c >= 0 && (c < 0x20 || c == 0x7f)) return {" ", 1};
  if (c >= 0x20 && c < 0x7f) return {std::string(piece), 1};
  if (c >= 0x80) {
    const auto type = u_charType(c);
    if (type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) {
      std::string escaped = fmt::format("<U+{:04X}>", static_cast<unsigned>(c));
      const std::size_t width = escaped.size();
      return {std::move(escaped), width};
    }
  }
  return {std::string(piece), display_width(piece)};
}

ShownLine shown_line(std::string_view line, std::size_t column) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  // The pieces before the column (the last kWindowWidth cells of them) and
  // from it on (the first kWindowWidth cells); the scan stops there.
  std::deque<ShownPiece> before;
  std::vector<ShownPiece> after;
  std::size_t before_width = 0;
  std::size_t after_width = 0;
  bool cut_before = false;
  bool cut_after = false;
  std::size_t characters = 0;
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    ShownPiece piece = shown_piece(line, start, i, c);
    if (++characters < column) {
      before_width += piece.width;
      before.push_back(std::move(piece));
      while (before_width > kWindowWidth) {
        before_width -= before.front().width;
        before.pop_front();
        cut_before = true;
      }
      continue;
    }
    if (after_width + piece.width > kWindowWidth) {
      cut_after = true;
      break;
    }
    after_width += piece.width;
    after.push_back(std::move(piece));
  }
  if (cut_before || cut_after || before_width + after_width > kWindowWidth) {
    // Share the window: the text before the caret keeps up to kWindowBefore
    // cells, or more when the rest of the line is short.
    const std::size_t keep_before =
        std::min(before_width, std::max(kWindowBefore, kWindowWidth - std::min(after_width, kWindowWidth)));
    while (before_width > keep_before) {
      before_width -= before.front().width;
      before.pop_front();
      cut_before = true;
    }
    while (after_width > kWindowWidth - keep_before) {
      after_width -= after.back().width;
      after.pop_back();
      cut_after = true;
    }
  }
  ShownLine shown;
  if (cut_before) {
    shown.text += kEllipsis;
    shown.caret_width = 1;
  }
  for (const ShownPiece& piece : before) shown.text += piece.text;
  shown.caret_width += before_width;
  for (const ShownPiece& piece : after) shown.text += piece.text;
  if (cut_after) shown.text += kEllipsis;
  return shown;
}

}  // namespace

std::string render_text(const Diagnostic& diagnostic, const SourceText* source,
                        const RenderOptions& options) {
  const Location& at = diagnostic.location;
  const auto style = [&](fmt::text_style s, std::string_view text) {
    return options.color ? fmt::format(s, "{}", text) : std::string(text);
  };
  std::string out =
      style(fmt::emphasis::bold, fmt::format("{}:{}:{}:", quoted_name(diagnostic.path), at.line, at.column));
  out += ' ';
  out += style(severity_style(diagnostic.severity), fmt::format("{}:", to_string(diagnostic.severity)));
  out += ' ';
  out += style(fmt::emphasis::bold, diagnostic.message);
  out += fmt::format(" [{}]\n", diagnostic.code);
  if (options.show_source && source != nullptr && at.line >= 1 && at.line <= source->line_count()) {
    const ShownLine shown = shown_line(source->line(at.line), at.column);
    out += shown.text;
    out += '\n';
    out += std::string(shown.caret_width, ' ');
    out += style(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green), "^");
    out += '\n';
  }
  for (const RelatedLocation& related : diagnostic.related) {
    out += style(fmt::emphasis::bold, fmt::format("{}:{}:{}:", quoted_name(related.path),
                                                  related.location.line, related.location.column));
    out += ' ';
    out += style(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan), "note:");
    out += ' ';
    out += related.message;
    out += '\n';
  }
  return out;
}

}  // namespace digestkit
