// Word segmentation and the comparison keys the diff works on. ICU's word
// BreakIterator splits Chinese, Japanese and Thai by dictionary as well as
// space-separated scripts; one iterator per thread is created and reused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/diff.hpp"

namespace digestkit::diff_detail {

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the split text
  std::uint32_t end = 0;
  bool is_word = false;   // letters, digits, kana or ideographs (not punctuation)
  bool is_space = false;  // only White_Space code points (adjacent runs merged)
};

// Splits text into word, punctuation and white-space tokens covering it
// completely. Uses this thread's word BreakIterator.
void split_words(std::string_view text, std::vector<Token>& out);

// Appends the ICU full case folding of text to out.
void append_case_folded(std::string_view text, std::string& out);

// A field as the normaliser prints it by default (text/field_repairer.hpp):
// what `digest fmt` changes is layout, never a change. Writes into out
// (cleared first) and returns a view of it.
std::string_view content_form(std::string_view text, std::string& out);

// The form two field values are compared in: the content form, then white
// space collapsed and trimmed with ignore_whitespace, case folded with
// ignore_case. Writes into out (cleared first) and returns a view of it.
std::string_view comparison_form(std::string_view text, const DiffOptions& options, std::string& out);

// Equal under the options (exact comparison first, so unchanged text costs
// no ICU work).
bool same_text(std::string_view a, std::string_view b, const DiffOptions& options);

}  // namespace digestkit::diff_detail
