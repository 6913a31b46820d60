// Pairing the entries of two versions of a digest: by exact title, then by
// title key, then (among what is left) by close titles; and finding which
// pairs changed their relative order.
#pragma once

#include <cstddef>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/document.hpp"

namespace digestkit::diff_detail {

struct EntryPair {
  std::size_t old_index = 0;
  std::size_t new_index = 0;
  bool retitled = false;    // paired by close title, not by key
  double similarity = 1.0;  // of the titles' words, for retitled pairs
};

struct Matching {
  std::vector<EntryPair> pairs;      // sorted by old_index
  std::vector<std::size_t> removed;  // old indices left unpaired, ascending
  std::vector<std::size_t> added;    // new indices left unpaired, ascending
};

// Repeated titles are paired in order of occurrence. Exact titles are paired
// before keys so that "A"/"a" repeated on both sides pair as written.
[[nodiscard]] Matching match_entries(const std::vector<Entry>& old_entries,
                                     const std::vector<Entry>& new_entries, const DiffOptions& options);

// For pairs sorted by old_index: true for each pair that is not on one
// longest run of pairs kept in the same relative order (a longest increasing
// subsequence of new_index, which for a one-to-one pairing is the LCS of the
// two entry orders), found in O(n log n).
[[nodiscard]] std::vector<bool> moved_pairs(const std::vector<EntryPair>& pairs);

}  // namespace digestkit::diff_detail
