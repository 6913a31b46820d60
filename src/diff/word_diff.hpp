// Word-level Myers diff (dtl) of one field's two values, and the word-level
// similarity used to pair retitled entries.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "digestkit/diff.hpp"

namespace digestkit::diff_detail {

// The edits turning old_text into new_text, token by token (words,
// punctuation, white space), merged into runs.
[[nodiscard]] std::vector<WordEdit> word_diff(std::string_view old_text, std::string_view new_text,
                                              const DiffOptions& options);

// A TextChange for two values of a field (either may be absent).
[[nodiscard]] TextChange text_change(std::optional<std::string_view> old_text,
                                     std::optional<std::string_view> new_text, const DiffOptions& options);

// Dice coefficient over the longest common subsequence: 2·LCS / (|a| + |b|).
[[nodiscard]] double lcs_similarity(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

}  // namespace digestkit::diff_detail
