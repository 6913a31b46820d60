// DG2xx over the raw text: encoding facts recorded by decode(), then the
// lines that are not plain printable ASCII (the line index knows which).
// Within those, printable ASCII is skipped 16 bytes at a time; only control
// bytes, line ends and non-ASCII runs are looked at one by one, and only
// non-ASCII runs that could be at fault reach ICU.
#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "checks.hpp"
#include "support/ascii_scan.hpp"
#include "support/code_points.hpp"

namespace digestkit::lint::detail {
namespace {

enum class CharClass : std::uint8_t { Plain, Space, Invisible, Bidi, Control, Replacement };

CharClass classify(UChar32 c) {
  if (c >= 0x3001 && c != 0xFEFF && c != 0xFFFD) return CharClass::Plain;  // CJK and most scripts
  if (c <= 0x9f) return c >= 0x80 ? CharClass::Control : CharClass::Plain;
  switch (c) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return CharClass::Space;
    case 0x2028:
    case 0x2029:
      return CharClass::Control;
    case 0xFFFD:
      return CharClass::Replacement;
    default:
      break;
  }
  if (support::is_invisible_format_character(c)) return CharClass::Invisible;
  if (c >= 0x2000 && c <= 0x200A) return CharClass::Space;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return CharClass::Bidi;
  return CharClass::Plain;
}

class CharacterScan {
 public:
  explicit CharacterScan(Reporter& reporter) : reporter_(reporter), text_(reporter.text()), run_(reporter) {}

  // Line by line: a line the line index found to be printable ASCII, with
  // no blank at either end, has nothing for these rules and is not read.
  void run() {
    const SourceText& source = reporter_.source();
    const std::size_t lines = source.line_count();
    for (std::size_t n = 1; n <= lines; ++n) {
      const std::size_t start = source.line_start(n);
      if (source.is_printable_ascii_line(n) && !blank_at_either_end(source.line(n))) continue;
      scan_line(start);
    }
  }

 private:
  static bool blank_at_either_end(std::string_view line) {
    return !line.empty() && (line.front() == ' ' || line.back() == ' ');
  }

  // From a line's start through its ending (or the end of the text).
  void scan_line(std::size_t start) {
    const std::size_t size = text_.size();
    const char* data = text_.data();
    std::size_t i = start;
    start_line(start);
    while ((i = support::first_special_byte(text_, i)) < size) {
      const auto byte = static_cast<unsigned char>(data[i]);
      if (byte >= 0x80) {
        i = non_ascii_run(i);
      } else if (byte == '\n' || byte == '\r') {
        end_line(i);
        return;
      } else if (byte == '\t') {
        std::size_t end = i;
        while (end < size && data[end] == '\t') ++end;
        // Tabs at the end of a line are trailing whitespace, reported there.
        if (end < size && data[end] != '\n' && data[end] != '\r' && !is_leading(i)) {
          reporter_.report(rule<"DG205">, i, end - i,
                           fmt::format("tab character in text: {}", context(text_, i, end - i)));
        }
        i = end;
      } else {  // another control byte or DEL
        // NUL is a parse error (DG112) already.
        if (byte != 0) {
          reporter_.report(rule<"DG214">, i, 1,
                           fmt::format("control character {} in text: {}", describe_code_point(byte),
                                       context(text_, i, 1)));
        }
        ++i;
      }
    }
    end_line(size);
  }

  void start_line(std::size_t offset) {
    line_start_ = offset;
    leading_known_ = false;
    line_exempt_ = is_toc_label_line(offset);
  }

  // The footer's "  目录" button label: its NBSP indent is part of the
  // layout (DG123 reports any other indent), so DG206 and DG216 leave it be.
  [[nodiscard]] bool is_toc_label_line(std::size_t offset) const {
    if (offset >= text_.size() || (text_[offset] != ' ' && text_[offset] != '\xc2')) return false;
    const std::string_view rest = text_.substr(offset);
    std::size_t i = 0;
    for (;;) {
      if (rest.substr(i, 1) == " ") {
        i += 1;
      } else if (rest.substr(i, 2) == "\u00a0") {
        i += 2;
      } else {
        break;
      }
    }
    if (i == 0 || rest.substr(i, 6) != "目录") return false;
    i += 6;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
    return i == rest.size() || rest[i] == '\n' || rest[i] == '\r';
  }

  // Whether `offset` lies in the line's leading blanks. The end of those is
  // found once per line, so a line of many tabs stays linear.
  [[nodiscard]] bool is_leading(std::size_t offset) {
    if (!leading_known_) {
      leading_known_ = true;
      leading_end_ = line_start_;
      while (leading_end_ < text_.size() && (text_[leading_end_] == ' ' || text_[leading_end_] == '\t')) {
        ++leading_end_;
      }
    }
    return offset < leading_end_;
  }

  void end_line(std::size_t end) {
    if (end <= line_start_) return;
    std::size_t content_end = end;
    while (content_end > line_start_ && (text_[content_end - 1] == ' ' || text_[content_end - 1] == '\t')) {
      --content_end;
    }
    if (content_end < end) {
      reporter_.report(
          rule<"DG204">, content_end, end - content_end,
          content_end == line_start_
              ? std::string("line holds only blanks")
              : fmt::format("{} trailing blank{} after {}", end - content_end,
                            end - content_end == 1 ? "" : "s", context_before(text_, content_end)));
    }
    if (content_end > line_start_ && !line_exempt_ &&
        (text_[line_start_] == ' ' || text_[line_start_] == '\t')) {
      std::size_t first = line_start_;
      while (text_[first] == ' ' || text_[first] == '\t') ++first;
      reporter_.report(rule<"DG216">, line_start_, first - line_start_,
                       fmt::format("line starts with {} blank{} before {}", first - line_start_,
                                   first - line_start_ == 1 ? "" : "s", context(text_, first, 0)));
    }
  }

