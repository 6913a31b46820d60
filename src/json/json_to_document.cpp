// digestkit/1 object -> Document. Every check names the path of the value it
// rejects; the caller turns the path into a line and column.
#include "json_to_document.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <span>

#include <fmt/format.h>

#include "digestkit/json.hpp"

namespace digestkit::json_detail {

namespace {

using rapidjson::Value;

constexpr std::string_view kStructure = "DJ002";
constexpr std::string_view kVersion = "DJ003";
constexpr std::string_view kInconsistent = "DJ004";

constexpr std::string_view kDocumentFields[] = {"format", "source",     "extracted", "category", "tags",
                                                "date",   "date_valid", "entries",   "footer"};
// Fields an object may lack: "extracted" is written by digest extract only.
constexpr std::string_view kOptionalFields[] = {"extracted", "author_separators"};
constexpr std::string_view kSourceFields[] = {"path", "digest", "encoding", "bom", "line_endings"};
constexpr std::string_view kEntryFields[] = {"title",    "authors",  "author_separators",
                                             "abstract", "comments", "marker"};
constexpr std::string_view kFooterFields[] = {"author", "licence", "notice", "toc"};
constexpr std::string_view kLineEndings[] = {"lf", "crlf", "cr", "mixed", "none"};

std::string_view view(const Value& string) { return {string.GetString(), string.GetStringLength()}; }

std::string quoted_list(std::span<const std::string_view> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += i + 1 == names.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", names[i]);
  }
  return out;
}

class Builder {
 public:
  Builder(StringStore& store, JsonPath& path) : store_(store), path_(path) {}

  Document document(const Value& value, std::size_t index) {
    if (!value.IsObject()) fail("expected a digestkit/1 object");
    check_format(value);
    check_fields(value, kDocumentFields);
    Document document;
    document.index = index;
    {
      auto step = enter("source");
      check_source(field(value, "source"));
    }
    if (const auto extracted = value.FindMember("extracted"); extracted != value.MemberEnd()) {
      // What digest extract dropped from the page: informative, not read back.
      auto step = enter("extracted");
      if (!extracted->value.IsObject()) fail("expected an object");
    }
    {
      auto step = enter("category");
      document.category.line = keep(text(field(value, "category")));
    }
    {
      auto step = enter("tags");
      document.category.tags = tags(field(value, "tags"), document.category.line.value);
    }
    {
      auto step = enter("date");
      document.date = date(field(value, "date"));
    }
    {
      auto step = enter("date_valid");
      check_date_valid(field(value, "date_valid"), document.date);
    }
    {
      auto step = enter("entries");
      const Value& entries = array(field(value, "entries"));
      document.entries.reserve(entries.Size());
      for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
        auto item = enter(i);
        document.entries.push_back(entry(entries[i]));
      }
    }
    {
      auto step = enter("footer");
      const Value& footer_value = field(value, "footer");
      if (!footer_value.IsNull()) document.footer = footer(footer_value);
    }
    return document;
  }

 private:
  // Pops the path step it pushed when the value it names has been read.
  class Step {
   public:
    explicit Step(JsonPath& path) : path_(path) {}
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;
    ~Step() { path_.pop_back(); }

   private:
    JsonPath& path_;
  };

  Step enter(std::string_view key) {
    path_.push_back(PathStep{key, 0, false});
    return Step(path_);
  }
  Step enter(std::size_t index) {
    path_.push_back(PathStep{{}, index, true});
    return Step(path_);
  }

  [[noreturn]] void fail(std::string message, std::string_view code = kStructure) {
    throw ShapeError{code, path_, std::move(message)};
  }

  void check_format(const Value& object) {
    const auto found = object.FindMember("format");
    if (found == object.MemberEnd()) fail("missing field \"format\" (a digestkit/1 object starts with it)");
    auto step = enter("format");
    if (!found->value.IsString()) fail("expected a string");
    const std::string_view format = view(found->value);
    if (format != json_format_version) {
      fail(fmt::format("unsupported format \"{}\": this version of digest reads \"{}\"", format,
                       json_format_version),
           kVersion);
    }
  }

