// `digest diff --format html`. Every character of the inputs reaches the page
// through libxml2 (text nodes and attributes, escaped when the tree is
// serialised); invisible and look-alike characters are spelled as in the
// text view. Ids are derived from the path and the title key (or the
// entry's position when the key has no ASCII letter or digit), made unique
// in order of addition: the same inputs give the same bytes.
#include "diff/html_report.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <algorithm>
#include <new>
#include <stdexcept>

#include <fmt/format.h>

#include "diff/field_view.hpp"
#include "diff/render.hpp"
#include "digestkit/title_key.hpp"

namespace digestkit::diff_detail {

struct HtmlReport::Section {
  std::string path;
  xmlDocPtr doc = nullptr;  // its root element is the <section>
  ~Section() { xmlFreeDoc(doc); }
};

namespace {

constexpr std::string_view kStyle = R"css(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: #1f2328; margin: 1.5rem auto; max-width: 90rem; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
p.inputs, p.counts { margin: 0 0 .75rem; color: #57606a; }
code, .counts { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; }
table.summary th, table.summary td { border: 1px solid #d0d7de; padding: .2rem .6rem; }
table.summary th { background: #f6f8fa; text-align: left; }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.summary tfoot td { font-weight: 600; }
table.entries { width: 100%; table-layout: fixed; margin-bottom: 1rem; }
table.entries col.label { width: 6.5rem; }
table.entries th, table.entries td { vertical-align: top; padding: .2rem .5rem; text-align: left; }
table.entries td { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 1px solid #d0d7de; }
table.entries thead th { color: #57606a; font-weight: 600; border-bottom: 1px solid #d0d7de; }
table.entries th.field { color: #57606a; font-weight: normal; font-size: .9em; }
tbody.entry { border-top: 1px solid #d0d7de; }
tbody.entry tr.title th { background: #f6f8fa; font-weight: 600; padding-top: .35rem; }
tbody.entry tr.title a.anchor { color: #8c959f; margin-right: .35rem; }
span.kind { display: inline-block; min-width: 4.5rem; font-size: .8em; font-weight: 600; text-transform: uppercase;
  letter-spacing: .03em; color: #57606a; }
span.note { font-weight: normal; color: #0550ae; margin-left: .5rem; font-size: .9em; }
tbody.added td.new, tbody.added tr.title th { background: #e6ffec; }
tbody.removed td.old, tbody.removed tr.title th { background: #ffebe9; }
tbody.moved tr.title th, tbody.retitled tr.title th { background: #ddf4ff; }
tr.changed th.field { color: #9a6700; font-weight: 600; }
del { background: #ffcecb; color: #82071e; text-decoration: line-through; }
ins { background: #aceebb; color: #055d20; text-decoration: none; }
del.space, ins.space { outline: 1px dashed currentColor; }
tbody.unchanged td { color: #57606a; font-style: italic; border-left: none; }
tbody.digest-fields th.field { font-weight: 600; }
)css";

const xmlChar* xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

void text(xmlNodePtr parent, std::string_view content);

// Block elements start a line of their own. The page is serialised
// unformatted (libxml2's formatting puts line breaks inside cells, which
// white-space: pre-wrap would show), so the breaks are text nodes.
bool starts_line(std::string_view name) {
  for (const std::string_view block :
       {"head", "body", "meta", "title", "style", "h1", "h2", "h3", "p", "table", "colgroup", "col", "thead",
        "tbody", "tfoot", "tr", "section"}) {
    if (name == block) return true;
  }
  return false;
}

xmlNodePtr element(xmlNodePtr parent, const char* name, std::string_view class_name = {}) {
  xmlNodePtr node = xmlNewDocNode(parent->doc, nullptr, xml(name), nullptr);
  if (node == nullptr) throw std::bad_alloc();
  if (starts_line(name)) text(parent, "\n");
  xmlAddChild(parent, node);
  if (!class_name.empty()) xmlSetProp(node, xml("class"), xml(std::string(class_name).c_str()));
  return node;
}

void attribute(xmlNodePtr node, const char* name, std::string_view value) {
  xmlSetProp(node, xml(name), xml(std::string(value).c_str()));
}

void text(xmlNodePtr parent, std::string_view content) {
  if (content.empty()) return;
  xmlNodePtr node = xmlNewDocTextLen(parent->doc, reinterpret_cast<const xmlChar*>(content.data()),
                                     static_cast<int>(content.size()));
  if (node == nullptr) throw std::bad_alloc();
  xmlAddChild(parent, node);
}

xmlNodePtr text_element(xmlNodePtr parent, const char* name, std::string_view content,
                        std::string_view class_name = {}) {
  xmlNodePtr node = element(parent, name, class_name);
  text(node, content);
  return node;
}

// Pieces as text, removed ones in <del> and added ones in <ins>.
void append_pieces(xmlNodePtr cell, const std::vector<Piece>& pieces) {
  for (const auto& piece : pieces) {
    if (piece.kind == PieceKind::Same) {
      text(cell, piece.text);
      continue;
    }
    text_element(cell, piece.kind == PieceKind::Removed ? "del" : "ins", piece.text,
                 piece.only_space ? "space" : "");
  }
}

// ASCII letters and digits of the title key, other runs as one "-", at most
// 60 characters: "spiral-codes-cyclic-contrastive-pretraining-for-bird-song".
std::string slug(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string count_line(const DiffCounts& counts) { return summary_line(counts); }

class SectionWriter {
 public:
  SectionWriter(const DiffReportOptions& options, std::set<std::string>& ids, xmlNodePtr section,
                std::string file_id)
      : options_(options), ids_(ids), section_(section), file_id_(std::move(file_id)) {
    fields_.whitespace = options.whitespace;
    fields_.visible.names = options.explain_chars;
    arrow_ = "→";
  }

  void digest(const DigestDiff& digest, bool several) {
    if (several || digest.old_document == nullptr || digest.new_document == nullptr) {
      std::string heading = fmt::format("digest {}", digest.index + 1);
      if (digest.old_document == nullptr) heading += " (only in new)";
      if (digest.new_document == nullptr) heading += " (only in old)";
      text_element(section_, "h3", heading);
    }
    digest_ = digest.index;
    table_ = element(section_, "table", "entries");
    xmlNodePtr columns = element(table_, "colgroup");
    element(columns, "col", "label");
    element(columns, "col", "side");
    element(columns, "col", "side");
    xmlNodePtr head_row = element(element(table_, "thead"), "tr");
    element(head_row, "th");
    text_element(head_row, "th", "old");
    text_element(head_row, "th", "new");

    if (digest.category || digest.date || digest.footer) {
      xmlNodePtr fields = element(table_, "tbody", "digest-fields");
      if (digest.category) change_row(fields, "category", *digest.category);
      if (digest.date) date_row(fields, *digest.date);
      if (digest.footer && digest.footer->author) change_row(fields, "footer author", *digest.footer->author);
      if (digest.footer && digest.footer->notice) change_row(fields, "footer notice", *digest.footer->notice);
    }
    for_each_in_reading_order(
        digest,
        [&](const std::vector<Entry>& entries, std::size_t begin, std::size_t end) {
          unchanged(entries, begin, end);
        },
        [&](const EntryChange& change) { entry(change); });
  }

 private:
  std::string unique_id(std::string id) {
    if (ids_.insert(id).second) return id;
    for (std::size_t n = 2;; ++n) {
      auto candidate = fmt::format("{}-{}", id, n);
      if (ids_.insert(candidate).second) return candidate;
    }
  }

  std::string entry_id(const EntryChange& change) {
    std::string part = slug(title_key(change.display_title()));
    if (part.empty()) {
      part = change.new_entry != nullptr ? fmt::format("d{}-new-{}", digest_ + 1, change.new_index + 1)
                                         : fmt::format("d{}-old-{}", digest_ + 1, change.old_index + 1);
    }
    return unique_id(file_id_ + "--" + part);
  }

  // The title row: anchor link, kind, title as it reads now, notes.
  xmlNodePtr entry_body(std::string_view kind, std::string_view title, const std::string& id,
                        const std::vector<std::string>& notes) {
    xmlNodePtr body = element(table_, "tbody", fmt::format("entry {}", kind));
    attribute(body, "id", id);
    xmlNodePtr cell = element(element(body, "tr", "title"), "th");
    attribute(cell, "colspan", "3");
    xmlNodePtr link = text_element(cell, "a", "#", "anchor");
    attribute(link, "href", "#" + id);
    attribute(link, "title", "link to this entry");
    text_element(cell, "span", kind, "kind");
    text(cell, visible_text(title, fields_.visible));
    for (const auto& note : notes) text_element(cell, "span", note, "note");
    return body;
  }

  void row(xmlNodePtr body, std::string_view label, const std::vector<Piece>& old_side,
           const std::vector<Piece>& new_side, bool changed) {
    xmlNodePtr tr = element(body, "tr", changed ? "field changed" : "field");
    text_element(tr, "th", label, "field");
    append_pieces(element(tr, "td", "old"), old_side);
    append_pieces(element(tr, "td", "new"), new_side);
  }

  void change_row(xmlNodePtr body, std::string_view label, const TextChange& change) {
    const auto old_side = side_pieces(change, Side::Old, fields_);
    const auto new_side = side_pieces(change, Side::New, fields_);
    const auto marked = [](const std::vector<Piece>& pieces) {
      return std::any_of(pieces.begin(), pieces.end(),
                         [](const Piece& p) { return p.kind != PieceKind::Same; });
    };
    row(body, label, old_side, new_side,
        marked(old_side) || marked(new_side) || !change.old_text || !change.new_text);
  }

  // A date reads best whole, as in the text view.
  void date_row(xmlNodePtr body, const TextChange& change) {
    auto side = [&](const std::optional<std::string_view>& value, PieceKind kind) {
      std::vector<Piece> pieces;
      if (value) pieces.push_back({kind, visible_text(*value, fields_.visible), false});
      return pieces;
    };
    row(body, "date", side(change.old_text, PieceKind::Removed), side(change.new_text, PieceKind::Added),
        true);
  }

  static std::optional<std::string_view> comments_of(const Entry* entry) {
    if (entry == nullptr || !entry->comments) return std::nullopt;
    return entry->comments->value;
  }

  // Every field of an entry on one side (or both, unchanged), plain.
  void whole_fields(xmlNodePtr body, const Entry* old_entry, const Entry* new_entry) {
    auto plain = [&](const Entry* entry, auto&& of) {
      return entry != nullptr ? plain_pieces(of(*entry), fields_) : std::vector<Piece>{};
    };
    auto authors = [&](const Entry* entry, Side side) {
      return entry != nullptr ? author_pieces(entry->authors, nullptr, side, fields_) : std::vector<Piece>{};
    };
    row(body, "authors", authors(old_entry, Side::Old), authors(new_entry, Side::New), false);
    auto abstract = [](const Entry& e) { return e.abstract.value; };
    row(body, "abstract", plain(old_entry, abstract), plain(new_entry, abstract), false);
    const auto old_comments = comments_of(old_entry);
    const auto new_comments = comments_of(new_entry);
    if (old_comments || new_comments) {
      row(body, "comments", old_comments ? plain_pieces(*old_comments, fields_) : std::vector<Piece>{},
          new_comments ? plain_pieces(*new_comments, fields_) : std::vector<Piece>{}, false);
    }
  }

  void unchanged(const std::vector<Entry>& entries, std::size_t begin, std::size_t end) {
    if (!options_.show_unchanged) {
      const std::size_t count = end - begin;
      xmlNodePtr cell = element(element(element(table_, "tbody", "unchanged"), "tr"), "td");
      attribute(cell, "colspan", "3");
      text(cell, fmt::format("{} unchanged entr{}", count, count == 1 ? "y" : "ies"));
      return;
    }
    for (std::size_t k = begin; k < end; ++k) {
      const Entry& entry = entries[k];
      std::string part = slug(title_key(entry.title.value));
      if (part.empty()) part = fmt::format("d{}-new-{}", digest_ + 1, k + 1);
      xmlNodePtr body = entry_body("unchanged", entry.title.value, unique_id(file_id_ + "--" + part), {});
      whole_fields(body, &entry, &entry);
    }
  }

  void entry(const EntryChange& change) {
    std::vector<std::string> notes;
    if (change.kind == EntryChangeKind::Retitled)
      notes.push_back(fmt::format("retitled, {:.0f}% similar", change.title_similarity * 100.0));
    if (change.moved || change.kind == EntryChangeKind::Moved)
      notes.push_back(fmt::format("moved {} {} {}", change.old_index + 1, arrow_, change.new_index + 1));
    const std::string id = entry_id(change);
    xmlNodePtr body = entry_body(to_string(change.kind), change.display_title(), id, notes);
    switch (change.kind) {
      case EntryChangeKind::Added:
        row(body, "title", {}, plain_pieces(change.new_entry->title.value, fields_), true);
        whole_fields(body, nullptr, change.new_entry);
        return;
      case EntryChangeKind::Removed:
        row(body, "title", plain_pieces(change.old_entry->title.value, fields_), {}, true);
        whole_fields(body, change.old_entry, nullptr);
        return;
      case EntryChangeKind::Moved:
        return;  // its fields are those of the old place
      case EntryChangeKind::Changed:
      case EntryChangeKind::Retitled:
        break;
    }
    const Entry& old_entry = *change.old_entry;
    const Entry& new_entry = *change.new_entry;
    if (change.title) change_row(body, "title", *change.title);
    const AuthorsChange* authors = change.authors ? &*change.authors : nullptr;
    row(body, "authors", author_pieces(old_entry.authors, authors, Side::Old, fields_),
        author_pieces(new_entry.authors, authors, Side::New, fields_), authors != nullptr);
    if (change.abstract) {
      change_row(body, "abstract", *change.abstract);
    } else {
      row(body, "abstract", plain_pieces(old_entry.abstract.value, fields_),
          plain_pieces(new_entry.abstract.value, fields_), false);
    }
    if (change.comments) {
      change_row(body, "comments", *change.comments);
    } else if (const auto comments = comments_of(&new_entry)) {
      row(body, "comments", plain_pieces(comments_of(&old_entry).value_or(*comments), fields_),
          plain_pieces(*comments, fields_), false);
    }
  }

  const DiffReportOptions& options_;
  std::set<std::string>& ids_;
  xmlNodePtr section_;
  std::string file_id_;
  FieldViewOptions fields_;
  std::string_view arrow_;
  xmlNodePtr table_ = nullptr;
  std::size_t digest_ = 0;
};

std::string_view status_text(FileDiffStatus status, bool differs) {
  switch (status) {
    case FileDiffStatus::Compared:
      return differs ? "changed" : "unchanged";
    case FileDiffStatus::OnlyOld:
      return "only in old";
    case FileDiffStatus::OnlyNew:
      return "only in new";
    case FileDiffStatus::Failed:
      return "not compared";
  }
  return "not compared";
}

void count_cells(xmlNodePtr tr, const DiffCounts& counts) {
  for (const std::size_t n :
       {counts.added, counts.removed, counts.changed, counts.retitled, counts.moved, counts.unchanged}) {
    text_element(tr, "td", std::to_string(n), "n");
  }
}

std::string serialise(xmlDocPtr doc) {
  // No encoder: the tree is UTF-8 already and is written as it is.
  xmlOutputBufferPtr buffer = xmlAllocOutputBuffer(nullptr);
  if (buffer == nullptr) throw std::bad_alloc();
  htmlDocContentDumpFormatOutput(buffer, doc, "UTF-8", 0);
  xmlOutputBufferFlush(buffer);
  std::string out(reinterpret_cast<const char*>(xmlOutputBufferGetContent(buffer)),
                  xmlOutputBufferGetSize(buffer));
  xmlOutputBufferClose(buffer);
  return out;
}

}  // namespace

HtmlReport::HtmlReport(const DiffReportOptions& options) : options_(options) {}

HtmlReport::~HtmlReport() = default;

void HtmlReport::add(const FileDiff& file) {
  Row row;
  row.path = file.path;
  row.label = file.in_tree ? file.path : file.old_name + " → " + file.new_name;
  row.status = file.status;
  row.counts = file.counts();
  const bool differs = file.status == FileDiffStatus::Compared && file.has_differences();
  if (differs) {
    std::string id = slug(file.path);
    row.anchor = id.empty() ? "file" : "file-" + id;
    if (!ids_.insert(row.anchor).second) {
      for (std::size_t n = 2;; ++n) {
        auto candidate = fmt::format("{}-{}", row.anchor, n);
        if (ids_.insert(candidate).second) {
          row.anchor = std::move(candidate);
          break;
        }
      }
    }
    auto section = std::make_unique<Section>();
    section->path = file.path;
    section->doc = htmlNewDocNoDtD(nullptr, nullptr);
    if (section->doc == nullptr) throw std::bad_alloc();
    xmlNodePtr root = xmlNewDocNode(section->doc, nullptr, xml("section"), nullptr);
    xmlDocSetRootElement(section->doc, root);
    attribute(root, "class", "file");
    attribute(root, "id", row.anchor);
    xmlNodePtr heading = element(root, "h2");
    xmlNodePtr link = text_element(heading, "a", row.label);
    attribute(link, "href", "#" + row.anchor);
    text_element(root, "p", count_line(row.counts), "counts");
    SectionWriter writer(options_, ids_, root, row.anchor);
    const bool several = file.digests.size() > 1;
    for (const auto& digest : file.digests) {
      if (digest.has_differences()) writer.digest(digest, several);
    }
    sections_.push_back(std::move(section));
  }
  rows_.push_back(std::move(row));
}

std::string HtmlReport::finish(const std::string& old_name, const std::string& new_name) const {
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(htmlNewDocNoDtD(nullptr, nullptr), xmlFreeDoc);
  if (doc == nullptr) throw std::bad_alloc();
  xmlCreateIntSubset(doc.get(), xml("html"), nullptr, nullptr);
  xmlNodePtr html = xmlNewDocNode(doc.get(), nullptr, xml("html"), nullptr);
  xmlDocSetRootElement(doc.get(), html);
  attribute(html, "lang", "en");
  xmlNodePtr head = element(html, "head");
  attribute(element(head, "meta"), "charset", "utf-8");
  xmlNodePtr viewport = element(head, "meta");
  attribute(viewport, "name", "viewport");
  attribute(viewport, "content", "width=device-width, initial-scale=1");
  text_element(head, "title", fmt::format("digest diff {} {}", old_name, new_name));
  text_element(head, "style", kStyle);
  xmlNodePtr body = element(html, "body");
  text_element(body, "h1", "digest diff");
  xmlNodePtr inputs = element(body, "p", "inputs");
  text_element(inputs, "code", old_name);
  text(inputs, " → ");
  text_element(inputs, "code", new_name);

  std::vector<const Row*> rows;
  for (const auto& row : rows_) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) { return a->path < b->path; });
  xmlNodePtr table = element(body, "table", "summary");
  xmlNodePtr header = element(element(table, "thead"), "tr");
  for (const char* name : {"file", "status", "added", "removed", "changed", "retitled", "moved", "unchanged"})
    text_element(header, "th", name);
  xmlNodePtr rows_body = element(table, "tbody");
  DiffCounts total;
  for (const Row* row : rows) {
    xmlNodePtr tr = element(rows_body, "tr");
    xmlNodePtr name = element(tr, "td");
    if (row->anchor.empty()) {
      text(name, row->label);
    } else {
      attribute(text_element(name, "a", row->label), "href", "#" + row->anchor);
    }
    text_element(tr, "td", status_text(row->status, !row->anchor.empty()));
    count_cells(tr, row->counts);
    total += row->counts;
  }
  if (rows.size() > 1) {
    xmlNodePtr tr = element(element(table, "tfoot"), "tr");
    text_element(tr, "td", fmt::format("{} files", rows.size()));
    element(tr, "td");
    count_cells(tr, total);
  }
  if (sections_.empty()) text_element(body, "p", "No differences.", "counts");

  std::vector<const Section*> sections;
  for (const auto& section : sections_) sections.push_back(section.get());
  std::stable_sort(sections.begin(), sections.end(),
                   [](const Section* a, const Section* b) { return a->path < b->path; });
  for (const Section* section : sections) {
    xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(section->doc), doc.get(), 1);
    if (copy == nullptr) throw std::bad_alloc();
    text(body, "\n");
    xmlAddChild(body, copy);
  }
  text(body, "\n");
  text(html, "\n");
  return serialise(doc.get()) + "\n";
}

}  // namespace digestkit::diff_detail
