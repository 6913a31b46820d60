// The archive-wide rules (DG401 conflicting-paper, DG402 duplicate-digest):
// findings about several files at once. Files are fed in any order; the
// findings come at the end, the same for every order of the same inputs:
// one per group of copies, attached to the copy whose path sorts last, with
// the other copies as related locations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_baseline.hpp"

namespace digestkit::lint {

struct ArchiveFinding {
  Diagnostic diagnostic;     // path, location, message, related locations
  FindingIdentity identity;  // for baselines and fingerprints; `file` left to the report
  std::size_t file = 0;      // the index of its file in the order add() saw them
};

// Keeps fingerprints (hashes, positions; a paper's title and author names
// while DG401 runs), so memory grows with the number of distinct papers and
// digests, not with the text.
class ArchiveIndex {
 public:
  void add(const FileSummary& summary, const Policy& policy);
  // Every finding, ordered by path, line, column and code. Call once.
  [[nodiscard]] std::vector<ArchiveFinding> finish();

 private:
  struct PaperCopy {
    std::uint32_t file;
    std::uint32_t digest;
    std::uint32_t line;
    std::uint32_t column;
    std::uint64_t authors_hash;
    std::uint64_t abstract_hash;
    std::uint64_t input_offset;
    std::uint32_t length;  // title bytes
    std::uint32_t end_column;
    std::uint32_t text;  // title, then the author names, in text_ (offsets)
    std::uint32_t title_length;
    std::uint32_t authors_length;  // names joined by '\n'
  };
  struct DigestCopy {
    std::uint32_t file;
    std::uint32_t line;
    std::uint32_t column;
    std::uint32_t length;
    std::uint32_t end_column;
    std::uint64_t input_offset;
    std::uint64_t content_hash;  // of its entries' titles, authors and abstracts
  };
  // What a file's policy says of the two rules.
  struct RuleSetting {
    bool enabled = false;
    Severity severity = Severity::Info;
  };
  struct FileInfo {
    std::string path;
    RuleSetting conflicting_paper;                             // DG401
    RuleSetting duplicate_digest;                              // DG402
    std::vector<std::pair<std::string, std::string>> digests;  // category, date of each digest
  };
  struct EntrySlot {  // key 0: free
    std::uint64_t key;
    std::uint32_t first;  // index into first_copies_
  };
  // First copies by title key hash: an open-addressing table, as an archive
  // has hundreds of thousands of papers, far more than fit in a cache. Its
  // slots hold only the key and an index, so that a lookup touches few
  // cache lines and growing the table moves little memory. Later copies of
  // a paper go to more_copies_, keyed by the first copy's index.
  std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t next, bool& inserted);
  void grow_if_full(std::size_t adding);
  PaperCopy copy_of(const EntryFingerprint& entry, std::uint32_t file, bool keep_text);
  [[nodiscard]] std::string_view title_of(const PaperCopy& copy) const;
  [[nodiscard]] std::vector<std::string_view> authors_of(const PaperCopy& copy) const;
  void paper_findings(std::vector<PaperCopy> copies, std::vector<ArchiveFinding>& out) const;
  void digest_findings(const std::string& key, std::vector<DigestCopy> copies,
                       std::vector<ArchiveFinding>& out) const;
  // Sorts copies by path and position; the last whose file runs the rule.
  template <class Copy>
  const Copy* last_reporting_copy(std::vector<Copy>& copies, RuleSetting FileInfo::*rule) const;
  template <class Copy>
  [[nodiscard]] ArchiveFinding finding_at(const Copy& primary, RuleId rule,
                                          RuleSetting FileInfo::*setting) const;
  template <class Copy>
  void add_related(Diagnostic& diagnostic, const Copy& copy, std::string message) const;

  std::vector<FileInfo> files_;
  std::vector<EntrySlot> entry_slots_;
  std::vector<PaperCopy> first_copies_;
  std::unordered_map<std::uint32_t, std::vector<PaperCopy>> more_copies_;
  std::string text_;
  std::unordered_map<std::string, std::vector<DigestCopy>> digests_;  // category '\n' date
};

}  // namespace digestkit::lint
