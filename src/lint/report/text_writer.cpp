// Text: clang-style diagnostics with the source line and a caret
// (render_text from diagnostic.hpp), coloured on a terminal. A source line
// holding a bidi control is not echoed as it is: the terminal would reorder
// it (the very trick DG209 reports), so the controls are shown as <U+XXXX>
// and the caret is placed under the escaped line.
#include <fmt/color.h>
#include <fmt/format.h>
#include <unicode/utf8.h>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

bool is_bidi_control(UChar32 c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

bool has_bidi_control(std::string_view line) {
  // U+202A..U+202E are E2 80 AA..AE, U+2066..U+2069 are E2 81 A6..A9.
  for (std::size_t i = line.find('\xE2'); i != std::string_view::npos; i = line.find('\xE2', i + 1)) {
    if (i + 2 >= line.size()) break;
    const auto second = static_cast<unsigned char>(line[i + 1]);
    const auto third = static_cast<unsigned char>(line[i + 2]);
    if ((second == 0x80 && third >= 0xAA && third <= 0xAE) ||
        (second == 0x81 && third >= 0xA6 && third <= 0xA9)) {
      return true;
    }
  }
  return false;
}

// The line with bidi controls escaped (and control bytes as spaces, as
// render_text does), and the display width of its first `columns - 1`
// characters.
std::pair<std::string, std::size_t> escaped_line(std::string_view line, std::size_t column) {
  std::string shown;
  std::size_t caret_width = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
  const auto length = static_cast<int32_t>(line.size());
  std::size_t characters = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    std::string piece;
    if (c >= 0 && is_bidi_control(c)) {
      piece = fmt::format("<U+{:04X}>", static_cast<unsigned>(c));
    } else if (c >= 0 && (c < 0x20 || c == 0x7f)) {
      piece = " ";
    } else {
      piece.assign(line.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    }
    if (++characters < column) caret_width += display_width(piece);
    shown += piece;
  }
  return {shown, caret_width};
}

class TextWriter final : public Writer {
 public:
  TextWriter(std::ostream& out, bool color) : out_(out) { options_.color = color; }

  void file(const std::string&, const SourceText* source,
            const std::vector<Diagnostic>& diagnostics) override {
    for (const Diagnostic& diagnostic : diagnostics) {
      const std::size_t line_number = diagnostic.location.line;
      if (source == nullptr || line_number < 1 || line_number > source->line_count() ||
          !has_bidi_control(source->line(line_number))) {
        out_ << render_text(diagnostic, source, options_);
        continue;
      }
      RenderOptions header = options_;
      header.show_source = false;
      const auto [shown, caret_width] = escaped_line(source->line(line_number), diagnostic.location.column);
      const std::string caret =
          options_.color ? fmt::format(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green), "^")
                         : "^";
      out_ << render_text(diagnostic, source, header) << shown << '\n'
           << std::string(caret_width, ' ') << caret << '\n';
    }
  }
  void finish() override {}

 private:
  std::ostream& out_;
  RenderOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_text_writer(std::ostream& out, bool color) {
  return std::make_unique<TextWriter>(out, color);
}

}  // namespace digestkit::lint
