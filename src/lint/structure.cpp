// DG120..DG124: layout deviations the parser read and recorded in the AST.
#include <fmt/format.h>

#include "checks.hpp"

namespace digestkit::lint::detail {
namespace {

// Start of the line holding `offset`.
std::size_t line_start_of(std::string_view text, std::size_t offset) {
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r') --offset;
  return offset;
}

// Start of the line after the one holding `offset` (or the text's end).
std::size_t next_line(std::string_view text, std::size_t offset) {
  while (offset < text.size() && text[offset] != '\n' && text[offset] != '\r') ++offset;
  if (offset < text.size() && text[offset] == '\r') ++offset;
  if (offset < text.size() && text[offset] == '\n') ++offset;
  return offset;
}

// The text of the line starting at `offset`, without its line ending.
std::string_view line_at(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  return text.substr(offset, end - offset);
}

void check_blank_run(const BlankRun& run, Reporter& reporter) {
  const std::string_view text = reporter.text();
  const std::size_t after = run.span.end;
  const std::string_view following = after < text.size() ? line_at(text, after) : std::string_view();
  const std::string before = following.empty() ? "the end of the file" : context(text, after, 0);
  const auto lines = [](std::size_t n) { return fmt::format("{} blank line{}", n, n == 1 ? "" : "s"); };
  if (run.found > run.expected) {
    // Point at the first blank line beyond the expected ones.
    std::size_t extra = run.span.begin;
    for (std::uint16_t n = 0; n < run.expected; ++n) extra = next_line(text, extra);
    reporter.report(rule<"DG120">, extra, run.span.end - extra,
                    fmt::format("{} before {}; the layout has {}", lines(run.found), before, run.expected));
  } else {
    reporter.report(rule<"DG120">, after, 0,
                    fmt::format("{} before {}; the layout has {}", lines(run.found), before, run.expected));
  }
}

}  // namespace

void check_document_end(const Document& document, bool last, Reporter& reporter) {
  const std::string_view text = reporter.text();
  std::size_t content_end = std::min(document.span.end, text.size());
  while (content_end > document.span.begin &&
         (text[content_end - 1] == ' ' || text[content_end - 1] == '\t' || text[content_end - 1] == '\n' ||
          text[content_end - 1] == '\r')) {
    --content_end;
  }
  // The line endings after the digest's last line: none at the end of the
  // file, one before the next digest's category line.
  const std::size_t expected = last ? 0 : 1;
  std::size_t found = 0;
  std::size_t report_from = std::string_view::npos;
  for (std::size_t i = content_end; i < document.span.end && i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (++found == expected + 1) report_from = text[i] == '\n' && i > 0 && text[i - 1] == '\r' ? i - 1 : i;
  }
  if (found <= expected) return;
  const std::size_t end = std::min(document.span.end, text.size());
  if (last) {
    reporter.report(
        rule<"DG120">, report_from, end - report_from,
        fmt::format("the file ends with {} line ending{} after its last line; the layout has none", found,
                    found == 1 ? "" : "s"));
  } else {
    reporter.report(rule<"DG120">, report_from, end - report_from,
                    fmt::format("{} blank line{} between two digests; the layout has none", found - 1,
                                found == 2 ? "" : "s"));
  }
}

void check_structure(const Document& document, Reporter& reporter, bool damaged) {
  const std::string_view text = reporter.text();
  for (const BlankRun& run : document.blank_runs) check_blank_run(run, reporter);

  if (damaged) {
    // The parse error is the finding; a missing date or an empty digest
    // would only repeat it.
  } else if (!document.date) {
    const std::size_t at = document.category.line.span.end;
    reporter.report(rule<"DG122">, next_line(text, at), 0,
                    fmt::format("digest {} has no update date line \"YYYY-MM-DD 更新\"",
                                quote(document.category.line.value)));
  } else if (document.entries.empty()) {
    reporter.report(rule<"DG124">, document.date->line.begin, document.date->line.size(),
                    fmt::format("digest {} of {} lists no papers", quote(document.category.line.value),
                                document.date->written.value));
  }

  for (const Entry& entry : document.entries) {
    if (entry.marker != Marker::Missing) continue;
    reporter.report(rule<"DG121">, entry.pdf_line.begin, entry.pdf_line.size(),
                    fmt::format("entry {} has no screenshot marker line \"论文截图\" after its PDF line",
                                quote(entry.title.value)));
  }

  if (document.footer) {
    const Footer& footer = *document.footer;
    if (!footer.has_toc) {
      reporter.report(rule<"DG125">, footer.notice.span.end, 0,
                      "footer ends without the \"\u00a0\u00a0目录\" line after the licence line");
    } else {
      const std::size_t toc = line_start_of(text, footer.span.end);
      // Up to the footer's end: a concatenated file may go on on the same line.
      const std::string_view line = text.substr(toc, footer.span.end - toc);
      if (line != "\u00a0\u00a0目录") {
        reporter.report(rule<"DG123">, toc, line.size(),
                        fmt::format("footer label line is {}; the layout has two no-break spaces then 目录",
                                    quote(line)));
      }
    }
  }
}

}  // namespace digestkit::lint::detail
