#include "diff/words.hpp"

#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "text/field_repairer.hpp"

namespace digestkit::diff_detail {
namespace {

bool all_white_space(std::string_view text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return length > 0;
}

// The ICU word iterator is costly to build (it loads the rules and the CJK
// dictionary), so each thread makes one and keeps it.
class WordBreaker {
 public:
  WordBreaker() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  ~WordBreaker() { utext_close(text_); }
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  void split(std::string_view text, std::vector<Token>& out) {
    out.clear();
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(text_, text.data(), static_cast<std::int64_t>(text.size()), &status);
    iterator_->setText(text_, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break: ") + u_errorName(status));
    std::int32_t start = iterator_->first();
    for (std::int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator_->next()) {
      const std::string_view piece =
          text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
      Token token;
      token.begin = static_cast<std::uint32_t>(start);
      token.end = static_cast<std::uint32_t>(end);
      token.is_word = iterator_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
      token.is_space = !token.is_word && all_white_space(piece);
      // ICU keeps runs of spaces together but splits a tab from a space;
      // for the diff one run of white space is one token.
      if (token.is_space && !out.empty() && out.back().is_space) {
        out.back().end = token.end;
        continue;
      }
      out.push_back(token);
    }
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* text_ = nullptr;
};

void collapse_white_space(std::string_view text, std::string& out) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  bool pending_space = false;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.data() + start, static_cast<std::size_t>(i - start));
  }
}

}  // namespace

void split_words(std::string_view text, std::vector<Token>& out) {
  thread_local WordBreaker breaker;
  breaker.split(text, out);
}

void append_case_folded(std::string_view text, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                         icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())), sink, nullptr,
                         status);
  if (U_FAILURE(status)) out.append(text);  // only on allocation failure: compare unfolded
}

std::string_view content_form(std::string_view text, std::string& out) {
  // The normaliser's default repairs: NFC, invisible characters removed,
  // tabs and other spaces as U+0020, trimmed; runs of spaces kept.
  thread_local text_detail::FieldRepairer repairer;
  out.clear();
  repairer.append(out, text);
  return out;
}

std::string_view comparison_form(std::string_view text, const DiffOptions& options, std::string& out) {
  thread_local std::string content;
  content_form(text, content);
  out.clear();
  if (!options.ignore_whitespace && !options.ignore_case) {
    out = content;
    return out;
  }
  if (!options.ignore_case) {
    collapse_white_space(content, out);
    return out;
  }
  if (!options.ignore_whitespace) {
    append_case_folded(content, out);
    return out;
  }
  thread_local std::string collapsed;
  collapsed.clear();
  collapse_white_space(content, collapsed);
  append_case_folded(collapsed, out);
  return out;
}

bool same_text(std::string_view a, std::string_view b, const DiffOptions& options) {
  if (a == b) return true;
  thread_local std::string form_a;
  thread_local std::string form_b;
  return comparison_form(a, options, form_a) == comparison_form(b, options, form_b);
}

}  // namespace digestkit::diff_detail
