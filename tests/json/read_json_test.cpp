// Reading digestkit/1 back: the three layouts (array, object, JSON Lines)
// give the parsed documents again, and every malformed input is rejected
// with its line, column and the path of the offending value.
#include "digestkit/json.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using json_testing::errors_text;
using json_testing::fixture;
using json_testing::fixture_names;

void expect_same_documents(const ParsedFile& read, const ParsedFile& parsed) {
  ASSERT_EQ(read.documents.size(), parsed.documents.size());
  for (std::size_t d = 0; d < read.documents.size(); ++d) {
    SCOPED_TRACE("digest " + std::to_string(d));
    const Document& a = read.documents[d];
    const Document& b = parsed.documents[d];
    EXPECT_EQ(a.index, d);
    EXPECT_EQ(a.category.line.value, b.category.line.value);
    ASSERT_EQ(a.category.tags.size(), b.category.tags.size());
    for (std::size_t t = 0; t < a.category.tags.size(); ++t) {
      EXPECT_EQ(a.category.tags[t].value, b.category.tags[t].value);
    }
    ASSERT_EQ(a.date.has_value(), b.date.has_value());
    if (a.date) {
      EXPECT_EQ(a.date->iso(), b.date->iso());
      EXPECT_EQ(a.date->is_calendar_date, b.date->is_calendar_date);
    }
    ASSERT_EQ(a.entries.size(), b.entries.size());
    for (std::size_t e = 0; e < a.entries.size(); ++e) {
      const Entry& x = a.entries[e];
      const Entry& y = b.entries[e];
      EXPECT_EQ(x.title.value, y.title.value);
      ASSERT_EQ(x.authors.size(), y.authors.size());
      for (std::size_t n = 0; n < x.authors.size(); ++n) EXPECT_EQ(x.authors[n].name, y.authors[n].name);
      EXPECT_EQ(x.abstract.value, y.abstract.value);
      ASSERT_EQ(x.comments.has_value(), y.comments.has_value());
      if (x.comments) {
        EXPECT_EQ(x.comments->value, y.comments->value);
      }
      EXPECT_EQ(x.marker, y.marker);
    }
    ASSERT_EQ(a.footer.has_value(), b.footer.has_value());
    if (a.footer) {
      EXPECT_EQ(a.footer->author.value, b.footer->author.value);
      EXPECT_EQ(a.footer->notice.value, b.footer->notice.value);
      ASSERT_EQ(a.footer->licence.has_value(), b.footer->licence.has_value());
      EXPECT_EQ(a.footer->has_toc, b.footer->has_toc);
      if (a.footer->licence) {
        EXPECT_EQ(a.footer->licence->value, b.footer->licence->value);
      }
    }
  }
}

class ReadBack : public ::testing::TestWithParam<std::string> {
 protected:
  ParsedFile parsed() const { return parse_bytes(read_file(fixture(GetParam())), GetParam() + ".txt"); }
};

TEST_P(ReadBack, ArrayGivesTheParsedDocuments) {
  const ParsedFile read = read_json(read_file(fixture(GetParam(), ".expected.json")), "x.json");
  ASSERT_TRUE(read.ok()) << errors_text(read);
  EXPECT_EQ(read.source, nullptr);
  expect_same_documents(read, parsed());
}

TEST_P(ReadBack, JsonLinesGiveTheParsedDocuments) {
  const ParsedFile original = parsed();
  const ParsedFile read = read_json(to_json_lines(original), "x.jsonl");
  ASSERT_TRUE(read.ok()) << errors_text(read);
  expect_same_documents(read, original);
}

