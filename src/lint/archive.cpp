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

void ArchiveIndex::grow_if_full(std::size_t adding) {
  // Keep the table at most three quarters full, re-placing every key. It
  // grows fourfold: an archive of a million papers re-places each about
  // once instead of twice, on a table far larger than the cache.
  const std::size_t count = first_entries_.size();
  if (4 * (count + adding) <= 3 * entry_slots_.size()) return;
  std::size_t size = std::max<std::size_t>(std::size_t{1} << 14, 4 * entry_slots_.size());
  while (4 * (count + adding) > 3 * size) size *= 2;
  std::vector<EntrySlot> slots(size, EntrySlot{0, 0});
  for (const EntrySlot& old : entry_slots_) {
    if (old.key == 0) continue;
    std::size_t slot = old.key & (size - 1);
    while (slots[slot].key != 0) slot = (slot + 1) & (size - 1);
    slots[slot] = old;
  }
  entry_slots_ = std::move(slots);
}

ArchiveIndex::FirstEntry* ArchiveIndex::find_or_insert(std::uint64_t key, const FirstEntry& entry,
                                                       bool& inserted) {
  const std::size_t mask = entry_slots_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    EntrySlot& here = entry_slots_[slot];
    if (here.key == key) {
      inserted = false;
      return &first_entries_[here.first];
    }
    if (here.key == 0) {
      here = EntrySlot{key, static_cast<std::uint32_t>(first_entries_.size())};
      first_entries_.push_back(entry);
      inserted = true;
      return &first_entries_.back();
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
  grow_if_full(summary.entries.size());
  // 0 marks a free slot.
  const auto key_of = [](const EntryFingerprint& entry) { return entry.key_hash == 0 ? 1 : entry.key_hash; };
  // The slots of a file's papers are scattered over a table far larger than
  // the cache: ask for all of them before reading any.
  for (const EntryFingerprint& entry : summary.entries) {
    __builtin_prefetch(&entry_slots_[key_of(entry) & (entry_slots_.size() - 1)]);
  }
  for (const EntryFingerprint& entry : summary.entries) {
    bool inserted = false;
    const FirstEntry* first = find_or_insert(
        key_of(entry),
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
