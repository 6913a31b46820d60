// The linter behind `digest validate`: a catalogue of rules with stable codes
// (DG1xx structure, DG2xx encoding and characters, DG3xx content, DG4xx
// archive-wide), the settings that select them and set their severities
// (options, digest.toml), and the checks themselves over a parsed file.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digestkit/config.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/parse.hpp"
#include "digestkit/rule_id.hpp"

namespace digestkit::lint {

// ---------------------------------------------------------------- catalogue

struct Rule {
  std::string_view code;  // "DG203"
  std::string_view name;  // "byte-order-mark"
  Severity severity;      // default severity
  // `digest fmt`, with its default settings, changes exactly what this rule
  // finds: `fmt --check` fails on a file exactly when default `validate`
  // reports a finding of a fixable rule (docs/fmt.md, "One notion of
  // content"), and `digest diff` counts none of it as a change.
  bool fixable;
  std::string_view summary;  // one line
  std::string_view what;     // what the rule finds
  std::string_view why;      // why it matters
  std::string_view example;  // offending input (digest text)
  std::string_view fix;      // how to fix it
};

// Every rule, ordered by code.
[[nodiscard]] std::span<const Rule> rules();
// By code ("DG203") or name ("byte-order-mark"); null when unknown.
[[nodiscard]] const Rule* find_rule(std::string_view code_or_name);
// Position of a rule in rules().
[[nodiscard]] std::size_t rule_index(const Rule& rule);

// Parses "error", "warning", "info" (also "off" when allow_off: returns nullopt
// through `off`). Throws std::invalid_argument for anything else.
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text, bool allow_off);

// ----------------------------------------------------------------- settings

// A selection of rules as the user wrote it. Codes may be prefixes: "DG2"
// selects every encoding rule, "ALL" every rule. Each layer (the config's
// [validate], the command line, a matching [[per-file]]) applies in turn:
// select restarts the set (a [[per-file]] select restricts it instead),
// extend-select adds to it, ignore removes from it, as in ruff. A severity of
// nullopt turns the rule off until a later layer gives it a level.
struct RuleSelection {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::map<std::string, std::optional<Severity>, std::less<>> severity;
};

struct PerFileSelection {
  std::string glob;  // digestkit::path_matches_glob() against the path relative to the config's folder
  RuleSelection selection;
};

struct Config {
  std::filesystem::path path;    // the digest.toml it was read from (empty: none)
  std::filesystem::path folder;  // absolute; [[per-file]] globs are relative to it
  RuleSelection selection;       // [validate]
  std::optional<long> max_warnings;
  std::vector<PerFileSelection> per_file;  // [[per-file]], in file order
};

using digestkit::ConfigError;

// The linter's part of a digest.toml; unknown rule codes and severities are
// ConfigErrors at their place in the file.
[[nodiscard]] Config lint_config(const ConfigFile& file);
// Reads a digest.toml (every table is checked). Throws ConfigError.
[[nodiscard]] Config load_config(const std::filesystem::path& path);
// Same, from text (tests, stdin); `path` is used for messages and globs.
[[nodiscard]] Config parse_config(std::string_view toml_text, const std::filesystem::path& path);

// Throws std::invalid_argument naming the first code that is no rule's code
// or a prefix of one.
void check_codes(const RuleSelection& selection);

// Whether a selector ("ALL", a rule name, a code or a prefix of codes)
// names at least one rule.
[[nodiscard]] bool selector_is_known(std::string_view selector);

// The resolved policy for one file: which rules run, at what severity.
class Policy {
 public:
  Policy();  // every rule at its default severity
  [[nodiscard]] bool enabled(std::size_t rule) const { return enabled_[rule]; }
  [[nodiscard]] Severity severity(std::size_t rule) const { return severity_[rule]; }
  [[nodiscard]] bool enabled(RuleId rule) const { return enabled_[rule.index()]; }
  [[nodiscard]] Severity severity(RuleId rule) const { return severity_[rule.index()]; }
  enum class Select { restarts, restricts };
  // Applies a selection on top (see RuleSelection).
  void apply(const RuleSelection& selection, Select select = Select::restarts);

