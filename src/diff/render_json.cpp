#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "diff/render.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/shown_name.hpp"

namespace digestkit::diff_detail {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view text) {
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void optional_string(Writer& w, const std::optional<std::string_view>& text) {
  if (text) {
    string(w, *text);
  } else {
    w.Null();
  }
}

void key(Writer& w, std::string_view name) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

std::string_view op_name(WordOp op) {
  switch (op) {
    case WordOp::Same:
      return "same";
    case WordOp::Removed:
      return "removed";
    case WordOp::Added:
      return "added";
  }
  return "same";
}

void text_change(Writer& w, const TextChange& change) {
  w.StartObject();
  key(w, "old");
  optional_string(w, change.old_text);
  key(w, "new");
  optional_string(w, change.new_text);
  key(w, "words");
  w.StartArray();
  for (const auto& edit : change.words) {
    w.StartObject();
    key(w, "op");
    string(w, op_name(edit.op));
    key(w, "text");
    string(w, edit.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void optional_text_change(Writer& w, std::string_view name, const std::optional<TextChange>& change) {
  key(w, name);
  if (change) {
    text_change(w, *change);
  } else {
    w.Null();
  }
}

void names(Writer& w, std::string_view name, const std::vector<std::string_view>& list) {
  key(w, name);
  w.StartArray();
  for (const auto item : list) string(w, item);
  w.EndArray();
}

void counts(Writer& w, const DiffCounts& c) {
  key(w, "added");
  w.Uint64(c.added);
  key(w, "removed");
  w.Uint64(c.removed);
  key(w, "changed");
  w.Uint64(c.changed);
  key(w, "retitled");
  w.Uint64(c.retitled);
  key(w, "moved");
  w.Uint64(c.moved);
  key(w, "unchanged");
  w.Uint64(c.unchanged);
}

// The whole entry as it reads on one side (for added and removed entries).
void entry_object(Writer& w, const Entry& entry) {
  w.StartObject();
  key(w, "title");
  string(w, entry.title.value);
  key(w, "authors");
  w.StartArray();
  for (const auto& author : entry.authors) string(w, author.name);
  w.EndArray();
  key(w, "abstract");
  string(w, entry.abstract.value);
  key(w, "comments");
  if (entry.comments) {
    string(w, entry.comments->value);
  } else {
    w.Null();
  }
  w.EndObject();
}

void entry_change(Writer& w, const EntryChange& change) {
  w.StartObject();
  key(w, "kind");
  string(w, to_string(change.kind));
  key(w, "title");
  string(w, change.display_title());
  key(w, "old_index");
  if (change.old_entry != nullptr) {
    w.Uint64(change.old_index);
  } else {
    w.Null();
  }
  key(w, "new_index");
  if (change.new_entry != nullptr) {
    w.Uint64(change.new_index);
  } else {
    w.Null();
  }
  key(w, "moved");
  w.Bool(change.moved);
  if (change.kind == EntryChangeKind::Added || change.kind == EntryChangeKind::Removed) {
    key(w, "entry");
    entry_object(w, change.kind == EntryChangeKind::Added ? *change.new_entry : *change.old_entry);
  } else {
    if (change.kind == EntryChangeKind::Retitled) {
      key(w, "old_title");
      string(w, change.old_entry->title.value);
      key(w, "similarity");
      w.Double(change.title_similarity);
    }
    names(w, "fields", change.changed_fields());
    key(w, "changes");
    w.StartObject();
    if (change.title) {
      key(w, "title");
      text_change(w, *change.title);
    }
    if (change.authors) {
      key(w, "authors");
      w.StartObject();
      names(w, "removed", change.authors->removed);
      names(w, "added", change.authors->added);
      names(w, "moved", change.authors->moved);
      key(w, "reordered");
      w.Bool(change.authors->reordered());
      w.EndObject();
    }
    if (change.abstract) {
      key(w, "abstract");
      text_change(w, *change.abstract);
    }
    if (change.comments) {
      key(w, "comments");
      text_change(w, *change.comments);
    }
    w.EndObject();
  }
  w.EndObject();
}

void digest_object(Writer& w, const DigestDiff& digest) {
  w.StartObject();
  key(w, "index");
  w.Uint64(digest.index);
  key(w, "status");
  string(w, digest.old_document == nullptr   ? "only_new"
            : digest.new_document == nullptr ? "only_old"
                                             : "compared");
  optional_text_change(w, "category", digest.category);
  optional_text_change(w, "date", digest.date);
  key(w, "footer");
  if (digest.footer) {
    w.StartObject();
    key(w, "old_present");
    w.Bool(digest.footer->old_present);
    key(w, "new_present");
    w.Bool(digest.footer->new_present);
    optional_text_change(w, "author", digest.footer->author);
    optional_text_change(w, "notice", digest.footer->notice);
    w.EndObject();
  } else {
    w.Null();
  }
  key(w, "summary");
  w.StartObject();
  counts(w, digest.counts);
  w.EndObject();
  key(w, "entries");
  w.StartArray();
  for (const auto& change : digest.entries) entry_change(w, change);
  w.EndArray();
  w.EndObject();
}

void errors_array(Writer& w, const ParsedFile& file) {
  for (const auto& diagnostic : errors_of(file)) {
    w.StartObject();
    key(w, "path");
    string(w, utf8_name(diagnostic.path));
    key(w, "line");
    w.Uint64(diagnostic.location.line);
    key(w, "column");
    w.Uint64(diagnostic.location.column);
    key(w, "code");
    string(w, diagnostic.code);
    key(w, "message");
    string(w, diagnostic.message);
    w.EndObject();
  }
}

}  // namespace

std::string render_file_json(const FileDiff& file) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "path");
  string(w, utf8_name(file.path));
  key(w, "old");
  const std::string old_name = utf8_name(file.old_name);
  optional_string(w, old_name.empty() ? std::nullopt : std::optional<std::string_view>(old_name));
  key(w, "new");
  const std::string new_name = utf8_name(file.new_name);
  optional_string(w, new_name.empty() ? std::nullopt : std::optional<std::string_view>(new_name));
  key(w, "status");
  string(w, to_string(file.status));
  if (file.status == FileDiffStatus::Compared) {
    key(w, "summary");
    w.StartObject();
    counts(w, file.counts());
    w.EndObject();
    key(w, "digests");
    w.StartArray();
    for (const auto& digest : file.digests) digest_object(w, digest);
    w.EndArray();
  } else if (file.status == FileDiffStatus::Failed) {
    key(w, "errors");
    w.StartArray();
    errors_array(w, file.old_file);
    errors_array(w, file.new_file);
    w.EndArray();
  }
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string render_summary_json(const DiffCounts& totals, std::size_t files, std::size_t files_changed,
                                std::size_t only_old, std::size_t only_new, std::size_t failed) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "files");
  w.Uint64(files);
  key(w, "files_changed");
  w.Uint64(files_changed);
  key(w, "files_only_old");
  w.Uint64(only_old);
  key(w, "files_only_new");
  w.Uint64(only_new);
  key(w, "files_failed");
  w.Uint64(failed);
  counts(w, totals);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace digestkit::diff_detail
