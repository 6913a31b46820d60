// AST -> canonical text. Everything the layout fixes (labels, blank lines,
// separators, line endings) is printed from constants; only the fields come
// from the document, each through the FieldRepairer.
#include <string>

#include "digestkit/format.hpp"
#include "layout.hpp"
#include "repairs.hpp"

namespace digestkit {
namespace {

using format_detail::FieldRepairer;

void print_separator(std::string& out, std::string_view written, const text_detail::FieldRepairs& repairs) {
  if (repairs.collapse_spaces || written.empty()) {
    out += format_detail::kAuthorSeparator;
    return;
  }
  for (const char c : written) out += c == '\t' && repairs.replace_tabs ? ' ' : c;
}

void print_category(std::string& out, const Category& category, FieldRepairer& repairer) {
  if (category.tags.empty()) {
    repairer.append(out, category.line.value);
    return;
  }
  bool first = true;
  for (const Text& tag : category.tags) {
    if (!first) out += format_detail::kTagSeparator;
    first = false;
    repairer.append(out, tag.value);
  }
}

// Names that are empty once repaired ("A, , B", a trailing comma) are
// dropped together with the separator before them. Separators are printed
// as written (their tabs repaired), since the Authors line's spacing is
// published text; ", " with collapse_spaces, or when none was written.
void print_authors(std::string& out, const std::vector<Author>& authors, FieldRepairer& repairer) {
  out += format_detail::kAuthorsLabel;
  bool first = true;
  for (const Author& author : authors) {
    const std::size_t before_separator = out.size();
    if (!first) print_separator(out, author.separator, repairer.repairs());
    const std::size_t before_name = out.size();
    repairer.append(out, author.name);
    if (out.size() == before_name) {
      out.resize(before_separator);
      continue;
    }
    first = false;
  }
}

// A comment that is empty once repaired prints as a bare "PDF".
void print_pdf_line(std::string& out, const std::optional<Text>& comments, FieldRepairer& repairer) {
  out += format_detail::kPdfLabel;
  if (!comments) return;
  const std::size_t before_space = out.size();
  out += ' ';
  const std::size_t before_comment = out.size();
  repairer.append(out, comments->value);
  if (out.size() == before_comment) out.resize(before_space);
}

void print_entry(std::string& out, const Entry& entry, FieldRepairer& repairer) {
  repairer.append(out, entry.title.value);
  out += "\n\n";
  print_authors(out, entry.authors, repairer);
  out += "\n\n";
  repairer.append(out, entry.abstract.value);
  out += '\n';
  print_pdf_line(out, entry.comments, repairer);
  out += "\n\n";
  if (entry.marker != Marker::Missing) {
    out += format_detail::marker_text(entry.marker);
    out += "\n\n";
  }
}

void print_footer(std::string& out, const Footer& footer, FieldRepairer& repairer) {
  out += format_detail::kFooterAuthorLabel;
  repairer.append(out, footer.author.value);
  out += '\n';
  out += format_detail::kFooterNoticeLabel;
  repairer.append(out, footer.notice.value);
  if (footer.has_toc) {
    out += '\n';
    out += format_detail::kTableOfContents;
  }
}

void print_document(std::string& out, const Document& document, FieldRepairer& repairer) {
  const std::size_t start = out.size();
  print_category(out, document.category, repairer);
  out += "\n\n\n";
  if (document.date) {
    out += document.date->iso();
    out += format_detail::kDateLabel;
    out += "\n\n";
  }
  for (const Entry& entry : document.entries) print_entry(out, entry, repairer);
  if (document.footer) {
    print_footer(out, *document.footer, repairer);
  } else {
    // Like the footer's last line, the digest's last line has no newline.
    while (out.size() > start && out.back() == '\n') out.pop_back();
  }
}

std::size_t estimated_size(const Document& document) { return document.span.size() + 64; }

}  // namespace

std::string format_document(const Document& document, const FormatOptions& options) {
  FieldRepairer repairer(format_detail::field_repairs(options));
  std::string out;
  out.reserve(estimated_size(document));
  print_document(out, document, repairer);
  return out;
}

namespace format_detail {

DocumentPrinter::DocumentPrinter(const FormatOptions& options)
    : repairer_(std::make_unique<FieldRepairer>(field_repairs(options))) {}
DocumentPrinter::~DocumentPrinter() = default;

void DocumentPrinter::append(std::string& out, const Document& document) {
  out.reserve(out.size() + estimated_size(document));
  print_document(out, document, *repairer_);
}

}  // namespace format_detail

std::string format_documents(const std::vector<Document>& documents, const FormatOptions& options) {
  FieldRepairer repairer(format_detail::field_repairs(options));
  std::size_t size = 0;
  for (const Document& document : documents) size += estimated_size(document);
  std::string out;
  out.reserve(size);
  bool first = true;
  for (const Document& document : documents) {
    if (!first) out += '\n';
    first = false;
    print_document(out, document, repairer);
  }
  return out;
}

void format_documents_to(const std::vector<Document>& documents, const FormatOptions& options,
                         const TextOut& out) {
  format_detail::DocumentPrinter printer(options);
  std::string piece;
  for (const Document& document : documents) {
    piece.clear();
    if (&document != &documents.front()) piece += '\n';
    printer.append(piece, document);
    out(piece);
  }
}

std::string repair_text(std::string_view text, const FormatOptions& options) {
  FieldRepairer repairer(format_detail::field_repairs(options));
  std::string out;
  repairer.append(out, text);
  return out;
}

}  // namespace digestkit
