#include "diff/columns.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "digestkit/source.hpp"

namespace digestkit::diff_detail {
namespace {

// The ICU line iterator loads its rules (and the CJK dictionary) once per
// thread.
class LineBreaker {
 public:
  LineBreaker() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU line break iterator: ") + u_errorName(status));
  }
  ~LineBreaker() { utext_close(text_); }
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // Byte offsets where a row may end, the text's end included.
  std::vector<std::size_t> breaks(std::string_view text) {
    std::vector<std::size_t> out;
    if (text.empty()) return out;
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(text_, text.data(), static_cast<std::int64_t>(text.size()), &status);
    iterator_->setText(text_, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU line break: ") + u_errorName(status));
    iterator_->first();
    for (std::int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
      out.push_back(static_cast<std::size_t>(end));
    }
    return out;
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* text_ = nullptr;
};

class RowBuilder {
 public:
  explicit RowBuilder(const WrapOptions& options) : options_(options) { start_row(); }

  // Places a chunk (the text between two break opportunities, split by
  // piece) on the current row, or on a new one when it does not fit.
  void place(const std::vector<Piece>& chunk) {
    const std::size_t cost = cost_of(chunk, true);
    if (!row_is_empty() && current_.width + cost > options_.width) {
      flush();
      start_row();
    }
    if (row_is_empty() && indent() + cost_of(chunk, true) > options_.width) {
      place_by_characters(chunk);
      return;
    }
    for (const auto& piece : chunk) append(piece);
  }

  std::vector<ColumnRow> finish() {
    if (!row_is_empty()) flush();
    return std::move(rows_);
  }

 private:
  std::size_t indent() const { return rows_.empty() ? 0 : options_.indent; }
  bool row_is_empty() const { return current_.width == indent(); }

  void start_row() {
    current_ = {};
    if (indent() != 0) {
      current_.pieces.push_back({PieceKind::Same, std::string(indent(), ' '), false});
      current_.width = indent();
    }
  }

  // The cells the chunk adds to the current row: its text, plus markers for
  // a marked run that does not continue the row's last one; trailing spaces
  // hang past the row's end when asked.
  std::size_t cost_of(const std::vector<Piece>& chunk, bool hang_spaces) const {
    std::size_t cost = 0;
    const Piece* last = current_.pieces.empty() ? nullptr : &current_.pieces.back();
    for (std::size_t k = 0; k < chunk.size(); ++k) {
      std::string_view text = chunk[k].text;
      if (hang_spaces && k + 1 == chunk.size() && !chunk[k].only_space) {
        text = text.substr(0, text.find_last_not_of(' ') + 1);
      }
      cost += display_width(text);
      const bool continues = last != nullptr && last->kind == chunk[k].kind;
      if (options_.markers && chunk[k].kind != PieceKind::Same && !continues) cost += 4;
      last = &chunk[k];
    }
    return cost;
  }

  void append(const Piece& piece) {
    if (piece.text.empty()) return;
    current_.width += cost_of({piece}, false);
    if (!current_.pieces.empty() && current_.pieces.back().kind == piece.kind) {
      current_.pieces.back().text += piece.text;
      current_.pieces.back().only_space = current_.pieces.back().only_space && piece.only_space;
      return;
    }
    current_.pieces.push_back(piece);
  }

  // A word wider than a row: cut between code points (a zero-width one
  // stays with the character before it).
  void place_by_characters(const std::vector<Piece>& chunk) {
    for (const auto& piece : chunk) {
      const char* s = piece.text.data();
      const auto length = static_cast<std::int32_t>(piece.text.size());
      for (std::int32_t i = 0; i < length;) {
        const std::int32_t begin = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        Piece one{piece.kind, std::string(s + begin, static_cast<std::size_t>(i - begin)), piece.only_space};
        const std::size_t cost = cost_of({one}, false);
        if (cost != 0 && !row_is_empty() && current_.width + cost > options_.width) {
          flush();
          start_row();
        }
        append(one);
      }
    }
  }

  void flush() {
    // Spaces that ended the row hang: drop them (not a change that is
    // white space alone, which is what the row shows).
    auto& pieces = current_.pieces;
    if (!pieces.empty() && !pieces.back().only_space) {
      auto& last = pieces.back();
      const auto kept = last.text.find_last_not_of(' ') + 1;
      current_.width -= last.text.size() - kept;
      last.text.resize(kept);
      if (last.text.empty()) {
        current_.width -= piece_width(last, options_.markers);
        pieces.pop_back();
      }
    }
    rows_.push_back(std::move(current_));
  }

  const WrapOptions& options_;
  std::vector<ColumnRow> rows_;
  ColumnRow current_;
};

}  // namespace

std::size_t piece_width(const Piece& piece, bool markers) {
  return display_width(piece.text) + (markers && piece.kind != PieceKind::Same ? 4 : 0);
}

std::vector<ColumnRow> wrap_pieces(const std::vector<Piece>& pieces, const WrapOptions& options) {
  std::string plain;
  std::vector<std::size_t> ends;  // where each piece ends in plain
  for (const auto& piece : pieces) {
    plain += piece.text;
    ends.push_back(plain.size());
  }
  RowBuilder rows(options);
  thread_local LineBreaker breaker;
  std::size_t begin = 0;
  std::size_t piece = 0;
  std::vector<Piece> chunk;
  for (const std::size_t end : breaker.breaks(plain)) {
    chunk.clear();
    for (std::size_t at = begin; at < end;) {
      while (ends[piece] <= at) ++piece;
      const std::size_t stop = std::min(end, ends[piece]);
      chunk.push_back({pieces[piece].kind, plain.substr(at, stop - at), pieces[piece].only_space});
      at = stop;
    }
    rows.place(chunk);
    begin = end;
  }
  return rows.finish();
}

}  // namespace digestkit::diff_detail