 private:
  std::vector<bool> selected_;
  std::vector<bool> off_;  // severity "off"
  std::vector<bool> enabled_;
  std::vector<Severity> severity_;
};

// The policy of one input: config [validate], then command-line options, then
// the [[per-file]] entries whose glob matches `input_path`.
[[nodiscard]] Policy policy_for(const Config* config, const RuleSelection& command_line,
                                const std::filesystem::path& input_path);

// ------------------------------------------------------------------ linting

struct Options {
  std::chrono::year_month_day today;  // dates after it are "in the future"
};

[[nodiscard]] std::chrono::year_month_day today_utc();

// What the archive-wide rules need from one file once its text is gone.
// Text views point into FileResult::source, which outlives the summary's use.
struct EntryFingerprint {
  std::uint64_t key_hash = 0;  // title_key_hash() of the title
  std::string_view title;      // as written, for messages
  std::uint64_t authors_hash = 0;
  std::uint64_t abstract_hash = 0;
  std::size_t digest = 0;      // index of its digest in the file
  Location where;              // of the title
  std::size_t length = 0;      // title bytes
  std::size_t end_column = 0;  // where the title ends on its line
  std::size_t input_offset = 0;
  // The author names, in order; only while DG401 is enabled (its messages
  // name the authors added and removed).
  std::vector<std::string_view> authors;
};

struct DigestFingerprint {
  std::string_view category;  // the category line as written
  std::string date;           // YYYY-MM-DD
  Location where;             // of the date line
  std::size_t length = 0;
  std::size_t end_column = 0;  // where the date line ends
  std::size_t input_offset = 0;
  std::size_t digest = 0;  // index of the digest in the file
};

// Where a digest and its footer begin (byte offsets in the source text):
// tells which post and which part of it a finding lies in (lint_baseline.hpp).
struct DigestOutline {
  std::size_t begin = 0;
  std::size_t footer = std::string_view::npos;  // npos: no footer
  std::string_view category;                    // the category line as written
  std::string date;                             // YYYY-MM-DD, "" when missing
};

struct FileSummary {
  std::string path;
  std::vector<EntryFingerprint> entries;
  std::vector<DigestFingerprint> digests;
  std::vector<DigestOutline> outlines;  // one per digest, in order
};

struct FileResult {
  std::string path;
  std::unique_ptr<SourceText> source;   // null when the bytes could not be decoded
  std::vector<Diagnostic> diagnostics;  // sorted by position
  FileSummary summary;
};

// Lints one parsed file (parsed with ParseOptions{.recover = true}): its
// decode and parse errors, then every enabled rule over the raw text and
// the documents that could be read.
[[nodiscard]] FileResult lint_file(ParsedFile&& file, const std::string& path, const Policy& policy,
                                   const Options& options);
// DG100 (not-a-digest): when the rule is on and the bytes are plainly not a
// digest post (digestkit/content_kind.hpp), the file's one finding, instead
// of parse errors; nullopt otherwise. lint_bytes, lint_owned_bytes and
// lint::run check this before parsing.
[[nodiscard]] std::optional<FileResult> not_a_digest(std::string_view bytes, const std::string& path,
                                                     const Policy& policy);
// decode + parse with recovery + lint_file (after not_a_digest).
[[nodiscard]] FileResult lint_bytes(std::string_view bytes, const std::string& path, const Policy& policy,
                                    const Options& options);
// The same, taking over `bytes` (no copy of valid UTF-8 input).
[[nodiscard]] FileResult lint_owned_bytes(std::string&& bytes, const std::string& path, const Policy& policy,
                                          const Options& options);

// Orders diagnostics by line, column, then code.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace digestkit::lint
