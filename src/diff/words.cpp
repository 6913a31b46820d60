#include "diff/words.hpp"

#include <algorithm>
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

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool starts_with_ignoring_case(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = text[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return true;
}

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The end of a URL starting at `begin`: up to white space, a non-ASCII
// character (Chinese punctuation often follows a link directly) or a
// character URLs do not carry, less the trailing punctuation of the sentence
// and closing brackets that open nowhere in the URL.
std::size_t url_end(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^')
      break;
    ++end;
  }
  while (end > begin) {
    const char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'' || last == '*') {
      --end;
      continue;
    }
    if (last == ')' || last == ']') {
      const char open = last == ')' ? '(' : '[';
      const auto body = text.substr(begin, end - begin);
      if (std::count(body.begin(), body.end(), open) < std::count(body.begin(), body.end(), last)) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

// Stretches read as one token whatever ICU's word rules say: URLs
// (scheme:// or www.), e-mail addresses and arXiv identifiers ("arXiv:2401.12345v2",
// "hep-th/9901001"). A changed link then shows as one replacement.
void find_single_token_spans(std::string_view text, std::vector<Span>& spans) {
  spans.clear();
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    const bool word_start = at == 0 || !is_ascii_alnum(text[at - 1]);
    if (!word_start ||
        !(c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W' || c == 'a' || c == 'A'))
      continue;
    std::size_t begin = at;
    std::size_t end = at;
    if (starts_with_ignoring_case(text, at, "http://") || starts_with_ignoring_case(text, at, "https://") ||
        starts_with_ignoring_case(text, at, "ftp://") || starts_with_ignoring_case(text, at, "www.")) {
      end = url_end(text, at);
      if (end - begin <= 8) continue;
    } else if (starts_with_ignoring_case(text, at, "arxiv:")) {
      end = at + 6;
      while (end < text.size() &&
             (is_ascii_alnum(text[end]) || text[end] == '.' || text[end] == '/' || text[end] == '-'))
        ++end;
      while (end > at + 6 && text[end - 1] == '.') --end;
      if (end == at + 6) continue;
    } else {
      continue;
    }
    spans.push_back({begin, end});
    at = end;
  }
  // E-mail addresses: a local part and a domain with a dot around an "@".
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const auto local_char = [](char c) {
      return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    };
    std::size_t begin = at;
    while (begin > 0 && local_char(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '.' || text[end] == '-')) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    const auto domain = text.substr(at + 1, end - at - 1);
    if (begin == at || domain.find('.') == std::string_view::npos) continue;
    const bool inside_url = std::any_of(spans.begin(), spans.end(),
                                        [&](const Span& span) { return span.begin <= at && at < span.end; });
    if (!inside_url) spans.push_back({begin, end});
  }
  // Old-style arXiv identifiers: archive[.XX]/YYMMNNN.
  for (std::size_t at = text.find('/'); at != std::string_view::npos; at = text.find('/', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && ((text[begin - 1] >= 'a' && text[begin - 1] <= 'z') || text[begin - 1] == '-' ||
                         text[begin - 1] == '.' || (text[begin - 1] >= 'A' && text[begin - 1] <= 'Z')))
      --begin;
    std::size_t end = at + 1;
    while (end < text.size() && end - at <= 7 && text[end] >= '0' && text[end] <= '9') ++end;
    if (begin == at || end - at != 8 || (end < text.size() && is_ascii_alnum(text[end]))) continue;
    if (begin > 0 && (is_ascii_alnum(text[begin - 1]) || text[begin - 1] == '/')) continue;
    const bool inside = std::any_of(spans.begin(), spans.end(),
                                    [&](const Span& span) { return span.begin <= at && at < span.end; });
    if (!inside) spans.push_back({begin, end});
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

bool may_hold_single_token_spans(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.find('@') != std::string_view::npos ||
         text.find("www.") != std::string_view::npos || text.find("WWW.") != std::string_view::npos ||
         text.find('/') != std::string_view::npos || text.find("rXiv:") != std::string_view::npos ||
         text.find("rxiv:") != std::string_view::npos;
}

// Joins the tokens each span overlaps into one word token.
void merge_spans(const std::vector<Span>& spans, std::vector<Token>& tokens) {
  if (spans.empty()) return;
  std::vector<Token> merged;
  merged.reserve(tokens.size());
  std::size_t next = 0;
  for (const auto& token : tokens) {
    while (next < spans.size() && spans[next].end <= token.begin) ++next;
    const bool overlaps = next < spans.size() && spans[next].begin < token.end;
    if (overlaps && !merged.empty() && merged.back().is_word && merged.back().end > spans[next].begin &&
        merged.back().end == token.begin) {
      merged.back().end = token.end;
      continue;
    }
    merged.push_back(token);
    if (overlaps) {
      merged.back().is_word = true;
      merged.back().is_space = false;
    }
  }
  tokens = std::move(merged);
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
    if (may_hold_single_token_spans(text)) {
      find_single_token_spans(text, spans_);
      merge_spans(spans_, out);
    }
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* text_ = nullptr;
  std::vector<Span> spans_;
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
