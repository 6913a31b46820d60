// Black's safety check: the parse of the formatted text must hold exactly
// the input's fields after the same repairs the printer applies. Comparing
// against the repaired input (not a repaired output) also catches output
// that a second run would change.
#include <fmt/format.h>

#include <optional>
#include <string>

#include <unicode/utf8.h>

#include "digestkit/format.hpp"
#include "equivalence.hpp"
#include "repairs.hpp"

namespace digestkit {
namespace {

using format_detail::FieldRepairer;

// A field for a message: quoted, cut after a readable number of characters
// (at a code-point boundary).
std::string excerpt(std::string_view text) {
  constexpr std::int32_t max_code_points = 60;
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t end = 0;
  U8_FWD_N(text.data(), end, length, max_code_points);
  std::string quoted = fmt::format("\"{}\"", text.substr(0, static_cast<std::size_t>(end)));
  if (end < length) quoted.insert(quoted.size() - 1, "...");
  return quoted;
}

std::optional<std::string> differs(std::string_view what, std::string_view expected,
                                   std::string_view actual) {
  if (expected == actual) return std::nullopt;
  return fmt::format("{} {} became {}", what, excerpt(expected), excerpt(actual));
}

class Comparison {
 public:
  explicit Comparison(const FormatOptions& options) : repairer_(format_detail::field_repairs(options)) {}

  // Where in the input the last compared node starts.
  [[nodiscard]] Span where() const { return where_; }

  std::optional<std::string> documents(const Document& before, const Document& after) {
    where_ = before.category.line.span;
    if (auto d = category(before.category, after.category)) return d;
    if (before.date) where_ = before.date->line;
    if (auto d = date(before.date, after.date)) return d;
    if (before.entries.size() != after.entries.size()) {
      return fmt::format("{} entries became {}", before.entries.size(), after.entries.size());
    }
    for (std::size_t i = 0; i < before.entries.size(); ++i) {
      where_ = before.entries[i].span;
      if (auto d = entry(before.entries[i], after.entries[i])) return fmt::format("entry {}: {}", i + 1, *d);
    }
    if (before.footer) where_ = before.footer->span;
    return footer(before.footer, after.footer);
  }

 private:
  std::string repaired(std::string_view field) { return std::string(repairer_.repaired(field)); }

  std::optional<std::string> category(const Category& before, const Category& after) {
    std::string expected;
    if (before.tags.empty()) {
      expected = repaired(before.line.value);
    } else {
      for (std::size_t i = 0; i < before.tags.size(); ++i) {
        if (i != 0) expected += '/';
        expected += repairer_.repaired(before.tags[i].value);
      }
    }
    return differs("category", expected, after.line.value);
  }

  static std::optional<std::string> date(const std::optional<Date>& before,
                                         const std::optional<Date>& after) {
    if (before.has_value() != after.has_value()) {
      return fmt::format("the date line was {}", before ? "lost" : "added");
    }
    if (!before) return std::nullopt;
    if (before->year != after->year || before->month != after->month || before->day != after->day) {
      return differs("date", before->iso(), after->iso());
    }
    if (before->is_calendar_date != after->is_calendar_date) {
      return fmt::format("date {} became {} calendar date", before->iso(),
                         after->is_calendar_date ? "a" : "not a");
    }
    return std::nullopt;
  }

  std::optional<std::string> entry(const Entry& before, const Entry& after) {
    if (auto d = differs("title", repaired(before.title.value), after.title.value)) return d;
    if (auto d = authors(before.authors, after.authors)) return d;
    if (auto d = differs("abstract", repaired(before.abstract.value), after.abstract.value)) return d;
    if (auto d = comments(before.comments, after.comments)) return d;
    if (before.marker != after.marker) {
      return fmt::format("marker {} became {}", to_string(before.marker), to_string(after.marker));
    }
    return std::nullopt;
  }

  std::optional<std::string> authors(const std::vector<Author>& before, const std::vector<Author>& after) {
    std::size_t a = 0;
    for (const Author& author : before) {
      const std::string expected = repaired(author.name);
      if (expected.empty()) continue;  // empty names are dropped
      if (a == after.size()) return fmt::format("author {} was lost", excerpt(expected));
      if (auto d = differs(fmt::format("author {}", a + 1), expected, after[a].name)) return d;
      ++a;
    }
    if (a != after.size()) return fmt::format("author {} was added", excerpt(after[a].name));
    return std::nullopt;
  }

  std::optional<std::string> comments(const std::optional<Text>& before, const std::optional<Text>& after) {
    std::optional<std::string> expected;
    if (before) {
      expected = repaired(before->value);
      if (expected->empty()) expected.reset();  // prints as a bare "PDF"
    }
    if (expected.has_value() != after.has_value()) {
      return expected ? fmt::format("comment {} was lost", excerpt(*expected))
                      : fmt::format("comment {} was added", excerpt(after->value));
    }
    if (!expected) return std::nullopt;
    return differs("comment", *expected, after->value);
  }

  std::optional<std::string> footer(const std::optional<Footer>& before, const std::optional<Footer>& after) {
    if (before.has_value() != after.has_value()) {
      return fmt::format("the footer was {}", before ? "lost" : "added");
    }
    if (!before) return std::nullopt;
    if (auto d = differs("footer author", repaired(before->author.value), after->author.value)) return d;
    if (auto d = differs("licence notice", repaired(before->notice.value), after->notice.value)) return d;
    if (before->has_toc != after->has_toc) {
      return fmt::format("the table-of-contents line was {}", before->has_toc ? "lost" : "added");
    }
    return std::nullopt;
  }

  FieldRepairer repairer_;
  Span where_;
};

}  // namespace

namespace format_detail {

std::optional<Difference> first_difference(const std::vector<Document>& before,
                                           const std::vector<Document>& after, const FormatOptions& options) {
  if (before.size() != after.size()) {
    return Difference{fmt::format("{} digests became {}", before.size(), after.size()), {}};
  }
  Comparison comparison(options);
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (auto d = comparison.documents(before[i], after[i])) {
      return Difference{before.size() == 1 ? *d : fmt::format("digest {}: {}", i + 1, *d),
                        comparison.where()};
    }
  }
  return std::nullopt;
}

std::optional<Difference> first_difference_in_digest(const Document& before,
                                                     const std::vector<Document>& after, std::size_t index,
                                                     std::size_t count, const FormatOptions& options) {
  if (after.size() != 1) {
    return Difference{fmt::format("digest {} became {} digests", index + 1, after.size()), before.span};
  }
  Comparison comparison(options);
  if (auto d = comparison.documents(before, after.front())) {
    return Difference{count == 1 ? *d : fmt::format("digest {}: {}", index + 1, *d), comparison.where()};
  }
  return std::nullopt;
}

}  // namespace format_detail

std::optional<std::string> check_equivalent(const Document& before, const Document& after,
                                            const FormatOptions& options) {
  Comparison comparison(options);
  return comparison.documents(before, after);
}

std::optional<std::string> check_equivalent(const std::vector<Document>& before,
                                            const std::vector<Document>& after,
                                            const FormatOptions& options) {
  auto difference = format_detail::first_difference(before, after, options);
  if (!difference) return std::nullopt;
  return std::move(difference->message);
}

}  // namespace digestkit