  void check_fields(const Value& object, std::span<const std::string_view> names) {
    for (auto member = object.MemberBegin(); member != object.MemberEnd(); ++member) {
      const std::string_view name = view(member->name);
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        auto step = enter(name);
        fail(fmt::format("unknown field \"{}\" (expected {})", name, quoted_list(names)));
      }
      for (auto earlier = object.MemberBegin(); earlier != member; ++earlier) {
        if (view(earlier->name) == name) {
          auto step = enter(name);
          fail(fmt::format("duplicate field \"{}\"", name));
        }
      }
    }
    for (std::string_view name : names) {
      if (std::find(std::begin(kOptionalFields), std::end(kOptionalFields), name) !=
          std::end(kOptionalFields)) {
        continue;
      }
      if (!object.HasMember(Value(rapidjson::StringRef(name.data(), name.size())))) {
        fail(fmt::format("missing field \"{}\"", name));
      }
    }
  }

  static const Value& field(const Value& object, std::string_view name) {
    return object.FindMember(Value(rapidjson::StringRef(name.data(), name.size())))->value;
  }

  const Value& object(const Value& value) {
    if (!value.IsObject()) fail("expected an object");
    return value;
  }

  const Value& array(const Value& value) {
    if (!value.IsArray()) fail("expected an array");
    return value;
  }

  std::string_view string(const Value& value) {
    if (!value.IsString()) fail("expected a string");
    return view(value);
  }

  // A field of a digest line: one line of text.
  std::string_view text(const Value& value) {
    const std::string_view text = string(value);
    if (text.find_first_of("\r\n") != std::string_view::npos) {
      fail("expected one line of text: a digest field cannot hold a line break");
    }
    if (text.find('\0') != std::string_view::npos) fail("a digest field cannot hold a NUL character");
    return text;
  }

  Text keep(std::string_view text) { return Text{store_.keep(std::string(text)), Span{}}; }

  bool boolean(const Value& value) {
    if (!value.IsBool()) fail("expected true or false");
    return value.GetBool();
  }

  void check_source(const Value& value) {
    check_fields(object(value), kSourceFields);
    {
      auto step = enter("path");
      (void)string(field(value, "path"));
    }
    {
      auto step = enter("digest");
      if (!field(value, "digest").IsUint64()) fail("expected a non-negative integer");
    }
    {
      auto step = enter("encoding");
      (void)string(field(value, "encoding"));
    }
    {
      auto step = enter("bom");
      (void)boolean(field(value, "bom"));
    }
    auto step = enter("line_endings");
    const std::string_view endings = string(field(value, "line_endings"));
    if (std::find(std::begin(kLineEndings), std::end(kLineEndings), endings) == std::end(kLineEndings)) {
      fail(fmt::format("expected {}", quoted_list(kLineEndings)));
    }
  }

  // The tags must be the category split on '/', each without the blanks
  // around it (space, tab: as the grammar's actions trim a parsed tag, so
  // `NeRF / 神经辐射场` gives "NeRF" and "神经辐射场"); the Document's tags
  // then view the category line, as a parsed one's do.
  std::vector<Text> tags(const Value& value, std::string_view category) {
    array(value);
    const auto without_blanks = [](std::string_view tag) {
      const std::size_t first = tag.find_first_not_of(" \t");
      if (first == std::string_view::npos) return tag.substr(0, 0);
      return tag.substr(first, tag.find_last_not_of(" \t") + 1 - first);
    };
    std::vector<Text> split;
    for (std::size_t start = 0;;) {
      const std::size_t slash = category.find('/', start);
      split.push_back(Text{
          without_blanks(category.substr(start, slash == std::string_view::npos ? slash : slash - start)),
          {}});
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      auto step = enter(i);
      (void)string(value[i]);
    }
    bool same = value.Size() == split.size();
    for (std::size_t i = 0; same && i < split.size(); ++i) same = view(value[i]) == split[i].value;
    if (!same) {
      std::string expected;
      for (const Text& tag : split)
        expected += fmt::format("{}\"{}\"", expected.empty() ? "" : ", ", tag.value);
      fail(fmt::format("tags must be the category split on '/': [{}]", expected), kInconsistent);
    }
    return split;
  }

  std::optional<Date> date(const Value& value) {
    if (value.IsNull()) return std::nullopt;
    constexpr std::string_view kExpected = "expected a date as \"YYYY-MM-DD\" or null";
    if (!value.IsString()) fail(std::string(kExpected));
    const std::string_view written = view(value);
    Date date;
    const auto number = [&](std::size_t at, std::size_t digits, int& out) {
      const char* first = written.data() + at;
      const auto result = std::from_chars(first, first + digits, out);
      return result.ec == std::errc() && result.ptr == first + digits && *first != '-' && *first != '+';
    };
    const bool ok = written.size() == 10 && written[4] == '-' && written[7] == '-' &&
                    number(0, 4, date.year) && number(5, 2, date.month) && number(8, 2, date.day);
    if (!ok) fail(std::string(kExpected));
    date.written = keep(written);
    date.style = DateStyle::Iso;
    const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                          std::chrono::month{static_cast<unsigned>(date.month)},
                                          std::chrono::day{static_cast<unsigned>(date.day)}};
    date.is_calendar_date = ymd.ok();
    return date;
  }

  void check_date_valid(const Value& value, const std::optional<Date>& date) {
    const bool valid = boolean(value);
    if (!date) {
      if (valid) fail("date_valid is true but the date is null", kInconsistent);
      return;
    }
    if (valid != date->is_calendar_date) {
      fail(fmt::format("date_valid is {} but {} {} a calendar date", valid ? "true" : "false",
                       date->written.value, date->is_calendar_date ? "is" : "is not"),
           kInconsistent);
    }
  }

  Entry entry(const Value& value) {
    check_fields(object(value), kEntryFields);
    Entry entry;
    {
      auto step = enter("title");
      entry.title = keep(text(field(value, "title")));
    }
    {
      auto step = enter("authors");
      const Value& authors = array(field(value, "authors"));
      entry.authors.reserve(authors.Size());
      for (rapidjson::SizeType i = 0; i < authors.Size(); ++i) {
        auto item = enter(i);
        const std::string_view name = text(authors[i]);
        if (name.find(',') != std::string_view::npos) {
          fail("an author name cannot hold a comma: the Authors line joins names with \", \"");
        }
        entry.authors.push_back(Author{keep(name).value, Span{}});
      }
    }
    if (value.HasMember("author_separators")) {
      auto step = enter("author_separators");
      const Value& separators = array(field(value, "author_separators"));
      if (separators.Size() + 1 != entry.authors.size()) {
        fail(fmt::format("expected {} separators, one between each two of the {} authors",
                         entry.authors.empty() ? 0 : entry.authors.size() - 1, entry.authors.size()));
      }
      for (rapidjson::SizeType i = 0; i < separators.Size(); ++i) {
        auto item = enter(i);
        const std::string_view separator = text(separators[i]);
        if (std::count(separator.begin(), separator.end(), ',') != 1 ||
            separator.find_first_not_of(" \t,") != std::string_view::npos) {
          fail("a separator is one comma with spaces or tabs around it");
        }
        entry.authors[i + 1].separator = keep(separator).value;
      }
    }
    {
      auto step = enter("abstract");
      entry.abstract = keep(text(field(value, "abstract")));
    }
    {
      auto step = enter("comments");
      const Value& comments = field(value, "comments");
      if (!comments.IsNull()) {
        if (!comments.IsString()) fail("expected a string or null");
        entry.comments = keep(text(comments));
      }
    }
    auto step = enter("marker");
    entry.marker = marker(field(value, "marker"));
    return entry;
  }

  Marker marker(const Value& value) {
    if (value.IsNull()) return Marker::Missing;
    if (value.IsString()) {
      for (Marker spelling : {Marker::Short, Marker::Long}) {
        if (view(value) == marker_text(spelling)) return spelling;
      }
    }
    fail(fmt::format("expected \"{}\", \"{}\" or null", marker_text(Marker::Short),
                     marker_text(Marker::Long)));
  }

  Footer footer(const Value& value) {
    check_fields(object(value), kFooterFields);
    Footer footer;
    {
      auto step = enter("author");
      footer.author = keep(text(field(value, "author")));
    }
    {
      auto step = enter("licence");
      const Value& licence = field(value, "licence");
      if (!licence.IsNull()) {
        if (!licence.IsString()) fail("expected a string or null");
        footer.licence = keep(text(licence));
      }
    }
    {
      auto step = enter("notice");
      footer.notice = keep(text(field(value, "notice")));
    }
    auto step = enter("toc");
    footer.has_toc = boolean(field(value, "toc"));
    return footer;
  }

  StringStore& store_;
  JsonPath& path_;
};

}  // namespace

Document document_from_json(const rapidjson::Value& value, std::size_t index, StringStore& store,
                            JsonPath& path) {
  return Builder(store, path).document(value, index);
}

}  // namespace digestkit::json_detail
