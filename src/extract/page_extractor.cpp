// One page: decode -> blocks (HTML or text dump) -> assemble -> Document ->
// canonical text, parsed back so that the result is exactly what every
// other command reads from that text.
#include <fmt/format.h>

#include <chrono>
#include <deque>

#include "assemble.hpp"
#include "digestkit/extract.hpp"
#include "html_page.hpp"
#include "layout.hpp"
#include "support/ascii_scan.hpp"
#include "text_dump.hpp"

namespace digestkit::extract {
namespace {

using extract_detail::Assembly;
using extract_detail::RecoveredDigest;

Diagnostic diagnostic_at(const SourceText& page, std::size_t offset, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::Error;
  d.path = page.path();
  d.location = page.locate(std::min(offset, page.text().size()));
  d.input_offset = page.input_offset(d.location.offset);
  d.message = std::move(message);
  return d;
}

Document to_document(const RecoveredDigest& digest, StringStore& store) {
  Document document;
  document.category.line.value = digest.category;
  Date date;
  date.year = digest.year;
  date.month = digest.month;
  date.day = digest.day;
  date.is_calendar_date = std::chrono::year_month_day(std::chrono::year(digest.year),
                                                      std::chrono::month(static_cast<unsigned>(digest.month)),
                                                      std::chrono::day(static_cast<unsigned>(digest.day)))
                              .ok();
  date.written.value = store.keep(date.iso());
  document.date = date;
  for (const auto& recovered : digest.entries) {
    Entry entry;
    entry.title.value = recovered.title;
    for (const std::string_view name : recovered.authors) entry.authors.push_back(Author{name, {}});
    entry.abstract.value = recovered.abstract;
    if (recovered.comments) entry.comments = Text{*recovered.comments, {}};
    entry.marker = recovered.marker;
    document.entries.push_back(std::move(entry));
  }
  if (digest.footer_author && digest.footer_notice) {
    Footer footer;
    footer.author.value = *digest.footer_author;
    footer.notice.value = *digest.footer_notice;
    footer.has_toc = true;
    document.footer = footer;
  }
  return document;
}

}  // namespace

std::vector<std::string_view> layout_names() {
  std::vector<std::string_view> names;
  for (const auto& layout : extract_detail::known_layouts()) names.push_back(layout.name);
  return names;
}

std::optional<std::string_view> text_dump_layout(std::string_view bytes) {
  auto decoded = decode(bytes, "");
  if (!decoded.source) return std::nullopt;
  std::deque<std::string> arena;
  const auto blocks = extract_detail::read_dump_blocks(*decoded.source, arena);
  for (const auto& layout : extract_detail::known_layouts()) {
    extract_detail::AssembleInput input;
    input.layout = &layout;
    input.blocks = blocks.blocks;
    const Assembly assembly = extract_detail::assemble(input, arena);
    if (!assembly.no_digest) return layout.name;
  }
  return std::nullopt;
}

PageExtractor::PageExtractor() = default;
PageExtractor::~PageExtractor() = default;

ExtractedPage PageExtractor::extract(std::string_view bytes, std::string path, const PageOptions& options) {
  ExtractedPage result;
  page_.reset();
  Decoded decoded = decode(bytes, path, options.decode);
  if (!decoded.source) {
    result.diagnostics.push_back(to_diagnostic(path, *decoded.error));
    return result;
  }
  page_ = std::move(decoded.source);
  const SourceText& page = *page_;
  result.page = page_.get();

  const bool html = options.as == PageSource::Html ||
                    (options.as == PageSource::Auto &&
                     (looks_like_html(bytes) || support::ends_with_ignoring_ascii_case(path, ".html") ||
                      support::ends_with_ignoring_ascii_case(path, ".htm")));
  result.kind = html ? PageKind::Html : PageKind::TextDump;
  result.facts.kind = html ? "html" : "text-dump";

  std::deque<std::string> arena;
  std::optional<Assembly> assembly;
  std::string looked_for;
  const auto layouts = extract_detail::known_layouts();
  for (const auto& layout : layouts) {
    if (!looked_for.empty()) looked_for += "; ";
    looked_for +=
        html ? extract_detail::describe_html_marks(layout) : extract_detail::describe_dump_marks(layout);
  }
  if (html) {
    const auto blocks = extract_detail::read_html_blocks(page, layouts, arena);
    if (blocks.layout != nullptr) {
      extract_detail::AssembleInput input;
      input.layout = blocks.layout;
      input.blocks = blocks.blocks;
      input.category = blocks.title;
      input.line_count = page.line_count();
      input.looked_for = looked_for;
      input.path = path;
      assembly = extract_detail::assemble(input, arena);
    }
  } else {
    const auto blocks = extract_detail::read_dump_blocks(page, arena);
    for (const auto& layout : layouts) {
      extract_detail::AssembleInput input;
      input.layout = &layout;
      input.blocks = blocks.blocks;
      input.line_count = page.line_count();
      input.looked_for = looked_for;
      input.path = path;
      assembly = extract_detail::assemble(input, arena);
      if (!assembly->no_digest) break;
    }
  }
  if (!assembly) {
    result.diagnostics.push_back(diagnostic_at(
        page, 0, "DE001", fmt::format("no digest found in {} (looked for {})", path, looked_for)));
    return result;
  }
  for (const auto& problem : assembly->problems) {
    result.diagnostics.push_back(diagnostic_at(page, problem.offset, problem.code, problem.message));
  }
  const std::string_view kind = result.facts.kind;
  result.facts = assembly->facts;
  result.facts.kind = kind;
  if (!result.diagnostics.empty() || !assembly->digest) return result;

  StringStore store;
  const Document document = to_document(*assembly->digest, store);
  result.text = format_document(document, options.format);
  result.digest = parse_bytes(result.text, path);
  std::optional<std::string> problem;
  if (!result.digest.ok()) {
    problem = result.digest.errors.empty() ? "it does not decode" : result.digest.errors.front().message;
  } else {
    problem = check_equivalent(std::vector<Document>{document}, result.digest.documents, options.format);
  }
  if (problem) {
    result.diagnostics.push_back(diagnostic_at(
        page, 0, "DE003",
        fmt::format(
            "the digest recovered from {} does not read back as the same digest ({}): nothing is emitted",
            path, *problem)));
  }
  return result;
}

}  // namespace digestkit::extract
