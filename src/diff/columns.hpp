// Fitting one side of a field into a column of the side-by-side view:
// pieces wrapped at ICU line-break opportunities (word boundaries, and
// between CJK characters), widths counted in terminal cells (East Asian
// Wide and Fullwidth characters take two, combining marks none).
#pragma once

#include <cstddef>
#include <vector>

#include "diff/field_view.hpp"

namespace digestkit::diff_detail {

// One row of a column: its pieces and the cells they take.
struct ColumnRow {
  std::vector<Piece> pieces;
  std::size_t width = 0;
};

struct WrapOptions {
  std::size_t width = 60;  // cells per row
  std::size_t indent = 0;  // spaces before every row but the first
  // Changed pieces are shown between [- -] or {+ +} (no colour): 4 cells more
  // per marked run on a row.
  bool markers = true;
};

// The cells a piece takes on a row, its markers included.
[[nodiscard]] std::size_t piece_width(const Piece& piece, bool markers);

// Wraps pieces into rows of at most options.width cells (a word longer than
// a row is cut between characters). A marked run cut by a row end is closed
// on its row and reopened on the next, so every row reads alone. No pieces
// give no rows.
[[nodiscard]] std::vector<ColumnRow> wrap_pieces(const std::vector<Piece>& pieces,
                                                 const WrapOptions& options);

}  // namespace digestkit::diff_detail
