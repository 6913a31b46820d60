// DG301..DG316: what the fields say (dates, labels, authors, titles, footer,
// category).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "digestkit/title_key.hpp"
#include "support/ascii_scan.hpp"

namespace digestkit::lint::detail {
namespace {

// Creative Commons licences as the blog theme names them.
constexpr std::array kKnownLicences = {
    "CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "CC BY-NC-SA 4.0", "CC BY-ND 4.0", "CC BY-NC-ND 4.0",
    "CC BY 3.0", "CC BY-SA 3.0", "CC BY-NC 3.0", "CC BY-NC-SA 3.0", "CC BY-ND 3.0", "CC BY-NC-ND 3.0",
    "CC BY 2.5", "CC BY-SA 2.5", "CC BY-NC 2.5", "CC BY-NC-SA 2.5", "CC BY-ND 2.5", "CC BY-NC-ND 2.5",
    "CC BY 2.0", "CC BY-SA 2.0", "CC BY-NC 2.0", "CC BY-NC-SA 2.0", "CC BY-ND 2.0", "CC BY-NC-ND 2.0",
    "CC BY 1.0", "CC BY-SA 1.0", "CC BY-NC 1.0", "CC BY-NC-SA 1.0", "CC BY-ND 1.0", "CC BY-NC-ND 1.0",
    "CC0 1.0",
};

// Calls on_repeat(first, later) for each item whose title key equals an
// earlier item's. Hashes find the candidates without building keys; keys
// confirm them.
template <class TextOf, class HashOf, class OnRepeat>
void for_each_repeat(std::size_t count, const TextOf& text_of, const HashOf& hash_of,
                     const OnRepeat& on_repeat) {
  thread_local std::vector<std::pair<std::uint64_t, std::size_t>> hashes;
  hashes.clear();
  for (std::size_t i = 0; i < count; ++i) {
    if (!text_of(i).empty()) hashes.emplace_back(hash_of(i), i);
  }
  std::sort(hashes.begin(), hashes.end());
  for (std::size_t run = 0; run < hashes.size();) {
    std::size_t end = run + 1;
    while (end < hashes.size() && hashes[end].first == hashes[run].first) ++end;
    if (end - run > 1) {
      const std::string first_key = title_key(text_of(hashes[run].second));
      for (std::size_t k = run + 1; k < end; ++k) {
        if (title_key(text_of(hashes[k].second)) == first_key)
          on_repeat(hashes[run].second, hashes[k].second);
      }
    }
    run = end;
  }
}

// "authors and abstract": the fields in which two entries differ, or "".
std::string differing_fields(const Entry& a, const Entry& b) {
  std::vector<std::string_view> fields;
  const bool same_authors = a.authors.size() == b.authors.size() &&
                            std::equal(a.authors.begin(), a.authors.end(), b.authors.begin(),
                                       [](const Author& x, const Author& y) { return x.name == y.name; });
  if (!same_authors) fields.emplace_back("authors");
  if (a.abstract.value != b.abstract.value) fields.emplace_back("abstract");
  const std::string_view comments_a = a.comments ? a.comments->value : std::string_view();
  const std::string_view comments_b = b.comments ? b.comments->value : std::string_view();
  if (a.comments.has_value() != b.comments.has_value() || comments_a != comments_b)
    fields.emplace_back("comments");
  return fmt::format("{}", fmt::join(fields, " and "));
}

bool is_blank_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

void check_date(const Date& date, Reporter& reporter, const Options& options) {
  const Text& written = date.written;
  if (!date.is_calendar_date) {
    reporter.report(rule<"DG301">, written.span.begin, written.span.size(),
                    fmt::format("date {} is not a calendar date", quote(written.value)));
    return;
  }
  const std::chrono::year_month_day day{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (day > options.today) {
    reporter.report(
        rule<"DG303">, written.span.begin, written.span.size(),
        fmt::format("date {} is in the future (today is {:04}-{:02}-{:02})", quote(written.value),
                    static_cast<int>(options.today.year()), static_cast<unsigned>(options.today.month()),
                    static_cast<unsigned>(options.today.day())));
  }
  const std::string canonical = date.iso();
  const std::string_view line = reporter.text().substr(date.line.begin, date.line.size());
  if (written.value != canonical) {
    reporter.report(rule<"DG302">, written.span.begin, written.span.size(),
                    fmt::format("date {} is written as {}", quote(written.value), quote(canonical)));
  } else if (line != canonical + " 更新") {
    reporter.report(rule<"DG302">, date.line.begin, date.line.size(),
                    fmt::format("date line {} is written as {}", quote(line), quote(canonical + " 更新")));
  }
}

void check_category(const Category& category, Reporter& reporter) {
  for (const Text& tag : category.tags) {
    if (!is_blank_text(tag.value)) continue;
    reporter.report(rule<"DG314">, tag.span.begin, tag.span.size(),
                    fmt::format("empty tag in category {}", quote(category.line.value)));
  }
}

// Where an Authors line departs from printable ASCII with single spaces:
// the text offsets of its other bytes (controls, DEL, non-ASCII) and of the
// first space of each pair. Both are empty for most lines, which one scan
// of the line settles; the names' checks then ask about their own spans.
class AuthorsLineShape {
 public:
  void scan(std::string_view text, const Entry& entry) {
    special_.clear();
    double_space_.clear();
    const std::string_view line = authors_text(entry, text);
    if (support::is_printable_single_spaced(line)) return;
    const auto begin = static_cast<std::size_t>(line.data() - text.data());
    for (std::size_t i = 0; (i = support::first_special_byte(line, i)) < line.size(); ++i)
      special_.push_back(begin + i);
    for (std::size_t i = 0; (i = support::find_pair(line, ' ', i)) != std::string_view::npos; ++i)
      double_space_.push_back(begin + i);
  }
  [[nodiscard]] bool plain(const Span& span) const {
    return !any_in(special_, span) && !any_in(double_space_, span);
  }
  [[nodiscard]] bool has_double_space(const Span& span) const { return any_in(double_space_, span); }

 private:
  static bool any_in(const std::vector<std::size_t>& offsets, const Span& span) {
    const auto first = std::lower_bound(offsets.begin(), offsets.end(), span.begin);
    return first != offsets.end() && *first < span.end;
  }

  std::vector<std::size_t> special_;       // ascending
  std::vector<std::size_t> double_space_;  // ascending
};

// One DG316 per Authors line: the first separator other than ", " or the
// first run of spaces inside a name.
void check_author_spacing(const Entry& entry, Reporter& reporter, const AuthorsLineShape& shape) {
  const std::string_view text = reporter.text();
  for (std::size_t k = 0; k < entry.authors.size(); ++k) {
    const Author& author = entry.authors[k];
    const std::size_t run =
        shape.has_double_space(author.span) ? support::find_pair(author.name, ' ') : std::string_view::npos;
    if (run != std::string_view::npos) {
      std::size_t end = run;
      while (end < author.name.size() && author.name[end] == ' ') ++end;
      reporter.report(rule<"DG316">, author.span.begin + run, end - run,
                      fmt::format("run of {} spaces inside author name {}", end - run, quote(author.name)));
      return;
    }
    if (k + 1 < entry.authors.size() && !author.name.empty() && !entry.authors[k + 1].name.empty()) {
      const std::size_t from = author.span.end;
      const std::size_t to = entry.authors[k + 1].span.begin;
      const std::string_view separator = text.substr(from, to - from);
      if (separator != ", ") {
        reporter.report(rule<"DG316">, from, to - from,
                        fmt::format("authors {} and {} are separated by {} instead of \", \"",
                                    quote(author.name), quote(entry.authors[k + 1].name), quote(separator)));
        return;
      }
    }
  }
}

// A name's title key: the name itself when it is plain (single spaces,
// none at either end, no character case folding would change but ASCII
// capitals: its key is its lower case), else a key built by title_key(). The signature, the key's length and
// first eight bytes, is shared by equal keys and tells nearly every pair apart without the text.
struct NameKey {
  std::string_view key;
  std::uint64_t signature;
  bool plain;
  std::size_t index;  // in the author list

  [[nodiscard]] bool same_as(const NameKey& other) const {
    if (signature != other.signature || key.size() != other.key.size()) return false;
    if (!plain && !other.plain) return key == other.key;
    // Lower-casing a built key changes nothing: it is case folded already.
    return std::equal(key.begin(), key.end(), other.key.begin(), [](char x, char y) {
      return support::to_lower_ascii(x) == support::to_lower_ascii(y);
    });
  }
};

NameKey name_key(std::string_view key, bool plain, std::size_t index) {
  std::uint64_t prefix = 0;
  if (key.size() >= 8) {
    std::memcpy(&prefix, key.data(), 8);  // one load, not a call
  } else {
    for (std::size_t i = 0; i < key.size(); ++i)
      prefix |= std::uint64_t{static_cast<unsigned char>(key[i])} << (8 * i);
  }
  return {key,
          support::to_lower_ascii(prefix) ^ (static_cast<std::uint64_t>(key.size()) * 0x9e3779b97f4a7c15ULL),
          plain, index};
}

// DG307. An author list is short: its names go into a small table by
// signature, and only names that share one are compared; long
// collaboration lists go through title key hashes.
void check_repeated_authors(const Entry& entry, Reporter& reporter, const AuthorsLineShape& shape) {
  const std::vector<Author>& authors = entry.authors;
  const auto report = [&](std::size_t first, std::size_t later) {
    const Author& author = authors[later];
    reporter.report(rule<"DG307">, author.span.begin, author.span.size(),
                    fmt::format("author {} is listed twice (also author {})", quote(author.name), first + 1));
  };
  const auto name_of = [&](std::size_t k) {
    return is_blank_text(authors[k].name) ? std::string_view() : authors[k].name;
  };
  constexpr std::size_t kPairwiseLimit = 32;
  if (authors.size() > kPairwiseLimit) {
    const auto hash_of = [&](std::size_t k) { return title_key_hash(authors[k].name); };
    for_each_repeat(authors.size(), name_of, hash_of, report);
    return;
  }
  thread_local std::vector<std::string> built;  // keys of names that are not plain
  built.clear();
  built.reserve(kPairwiseLimit);             // string_views into it must stay valid
  std::array<NameKey, kPairwiseLimit> seen;  // distinct non-blank names so far
  std::size_t count = 0;
  // seen[] by signature: open addressing over twice as many slots as names.
  constexpr std::uint8_t kFree = 0xff;
  constexpr unsigned kSlotBits = 6;
  static_assert((std::size_t{1} << kSlotBits) >= 2 * kPairwiseLimit);
  std::array<std::uint8_t, std::size_t{1} << kSlotBits> slots;
  slots.fill(kFree);
  for (std::size_t k = 0; k < authors.size(); ++k) {
    const std::string_view name = name_of(k);
    if (name.empty()) continue;
    const Span& span = authors[k].span;
    const bool plain = name.front() != ' ' && name.back() != ' ' &&
                       (shape.plain(span) || (!shape.has_double_space(span) && key_is_lower_case(name)));
    const NameKey key =
        plain ? name_key(name, true, k) : name_key(built.emplace_back(title_key(name)), false, k);
    std::size_t slot = (key.signature * 0x9e3779b97f4a7c15ULL) >> (64 - kSlotBits);
    while (slots[slot] != kFree && !seen[slots[slot]].same_as(key)) slot = (slot + 1) % slots.size();
    if (slots[slot] != kFree) {
      report(seen[slots[slot]].index, k);
    } else {
      slots[slot] = static_cast<std::uint8_t>(count);
      seen[count++] = key;
    }
  }
}

void check_authors(const Entry& entry, Reporter& reporter) {
  const std::string_view text = reporter.text();
  if (entry.label != AuthorsLabel::Authors) {
    reporter.report(rule<"DG304">, entry.label_span.begin, entry.label_span.size(),
                    fmt::format("authors label {} is written \"Authors:\"",
                                quote(text.substr(entry.label_span.begin, entry.label_span.size()))));
  }
  if (!entry.authors.empty() && !is_blank_text(entry.authors.front().name) &&
      entry.authors.front().span.begin > entry.label_span.end) {
    const std::size_t from = entry.label_span.end;
    const std::size_t to = entry.authors.front().span.begin;
    reporter.report(rule<"DG304">, from, to - from,
                    fmt::format("{} between the authors label and the first name {}; the layout has none",
                                quote(text.substr(from, to - from)), quote(entry.authors.front().name)));
  }
  const bool all_empty = std::all_of(entry.authors.begin(), entry.authors.end(),
                                     [](const Author& author) { return is_blank_text(author.name); });
  if (all_empty) {
    reporter.report(rule<"DG305">, entry.label_span.begin, entry.authors_line.end - entry.label_span.begin,
                    fmt::format("entry {} has no authors", quote(entry.title.value)));
    return;
  }
  for (std::size_t k = 0; k < entry.authors.size(); ++k) {
    const Author& author = entry.authors[k];
    if (!is_blank_text(author.name)) continue;
    reporter.report(
        rule<"DG306">, author.span.begin, author.span.size(),
        fmt::format("empty name (author {} of {}) in the author list", k + 1, entry.authors.size()));
  }
  thread_local AuthorsLineShape shape;
  shape.scan(reporter.text(), entry);
  if (reporter.on(rule<"DG307">)) check_repeated_authors(entry, reporter, shape);
  check_author_spacing(entry, reporter, shape);
}

// Unbalanced (), [], {} and unpaired `$`. An odd number of `$` is fine when
// one of them reads as a currency sign: a digit after it and no letter or
// digit before it ("Just Add $100 More").
void check_title_delimiters(const Text& title, Reporter& reporter) {
  const std::string_view value = title.value;
  if (support::first_of<'(', ')', '[', ']', '{', '}', '$'>(value) == value.size()) return;
  thread_local std::vector<std::size_t> open;  // positions of unclosed brackets
  open.clear();
  std::size_t dollars = 0;
  std::size_t last_dollar = 0;
  bool currency = false;
  const auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '(' || c == '[' || c == '{') {
      open.push_back(i);
    } else if (c == ')' || c == ']' || c == '}') {
      const char partner = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (open.empty() || value[open.back()] != partner) {
        reporter.report(rule<"DG309">, title.span.begin + i, 1,
                        fmt::format("title has {} without a matching {}: {}", quote(std::string_view(&c, 1)),
                                    quote(std::string_view(&partner, 1)), quote(value)));
        return;
      }
      open.pop_back();
    } else if (c == '$' && (i == 0 || value[i - 1] != '\\')) {
      ++dollars;
      last_dollar = i;
      if (i + 1 < value.size() && std::isdigit(static_cast<unsigned char>(value[i + 1])) != 0 &&
          (i == 0 || (!is_alnum(value[i - 1]) && value[i - 1] != '$'))) {
        currency = true;
      }
    }
  }
  if (!open.empty()) {
    const std::size_t at = open.back();
    reporter.report(
        rule<"DG309">, title.span.begin + at, 1,
        fmt::format("title has {} that is never closed: {}", quote(value.substr(at, 1)), quote(value)));
    return;
  }
  if (dollars % 2 == 1 && !currency) {
    reporter.report(rule<"DG309">, title.span.begin + last_dollar, 1,
                    fmt::format("title has an odd number of \"$\" math delimiters: {}", quote(value)));
  }
}

void check_title(const Text& title, Reporter& reporter) {
  check_title_delimiters(title, reporter);
  for (std::size_t i = support::find_pair(title.value, ' '); i != std::string_view::npos;
       i = support::find_pair(title.value, ' ', i)) {
    std::size_t end = i;
    while (end < title.value.size() && title.value[end] == ' ') ++end;
    reporter.report(rule<"DG310">, title.span.begin + i, end - i,
                    fmt::format("run of {} spaces in title: {}", end - i,
                                context(reporter.text(), title.span.begin + i, end - i)));
    i = end;
  }
}

void check_footer(const Document& document, Reporter& reporter) {
  const std::string_view text = reporter.text();
  if (!document.footer) {
    // Point at the digest's last line.
    std::size_t end = std::min(document.span.end, text.size());
    while (end > document.span.begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
    std::size_t start = end;
    while (start > document.span.begin && text[start - 1] != '\n' && text[start - 1] != '\r') --start;
    reporter.report(rule<"DG311">, start, end - start,
                    fmt::format("digest {} has no footer (\"文章作者: …\" and \"版权声明: …\" lines)",
                                quote(document.category.line.value)));
    return;
  }
  const Footer& footer = *document.footer;
  if (!footer.licence) {
    reporter.report(
        rule<"DG313">, footer.notice.span.begin, footer.notice.span.size(),
        fmt::format("licence line {} does not follow the template \"本博客所有文章除特別声明外,均采用 "
                    "<licence> 许可协议。转载请注明来源 <author> !\"",
                    quote(footer.notice.value)));
  } else if (std::find(kKnownLicences.begin(), kKnownLicences.end(), footer.licence->value) ==
             kKnownLicences.end()) {
    reporter.report(
        rule<"DG313">, footer.licence->span.begin, footer.licence->span.size(),
        fmt::format("unknown licence {} (expected a Creative Commons licence such as \"CC BY 4.0\")",
                    quote(footer.licence->value)));
  }
  if (footer.notice_author && footer.notice_author->value != footer.author.value) {
    reporter.report(rule<"DG312">, footer.notice_author->span.begin, footer.notice_author->span.size(),
                    fmt::format("licence line names {} but the footer author is {}",
                                quote(footer.notice_author->value), quote(footer.author.value)));
  }
}

}  // namespace

void check_content(const Document& document, std::span<const EntryFingerprint> fingerprints,
                   Reporter& reporter, const Options& options, bool damaged) {
  check_category(document.category, reporter);
  if (document.date) check_date(*document.date, reporter, options);

  for (const Entry& entry : document.entries) {
    check_title(entry.title, reporter);
    check_authors(entry, reporter);
  }
  if (reporter.on(rule<"DG308">) || reporter.on(rule<"DG317">)) {
    const auto title_of = [&](std::size_t k) { return document.entries[k].title.value; };
    const auto hash_of = [&](std::size_t k) { return fingerprints[k].key_hash; };
    for_each_repeat(document.entries.size(), title_of, hash_of, [&](std::size_t first, std::size_t later) {
      const Entry& original = document.entries[first];
      const Entry& repeat = document.entries[later];
      const Location where = reporter.source().locate(original.title.span.begin);
      const std::string differences = differing_fields(original, repeat);
      if (differences.empty()) {
        reporter.report(rule<"DG308">, repeat.title.span.begin, repeat.title.span.size(),
                        fmt::format("entry {} is listed twice in this digest (same as line {})",
                                    quote(repeat.title.value), where.line));
      } else {
        reporter.report(
            rule<"DG317">, repeat.title.span.begin, repeat.title.span.size(),
            fmt::format("entry {} is listed twice in this digest with different {} (first at line {})",
                        quote(repeat.title.value), differences, where.line));
      }
    });
  }
  if (document.footer || !damaged) check_footer(document, reporter);
}

}  // namespace digestkit::lint::detail
