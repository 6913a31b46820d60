// One Document as a digestkit/1 object through any rapidjson writer (the
// compact Writer for JSON Lines, the PrettyWriter for arrays). Field order is
// part of the format: docs/json.md. Included after rapidjson's headers.
#pragma once

#include <algorithm>

#include <string_view>

#include "digestkit/document.hpp"
#include "digestkit/json.hpp"
#include "digestkit/shown_name.hpp"

namespace digestkit::json_detail {

template <class Writer>
void write_string(Writer& writer, std::string_view value) {
  writer.String(value.data(), static_cast<RAPIDJSON_NAMESPACE::SizeType>(value.size()));
}

template <class Writer>
void write_key(Writer& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<RAPIDJSON_NAMESPACE::SizeType>(key.size()));
}

template <class Writer>
void write_source(Writer& writer, const Document& document, const JsonSource& source) {
  writer.StartObject();
  write_key(writer, "path");
  write_string(writer, utf8_name(source.path));
  write_key(writer, "digest");
  writer.Uint64(document.index);
  write_key(writer, "encoding");
  write_string(writer, source.encoding);
  write_key(writer, "bom");
  writer.Bool(source.bom);
  write_key(writer, "line_endings");
  write_string(writer, source.line_endings);
  writer.EndObject();
}

template <class Writer>
void write_dropped(Writer& writer, const DroppedText& dropped) {
  writer.StartObject();
  write_key(writer, "count");
  writer.Uint64(dropped.count);
  write_key(writer, "lines");
  writer.StartArray();
  for (const LineRange& range : dropped.ranges) {
    writer.StartArray();
    writer.Uint64(range.first);
    writer.Uint64(range.last);
    writer.EndArray();
  }
  writer.EndArray();
  writer.EndObject();
}

template <class Writer>
void write_extracted(Writer& writer, const ExtractionFacts& facts) {
  writer.StartObject();
  write_key(writer, "kind");
  write_string(writer, facts.kind);
  write_key(writer, "layout");
  write_string(writer, facts.layout);
  write_key(writer, "raw_markdown_entries");
  writer.Uint64(facts.raw_markdown_entries);
  write_key(writer, "rejoined_lines");
  writer.Uint64(facts.rejoined_lines);
  write_key(writer, "dropped");
  writer.StartObject();
  write_key(writer, "summaries");
  write_dropped(writer, facts.summaries);
  write_key(writer, "chrome");
  write_dropped(writer, facts.chrome);
  writer.EndObject();
  writer.EndObject();
}

template <class Writer>
void write_entry(Writer& writer, const Entry& entry) {
  writer.StartObject();
  write_key(writer, "title");
  write_string(writer, entry.title.value);
  write_key(writer, "authors");
  writer.StartArray();
  for (const Author& author : entry.authors) write_string(writer, author.name);
  writer.EndArray();
  // The Authors line's separators are published text (fmt keeps them): when
  // any is not ", ", all of them, so that text -> JSON -> text holds.
  const bool canonical = std::all_of(entry.authors.begin(), entry.authors.end(), [](const Author& author) {
    return author.separator.empty() || author.separator == ", ";
  });
  if (!canonical && entry.authors.size() > 1) {
    write_key(writer, "author_separators");
    writer.StartArray();
    for (std::size_t i = 1; i < entry.authors.size(); ++i) {
      const std::string_view separator = entry.authors[i].separator;
      write_string(writer, separator.empty() ? std::string_view(", ") : separator);
    }
    writer.EndArray();
  }
  write_key(writer, "abstract");
  write_string(writer, entry.abstract.value);
  write_key(writer, "comments");
  if (entry.comments) {
    write_string(writer, entry.comments->value);
  } else {
    writer.Null();
  }
  write_key(writer, "marker");
  if (entry.marker == Marker::Missing) {
    writer.Null();
  } else {
    write_string(writer, marker_text(entry.marker));
  }
  writer.EndObject();
}

template <class Writer>
void write_footer(Writer& writer, const Footer& footer) {
  writer.StartObject();
  write_key(writer, "author");
  write_string(writer, footer.author.value);
  write_key(writer, "licence");
  if (footer.licence) {
    write_string(writer, footer.licence->value);
  } else {
    writer.Null();
  }
  write_key(writer, "notice");
  write_string(writer, footer.notice.value);
  write_key(writer, "toc");
  writer.Bool(footer.has_toc);
  writer.EndObject();
}

// after_entry() runs once each entry is written: the streaming writers hand
// on what the buffer holds there, so that a digest of a million entries is
// never one string.
struct NothingAfterEntry {
  void operator()() const {}
};

template <class Writer, class AfterEntry = NothingAfterEntry>
void write_document(Writer& writer, const Document& document, const JsonSource& source,
                    const AfterEntry& after_entry = {}) {
  writer.StartObject();
  write_key(writer, "format");
  write_string(writer, json_format_version);
  write_key(writer, "source");
  write_source(writer, document, source);
  if (source.extracted != nullptr) {
    write_key(writer, "extracted");
    write_extracted(writer, *source.extracted);
  }
  write_key(writer, "category");
  write_string(writer, document.category.line.value);
  write_key(writer, "tags");
  writer.StartArray();
  for (const Text& tag : document.category.tags) write_string(writer, tag.value);
  writer.EndArray();
  write_key(writer, "date");
  if (document.date) {
    write_string(writer, document.date->iso());
  } else {
    writer.Null();
  }
  write_key(writer, "date_valid");
  writer.Bool(document.date && document.date->is_calendar_date);
  write_key(writer, "entries");
  writer.StartArray();
  for (const Entry& entry : document.entries) {
    write_entry(writer, entry);
    after_entry();
  }
  writer.EndArray();
  write_key(writer, "footer");
  if (document.footer) {
    write_footer(writer, *document.footer);
  } else {
    writer.Null();
  }
  writer.EndObject();
}

}  // namespace digestkit::json_detail
