// CSV export (RFC 4180): one row per entry with its digest's facts repeated,
// written straight into the output buffer.
#include <charconv>

#include "digestkit/json.hpp"

namespace digestkit {

namespace {

// One memchr pass per special character beats a byte-by-byte
// find_first_of on long abstracts.
bool needs_quotes(std::string_view value) {
  for (char special : {',', '"', '\r', '\n'}) {
    if (value.find(special) != std::string_view::npos) return true;
  }
  return false;
}
constexpr std::string_view kAuthorSeparator = "; ";

void append_number(std::size_t value, std::string& out) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, result.ptr);
}

void append_quoted_body(std::string_view value, std::string& out) {
  std::size_t start = 0;
  for (std::size_t quote = value.find('"'); quote != std::string_view::npos; quote = value.find('"', start)) {
    out.append(value.substr(start, quote + 1 - start));
    out.push_back('"');
    start = quote + 1;
  }
  out.append(value.substr(start));
}

void append_authors(const std::vector<Author>& authors, std::string& out) {
  bool quote = false;
  for (const Author& author : authors) quote = quote || needs_quotes(author.name);
  if (quote) out.push_back('"');
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (i != 0) out.append(kAuthorSeparator);
    if (quote) {
      append_quoted_body(authors[i].name, out);
    } else {
      out.append(authors[i].name);
    }
  }
  if (quote) out.push_back('"');
}

}  // namespace

std::string_view csv_header() {
  return "path,digest,category,date,index,title,authors,abstract,comments,marker\r\n";
}

void append_csv_field(std::string_view value, std::string& out) {
  if (!needs_quotes(value)) {
    out.append(value);
    return;
  }
  out.push_back('"');
  append_quoted_body(value, out);
  out.push_back('"');
}

void append_csv_row(const Document& document, std::size_t entry_index, std::string_view date,
                    std::string_view path, std::string& out) {
  const Entry& entry = document.entries[entry_index];
  append_csv_field(path, out);
  out.push_back(',');
  append_number(document.index, out);
  out.push_back(',');
  append_csv_field(document.category.line.value, out);
  out.push_back(',');
  out.append(date);
  out.push_back(',');
  append_number(entry_index, out);
  out.push_back(',');
  append_csv_field(entry.title.value, out);
  out.push_back(',');
  append_authors(entry.authors, out);
  out.push_back(',');
  append_csv_field(entry.abstract.value, out);
  out.push_back(',');
  if (entry.comments) append_csv_field(entry.comments->value, out);
  out.push_back(',');
  out.append(marker_text(entry.marker));
  out.append("\r\n");
}

void append_csv_rows(const Document& document, std::string_view path, std::string& out) {
  const std::string date = document.date ? document.date->iso() : std::string();
  for (std::size_t i = 0; i < document.entries.size(); ++i) append_csv_row(document, i, date, path, out);
}

}  // namespace digestkit
