#include "diff/match.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diff/close_titles.hpp"
#include "digestkit/title_key.hpp"

namespace digestkit::diff_detail {
namespace {

constexpr std::size_t none = SIZE_MAX;

// Pairs new items with old items of equal key, each key's occurrences in
// order. Keys are given for the unpaired items only (positions into the
// index lists); memory is one map entry per distinct key plus a link per
// item, never a table over both sides.
template <class Key>
void pair_equal_keys(const std::vector<Key>& old_keys, const std::vector<Key>& new_keys,
                     const std::vector<std::size_t>& old_indices, const std::vector<std::size_t>& new_indices,
                     std::vector<EntryPair>& pairs, std::vector<bool>& old_paired,
                     std::vector<bool>& new_paired) {
  std::unordered_map<std::string_view, std::size_t> first;  // key -> first unpaired old position
  first.reserve(old_keys.size());
  std::vector<std::size_t> next(old_keys.size(), none);
  std::vector<std::size_t> last(old_keys.size(), none);
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    auto [it, inserted] = first.try_emplace(std::string_view(old_keys[i]), i);
    if (!inserted) {
      // Append to the chain: `last` is kept at the chain's head.
      next[last[it->second]] = i;
      last[it->second] = i;
    } else {
      last[i] = i;
    }
  }
  for (std::size_t j = 0; j < new_keys.size(); ++j) {
    auto it = first.find(std::string_view(new_keys[j]));
    if (it == first.end() || it->second == none) continue;
    const std::size_t i = it->second;
    const std::size_t successor = next[i];
    if (successor != none) last[successor] = last[i];
    it->second = successor;
    pairs.push_back({old_indices[i], new_indices[j]});
    old_paired[old_indices[i]] = true;
    new_paired[new_indices[j]] = true;
  }
}

std::vector<std::size_t> unpaired(const std::vector<bool>& paired) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < paired.size(); ++i) {
    if (!paired[i]) indices.push_back(i);
  }
  return indices;
}

std::vector<std::size_t> all_indices(std::size_t count) {
  std::vector<std::size_t> indices(count);
  for (std::size_t i = 0; i < count; ++i) indices[i] = i;
  return indices;
}

}  // namespace

Matching match_entries(const std::vector<Entry>& old_entries, const std::vector<Entry>& new_entries,
                       const DiffOptions& options) {
  Matching matching;
  std::vector<bool> old_paired(old_entries.size(), false);
  std::vector<bool> new_paired(new_entries.size(), false);

  {
    std::vector<std::string_view> old_titles;
    std::vector<std::string_view> new_titles;
    old_titles.reserve(old_entries.size());
    new_titles.reserve(new_entries.size());
    for (const auto& entry : old_entries) old_titles.push_back(entry.title.value);
    for (const auto& entry : new_entries) new_titles.push_back(entry.title.value);
    pair_equal_keys(old_titles, new_titles, all_indices(old_entries.size()), all_indices(new_entries.size()),
                    matching.pairs, old_paired, new_paired);
  }

  // Title keys cost ICU work, so only titles not paired as written get one.
  auto old_left = unpaired(old_paired);
  auto new_left = unpaired(new_paired);
  if (!old_left.empty() && !new_left.empty()) {
    std::vector<std::string> old_keys;
    std::vector<std::string> new_keys;
    old_keys.reserve(old_left.size());
    new_keys.reserve(new_left.size());
    for (const auto i : old_left) old_keys.push_back(title_key(old_entries[i].title.value));
    for (const auto j : new_left) new_keys.push_back(title_key(new_entries[j].title.value));
    pair_equal_keys(old_keys, new_keys, old_left, new_left, matching.pairs, old_paired, new_paired);

    // Retitled: close titles among what is still unpaired.
    std::vector<std::string> old_rest_keys;
    std::vector<std::string> new_rest_keys;
    std::vector<std::size_t> old_rest;
    std::vector<std::size_t> new_rest;
    for (std::size_t p = 0; p < old_left.size(); ++p) {
      if (old_paired[old_left[p]]) continue;
      old_rest.push_back(old_left[p]);
      old_rest_keys.push_back(std::move(old_keys[p]));
    }
    for (std::size_t p = 0; p < new_left.size(); ++p) {
      if (new_paired[new_left[p]]) continue;
      new_rest.push_back(new_left[p]);
      new_rest_keys.push_back(std::move(new_keys[p]));
    }
    for (const auto& close : pair_close_titles(old_rest_keys, new_rest_keys, options.retitle_similarity,
                                               options.max_retitle_comparisons)) {
      const auto i = old_rest[close.old_position];
      const auto j = new_rest[close.new_position];
      matching.pairs.push_back({i, j, true, close.similarity});
      old_paired[i] = true;
      new_paired[j] = true;
    }
  }

  std::sort(matching.pairs.begin(), matching.pairs.end(),
            [](const EntryPair& a, const EntryPair& b) { return a.old_index < b.old_index; });
  matching.removed = unpaired(old_paired);
  matching.added = unpaired(new_paired);
  return matching;
}

std::vector<bool> moved_pairs(const std::vector<EntryPair>& pairs) {
  // Patience method: tails[k] is the pair ending the best increasing run of
  // length k+1 seen so far; back links rebuild one longest run.
  std::vector<std::size_t> tails;
  std::vector<std::size_t> previous(pairs.size(), none);
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const auto position =
        std::lower_bound(tails.begin(), tails.end(), pairs[p].new_index,
                         [&](std::size_t tail, std::size_t value) { return pairs[tail].new_index < value; });
    if (position != tails.begin()) previous[p] = *(position - 1);
    if (position == tails.end()) {
      tails.push_back(p);
    } else {
      *position = p;
    }
  }
  std::vector<bool> moved(pairs.size(), true);
  for (std::size_t p = tails.empty() ? none : tails.back(); p != none; p = previous[p]) moved[p] = false;
  return moved;
}

}  // namespace digestkit::diff_detail
