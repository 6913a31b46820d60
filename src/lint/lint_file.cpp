// Linting one file: its decode and parse errors, the raw-text scan, then the
// rules over each document the parser could read; and the fingerprints the
// archive-wide rules need afterwards.
#include <algorithm>
#include <functional>
#include <iterator>
#include <string_view>
#include <utility>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "checks.hpp"
#include "digestkit/content_kind.hpp"
#include "digestkit/title_key.hpp"

namespace digestkit::lint {
namespace {

// Whether a parse error lies in a document's stretch of the file (up to
// the next document): what it lacks may just be what the error swallowed.
std::vector<bool> damaged_documents(const ParsedFile& file) {
  std::vector<bool> damaged(file.documents.size(), false);
  for (std::size_t d = 0; d < file.documents.size(); ++d) {
    const std::size_t begin = file.documents[d].span.begin;
    const std::size_t end =
        d + 1 < file.documents.size() ? file.documents[d + 1].span.begin : std::string_view::npos;
    damaged[d] = std::any_of(file.errors.begin(), file.errors.end(), [&](const ParseError& error) {
      return error.offset >= begin && error.offset < end;
    });
  }
  return damaged;
}

std::uint64_t hash_authors(const Entry& entry) {
  std::uint64_t hash = entry.authors.size();
  for (const Author& author : entry.authors) {
    // Order matters: a boost-style combine of each name's hash.
    hash ^= XXH3_64bits(author.name.data(), author.name.size()) + 0x9e3779b97f4a7c15ULL + (hash << 6) +
            (hash >> 2);
  }
  return hash;
}

FileSummary summarize(const ParsedFile& file, const std::string& path, bool keep_names) {
  FileSummary summary;
  summary.path = path;
  const SourceText& source = *file.source;
  for (std::size_t d = 0; d < file.documents.size(); ++d) {
    const Document& document = file.documents[d];
    summary.outlines.push_back({document.span.begin,
                                document.footer ? document.footer->span.begin : std::string_view::npos,
                                document.category.line.value, document.date ? document.date->iso() : ""});
    if (document.date) {
      const Span& line = document.date->line;
      summary.digests.push_back({document.category.line.value, document.date->iso(),
                                 source.locate(line.begin), line.size(), source.locate(line.end).column,
                                 source.input_offset(line.begin), d});
    }
    for (const Entry& entry : document.entries) {
      EntryFingerprint fingerprint;
      fingerprint.key_hash = title_key_hash(entry.title.value);
      fingerprint.title = entry.title.value;
      fingerprint.authors_hash = hash_authors(entry);
      // XXH3: abstracts are most of the bytes, and std::hash was a tenth of the run.
      fingerprint.abstract_hash = XXH3_64bits(entry.abstract.value.data(), entry.abstract.value.size());
      fingerprint.digest = d;
      fingerprint.where = source.locate(entry.title.span.begin);
      fingerprint.length = entry.title.span.size();
      fingerprint.end_column = source.locate(entry.title.span.end).column;
      fingerprint.input_offset = source.input_offset(entry.title.span.begin);
      if (keep_names) {
        fingerprint.authors.reserve(entry.authors.size());
        for (const Author& author : entry.authors) fingerprint.authors.push_back(author.name);
      }
      summary.entries.push_back(std::move(fingerprint));
    }
  }
  return summary;
}

}  // namespace

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    if (a.location.column != b.location.column) return a.location.column < b.location.column;
    return a.code < b.code;
  });
}

std::chrono::year_month_day today_utc() {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

FileResult lint_file(ParsedFile&& file, const std::string& path, const Policy& policy,
                     const Options& options) {
  FileResult result;
  result.path = path;
  for (Diagnostic& error : errors_of(file)) {
    const Rule* rule = find_rule(error.code);
    if (rule != nullptr && !policy.enabled(rule_index(*rule))) continue;
    if (rule != nullptr) error.severity = policy.severity(rule_index(*rule));
    error.path = path;
    result.diagnostics.push_back(std::move(error));
  }
  if (!file.source) return result;

  detail::Reporter reporter(*file.source, policy, result.diagnostics);
  detail::check_file_encoding(reporter);
  static constexpr RuleId kCharacterRules[] = {rule<"DG204">, rule<"DG205">, rule<"DG206">, rule<"DG207">,
                                               rule<"DG208">, rule<"DG209">, rule<"DG212">, rule<"DG214">,
                                               rule<"DG215">, rule<"DG216">};
  if (std::any_of(std::begin(kCharacterRules), std::end(kCharacterRules),
                  [&](RuleId rule) { return policy.enabled(rule); })) {
    detail::check_characters(reporter);
  }
  result.summary = summarize(file, path, policy.enabled(rule<"DG401">));
  const std::vector<bool> damaged = damaged_documents(file);
  std::size_t first_entry = 0;
  for (std::size_t d = 0; d < file.documents.size(); ++d) {
    const Document& document = file.documents[d];
    const std::span<const EntryFingerprint> fingerprints(result.summary.entries.data() + first_entry,
                                                         document.entries.size());
    first_entry += document.entries.size();
    detail::check_structure(document, reporter, damaged[d]);
    if (!damaged[d] && reporter.on(rule<"DG120">))
      detail::check_document_end(document, d + 1 == file.documents.size(), reporter);
    detail::check_content(document, fingerprints, reporter, options, damaged[d]);
    detail::check_scripts(document, reporter);
  }
  reporter.finish();
  for (Diagnostic& diagnostic : result.diagnostics) diagnostic.path = path;
  sort_diagnostics(result.diagnostics);
  result.source = std::move(file.source);
  return result;
}

std::optional<FileResult> not_a_digest(std::string_view bytes, const std::string& path,
                                       const Policy& policy) {
  constexpr RuleId rule = lint::rule<"DG100">;
  if (!policy.enabled(rule)) return std::nullopt;
  std::optional<std::string> kind = non_digest_kind(bytes);
  if (!kind) return std::nullopt;
  FileResult result;
  result.path = path;
  result.summary.path = path;
  Diagnostic diagnostic;
  diagnostic.code = std::string(rule.code());
  diagnostic.severity = policy.severity(rule);
  diagnostic.path = path;
  diagnostic.location = Location{};
  diagnostic.message = "not a digest post: " + *kind;
  result.diagnostics.push_back(std::move(diagnostic));
  return result;
}

FileResult lint_bytes(std::string_view bytes, const std::string& path, const Policy& policy,
                      const Options& options) {
  if (auto result = not_a_digest(bytes, path, policy)) return std::move(*result);
  ParseOptions parse_options;
  parse_options.recover = true;
  return lint_file(parse_bytes(bytes, path, {}, parse_options), path, policy, options);
}

FileResult lint_owned_bytes(std::string&& bytes, const std::string& path, const Policy& policy,
                            const Options& options) {
  if (auto result = not_a_digest(bytes, path, policy)) return std::move(*result);
  ParseOptions parse_options;
  parse_options.recover = true;
  return lint_file(parse_owned_bytes(std::move(bytes), path, {}, parse_options), path, policy, options);
}

}  // namespace digestkit::lint
