// What a reader is shown of a field's two sides, shared by the text,
// side-by-side and HTML views: the edit script joined into unchanged
// stretches and replacements, invisible characters spelled, and look-alike
// replacements spelled in full. One place decides what is visible, so the
// three views never disagree about what changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/visible_text.hpp"

namespace digestkit::diff_detail {

// One piece of a field as shown: an unchanged stretch, or a replacement
// (either side may be empty).
struct Segment {
  bool changed = false;
  std::string same;     // unchanged text (changed == false)
  std::string removed;  // the replacement's old and new text (changed == true)
  std::string added;
};

// Runs of the edit script joined into unchanged stretches and
// replacements; replacements of spaces by spaces join the unchanged text
// (as the new side has it) unless white space is to be shown.
[[nodiscard]] std::vector<Segment> segments_of(const std::vector<WordEdit>& words, bool whitespace);

// Only spaces and tabs (or nothing).
[[nodiscard]] bool plain_white_space(std::string_view text);

// A replacement's two sides as shown: invisible characters spelled, and
// every non-ASCII character spelled when the two would still look the same
// (Latin "a" for Cyrillic "а", a precomposed letter for a decomposed one).
[[nodiscard]] std::pair<std::string, std::string> shown_replacement(const Segment& segment,
                                                                    const VisibleTextOptions& visible);

// An author name as shown: spelled in full when it looks like one of the
// names on the other side of the change.
[[nodiscard]] std::string shown_author(std::string_view name, const std::vector<std::string_view>& others,
                                       const VisibleTextOptions& visible);

// ---- One side of a field, for the column views -------------------------

enum class PieceKind : std::uint8_t { Same, Removed, Added };

struct Piece {
  PieceKind kind = PieceKind::Same;
  std::string text;         // as shown (spelled)
  bool only_space = false;  // a changed piece of spaces and tabs alone
};

enum class Side : std::uint8_t { Old, New };

struct FieldViewOptions {
  bool whitespace = false;  // --whitespace
  VisibleTextOptions visible;
};

// A field that did not change, as one unchanged piece.
[[nodiscard]] std::vector<Piece> plain_pieces(std::string_view text, const FieldViewOptions& options);

// One side of a changed text field: unchanged stretches and that side's part
// of each replacement (Removed on the old side, Added on the new one). An
// absent side gives no pieces.
[[nodiscard]] std::vector<Piece> side_pieces(const TextChange& change, Side side,
                                             const FieldViewOptions& options);

// One side of an authors list, ", "-separated; with a change, the names it
// removed (old side) or added (new side) are marked.
[[nodiscard]] std::vector<Piece> author_pieces(const std::vector<Author>& authors,
                                               const AuthorsChange* change, Side side,
                                               const FieldViewOptions& options);

}  // namespace digestkit::diff_detail
