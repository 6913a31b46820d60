// DG401, DG402: rules across all inputs. Each file is compared with the
// fingerprints of the files before it; only the first occurrence of a paper
// or a digest is remembered.
#include <fmt/format.h>

#include <algorithm>

#include "checks.hpp"
#include "digestkit/lint.hpp"

namespace digestkit::lint {
namespace {

Diagnostic make(const Policy& policy, std::string_view code, const std::string& path, const Location& where,
                std::size_t length, std::size_t input_offset, std::string message) {
  const Rule* rule = find_rule(code);
  Diagnostic diagnostic;
  diagnostic.code = std::string(code);
  diagnostic.severity = policy.severity(rule_index(*rule));
  diagnostic.path = path;
  diagnostic.location = where;
  diagnostic.length = length;
  diagnostic.input_offset = input_offset;
  diagnostic.message = std::move(message);
  return diagnostic;
}

}  // namespace

ArchiveIndex::FirstEntry* ArchiveIndex::find_or_insert(std::uint64_t key, const FirstEntry& entry,
                                                       bool& inserted) {
  if (key == 0) key = 1;  // 0 marks a free slot
  if (4 * (entry_count_ + 1) > 3 * entry_keys_.size()) {
    // Grow to keep the table at most three quarters full, re-placing every entry.
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, 2 * entry_keys_.size()), 0);
    std::vector<FirstEntry> values(keys.size());
    for (std::size_t i = 0; i < entry_keys_.size(); ++i) {
      if (entry_keys_[i] == 0) continue;
      std::size_t slot = entry_keys_[i] & (keys.size() - 1);
      while (keys[slot] != 0) slot = (slot + 1) & (keys.size() - 1);
      keys[slot] = entry_keys_[i];
      values[slot] = entry_values_[i];
    }
    entry_keys_ = std::move(keys);
    entry_values_ = std::move(values);
  }
  const std::size_t mask = entry_keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (entry_keys_[slot] == key) {
      inserted = false;
      return &entry_values_[slot];
    }
    if (entry_keys_[slot] == 0) {
      entry_keys_[slot] = key;
      entry_values_[slot] = entry;
      ++entry_count_;
      inserted = true;
      return &entry_values_[slot];
    }
  }
}

std::vector<Diagnostic> ArchiveIndex::add(const FileSummary& summary, const Policy& policy) {
  std::vector<Diagnostic> found;
  const std::size_t file = paths_.size();
  paths_.push_back(summary.path);

  for (const DigestFingerprint& digest : summary.digests) {
    const auto [first, inserted] = digests_.try_emplace(std::string(digest.category) + '\n' + digest.date,
                                                        FirstDigest{file, digest.where.line});
    if (inserted || first->second.file == file || !policy.enabled("DG402")) continue;
    found.push_back(make(policy, "DG402", summary.path, digest.where, digest.length, digest.input_offset,
                         fmt::format("digest {} of {} is also in {}:{}", detail::quote(digest.category),
                                     digest.date, paths_[first->second.file], first->second.line)));
  }

  const bool conflicting_paper = policy.enabled("DG401");
  for (const EntryFingerprint& entry : summary.entries) {
    bool inserted = false;
    const FirstEntry* first = find_or_insert(
        entry.key_hash,
        FirstEntry{static_cast<std::uint32_t>(file), static_cast<std::uint32_t>(entry.digest),
                   static_cast<std::uint32_t>(entry.where.line),
                   static_cast<std::uint32_t>(entry.where.column), entry.authors_hash, entry.abstract_hash},
        inserted);
    if (inserted || !conflicting_paper) continue;
    const FirstEntry& earlier = *first;
    if (earlier.file == file && earlier.digest == entry.digest) continue;  // DG308's business
    const bool authors_differ = earlier.authors_hash != entry.authors_hash;
    const bool abstract_differs = earlier.abstract_hash != entry.abstract_hash;
    if (!authors_differ && !abstract_differs) continue;
    const char* what = authors_differ && abstract_differs ? "different authors and abstract"
                       : authors_differ                   ? "different authors"
                                                          : "a different abstract";
    found.push_back(make(policy, "DG401", summary.path, entry.where, entry.length, entry.input_offset,
                         fmt::format("paper {} also appears in {}:{}:{} with {}", detail::quote(entry.title),
                                     paths_[earlier.file], earlier.line, earlier.column, what)));
  }
  return found;
}

}  // namespace digestkit::lint
