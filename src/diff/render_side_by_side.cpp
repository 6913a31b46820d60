// The side-by-side view of a FileDiff (--side-by-side, as diff -y): each
// entry is a block of rows, old version on the left and new on the right,
// field beside field, so that the two columns stay entry-aligned however
// differently the sides wrap. Word changes are marked as in the text view
// ([-x-] on the left, {+x+} on the right, or colours instead of markers);
// the gutter says what the row is: "|" a changed field, "<" old only,
// ">" new only, the moved symbol for an entry that only changed place.
#include <algorithm>

#include <fmt/format.h>

#include "diff/columns.hpp"
#include "diff/field_view.hpp"
#include "diff/render.hpp"

namespace digestkit::diff_detail {
namespace {

constexpr std::size_t kMinimumWidth = 21;  // two columns of 9 cells and the gutter
constexpr std::size_t kIndent = 2;         // fields under their title, continuation rows

struct Colors {
  std::string_view added, removed, changed, moved, faint, heading, reset, added_space, removed_space;
};

Colors colors_for(bool color) {
  if (!color) return {};
  return {"\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[2m",
          "\x1b[1m",  "\x1b[m",   "\x1b[42m", "\x1b[41m"};
}

enum class Gutter : std::uint8_t { Same, Changed, OldOnly, NewOnly, Moved };

class SideBySide {
 public:
  SideBySide(const DiffReportOptions& options, std::string& out) : options_(options), out_(out) {
    const std::size_t width = std::max(options.width, kMinimumWidth);
    left_width_ = (width - 3) / 2;
    right_width_ = width - 3 - left_width_;
    colors_ = colors_for(options.color);
    fields_.whitespace = options.whitespace;
    fields_.visible.names = options.explain_chars;
    moved_symbol_ = options.ascii ? "^" : "↕";
    arrow_ = options.ascii ? "->" : "→";
  }

  void digest(const DigestDiff& digest, bool several) {
    if (several || digest.old_document == nullptr || digest.new_document == nullptr) {
      std::string_view note;
      if (digest.old_document == nullptr) note = " (only in new)";
      if (digest.new_document == nullptr) note = " (only in old)";
      out_ += fmt::format("{}@@ digest {}{} @@{}\n", colors_.heading, digest.index + 1, note, colors_.reset);
    }
    bool header = false;
    if (digest.category) {
      text_change_rows("category: ", *digest.category, 0);
      header = true;
    }
    if (digest.date) {
      date_rows(*digest.date);
      header = true;
    }
    if (header) out_ += '\n';
    for_each_in_reading_order(
        digest,
        [&](const std::vector<Entry>& entries, std::size_t begin, std::size_t end) {
          unchanged(entries, begin, end);
        },
        [&](const EntryChange& change) { entry(change); });
    if (digest.footer) {
      if (digest.footer->author) text_change_rows("footer author: ", *digest.footer->author, 0);
      if (digest.footer->notice) text_change_rows("footer notice: ", *digest.footer->notice, 0);
      out_ += '\n';
    }
  }

 private:
  // Entries between two changes: "(3 unchanged entries)", or each shown
  // whole on both sides with --show-unchanged (in the new version's
  // spelling: they are equal up to layout).
  void unchanged(const std::vector<Entry>& entries, std::size_t begin, std::size_t end) {
    if (!options_.show_unchanged) {
      const std::size_t count = end - begin;
      out_ += fmt::format("{}({} unchanged entr{}){}\n\n", colors_.faint, count, count == 1 ? "y" : "ies",
                          colors_.reset);
      return;
    }
    for (std::size_t k = begin; k < end; ++k) {
      whole_entry(&entries[k], &entries[k], Gutter::Same);
      out_ += '\n';
    }
  }

  void entry(const EntryChange& change) {
    switch (change.kind) {
      case EntryChangeKind::Added:
        whole_entry(nullptr, change.new_entry, Gutter::NewOnly);
        break;
      case EntryChangeKind::Removed:
        whole_entry(change.old_entry, nullptr, Gutter::OldOnly);
        break;
      case EntryChangeKind::Moved:
        rows({}, plain_pieces(change.old_entry->title.value, fields_), {},
             plain_pieces(change.new_entry->title.value, fields_), Gutter::Moved, true);
        note(change);
        break;
      case EntryChangeKind::Changed:
      case EntryChangeKind::Retitled:
        changed_entry(change);
        break;
    }
    out_ += '\n';
  }

