#include "diff/field_view.hpp"

#include <algorithm>

#include "diff/words.hpp"

namespace digestkit::diff_detail {

bool plain_white_space(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::vector<Segment> segments_of(const std::vector<WordEdit>& words, bool whitespace) {
  std::vector<Segment> segments;
  auto same = [&](std::string_view text) {
    if (text.empty()) return;
    if (segments.empty() || segments.back().changed) segments.push_back({});
    segments.back().same.append(text);
  };
  for (std::size_t k = 0; k < words.size();) {
    if (words[k].op == WordOp::Same) {
      same(words[k++].text);
      continue;
    }
    Segment change;
    change.changed = true;
    for (; k < words.size() && words[k].op != WordOp::Same; ++k) {
      (words[k].op == WordOp::Removed ? change.removed : change.added).append(words[k].text);
    }
    if (!whitespace && plain_white_space(change.removed) && plain_white_space(change.added)) {
      same(change.added);
    } else {
      segments.push_back(std::move(change));
    }
  }
  return segments;
}

std::pair<std::string, std::string> shown_replacement(const Segment& segment,
                                                      const VisibleTextOptions& visible) {
  std::string removed = visible_text(segment.removed, visible);
  std::string added = visible_text(segment.added, visible);
  if (!segment.removed.empty() && !segment.added.empty() &&
      (removed == added || look_alike(segment.removed, segment.added))) {
    removed.clear();
    added.clear();
    append_spelled_non_ascii(removed, segment.removed, visible);
    append_spelled_non_ascii(added, segment.added, visible);
  }
  return {std::move(removed), std::move(added)};
}

std::string shown_author(std::string_view name, const std::vector<std::string_view>& others,
                         const VisibleTextOptions& visible) {
  const auto shown = visible_text(name, visible);
  const bool twin = std::any_of(others.begin(), others.end(), [&](std::string_view other) {
    return visible_text(other, visible) == shown || look_alike(name, other);
  });
  if (!twin) return shown;
  std::string spelled;
  append_spelled_non_ascii(spelled, name, visible);
  return spelled;
}

namespace {

void append_piece(std::vector<Piece>& pieces, PieceKind kind, std::string text, bool only_space = false) {
  if (text.empty()) return;
  if (!pieces.empty() && pieces.back().kind == kind && kind == PieceKind::Same) {
    pieces.back().text += text;
    return;
  }
  pieces.push_back({kind, std::move(text), only_space});
}

// A name the normaliser would drop ("A, , B") is no author.
bool dropped(std::string_view name) {
  thread_local std::string form;
  return content_form(name, form).empty();
}

}  // namespace

std::vector<Piece> plain_pieces(std::string_view text, const FieldViewOptions& options) {
  std::vector<Piece> pieces;
  append_piece(pieces, PieceKind::Same, visible_text(text, options.visible));
  return pieces;
}

std::vector<Piece> side_pieces(const TextChange& change, Side side, const FieldViewOptions& options) {
  std::vector<Piece> pieces;
  if ((side == Side::Old ? change.old_text : change.new_text) == std::nullopt) return pieces;
  for (const auto& segment : segments_of(change.words, options.whitespace)) {
    if (!segment.changed) {
      append_piece(pieces, PieceKind::Same, visible_text(segment.same, options.visible));
      continue;
    }
    auto [removed, added] = shown_replacement(segment, options.visible);
    if (side == Side::Old) {
      append_piece(pieces, PieceKind::Removed, std::move(removed), plain_white_space(segment.removed));
    } else {
      append_piece(pieces, PieceKind::Added, std::move(added), plain_white_space(segment.added));
    }
  }
  return pieces;
}

std::vector<Piece> author_pieces(const std::vector<Author>& authors, const AuthorsChange* change, Side side,
                                 const FieldViewOptions& options) {
  static const std::vector<std::string_view> none;
  const auto& marked = change == nullptr ? none : side == Side::Old ? change->removed : change->added;
  const auto& others = change == nullptr ? none : side == Side::Old ? change->added : change->removed;
  // Each marked name marks one occurrence (a list may repeat a name).
  std::vector<bool> used(marked.size(), false);
  std::vector<Piece> pieces;
  bool first = true;
  for (const auto& author : authors) {
    if (dropped(author.name)) continue;
    if (!first) append_piece(pieces, PieceKind::Same, ", ");
    first = false;
    std::size_t k = 0;
    while (k < marked.size() && (used[k] || marked[k] != author.name)) ++k;
    if (k == marked.size()) {
      append_piece(pieces, PieceKind::Same, visible_text(author.name, options.visible));
      continue;
    }
    used[k] = true;
    append_piece(pieces, side == Side::Old ? PieceKind::Removed : PieceKind::Added,
                 shown_author(author.name, others, options.visible));
  }
  return pieces;
}

}  // namespace digestkit::diff_detail
