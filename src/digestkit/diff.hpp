// Semantic diff of two versions of a digest: which entries were added,
// removed, retitled, edited or moved, and what changed inside each field.
//
// Results view the text of the documents they were computed from (the
// string_views point into the ParsedFile buffers): keep the documents alive
// while a DigestDiff is used. FileDiff owns its two ParsedFiles for that.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/document.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parse.hpp"

namespace digestkit {

struct DiffOptions {
  // Runs of Unicode White_Space (spaces, tabs, NBSP, ...) count as one space
  // and leading or trailing white space is ignored.
  bool ignore_whitespace = false;
  // Compare under ICU full case folding.
  bool ignore_case = false;
  // Report entries whose relative order changed (--moves).
  bool moves = false;
  // Entries left unmatched by title key are paired as "retitled" when the
  // word-level Dice similarity of their titles reaches this.
  double retitle_similarity = 0.8;
  // Upper bound on title pairs whose similarity is computed, so that two
  // unrelated archives cannot make the pairing quadratic.
  std::size_t max_retitle_comparisons = 1'000'000;
  // How both sides' bytes are decoded (--encoding).
  DecodeOptions decode;
  // Leading folders dropped from member paths before two trees are paired
  // (--strip-components N). Unset: one folder is dropped from both sides
  // when every member of each side lies in one top folder (two archives made
  // by `tar czf v1.tgz v1/` and `tar czf v2.tgz v2/`).
  std::optional<std::size_t> strip_components;
};

enum class WordOp : std::uint8_t { Same, Removed, Added };

// A run of tokens of one kind. Same runs show the new side's spelling.
struct WordEdit {
  WordOp op = WordOp::Same;
  std::string_view text;
};

// A text field that differs. A side is nullopt when the field is absent
// there (bare "PDF" line, missing date or footer).
struct TextChange {
  std::optional<std::string_view> old_text;
  std::optional<std::string_view> new_text;
  std::vector<WordEdit> words;  // word-level diff, old to new
};

struct AuthorsChange {
  std::vector<std::string_view> removed;  // in old order
  std::vector<std::string_view> added;    // in new order
  std::vector<std::string_view> moved;    // names on both sides whose relative order changed
  [[nodiscard]] bool reordered() const { return !moved.empty(); }
};

enum class EntryChangeKind : std::uint8_t { Added, Removed, Changed, Retitled, Moved };

[[nodiscard]] std::string_view to_string(EntryChangeKind kind);

struct EntryChange {
  EntryChangeKind kind = EntryChangeKind::Changed;
  const Entry* old_entry = nullptr;  // null for Added
  const Entry* new_entry = nullptr;  // null for Removed
  std::size_t old_index = 0;         // position in the old digest (when old_entry is set)
  std::size_t new_index = 0;         // position in the new digest (when new_entry is set)
  bool moved = false;                // relative order changed (only with DiffOptions::moves)
  double title_similarity = 1.0;     // word-level similarity of a retitled pair
  std::optional<TextChange> title;
  std::optional<AuthorsChange> authors;
  std::optional<TextChange> abstract;
  std::optional<TextChange> comments;

