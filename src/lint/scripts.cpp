// DG210 (mixed scripts in a word) and DG211 (a whole word in another script
// that looks Latin) over titles and author names, with ICU's spoof checker.
// Fields are split into words with ICU's word break iterator so that a
// Greek letter standing alone in a Latin title ("$α$-NeuS") is fine while
// a Cyrillic letter inside a Latin word ("Lаtent") is not.
#include <fmt/format.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "checks.hpp"
#include "icu_objects.hpp"
#include "support/ascii_scan.hpp"
#include "support/code_points.hpp"

namespace digestkit::lint::detail {
namespace {

bool has_non_ascii(std::string_view text) { return !support::is_ascii(text); }

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : script;
}

bool is_real_script(UScriptCode script) { return script != USCRIPT_COMMON && script != USCRIPT_INHERITED; }

struct FieldFacts {
  bool latin_letters = false;  // the field is (partly) written in Latin
  bool han = false;            // Chinese text: Latin words beside it are not spoofs
};

FieldFacts facts_of(std::string_view text) {
  FieldFacts facts;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') facts.latin_letters = true;
    } else if (c >= 0 && script_of(c) == USCRIPT_HAN) {
      facts.han = true;
    }
  }
  return facts;
}

class ScriptCheck {
 public:
  ScriptCheck(Reporter& reporter, IcuObjects& icu) : reporter_(reporter), icu_(icu) {}

  void field(std::string_view what, std::string_view text, std::size_t offset) {
    if (!has_non_ascii(text) || plain_latin(text)) return;
    const FieldFacts facts = facts_of(text);
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    icu::BreakIterator& words = *icu_.words;
    words.setText(&utext, status);
    if (U_SUCCESS(status)) {
      int32_t start = words.first();
      for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        if (words.getRuleStatus() == UBRK_WORD_NONE) continue;
        const std::string_view word =
            text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        if (has_non_ascii(word)) check_word(what, word, offset + static_cast<std::size_t>(start), facts);
      }
    }
    utext_close(&utext);
  }

 private:
  // A field whose every word is ASCII letters and digits and allowed Latin
  // letters: single-script words, nothing for DG210 or DG211. The ASCII
  // characters that can join letters into one word (UAX #29 MidLetter,
  // MidNum, MidNumLet, ExtendNumLet and quotes) send the field through
  // ICU, so that its words are judged as ICU splits them.
  [[nodiscard]] bool plain_latin(std::string_view text) const {
    return support::every_code_point(text, [this](UChar32 c) {
      if (c >= 0x80) return icu_.allowed_latin(c);
      return c >= 0 && c != '.' && c != '\'' && c != ':' && c != ',' && c != ';' && c != '_' && c != '"';
    });
  }

  void check_word(std::string_view what, std::string_view word, std::size_t offset, const FieldFacts& facts) {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t checks = uspoof_check2UTF8(icu_.spoof, word.data(), static_cast<int32_t>(word.size()),
                                             icu_.spoof_result, &status);
    if (U_FAILURE(status)) return;
    if ((checks & USPOOF_RESTRICTION_LEVEL) != 0) {
      report_mixed(what, word, offset);
    } else if ((checks & USPOOF_MIXED_NUMBERS) != 0) {
      reporter_.report(
          rule<"DG210">, offset, word.size(),
          fmt::format("{} word {} mixes digits of different numbering systems", what, quote(word)));
    } else if (facts.latin_letters && !facts.han) {
      check_whole_word(what, word, offset);
    }
  }

  // Points at the first letter whose script differs from the word's first.
  void report_mixed(std::string_view what, std::string_view word, std::size_t offset) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    UScriptCode first = USCRIPT_INVALID_CODE;
    for (int32_t i = 0; i < length;) {
      const int32_t at = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) continue;
      const UScriptCode script = script_of(c);
      if (!is_real_script(script)) continue;
      if (first == USCRIPT_INVALID_CODE) {
        first = script;
      } else if (script != first) {
        reporter_.report(
            rule<"DG210">, offset + static_cast<std::size_t>(at), static_cast<std::size_t>(i - at),
            fmt::format("{} word {} mixes {} and {} letters: {} is {}", what, quote(word),
                        uscript_getName(first), uscript_getName(script),
                        quote(word.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at))),
                        describe_code_point(c)));
        return;
      }
    }
    reporter_.report(rule<"DG210">, offset, word.size(),
                     fmt::format("{} word {} mixes scripts", what, quote(word)));
  }

  // A word of two or more letters, all in one script other than Latin,
  // whose confusable skeleton is plain ASCII letters.
  void check_whole_word(std::string_view what, std::string_view word, std::size_t offset) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    UScriptCode script = USCRIPT_INVALID_CODE;
    int letters = 0;
    for (int32_t i = 0; i < length;) {
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) return;
      const UScriptCode s = script_of(c);
      if (!is_real_script(s)) continue;
      if (s == USCRIPT_LATIN || (script != USCRIPT_INVALID_CODE && s != script)) return;
      script = s;
      ++letters;
    }
    if (letters < 2) return;
    char skeleton[256];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t size =
        uspoof_getSkeletonUTF8(icu_.spoof, 0, word.data(), length, skeleton, sizeof skeleton, &status);
    if (U_FAILURE(status) || size <= 0) return;
    const std::string_view looks_like(skeleton, static_cast<std::size_t>(size));
    const bool ascii_letters = std::all_of(looks_like.begin(), looks_like.end(), [](char c) {
      return (static_cast<unsigned char>(c) | 0x20) >= 'a' && (static_cast<unsigned char>(c) | 0x20) <= 'z';
    });
    if (!ascii_letters) return;
    reporter_.report(rule<"DG211">, offset, word.size(),
                     fmt::format("{} word {} is written in {} letters but looks like Latin {}", what,
                                 quote(word), uscript_getName(script), quote(looks_like)));
  }

  Reporter& reporter_;
  IcuObjects& icu_;
};

}  // namespace

void check_scripts(const Document& document, Reporter& reporter) {
  if (!reporter.on(rule<"DG210">) && !reporter.on(rule<"DG211">)) return;
  ScriptCheck check(reporter, icu_objects());
  const std::string_view text = reporter.text();
  for (const Entry& entry : document.entries) {
    check.field("title", entry.title.value, entry.title.span.begin);
    // Only names holding a non-ASCII byte can mix scripts: find those bytes
    // in the whole Authors line (most lines have none) and check just the
    // names they fall in, each once.
    const std::string_view line = authors_text(entry, text);
    const auto line_begin = static_cast<std::size_t>(line.data() - text.data());
    auto author = entry.authors.begin();
    for (std::size_t at = support::first_non_ascii(line); at < line.size();) {
      const std::size_t offset = line_begin + at;
      while (author != entry.authors.end() && author->span.end <= offset) ++author;
      if (author == entry.authors.end()) break;
      if (author->span.begin <= offset) {
        check.field("author", author->name, author->span.begin);
        at = author->span.end - line_begin;
        ++author;
      } else {
        ++at;
      }
      at = support::first_non_ascii(line, at);
    }
  }
}

}  // namespace digestkit::lint::detail
