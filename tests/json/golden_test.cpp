// Golden exports: every fixture's JSON equals its committed expectation byte
// for byte, JSON Lines carry the same objects one per line, and all of it
// validates against the schema.
#include <rapidjson/document.h>

#include "digestkit/json.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using digestkit::testing::schema_errors;
using json_testing::errors_text;
using json_testing::fixture;
using json_testing::fixture_names;

constexpr const char* kSchema = "digestkit-1.schema.json";

ParsedFile parse_fixture(const std::string& name) {
  ParsedFile file = parse_bytes(read_file(fixture(name)), name + ".txt");
  EXPECT_TRUE(file.ok()) << errors_text(file);
  return file;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  EXPECT_EQ(start, text.size()) << "JSON Lines output must end with a newline";
  return lines;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, JsonEqualsExpectedAndValidates) {
  const ParsedFile file = parse_fixture(GetParam());
  const std::string json = to_json(file);
  EXPECT_EQ(json, read_file(fixture(GetParam(), ".expected.json")));
  EXPECT_EQ(schema_errors(json, kSchema), "");
}

TEST_P(Golden, JsonLinesHoldTheSameObjectsOnePerLine) {
  const ParsedFile file = parse_fixture(GetParam());
  const std::vector<std::string> lines = split_lines(to_json_lines(file));
  ASSERT_EQ(lines.size(), file.documents.size());

  rapidjson::Document expected;
  expected.Parse(read_file(fixture(GetParam(), ".expected.json")).c_str());
  ASSERT_TRUE(expected.IsArray());
  ASSERT_EQ(expected.Size(), lines.size());
  for (rapidjson::SizeType i = 0; i < expected.Size(); ++i) {
    rapidjson::Document line;
    line.Parse(lines[i].c_str());
    ASSERT_FALSE(line.HasParseError()) << lines[i];
    EXPECT_TRUE(line == expected[i]) << "line " << i + 1 << " differs from the array element";
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, ::testing::ValuesIn(fixture_names()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
});

TEST(JsonLines, AllFixturesValidateAgainstTheSchema) {
  std::string array = "[";
  std::size_t records = 0;
  for (const std::string& name : fixture_names()) {
    for (const std::string& line : split_lines(to_json_lines(parse_fixture(name)))) {
      array += records++ == 0 ? "" : ",";
      array += line;
    }
  }
  array += "]";
  EXPECT_EQ(records, fixture_names().size() + 1);  // two-digests holds two
  EXPECT_EQ(schema_errors(array, kSchema), "");
}

TEST(JsonWriter, ReusedWriterProducesIdenticalRecords) {
  const ParsedFile file = parse_fixture("two-digests");
  JsonWriter writer;
  const JsonSource source = json_source_of(*file.source);
  std::string first, again;
  writer.append_line(file.documents[0], source, first);
  writer.append_pretty(file.documents[1], source, again);  // a different writer in between
  again.clear();
  writer.append_line(file.documents[0], source, again);
  EXPECT_EQ(first, again);
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 1);
}

TEST(JsonWriter, PrettyIndentShiftsEveryLine) {
  const ParsedFile file = parse_fixture("long-marker");
  JsonWriter writer;
  std::string plain, shifted;
  writer.append_pretty(file.documents[0], json_source_of(*file.source), plain, 0);
  writer.append_pretty(file.documents[0], json_source_of(*file.source), shifted, 4);
  std::string expected = "    ";
  for (char c : plain) {
    expected += c;
    if (c == '\n') expected += "    ";
  }
  EXPECT_EQ(shifted, expected);
  EXPECT_EQ(plain.front(), '{');
  EXPECT_EQ(plain.back(), '}');
}

TEST(JsonWriter, EmptyFileIsAnEmptyArray) {
  ParsedFile file;
  EXPECT_EQ(to_json(file), "[]\n");
  EXPECT_EQ(to_json_lines(file), "");
}

TEST(LineEndings, Names) {
  LineEndings endings;
  EXPECT_EQ(line_endings_name(endings), "none");
  endings.lf = 3;
  EXPECT_EQ(line_endings_name(endings), "lf");
  endings = LineEndings{0, 2, 0};
  EXPECT_EQ(line_endings_name(endings), "crlf");
  endings = LineEndings{0, 0, 5};
  EXPECT_EQ(line_endings_name(endings), "cr");
  endings = LineEndings{1, 1, 0};
  EXPECT_EQ(line_endings_name(endings), "mixed");
}

TEST(Source, RecordsTheDecodingFacts) {
  const ParsedFile crlf = parse_fixture("crlf-bom-slashed");
  const JsonSource source = json_source_of(*crlf.source);
  EXPECT_EQ(source.path, "crlf-bom-slashed.txt");
  EXPECT_EQ(source.encoding, "UTF-8");
  EXPECT_TRUE(source.bom);
  EXPECT_EQ(source.line_endings, "crlf");

  const ParsedFile gb = parse_fixture("gb18030");
  EXPECT_EQ(json_source_of(*gb.source).encoding, "GB18030");
  // Transcoded text is the same text: only the source facts differ.
  const ParsedFile utf8 = parse_fixture("short-marker");
  EXPECT_EQ(gb.documents[0].entries[2].comments->value, utf8.documents[0].entries[2].comments->value);
}

}  // namespace
}  // namespace digestkit
