// Formatting one parsed file with black's safety check around it, a digest
// at a time.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"
#include "equivalence.hpp"
#include "repairs.hpp"

namespace digestkit {
namespace {

std::string path_of(const ParsedFile& parsed) { return parsed.source ? parsed.source->path() : parsed.path; }

Diagnostic to_diagnostic(const ParsedFile& parsed, const FormatRefusal& refusal) {
  Diagnostic diagnostic;
  diagnostic.code = "FMT001";
  diagnostic.severity = Severity::Error;
  diagnostic.path = path_of(parsed);
  diagnostic.message = refusal.message;
  if (parsed.source) {
    diagnostic.location = parsed.source->locate(refusal.span.begin);
    diagnostic.input_offset = parsed.source->input_offset(refusal.span.begin);
    diagnostic.length = refusal.span.size();
  }
  return diagnostic;
}

std::string located(const ParsedFile& parsed, Span where) {
  if (!parsed.source || where.begin > parsed.source->text().size()) return {};
  return fmt::format(" at line {}", parsed.source->locate(where.begin).line);
}

// Compares the output with the input bytes as it is written.
class SameAsInput {
 public:
  explicit SameAsInput(std::optional<std::string_view> input) : input_(input), same_(input.has_value()) {}
  void see(std::string_view piece) {
    if (!same_) return;
    // A piece that is the input's own bytes at this offset (a digest printed
    // as read) is equal without a second comparison.
    const bool is_input_here = input_->data() + offset_ == piece.data();
    same_ = is_input_here ? offset_ + piece.size() <= input_->size()
                          : input_->substr(offset_, piece.size()) == piece;
    offset_ += piece.size();
  }
  [[nodiscard]] bool same_at_end() const { return same_ && offset_ == input_->size(); }

 private:
  std::optional<std::string_view> input_;
  bool same_;
  std::size_t offset_ = 0;
};

// The 1-based line of `offset` in the source: a binary search of its line
// index (locate() also works out columns, which nothing here needs).
std::size_t line_of(const SourceText& source, std::size_t offset) {
  std::size_t low = 1, high = source.line_count();
  while (low < high) {
    const std::size_t middle = low + (high - low + 1) / 2;
    if (source.line_start(middle) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}

// A digest whose input bytes are its output (and the "\n" before the next
// digest) parses as it did: no second parse is needed.
bool printed_as_read(const ParsedFile& parsed, std::size_t index, std::string_view printed) {
  if (!parsed.source) return false;
  const std::string_view text = parsed.source->text();
  const Span span = parsed.documents[index].span;
  if (span.end > text.size() || span.begin > span.end) return false;
  const std::string_view read = text.substr(span.begin, span.size());
  const bool last = index + 1 == parsed.documents.size();
  return read.size() == printed.size() + (last ? 0 : 1) && read.substr(0, printed.size()) == printed &&
         (last || read.back() == '\n');
}

// Why the output of digest `index` (starting at line `first_line` of the
// output) is refused, or "": it must parse alone as one digest holding the
// repaired fields of the input's. `reparsed` is that parse.
std::string reparse_problem(const ParsedFile& parsed, std::size_t index, const ParsedFile& reparsed,
                            std::size_t first_line, const FormatOptions& options) {
  const std::string path = path_of(parsed);
  if (!reparsed.ok()) {
    std::string reason = "the output does not parse";
    if (reparsed.decode_error) {
      reason += ": " + reparsed.decode_error->message;
    } else if (!reparsed.errors.empty() && reparsed.source) {
      const ParseError& error = reparsed.errors.front();
      const Location at = reparsed.source->locate(error.offset);
      reason +=
          fmt::format(" (output line {}, column {}: {})", first_line + at.line - 1, at.column, error.message);
    }
    return fmt::format("internal error: formatting changed the content of {}: {}", path, reason);
  }
  // The output is UTF-8 without a byte order mark: its parse holds it as it is.
  if (reparsed.source->had_bom || reparsed.source->transcoded) {
    return fmt::format(
        "internal error: formatting changed the content of {}: the output of digest {} begins "
        "with a byte order mark",
        path, index + 1);
  }
  if (auto difference = format_detail::first_difference_in_digest(parsed.documents[index], reparsed.documents,
                                                                  index, parsed.documents.size(), options)) {
    return fmt::format("internal error: formatting changed the content of {}{}: {}", path,
                       located(parsed, difference->where), difference->message);
  }
  return {};
}

}  // namespace

std::optional<std::string_view> unchanged_input_bytes(const ParsedFile& parsed) {
  if (!parsed.source || parsed.source->had_bom || parsed.source->transcoded) return std::nullopt;
  return parsed.source->text();
}

FormattedFile format_file_to(const ParsedFile& parsed, std::optional<std::string_view> input_bytes,
                             const FormatOptions& options, const TextOut& out) {
  FormattedFile result;
  if (!parsed.ok()) {
    result.status = FormatStatus::Unparsable;
    result.diagnostics = errors_of(parsed);
    return result;
  }
  // Refusals matter only for a file that changes; they are looked for once,
  // when the first difference shows.
  bool refusals_checked = false;
  const auto refused = [&] {
    if (std::exchange(refusals_checked, true)) return false;
    auto refusals = unformattable_fields(parsed.documents, options);
    if (refusals.empty()) return false;
    result.status = FormatStatus::Refused;
    for (const FormatRefusal& refusal : refusals)
      result.diagnostics.push_back(to_diagnostic(parsed, refusal));
    return true;
  };
  SameAsInput compared(input_bytes);
  format_detail::DocumentPrinter printer(options);
  const std::string path = path_of(parsed);
  std::string printed;
  std::size_t line = 1;  // of the output, where the next digest starts
  for (std::size_t i = 0; i < parsed.documents.size(); ++i) {
    printed.clear();
    printer.append(printed, parsed.documents[i]);
    std::string_view text = printed;
    // The second parse takes the printed text over (no copy of it), and
    // the output is then written from it.
    std::optional<ParsedFile> reparsed;
    const bool as_read = printed_as_read(parsed, i, printed);
    if (as_read) {
      // Written from the input's own bytes, whose line index counts its lines.
      const std::size_t begin = parsed.documents[i].span.begin;
      text = parsed.source->text().substr(begin, printed.size());
    } else {
      if (refused()) return result;
      reparsed = parse_owned_bytes(std::move(printed), path);
      if (std::string problem = reparse_problem(parsed, i, *reparsed, line, options); !problem.empty()) {
        result.status = FormatStatus::Unsafe;
        result.problem = std::move(problem);
        return result;
      }
      text = reparsed->source->text();
    }
    if (i > 0) {  // digests back to back, as format_documents joins them
      compared.see("\n");
      out("\n");
    }
    compared.see(text);
    if (as_read) {
      const std::size_t begin = parsed.documents[i].span.begin;
      line += line_of(*parsed.source, begin + text.size()) - line_of(*parsed.source, begin) + 1;
    } else {
      line += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    }
    out(text);
  }
  result.changed = !compared.same_at_end();
  if (result.changed) refused();  // sets the status and diagnostics when a repair is refused
  return result;
}

FormattedFile format_file(const ParsedFile& parsed, std::string_view input_bytes,
                          const FormatOptions& options) {
  std::string text;
  FormattedFile result =
      format_file_to(parsed, input_bytes, options, [&text](std::string_view piece) { text += piece; });
  if (result.status == FormatStatus::Formatted) result.text = std::move(text);
  return result;
}

}  // namespace digestkit
