// Pairing leftover entries whose titles are close (a retitled paper):
// word-level Dice similarity over the longest common subsequence of the
// titles' words, at or above a threshold.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace digestkit::diff_detail {

struct TitlePair {
  std::size_t old_position = 0;  // into old_keys
  std::size_t new_position = 0;  // into new_keys
  double similarity = 0.0;
};

// Takes title keys (digestkit::title_key) and returns a one-to-one pairing,
// most similar pairs first chosen. Candidates are found by prefix filtering
// (two word sets reaching the threshold must share a word among the rarest
// few of each), so only plausible pairs are compared; at most
// max_comparisons similarities are computed.
[[nodiscard]] std::vector<TitlePair> pair_close_titles(const std::vector<std::string>& old_keys,
                                                       const std::vector<std::string>& new_keys,
                                                       double threshold, std::size_t max_comparisons);

}  // namespace digestkit::diff_detail