TEST_P(ReadBack, SingleObjectsGiveEachDocument) {
  const ParsedFile original = parsed();
  JsonWriter writer;
  for (const Document& document : original.documents) {
    std::string object;
    writer.append_pretty(document, json_source_of(*original.source), object);
    const ParsedFile read = read_json(object, "one.json");
    ASSERT_TRUE(read.ok()) << errors_text(read);
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_EQ(read.documents[0].entries.size(), document.entries.size());
    EXPECT_EQ(read.documents[0].category.line.value, document.category.line.value);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ReadBack, ::testing::ValuesIn(fixture_names()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
});

// A valid single-digest object on one line, for editing into faults.
std::string valid_object() {
  return R"({"format":"digestkit/1","source":{"path":"a.txt","digest":0,"encoding":"UTF-8","bom":false,)"
         R"("line_endings":"lf"},"category":"A/B","tags":["A","B"],"date":"2023-01-02","date_valid":true,)"
         R"("entries":[{"title":"T","authors":["X","Y"],"abstract":"Abs.","comments":null,"marker":"论文截图"}],)"
         R"("footer":{"author":"Lin","licence":null,"notice":"N","toc":true}})";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

struct Located {
  std::string code;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

Located first_error(const std::string& json, const std::string& path = "input.json") {
  const ParsedFile file = read_json(json, path);
  EXPECT_FALSE(file.ok());
  EXPECT_TRUE(file.documents.empty());
  const auto diagnostics = errors_of(file);
  if (diagnostics.empty()) return {};
  const Diagnostic& d = diagnostics.front();
  return Located{d.code, d.location.line, d.location.column, d.message};
}

TEST(ReadErrors, ValidObjectIsAccepted) {
  const ParsedFile file = read_json(valid_object(), "input.json");
  ASSERT_TRUE(file.ok()) << errors_text(file);
  ASSERT_EQ(file.documents.size(), 1u);
  const Document& d = file.documents[0];
  EXPECT_EQ(d.category.tags.size(), 2u);
  EXPECT_EQ(d.date->year, 2023);
  EXPECT_EQ(d.date->day, 2);
  EXPECT_FALSE(d.entries[0].comments.has_value());
  EXPECT_EQ(d.entries[0].marker, Marker::Short);
  EXPECT_FALSE(d.footer->licence.has_value());
}

TEST(ReadErrors, TitleOfTheThirdEntryNotAString) {
  // The pretty export of short-marker: the third entry's title on its own line.
  std::string json = read_file(fixture("short-marker", ".expected.json"));
  json = replaced(json, R"("title": "Quoting \"Safe\" Exploration: A Second Look")", R"("title": 42)");
  const std::size_t line = std::count(json.begin(), json.begin() + json.find(R"("title": 42)"), '\n') + 1;
  const Located e = first_error(json);
  EXPECT_EQ(e.code, "DJ002");
  EXPECT_EQ(e.line, line);
  EXPECT_EQ(e.column, 9u);  // the "title" key, indented by eight spaces
  EXPECT_EQ(e.message, "[0].entries[2].title: expected a string");
}

TEST(ReadErrors, RenderedWithPathLineAndCaret) {
  std::string json = read_file(fixture("short-marker", ".expected.json"));
  json = replaced(json, R"("comments": null)", R"("comments": false)");
  const ParsedFile file = read_json(json, "input.json");
  const std::string text = errors_text(file);
  EXPECT_NE(text.find("input.json:45:9: error: [0].entries[1].comments: expected a string or null"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("comments": false)"), std::string::npos) << text;  // the source line is shown
}

TEST(ReadErrors, JsonSyntaxErrorAtItsOffset) {
  const Located e = first_error("[\n  {\"format\": \"digestkit/1\",\n   \"source\": }\n]\n");
  EXPECT_EQ(e.code, "DJ001");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 14u);
  EXPECT_EQ(e.message, "invalid JSON: Invalid value.");
}

TEST(ReadErrors, JsonLinesRecordOnItsLine) {
  const std::string bad = replaced(valid_object(), R"("bom":false,)", R"("bom":false,"mtime":3,)");
  const Located e = first_error(valid_object() + "\n" + valid_object() + "\n" + bad + "\n", "input.jsonl");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, bad.find("\"mtime\"") + 1);
  EXPECT_EQ(
      e.message,
      R"(source.mtime: unknown field "mtime" (expected "path", "digest", "encoding", "bom" or "line_endings"))");
}

TEST(ReadErrors, UnsupportedFormatVersion) {
  const Located e = first_error(replaced(valid_object(), "digestkit/1", "digestkit/2"));
  EXPECT_EQ(e.code, "DJ003");
  EXPECT_EQ(e.message,
            R"(format: unsupported format "digestkit/2": this version of digest reads "digestkit/1")");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("format":"digestkit/1",)", "")).message,
            R"(missing field "format" (a digestkit/1 object starts with it))");
}

TEST(ReadErrors, TagsMustBeTheCategorySplitOnSlash) {
  const Located e = first_error(replaced(valid_object(), R"(["A","B"])", R"(["A","C"])"));
  EXPECT_EQ(e.code, "DJ004");
  EXPECT_EQ(e.message, R"(tags: tags must be the category split on '/': ["A", "B"])");
  EXPECT_EQ(e.column, valid_object().find("\"tags\"") + 1);
}

TEST(ReadErrors, DateAndDateValidMustAgree) {
  EXPECT_EQ(first_error(replaced(valid_object(), "2023-01-02", "2023-02-30")).message,
            "date_valid: date_valid is true but 2023-02-30 is not a calendar date");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("2023-01-02")", "null")).message,
            "date_valid: date_valid is true but the date is null");
  EXPECT_EQ(first_error(replaced(valid_object(), "2023-01-02", "2023/01/02")).message,
            R"(date: expected a date as "YYYY-MM-DD" or null)");
  EXPECT_EQ(first_error(replaced(valid_object(), "2023-01-02", "2023-1-022")).message,
            R"(date: expected a date as "YYYY-MM-DD" or null)");
}

TEST(ReadErrors, TextThatCannotBeADigestLine) {
  EXPECT_EQ(first_error(replaced(valid_object(), R"("title":"T")", R"("title":"T\nU")")).message,
            "entries[0].title: expected one line of text: a digest field cannot hold a line break");
  EXPECT_EQ(
      first_error(replaced(valid_object(), R"("X","Y")", R"("X","Y, Z")")).message,
      R"(entries[0].authors[1]: an author name cannot hold a comma: the Authors line joins names with ", ")");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("abstract":"Abs.")", R"("abstract":"A\u0000b")")).message,
            "entries[0].abstract: a digest field cannot hold a NUL character");
}

