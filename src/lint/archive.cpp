// DG401, DG402: rules across all inputs. Each file is compared with the
// fingerprints of the files before it; only the first occurrence of a paper
// or a digest is remembered.
#include <fmt/format.h>

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

std::vector<Diagnostic> ArchiveIndex::add(const FileSummary& summary, const Policy& policy) {
  std::vector<Diagnostic> found;
  const std::size_t file = paths_.size();
  paths_.push_back(summary.path);

  for (const DigestFingerprint& digest : summary.digests) {
    const auto [first, inserted] =
        digests_.try_emplace(digest.category + '\n' + digest.date, FirstDigest{file, digest.where.line});
    if (inserted || first->second.file == file || !policy.enabled("DG402")) continue;
    found.push_back(make(policy, "DG402", summary.path, digest.where, digest.length, digest.input_offset,
                         fmt::format("digest {} of {} is also in {}:{}", detail::quote(digest.category),
                                     digest.date, paths_[first->second.file], first->second.line)));
  }

  for (const EntryFingerprint& entry : summary.entries) {
    const auto [first, inserted] = entries_.try_emplace(
        entry.title_key, FirstEntry{file, entry.digest, entry.where.line, entry.where.column,
                                    entry.authors_hash, entry.abstract_hash});
    if (inserted || !policy.enabled("DG401")) continue;
    const FirstEntry& earlier = first->second;
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
