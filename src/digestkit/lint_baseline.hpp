// What a finding *is*, independent of where it sits today, and the baseline
// built on it: `digest validate --write-baseline FILE` records the findings
// of a run, `--baseline FILE` reports only the ones it does not hold.
//
// A finding is identified by the post it is in (the file's path relative to
// a root folder, the digest's category line and date), the part of the post
// (the title key of its entry, or header / footer / file), its rule code and
// the text it points at, never by line or column: a new entry at the top of
// a post, or CRLF turned into LF, leaves every identity as it was. The same
// identity feeds SARIF partialFingerprints and GitLab fingerprints.
// docs/ci.md describes the file; schema/digestkit-baseline-1.schema.json
// is its schema.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include "digestkit/diagnostic.hpp"
#include "digestkit/lint.hpp"

namespace digestkit::lint {

// Which part of a post a finding lies in.
enum class PostPart : unsigned char { File, Header, Entry, Footer };

[[nodiscard]] std::string_view to_string(PostPart part);

struct FindingIdentity {
  std::string file;      // relative to the root, '/'-separated; "x.tgz:a.txt" for archive members
  std::string category;  // the digest's category line ("" outside a digest)
  std::string date;      // YYYY-MM-DD ("" when unknown)
  PostPart part = PostPart::File;
  std::string entry;  // title_key() of the entry's title (Entry only)
  std::string code;   // "DG203"
  std::string text;   // the offending text, CR LF read as LF; long texts shortened (see identity.cpp)

  friend auto operator<=>(const FindingIdentity&, const FindingIdentity&) = default;
};

// The identity of `diagnostic`, a finding in the file whose identity path
// (path_relative_to) is `file`. `source` and `summary` may be null (an
// undecodable file): the finding then belongs to the whole file.
[[nodiscard]] FindingIdentity identify(const Diagnostic& diagnostic, const SourceText* source,
                                       const FileSummary* summary, const std::string& file);

// `path` (as shown to users) relative to `root` (absolute), '/'-separated;
// archive members keep their ":member" suffix; "-" stays "-".
[[nodiscard]] std::string path_relative_to(const std::string& path, const std::filesystem::path& root);

// A stable hex fingerprint of an identity and its occurrence (0 for the
// first finding with that identity in a file, 1 for the second, ...).
[[nodiscard]] std::string fingerprint(const FindingIdentity& identity, std::size_t occurrence);

// A baseline file that cannot be read or is not a digestkit baseline: the
// message names the file (and line:column for JSON syntax errors).
class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A multiset of identities with paths relative to the baseline file's folder.
class Baseline {
 public:
  // An empty baseline for a file to be written at `file`.
  explicit Baseline(const std::filesystem::path& file);
  // Reads a baseline written by write(). Throws BaselineError.
  [[nodiscard]] static Baseline read(const std::filesystem::path& file);

  // The folder identities are relative to (absolute).
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  // Records one more occurrence (for --write-baseline).
  void add(const FindingIdentity& identity);
  // Whether the baseline holds an occurrence of `identity` not absorbed yet;
  // if so it is absorbed (and counts as still occurring).
  [[nodiscard]] bool absorb(const FindingIdentity& identity);
  // Notes that `file` (an identity path) was linted in this run.
  void saw_file(const std::string& file) { seen_files_.insert(file); }

  // Entries for files this run did not lint are kept as they were; for the
  // files it linted, only the occurrences absorbed (pruning).
  [[nodiscard]] Baseline pruned() const;
  [[nodiscard]] std::size_t size() const;  // occurrences held

  // The file's text: JSON, entries sorted, "\n" at the end (same findings,
  // same bytes).
  [[nodiscard]] std::string to_json() const;
  // Writes to_json() to `file` through a temporary file renamed over it.
  // Throws BaselineError.
  void write(const std::filesystem::path& file) const;

 private:
  struct Occurrences {
    std::size_t held = 0;
    std::size_t absorbed = 0;
  };
  std::filesystem::path root_;
  std::map<FindingIdentity, Occurrences> entries_;
  std::set<std::string> seen_files_;
};

}  // namespace digestkit::lint