TEST(ReadErrors, StructureProblems) {
  EXPECT_EQ(first_error(replaced(valid_object(), R"("abstract":"Abs.",)", "")).message,
            R"(entries[0]: missing field "abstract")");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("marker":"论文截图")", R"("marker":"截图")")).message,
            R"(entries[0].marker: expected "论文截图", "点此查看论文截图" or null)");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("title":"T",)", R"("title":"T","title":"U",)")).message,
            R"(entries[0].title: duplicate field "title")");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("digest":0)", R"("digest":-1)")).message,
            "source.digest: expected a non-negative integer");
  EXPECT_EQ(first_error(replaced(valid_object(), R"("line_endings":"lf")", R"("line_endings":"LF")")).message,
            R"(source.line_endings: expected "lf", "crlf", "cr", "mixed" or "none")");
  EXPECT_EQ(first_error(replaced(valid_object(),
                                 R"("footer":{"author":"Lin","licence":null,"notice":"N","toc":true})",
                                 R"("footer":[])"))
                .message,
            "footer: expected an object");
  EXPECT_EQ(first_error("[1]").message, "[0]: expected a digestkit/1 object");
  EXPECT_EQ(first_error("\"digest\"").message, "expected a digestkit/1 object");
}

TEST(ReadErrors, MissingFieldPointsAtItsObject) {
  const std::string json = "[\n" + replaced(valid_object(), R"("abstract":"Abs.",)", "") + "\n]";
  const Located e = first_error(json);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, json.find("{\"title\"") - json.find('\n'));
}

TEST(ReadErrors, EmptyInputAndTrailingText) {
  EXPECT_EQ(first_error(" \n").message,
            "no digest: expected a digestkit/1 object, an array of them, or JSON Lines");
  // std::string first: GCC 12 warns falsely (-Wrestrict, bug 105329) on "[" + std::string.
  const Located trailing = first_error(std::string("[") + valid_object() + "]\n]");
  EXPECT_EQ(trailing.message, "unexpected text after the JSON array");
  EXPECT_EQ(trailing.line, 2u);
  EXPECT_EQ(trailing.column, 1u);
}

TEST(ReadErrors, InvalidUtf8IsADecodeError) {
  const ParsedFile file = read_json(replaced(valid_object(), "Abs.", "Ab\xff."), "input.json");
  ASSERT_TRUE(file.decode_error.has_value());
  EXPECT_TRUE(file.documents.empty());
  const auto diagnostics = errors_of(file);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].path, "input.json");
  EXPECT_EQ(diagnostics[0].location.line, 1u);
  EXPECT_EQ(diagnostics[0].input_offset, valid_object().find("Abs.") + 2);
}

TEST(ReadErrors, DeepNestingIsAnErrorNotAStackOverflow) {
  const std::size_t depth = 1'000'000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  const Located as_tags = first_error(replaced(valid_object(), R"(["A","B"])", nested));
  EXPECT_EQ(as_tags.message, "tags[0]: expected a string");
  EXPECT_EQ(first_error(nested).message, "[0]: expected a digestkit/1 object");
  EXPECT_EQ(first_error(std::string(depth, '[')).code, "DJ001");
}

TEST(ReadErrors, ByteOrderMarkIsAccepted) {
  const ParsedFile file = read_json("\xEF\xBB\xBF" + valid_object(), "input.json");
  EXPECT_TRUE(file.ok()) << errors_text(file);
}

}  // namespace
}  // namespace digestkit