  // Reports each run of same-class characters once; returns the end of the
  // non-ASCII run that starts at `begin`.
  std::size_t non_ascii_run(std::size_t begin) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
    const auto size = static_cast<int32_t>(text_.size());
    auto i = static_cast<int32_t>(begin);
    CharClass pending = CharClass::Plain;
    std::size_t pending_begin = 0;
    UChar32 pending_char = 0;
    while (i < size && bytes[i] >= 0x80) {
      const int32_t at = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, size, c);
      run_.add(c);
      const CharClass kind = c < 0 ? CharClass::Plain : classify(c);
      if (kind != pending) {
        flush(pending, pending_begin, static_cast<std::size_t>(at), pending_char);
        pending = kind;
        pending_begin = static_cast<std::size_t>(at);
        pending_char = c;
      }
    }
    flush(pending, pending_begin, static_cast<std::size_t>(i), pending_char);
    run_.check(begin, static_cast<std::size_t>(i));
    return static_cast<std::size_t>(i);
  }

  void flush(CharClass kind, std::size_t begin, std::size_t end, UChar32 first) {
    if (kind == CharClass::Plain) return;
    const std::string what = describe_code_point(first);
    const std::string where = context(text_, begin, end - begin);
    switch (kind) {
      case CharClass::Space:
        if (line_exempt_) return;
        reporter_.report(rule<"DG206">, begin, end - begin,
                         fmt::format("non-ASCII space {} in text: {}", what, where));
        break;
      case CharClass::Invisible:
        reporter_.report(rule<"DG207">, begin, end - begin,
                         fmt::format("invisible character {} in text: {}", what, where));
        break;
      case CharClass::Bidi:
        reporter_.report(rule<"DG209">, begin, end - begin,
                         fmt::format("bidi control {} can reorder or hide text: {}", what, where));
        break;
      case CharClass::Control:
        reporter_.report(rule<"DG214">, begin, end - begin,
                         fmt::format("control character {} in text: {}", what, where));
        break;
      case CharClass::Replacement:
        reporter_.report(rule<"DG215">, begin, end - begin,
                         fmt::format("replacement character U+FFFD: a character was lost here: {}", where));
        break;
      case CharClass::Plain:
        break;
    }
  }

  Reporter& reporter_;
  std::string_view text_;
  std::size_t line_start_ = 0;
  std::size_t leading_end_ = 0;  // end of the current line's leading blanks
  bool leading_known_ = false;
  bool line_exempt_ = false;
  NonAsciiRun run_;
};

// Offset of the first line ending of the given kind, or npos.
std::size_t first_ending(std::string_view text, bool want_crlf, bool want_cr) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      if (!want_crlf && !want_cr) return i;
    } else if (text[i] == '\r') {
      const bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      if ((crlf && want_crlf) || (!crlf && want_cr)) return i;
      if (crlf) ++i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void check_file_encoding(Reporter& reporter) {
  const SourceText& source = reporter.source();
  if (source.had_bom)
    reporter.report(rule<"DG203">, 0, 0, "file starts with a UTF-8 byte order mark (U+FEFF)");
  if (source.transcoded) {
    const std::string confidence =
        source.detection_confidence
            ? fmt::format(" (ICU detection confidence {}%)", *source.detection_confidence)
            : "";
    reporter.report(rule<"DG213">, 0, 0,
                    fmt::format("file is encoded in {}{}, not UTF-8; it was read as {}", source.encoding,
                                confidence, source.encoding));
  }
  const LineEndings& endings = source.line_endings;
  if (endings.mixed()) {
    // Point at the first line ending of the rarer kind(s): the majority is
    // taken to be the intended style.
    const std::size_t most = std::max({endings.lf, endings.crlf, endings.cr});
    std::size_t at = std::string_view::npos;
    std::string kind;
    if (endings.lf != most) {
      at = first_ending(reporter.text(), false, false);
      kind = "LF";
    } else if (endings.crlf != most && endings.crlf != 0) {
      at = first_ending(reporter.text(), true, false);
      kind = "CRLF";
    } else {
      at = first_ending(reporter.text(), false, true);
      kind = "CR";
    }
    if (at == std::string_view::npos) at = 0;
    reporter.report(rule<"DG202">, at, kind == "CRLF" ? 2 : 1,
                    fmt::format("mixed line endings: this line ends in {} (file has {} LF, {} CRLF, {} CR)",
                                kind, endings.lf, endings.crlf, endings.cr));
  } else if (endings.crlf != 0 || endings.cr != 0) {
    const bool crlf = endings.crlf != 0;
    const std::size_t at = first_ending(reporter.text(), crlf, !crlf);
    reporter.report(rule<"DG201">, at == std::string_view::npos ? 0 : at, crlf ? 2 : 1,
                    fmt::format("file uses {} line endings ({} lines); the layout uses LF",
                                crlf ? "CRLF" : "CR", crlf ? endings.crlf : endings.cr));
  }
}

void check_characters(Reporter& reporter) { CharacterScan(reporter).run(); }

}  // namespace digestkit::lint::detail