  void note(const EntryChange& change) {
    std::vector<std::string> notes;
    if (change.kind == EntryChangeKind::Retitled)
      notes.push_back(fmt::format("retitled, {:.0f}% similar", change.title_similarity * 100.0));
    if (change.moved || change.kind == EntryChangeKind::Moved)
      notes.push_back(fmt::format("moved {} {} {}", change.old_index + 1, arrow_, change.new_index + 1));
    if (notes.empty()) return;
    const std::vector<Piece> right{{PieceKind::Same, fmt::format("({})", fmt::join(notes, "; ")), false}};
    rows({}, {}, {}, right, Gutter::Same, false);
  }

  void changed_entry(const EntryChange& change) {
    const Entry& old_entry = *change.old_entry;
    const Entry& new_entry = *change.new_entry;
    if (change.title) {
      rows({}, side_pieces(*change.title, Side::Old, fields_), {},
           side_pieces(*change.title, Side::New, fields_), Gutter::Changed, true);
    } else {
      rows({}, plain_pieces(old_entry.title.value, fields_), {}, plain_pieces(new_entry.title.value, fields_),
           Gutter::Same, true);
    }
    note(change);
    const AuthorsChange* authors = change.authors ? &*change.authors : nullptr;
    rows("authors: ", author_pieces(old_entry.authors, authors, Side::Old, fields_),
         "authors: ", author_pieces(new_entry.authors, authors, Side::New, fields_),
         authors != nullptr ? Gutter::Changed : Gutter::Same, false, kIndent);
    field("abstract: ", old_entry.abstract.value, new_entry.abstract.value, change.abstract);
    const auto comments = [](const Entry& e) -> std::optional<std::string_view> {
      if (!e.comments) return std::nullopt;
      return e.comments->value;
    };
    if (change.comments) {
      text_change_rows("comments: ", *change.comments, kIndent);
    } else if (const auto text = comments(new_entry)) {
      rows("comments: ", plain_pieces(comments(old_entry).value_or(*text), fields_),
           "comments: ", plain_pieces(*text, fields_), Gutter::Same, false, kIndent);
    }
  }

  void field(std::string_view label, std::string_view old_text, std::string_view new_text,
             const std::optional<TextChange>& change) {
    if (change) {
      text_change_rows(label, *change, kIndent);
    } else {
      rows(label, plain_pieces(old_text, fields_), label, plain_pieces(new_text, fields_), Gutter::Same,
           false, kIndent);
    }
  }

  // A field whose change is only white space the view hides has no mark.
  void text_change_rows(std::string_view label, const TextChange& change, std::size_t indent) {
    auto left = side_pieces(change, Side::Old, fields_);
    auto right = side_pieces(change, Side::New, fields_);
    const auto marked = [](const std::vector<Piece>& pieces) {
      return std::any_of(pieces.begin(), pieces.end(),
                         [](const Piece& p) { return p.kind != PieceKind::Same; });
    };
    const bool visible = marked(left) || marked(right) || !change.old_text || !change.new_text;
    rows(change.old_text ? label : std::string_view{}, std::move(left),
         change.new_text ? label : std::string_view{}, std::move(right),
         visible ? Gutter::Changed : Gutter::Same, false, indent);
  }

  // A date reads best whole, as in the text view.
  void date_rows(const TextChange& change) {
    auto side = [&](const std::optional<std::string_view>& text, PieceKind kind) {
      std::vector<Piece> pieces;
      if (text) pieces.push_back({kind, visible_text(*text, fields_.visible), false});
      return pieces;
    };
    rows(change.old_text ? "date: " : "", side(change.old_text, PieceKind::Removed),
         change.new_text ? "date: " : "", side(change.new_text, PieceKind::Added), Gutter::Changed, false);
  }

  // An entry on one side only (or unchanged, on both): every field, plain.
  void whole_entry(const Entry* old_entry, const Entry* new_entry, Gutter gutter) {
    auto text = [&](const Entry* entry, std::string_view (*of)(const Entry&)) {
      return entry != nullptr ? plain_pieces(of(*entry), fields_) : std::vector<Piece>{};
    };
    auto label = [](const Entry* entry, std::string_view name) {
      return entry != nullptr ? name : std::string_view{};
    };
    auto authors = [&](const Entry* entry, Side side) {
      return entry != nullptr ? author_pieces(entry->authors, nullptr, side, fields_) : std::vector<Piece>{};
    };
    rows({}, text(old_entry, title_of), {}, text(new_entry, title_of), gutter, true);
    rows(label(old_entry, "authors: "), authors(old_entry, Side::Old), label(new_entry, "authors: "),
         authors(new_entry, Side::New), gutter, false, kIndent);
    rows(label(old_entry, "abstract: "), text(old_entry, abstract_of), label(new_entry, "abstract: "),
         text(new_entry, abstract_of), gutter, false, kIndent);
    const Entry* old_comments = old_entry != nullptr && old_entry->comments ? old_entry : nullptr;
    const Entry* new_comments = new_entry != nullptr && new_entry->comments ? new_entry : nullptr;
    if (old_comments != nullptr || new_comments != nullptr) {
      rows(label(old_comments, "comments: "), text(old_comments, comments_of),
           label(new_comments, "comments: "), text(new_comments, comments_of), gutter, false, kIndent);
    }
  }

