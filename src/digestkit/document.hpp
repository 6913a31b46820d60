// The digest AST: plain structs whose text fields view the decoded source
// buffer (or a StringStore for documents built from JSON). Every node keeps
// the byte span it was read from so that diagnostics can point at it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestkit {

// Byte offsets [begin, end) into SourceText::text(). Nodes built from JSON
// have an empty span at 0.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] std::size_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A field as written: trailing blanks of its line are not part of it, inner
// spacing is (the normaliser and the JSON export keep it).
struct Text {
  std::string_view value;
  Span span;
};

enum class AuthorsLabel : std::uint8_t {
  Authors,        // "Authors:"  (canonical)
  AuthorsSpaced,  // "Authors :"
  Author,         // "Author:"
  Chinese,        // "作者:"
};

enum class DateStyle : std::uint8_t {
  Iso,      // 2022-02-19 (canonical)
  Slashed,  // 2022/02/19
};

enum class Marker : std::uint8_t {
  Short,    // 论文截图
  Long,     // 点此查看论文截图
  Missing,  // no marker line before the next entry or the footer
};

// Blank-line runs whose length differs from the canonical layout. The parser
// records them so that validate can point at them and fmt can repair them.
struct BlankRun {
  Span span;                // the blank lines themselves (empty when missing)
  std::uint16_t found = 0;  // blank lines present
  std::uint16_t expected = 0;
};

struct Category {
  Text line;               // the whole category line
  std::vector<Text> tags;  // line split on '/', each as written
};

struct Date {
  Text written;  // "2022-02-19 更新" minus the label: "2022-02-19"
  Span line;     // the whole date line
  int year = 0;
  int month = 0;
  int day = 0;
  DateStyle style = DateStyle::Iso;
  bool is_calendar_date = false;          // false for 2022-02-30 or month 13
  [[nodiscard]] std::string iso() const;  // YYYY-MM-DD from the fields
};

struct Author {
  std::string_view name;  // trimmed of surrounding blanks
  Span span;
  // What stands between the previous name and this one as written: the
  // comma and the blanks around it (",  " where arXiv wrapped the line).
  // Empty for the first name and for documents built from JSON, whose
  // names are printed ", "-separated.
  std::string_view separator{};
};

struct Entry {
  Text title;
  AuthorsLabel label = AuthorsLabel::Authors;
  Span label_span;
  Span authors_line;            // the whole Authors line
  std::vector<Author> authors;  // split on ',', empty names kept
  Text abstract;
  Span pdf_line;
  std::optional<Text> comments;  // text after "PDF "; nullopt for bare PDF
  Marker marker = Marker::Short;
  Span marker_span;
  Span span;  // title line start to the end of the marker line
};

struct Footer {
  Text author;                        // after "文章作者: "
  Text notice;                        // the licence line after "版权声明: "
  std::optional<Text> licence;        // "CC BY 4.0" when the notice follows the template
  std::optional<Text> notice_author;  // the name repeated before " !"
  bool has_toc = true;                // the trailing "  目录" button label
  Span span;
};

struct Document {
  Category category;
  std::optional<Date> date;  // nullopt when the date line is missing
  std::vector<Entry> entries;
  std::optional<Footer> footer;      // nullopt when the footer is missing
  std::vector<BlankRun> blank_runs;  // deviations from the canonical blank lines
  Span span;
  std::size_t index = 0;  // position of this digest within its file
};

// Owns text for documents that were not read from a source buffer (JSON
// input, tests). A deque keeps every string at a stable address.
class StringStore {
 public:
  std::string_view keep(std::string text) { return strings_.emplace_back(std::move(text)); }

 private:
  std::deque<std::string> strings_;
};

[[nodiscard]] std::string_view to_string(AuthorsLabel label);
[[nodiscard]] std::string_view to_string(Marker marker);
[[nodiscard]] std::string_view to_string(DateStyle style);

}  // namespace digestkit
