// Internal to the lint module: the Reporter rules report through, and the
// rule groups, one per source file.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/document.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/source.hpp"
#include "digestkit/visible_text.hpp"

namespace digestkit::lint::detail {

struct IcuObjects;

// Turns a finding at a byte range of the source into a located Diagnostic,
// when the policy has the rule on.
// A file reports at most kMaxPerRule findings of one rule; the rest are
// counted and summed up in one last finding (a 5 MB line of tabs must not
// print, or locate, a million of them).
class Reporter {
 public:
  static constexpr std::size_t kMaxPerRule = 100;

  Reporter(const SourceText& source, const Policy& policy, std::vector<Diagnostic>& out)
      : source_(source), policy_(policy), out_(out), reported_(rules().size(), 0) {}

  [[nodiscard]] const SourceText& source() const { return source_; }
  [[nodiscard]] std::string_view text() const { return source_.text(); }
  [[nodiscard]] bool on(RuleId rule) const { return policy_.enabled(rule); }
  void report(RuleId rule, std::size_t offset, std::size_t length, std::string message);
  // Adds the "N more" findings of rules that hit the limit.
  void finish();

 private:
  const SourceText& source_;
  const Policy& policy_;
  std::vector<Diagnostic>& out_;
  std::vector<std::size_t> reported_;  // per rule
};

// Text for messages: at most max_chars code points, with invisible, control
// and bidi characters shown as <U+XXXX> so that the message itself cannot
// reorder or hide anything, in double quotes.
[[nodiscard]] std::string quote(std::string_view text, std::size_t max_chars = 48);
// The line around a byte range, for context in messages: quote() of a window.
[[nodiscard]] std::string context(std::string_view text, std::size_t offset, std::size_t length);
// The text of the line up to `offset` (its last two dozen characters), quoted.
[[nodiscard]] std::string context_before(std::string_view text, std::size_t offset);

// The text of an entry's Authors line, stretched to cover every name even
// if recovery left the line's own span short: one scan of it tells which
// names need a closer look.
[[nodiscard]] inline std::string_view authors_text(const Entry& entry, std::string_view text) {
  Span extent = entry.authors_line;
  if (!entry.authors.empty()) {
    extent.begin = std::min(extent.empty() ? entry.authors.front().span.begin : extent.begin,
                            entry.authors.front().span.begin);
    extent.end = std::max(extent.end, entry.authors.back().span.end);
  }
  return text.substr(extent.begin, extent.size());
}

// DG201..DG203, DG213: facts recorded by decode().
void check_file_encoding(Reporter& reporter);
// DG204..DG209, DG212, DG214..DG216: one pass over the raw text.
void check_characters(Reporter& reporter);
// DG208 and DG212 for one run of non-ASCII bytes [begin, end). The
// character scan decodes each run once and feeds every code point to
// add(); check() then calls ICU only for runs that could be at fault (a
// character NFC may change or compose, a Windows-1252 lead/continuation
// pair).
class NonAsciiRun {
 public:
  explicit NonAsciiRun(Reporter& reporter);
  void add(int code_point);
  void check(std::size_t begin, std::size_t end);

 private:
  Reporter& reporter_;
  IcuObjects& icu_;
  bool check_nfc_;
  bool check_mojibake_;
  bool all_stable_ = true;
  bool mojibake_candidate_ = false;
  int previous_ = -1;
};
// DG210, DG211 over titles and author names.
void check_scripts(const Document& document, Reporter& reporter);
// DG120..DG125. A damaged document (a parse error inside it) is not also
// reported for the parts the error made it lose (date, entries, footer).
void check_structure(const Document& document, Reporter& reporter, bool damaged);
// DG120 for what follows a digest's last line: no line ending at the end
// of the file, one before the next digest.
void check_document_end(const Document& document, bool last, Reporter& reporter);
// DG301..DG317. `fingerprints` are the document's entries' (same order).
void check_content(const Document& document, std::span<const EntryFingerprint> fingerprints,
                   Reporter& reporter, const Options& options, bool damaged);

}  // namespace digestkit::lint::detail