  static std::string_view title_of(const Entry& entry) { return entry.title.value; }
  static std::string_view abstract_of(const Entry& entry) { return entry.abstract.value; }
  static std::string_view comments_of(const Entry& entry) { return entry.comments->value; }

  // One field's rows: both sides wrapped to their columns (the label and
  // the indent before the text), zipped, the shorter side padded.
  void rows(std::string_view left_label, std::vector<Piece> left, std::string_view right_label,
            std::vector<Piece> right, Gutter gutter, bool title, std::size_t indent = 0) {
    auto wrap = [&](std::string_view label, std::vector<Piece> pieces, std::size_t width) {
      if (pieces.empty() && label.empty()) return std::vector<ColumnRow>{};
      pieces.insert(pieces.begin(), Piece{PieceKind::Same, std::string(indent, ' ') + std::string(label)});
      WrapOptions wrap_options;
      wrap_options.width = width;
      wrap_options.indent = indent + kIndent;
      wrap_options.markers = !options_.color;
      return wrap_pieces(pieces, wrap_options);
    };
    const auto left_rows = wrap(left_label, std::move(left), left_width_);
    const auto right_rows = wrap(right_label, std::move(right), right_width_);
    const std::size_t count = std::max(left_rows.size(), right_rows.size());
    for (std::size_t k = 0; k < count; ++k) {
      std::size_t used = 0;
      if (k < left_rows.size()) {
        used = left_rows[k].width;
        append_row(left_rows[k], gutter, title);
      }
      out_.append(left_width_ > used ? left_width_ - used : 0, ' ');
      append_gutter(gutter);
      if (k < right_rows.size()) append_row(right_rows[k], gutter, title);
      // No trailing blanks: a row ending in the gutter is cut after it.
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_ += '\n';
    }
  }

  void append_gutter(Gutter gutter) {
    switch (gutter) {
      case Gutter::Same:
        out_ += "   ";
        return;
      case Gutter::Changed:
        out_ += fmt::format(" {}|{} ", colors_.changed, colors_.reset);
        return;
      case Gutter::OldOnly:
        out_ += fmt::format(" {}<{} ", colors_.removed, colors_.reset);
        return;
      case Gutter::NewOnly:
        out_ += fmt::format(" {}>{} ", colors_.added, colors_.reset);
        return;
      case Gutter::Moved:
        out_ += fmt::format(" {}{}{} ", colors_.moved, moved_symbol_, colors_.reset);
        return;
    }
  }

  // A row's pieces; an entry on one side only is tinted as a whole.
  void append_row(const ColumnRow& row, Gutter gutter, bool title) {
    std::string_view tint;
    if (gutter == Gutter::OldOnly) tint = colors_.removed;
    if (gutter == Gutter::NewOnly) tint = colors_.added;
    const std::string_view bold = title ? colors_.heading : std::string_view{};
    for (const auto& piece : row.pieces) {
      switch (piece.kind) {
        case PieceKind::Same:
          if (tint.empty() && bold.empty()) {
            out_ += piece.text;
          } else {
            out_.append(bold).append(tint).append(piece.text).append(colors_.reset);
          }
          break;
        case PieceKind::Removed:
        case PieceKind::Added: {
          const bool added = piece.kind == PieceKind::Added;
          if (options_.color) {
            out_.append(added ? (piece.only_space ? colors_.added_space : colors_.added)
                              : (piece.only_space ? colors_.removed_space : colors_.removed))
                .append(piece.text)
                .append(colors_.reset);
          } else {
            out_.append(added ? "{+" : "[-").append(piece.text).append(added ? "+}" : "-]");
          }
          break;
        }
      }
    }
  }

  const DiffReportOptions& options_;
  std::string& out_;
  std::size_t left_width_ = 0;
  std::size_t right_width_ = 0;
  Colors colors_;
  FieldViewOptions fields_;
  std::string_view moved_symbol_;
  std::string_view arrow_;
};

}  // namespace

std::string render_file_side_by_side(const FileDiff& file, const DiffReportOptions& options) {
  std::string out;
  SideBySide view(options, out);
  const bool several = file.digests.size() > 1;
  for (const auto& digest : file.digests) {
    if (digest.has_differences()) view.digest(digest, several);
  }
  // The last block's blank line is the report's business.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace digestkit::diff_detail
