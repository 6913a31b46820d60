#include "diff/close_titles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "diff/word_diff.hpp"
#include "diff/words.hpp"

namespace digestkit::diff_detail {
namespace {

struct TitleWords {
  std::vector<std::uint32_t> sequence;  // word ids in title order
  std::vector<std::uint64_t> prefix;    // rarest set elements, for the candidate index
  std::size_t set_size = 0;
};

class WordIds {
 public:
  std::uint32_t id(std::string_view word) {
    auto [it, inserted] = ids_.try_emplace(word, static_cast<std::uint32_t>(ids_.size()));
    (void)inserted;
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> ids_;  // views into the caller's keys
};

void read_words(const std::string& key, WordIds& ids, std::vector<Token>& tokens, TitleWords& out) {
  split_words(key, tokens);
  for (const auto& token : tokens) {
    if (token.is_word)
      out.sequence.push_back(ids.id(std::string_view(key).substr(token.begin, token.end - token.begin)));
  }
}

// A title's words as a set: the k-th occurrence of a word is its own
// element, so set overlap bounds the LCS of the sequences from above.
std::vector<std::uint64_t> as_set(const std::vector<std::uint32_t>& sequence) {
  std::vector<std::uint64_t> elements;
  elements.reserve(sequence.size());
  std::unordered_map<std::uint32_t, std::uint32_t> seen;
  for (const auto word : sequence) elements.push_back((std::uint64_t{word} << 32) | seen[word]++);
  return elements;
}

// The smallest overlap a set of `size` elements can have with any set it
// reaches the Dice threshold with: o ≥ t·(s + s')/2 and s' ≥ t·s/(2 − t).
std::size_t prefix_length(std::size_t size, double threshold) {
  if (size == 0) return 0;
  const double min_overlap = threshold * static_cast<double>(size) / (2.0 - threshold);
  const auto overlap = static_cast<std::size_t>(std::ceil(min_overlap - 1e-9));
  if (overlap == 0 || overlap > size) return size;
  return size - overlap + 1;
}

void build_prefixes(std::vector<TitleWords>& titles,
                    const std::unordered_map<std::uint64_t, std::uint32_t>& frequency, double threshold) {
  for (auto& title : titles) {
    auto elements = as_set(title.sequence);
    title.set_size = elements.size();
    // Rarest first: the prefix then holds the elements that narrow the
    // candidates most.
    std::sort(elements.begin(), elements.end(), [&](std::uint64_t a, std::uint64_t b) {
      const auto fa = frequency.at(a);
      const auto fb = frequency.at(b);
      return fa != fb ? fa < fb : a < b;
    });
    elements.resize(prefix_length(elements.size(), threshold));
    title.prefix = std::move(elements);
  }
}

}  // namespace

std::vector<TitlePair> pair_close_titles(const std::vector<std::string>& old_keys,
                                         const std::vector<std::string>& new_keys, double threshold,
                                         std::size_t max_comparisons) {
  if (old_keys.empty() || new_keys.empty()) return {};
  WordIds ids;
  std::vector<Token> tokens;
  std::vector<TitleWords> old_titles(old_keys.size());
  std::vector<TitleWords> new_titles(new_keys.size());
  for (std::size_t i = 0; i < old_keys.size(); ++i) read_words(old_keys[i], ids, tokens, old_titles[i]);
  for (std::size_t i = 0; i < new_keys.size(); ++i) read_words(new_keys[i], ids, tokens, new_titles[i]);

  // One global order of set elements, by how many titles hold them.
  std::unordered_map<std::uint64_t, std::uint32_t> frequency;
  for (const auto* side : {&old_titles, &new_titles}) {
    for (const auto& title : *side) {
      for (const auto element : as_set(title.sequence)) ++frequency[element];
    }
  }
  build_prefixes(old_titles, frequency, threshold);
  build_prefixes(new_titles, frequency, threshold);

  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings;
  for (std::size_t n = 0; n < new_titles.size(); ++n) {
    for (const auto element : new_titles[n].prefix)
      postings[element].push_back(static_cast<std::uint32_t>(n));
  }

  std::vector<TitlePair> found;
  std::vector<std::size_t> last_probe(new_titles.size(), SIZE_MAX);
  std::size_t comparisons = 0;
  for (std::size_t o = 0; o < old_titles.size() && comparisons < max_comparisons; ++o) {
    const auto& old_title = old_titles[o];
    for (const auto element : old_title.prefix) {
      const auto posting = postings.find(element);
      if (posting == postings.end()) continue;
      for (const auto n : posting->second) {
        if (last_probe[n] == o) continue;
        last_probe[n] = o;
        const auto& new_title = new_titles[n];
        // Dice ≤ 2·min(s, s')/(s + s'): skip pairs whose sizes alone rule them out.
        const auto smaller = std::min(old_title.set_size, new_title.set_size);
        const auto total = old_title.set_size + new_title.set_size;
        if (2.0 * static_cast<double>(smaller) < threshold * static_cast<double>(total) - 1e-9) continue;
        if (comparisons++ >= max_comparisons) break;
        const double similarity = lcs_similarity(old_title.sequence, new_title.sequence);
        if (similarity >= threshold - 1e-9) found.push_back({o, n, similarity});
      }
    }
  }

  std::sort(found.begin(), found.end(), [](const TitlePair& a, const TitlePair& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.old_position != b.old_position ? a.old_position < b.old_position
                                            : a.new_position < b.new_position;
  });
  std::vector<bool> old_taken(old_titles.size(), false);
  std::vector<bool> new_taken(new_titles.size(), false);
  std::vector<TitlePair> chosen;
  for (const auto& pair : found) {
    if (old_taken[pair.old_position] || new_taken[pair.new_position]) continue;
    old_taken[pair.old_position] = new_taken[pair.new_position] = true;
    chosen.push_back(pair);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const TitlePair& a, const TitlePair& b) { return a.old_position < b.old_position; });
  return chosen;
}

}  // namespace digestkit::diff_detail