  // The title as it reads now (the old one for a removed entry).
  [[nodiscard]] std::string_view display_title() const;
  // "title", "authors", "abstract", "comments": the fields that differ.
  [[nodiscard]] std::vector<std::string_view> changed_fields() const;
};

struct FooterChange {
  bool old_present = true;
  bool new_present = true;
  std::optional<TextChange> author;
  std::optional<TextChange> notice;
};

struct DiffCounts {
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t changed = 0;    // matched entries with a field difference, retitled ones included
  std::size_t retitled = 0;   // of which paired by a close title
  std::size_t moved = 0;      // matched entries out of their relative order (with moves)
  std::size_t unchanged = 0;  // matched entries with identical fields, moved or not
  DiffCounts& operator+=(const DiffCounts& other);
};

struct DigestDiff {
  std::size_t index = 0;                   // position of the digest within its file
  const Document* old_document = nullptr;  // null when only the new file has this digest
  const Document* new_document = nullptr;  // null when only the old file has it
  std::optional<TextChange> category;
  std::optional<TextChange> date;
  std::optional<FooterChange> footer;
  // Changed entries only, in reading order of the new digest; removed
  // entries sit after the entry that preceded them in the old one.
  std::vector<EntryChange> entries;
  DiffCounts counts;
  [[nodiscard]] bool has_differences() const;
};

[[nodiscard]] DigestDiff diff_documents(const Document& old_document, const Document& new_document,
                                        const DiffOptions& options = {});

// A digest present on one side only: every entry added (or removed).
[[nodiscard]] DigestDiff diff_one_sided(const Document* old_document, const Document* new_document,
                                        std::size_t index);

enum class FileDiffStatus : std::uint8_t {
  Compared,  // both sides parsed
  OnlyOld,   // the file exists in the old tree only
  OnlyNew,   // in the new tree only
  Failed,    // a side could not be decoded or parsed: see old_file/new_file errors
};

[[nodiscard]] std::string_view to_string(FileDiffStatus status);

struct FileDiff {
  std::string path;      // relative path used for pairing; the new name for two plain files
  std::string old_name;  // as shown to users; empty when absent
  std::string new_name;
  FileDiffStatus status = FileDiffStatus::Compared;
  bool in_tree = false;  // one pair of many (directories, archives), not two files named alone
  ParsedFile old_file;   // owns the text the digests view
  ParsedFile new_file;
  // Digests are paired by index: successive scrapes keep a file's digests in
  // order, and pairing by header would hide exactly the category and date
  // edits the diff should report.
  std::vector<DigestDiff> digests;
  [[nodiscard]] DiffCounts counts() const;
  [[nodiscard]] bool has_differences() const;
};

// Diffs two parsed files (status Failed when either has errors).
[[nodiscard]] FileDiff diff_files(ParsedFile old_file, ParsedFile new_file, const DiffOptions& options = {});

// Diffs two inputs as the command line names them: two files, two
// directories (files paired by relative path), or two archives (members
// paired by member path, less DiffOptions::strip_components folders). Each
// pair is reported through emit in the order the new tree is read, then the
// files only in the old tree by path (DiffReport sorts its report by path);
// problems reading an input go to on_error. "/dev/null" as one of two files
// stands for a file without digests (git's external diff protocol for added
// and removed files). Memory: the old tree's raw bytes plus one file pair
// (when the old tree has one top folder and no strip count is given, the
// new tree's names are walked first: an archive is then read twice).
// Returns false when the two inputs cannot be compared (a file against a
// directory).
bool diff_inputs(const std::string& old_path, const std::string& new_path, const DiffOptions& options,
                 const InputOptions& input_options, const std::function<void(FileDiff&&)>& emit,
                 const std::function<void(InputError&&)>& on_error);

// ---- Reports ----------------------------------------------------------

// JsonPatch: RFC 6902 operations against `digest convert --to json OLD`
// (two files only: the inputs of a tree export as one array). SideBySide:
// the text view in two columns (old | new), entry beside entry. Html: one
// self-contained page (inline CSS, no script, no external resource).
enum class DiffFormat : std::uint8_t { Text, Json, Stat, JsonPatch, SideBySide, Html };

struct DiffReportOptions {
  DiffFormat format = DiffFormat::Text;
  // ANSI colours in text output; they replace the [-removed-]{+added+}
  // markers, as in git diff --word-diff=color.
  bool color = false;
  std::size_t context_words = 8;  // words shown around a change in text output
  // Show changes that only add, remove or replace runs of spaces and tabs
  // (--whitespace); by default such pieces read as the new text.
  bool whitespace = false;
  // Invisible characters spelled with their name: <U+200B ZERO WIDTH SPACE>.
  bool explain_chars = false;
  // "->", "..." and "^" instead of "→", "…" and "↕" (a terminal whose
  // character set is not UTF-8). The summary line is ASCII either way.
  bool ascii = false;
  // Side by side: the whole row in terminal cells (at least 21), both
  // columns and the 3-cell gutter between them.
  std::size_t width = 130;
  // Side by side and HTML: entries without changes shown whole instead of
  // counted ("(3 unchanged entries)").
  bool show_unchanged = false;
};

namespace diff_detail {
class HtmlReport;
}

// Renders file diffs one at a time (so each FileDiff can be dropped after
// add()) and assembles the report: the summary first, then every file.
class DiffReport {
 public:
  explicit DiffReport(const DiffReportOptions& options, std::string old_name = {}, std::string new_name = {});
  ~DiffReport();
  DiffReport(const DiffReport&) = delete;
  DiffReport& operator=(const DiffReport&) = delete;

  void add(const FileDiff& file);
  [[nodiscard]] std::string finish() const;

  [[nodiscard]] const DiffCounts& counts() const { return counts_; }
  [[nodiscard]] bool has_differences() const { return differences_; }

 private:
  struct Part {
    std::string path;     // the report is sorted by it
    std::string heading;  // names the file; left out when the report covers one pair of files
    std::string body;
  };
  DiffReportOptions options_;
  std::string old_name_;
  std::string new_name_;
  DiffCounts counts_;
  bool differences_ = false;
  bool trees_ = false;  // the files came from directories or archives
  std::size_t files_ = 0;
  std::size_t files_changed_ = 0;
  std::size_t files_only_old_ = 0;
  std::size_t files_only_new_ = 0;
  std::size_t files_failed_ = 0;
  std::vector<Part> parts_;                        // rendered files with differences, in order
  std::unique_ptr<diff_detail::HtmlReport> html_;  // DiffFormat::Html
};

}  // namespace digestkit
