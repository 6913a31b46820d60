// The normaliser: AST -> canonical text (the layout of the seed posts).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/config.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/document.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parse.hpp"
#include "digestkit/spool.hpp"

namespace digestkit {

// A formatter changes layout, never content: what the repairs below change
// by default is exactly what `digest validate` reports by default as
// fixable (lint::Rule::fixable), and `digest diff` never counts it as a
// change. Runs of spaces are content (arXiv's titles, comments and Authors
// lines carry them as published), so collapsing them is opt-in.
//
// The other repairs are on by default and can be turned off (CLI flag or
// [fmt] in digest.toml). Repairs that happen by construction when printing
// from the AST (line endings, BOM, trailing blanks, blank-line counts, label
// and date spellings, trimming of every field) are not optional: there is no
// other output. docs/fmt.md describes each repair.
struct FormatOptions {
  bool nfc = true;                // ICU NFC on every text field
  bool collapse_spaces = false;   // opt-in: runs of spaces inside every field -> one, and
                                  // every author separator -> ", " (else kept as written)
  bool replace_tabs = true;       // tab -> space
  bool replace_nbsp = true;       // NBSP and other Zs spaces -> space
  bool remove_zero_width = true;  // invisible format characters (DG207's) removed
};

// One digest in canonical form, ending with "\u00a0\u00a0目录" (no final
// newline), or with the licence line when the footer had no such label.
[[nodiscard]] std::string format_document(const Document& document, const FormatOptions& options = {});
// Several digests back to back: joined by a single "\n".
[[nodiscard]] std::string format_documents(const std::vector<Document>& documents,
                                           const FormatOptions& options = {});

// The same a digest at a time: `out` gets each digest's text, after the
// first with the "\n" that joins it to the one before.
using TextOut = std::function<void(std::string_view)>;
void format_documents_to(const std::vector<Document>& documents, const FormatOptions& options,
                         const TextOut& out);

// One text field as format_document prints it: invisible characters
// removed, tabs and other spaces turned into U+0020, NFC, runs of spaces
// collapsed (opt-in), white space at both ends trimmed (each step as
// `options` say).
[[nodiscard]] std::string repair_text(std::string_view text, const FormatOptions& options = {});

// The normaliser's equivalence (black's safety check): `after`, the parse of
// the formatted text, must hold exactly the repaired fields of `before`.
// Returns a description of the first difference, or nullopt when equivalent.
[[nodiscard]] std::optional<std::string> check_equivalent(const Document& before, const Document& after,
                                                          const FormatOptions& options = {});
[[nodiscard]] std::optional<std::string> check_equivalent(const std::vector<Document>& before,
                                                          const std::vector<Document>& after,
                                                          const FormatOptions& options = {});

// A field that the repairs would empty or turn into another part of the
// layout (an abstract reading "PDF ..." once its zero-width space is gone, a
// title reading "Authors: ..." once its NBSP is a space). Such a file is
// refused: printing it would change its content, and keeping the character
// would be a guess.
struct FormatRefusal {
  Span span;  // the field in the input
  std::string message;
};
[[nodiscard]] std::vector<FormatRefusal> unformattable_fields(const std::vector<Document>& documents,
                                                              const FormatOptions& options = {});

enum class FormatStatus : std::uint8_t {
  Formatted,   // text holds the canonical form (equal to the input when !changed)
  Unparsable,  // the input has parse or decode errors (in diagnostics); nothing to write
  Refused,     // a field cannot be repaired without changing how it reads (in diagnostics)
  Unsafe,      // the safety check failed (problem says how); nothing may be written
};

struct FormattedFile {
  FormatStatus status = FormatStatus::Formatted;
  std::string text;                     // the canonical text when Formatted
  bool changed = false;                 // text differs from the input bytes
  std::vector<Diagnostic> diagnostics;  // why the input could not be parsed or was refused
  std::string problem;                  // why the output was refused (Unsafe)
};

// Formats a parsed file and runs the safety check: unless the output equals
// the input bytes, fields are checked with unformattable_fields, and the
// output is parsed again and compared with check_equivalent.
[[nodiscard]] FormattedFile format_file(const ParsedFile& parsed, std::string_view input_bytes,
                                        const FormatOptions& options = {});

// The same without holding the output: the canonical text goes to `out` a
// digest (and the "\n" before it) at a time, and each digest's output is
// parsed again and compared on its own, so that memory is the input's text,
// its AST and one digest. The result's text stays empty. When the status is
// not Formatted, whatever reached `out` must be thrown away. `input_bytes`
// is what the output is compared with for `changed`; nullopt when the
// output cannot equal the input (a BOM, a legacy encoding).
[[nodiscard]] FormattedFile format_file_to(const ParsedFile& parsed,
                                           std::optional<std::string_view> input_bytes,
                                           const FormatOptions& options, const TextOut& out);
// The bytes a decoded file's output is compared with: its text when that is
// exactly the input (UTF-8 without a BOM), else nullopt.
[[nodiscard]] std::optional<std::string_view> unchanged_input_bytes(const ParsedFile& parsed);

// The options of an input: the defaults with the [fmt] table of its
// digest.toml (null: none) applied. `fmt` and `convert --to text` both
// start from this, so that [fmt] means the same for both.
[[nodiscard]] FormatOptions format_options_for(const ConfigFile* config);

// A unified diff (GNU layout, 3 lines of context, "\ No newline at end of
// file" where it applies) of two texts, computed with dtl. Empty when equal.
struct UnifiedDiffOptions {
  std::size_t context = 3;
  bool color = false;  // ANSI colours for headers, hunks, removed and added lines
  // Removed and added lines with invisible characters spelled <U+000D>,
  // <U+00A0>, <U+200B> (digestkit/visible_text.hpp), so that two lines that
  // differ only in them do not look the same; for reading (fmt --diff), as
  // the lines are then no longer byte-exact for patch(1).
  bool spell_invisible = false;
};
[[nodiscard]] std::string unified_diff(std::string_view old_text, std::string_view new_text,
                                       std::string_view old_name, std::string_view new_name,
                                       const UnifiedDiffOptions& options = {});

struct ReplaceOptions {
  // The file as it was read: when it has changed since (another program
  // wrote it), nothing is replaced and the error says so.
  std::optional<FileStamp> expected;
  // Things kept only in part (the group, a set-ID bit), appended here; may be null.
  std::vector<std::string>* warnings = nullptr;
};

// Replaces `path` with `content` atomically: a temporary file in the same
// directory (named after the file, or `.digest-fmt-XXXXXX` when that name
// would not fit NAME_MAX), written, fsynced, given the original's owner,
// group and permissions (set-ID bits included, where permitted) and renamed
// over it. The temporary file is removed on error and when the program is
// stopped by SIGINT, SIGTERM or SIGHUP; ones of this naming more than ten
// minutes old (left by a killed run) are removed the first time a directory
// is written to. Refuses files and directories without write permission (by
// access(2) and by mode bits, so also for root). Returns an error message,
// or nullopt on success; on error the original is untouched.
[[nodiscard]] std::optional<std::string> replace_file_atomically(const std::filesystem::path& path,
                                                                 std::string_view content,
                                                                 const ReplaceOptions& options = {});
// The same with the content of a spool (the output of a large file, on disk).
[[nodiscard]] std::optional<std::string> replace_file_atomically(const std::filesystem::path& path,
                                                                 const Spool& content,
                                                                 const ReplaceOptions& options = {});

}  // namespace digestkit
