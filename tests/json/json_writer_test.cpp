// Every JSON writer escapes U+0000..U+001F, '"' and '\\' wherever they stand
// in a string (RFC 8259 section 7): rapidjson 1.1.0's SSE2 scan let
// U+001A..U+001F through in strings of 16 bytes or more.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "digestkit/format.hpp"
#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

// No raw control character outside the line breaks between tokens, and the
// text parses back as JSON.
void expect_valid_json(const std::string& json, bool lines) {
  for (const char c : json) {
    ASSERT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != ' ')
        << "raw byte " << static_cast<int>(c) << " in " << json;
  }
  std::size_t start = 0;
  while (start < json.size()) {
    const std::size_t end = lines ? json.find('\n', start) : json.size();
    rapidjson::Document parsed;
    parsed.Parse(json.data() + start, end - start);
    ASSERT_FALSE(parsed.HasParseError()) << json.substr(start, end - start);
    start = end + 1;
  }
}

std::string path_with(char special, std::size_t at) {
  std::string path = "posts/a-name-long-enough-for-sixteen-byte-blocks-é漢.txt";
  path.insert(at, 1, special);
  return path;
}

TEST(JsonWriter, EscapesEveryControlCharacterAtEveryPosition) {
  JsonWriter writer;
  const Document document;
  std::string specials;
  for (int c = 0; c < 0x20; ++c) specials.push_back(static_cast<char>(c));
  specials += "\"\\";
  for (const char special : specials) {
    for (std::size_t at = 0; at <= 48; ++at) {
      const std::string path = path_with(special, at);
      JsonSource source;
      source.path = path;
      std::string line;
      writer.append_line(document, source, line);
      expect_valid_json(line, true);
      std::string pretty;
      writer.append_pretty(document, source, pretty, 2);
      expect_valid_json(pretty, false);

      rapidjson::Document parsed;
      parsed.Parse(line.data(), line.size() - 1);
      const auto& written = parsed["source"]["path"];
      EXPECT_EQ(std::string(written.GetString(), written.GetStringLength()), path);
    }
  }
}

// A post whose abstract holds U+001A..U+001F in a long run of text: its JSON
// and JSON Lines read back to the same post.
TEST(JsonWriter, ControlCharactersInTextRoundTrip) {
  std::string text = digestkit::testing::read_file(json_testing::fixture("short-marker"));
  const std::size_t abstract = text.find("\n\n", text.find("Authors:")) + 2;
  text.insert(abstract, "Sixteen bytes and more \x1a\x1b\x1c\x1d\x1e\x1f then text. ");
  const ParsedFile parsed = parse_bytes(text, "controls.txt");
  ASSERT_TRUE(parsed.ok()) << json_testing::errors_text(parsed);
  const std::string lines = to_json_lines(parsed);
  expect_valid_json(lines, true);
  const std::string array = to_json(parsed);
  expect_valid_json(array, false);
  const ParsedFile from_lines = read_json(lines, "x.jsonl");
  ASSERT_TRUE(from_lines.ok()) << json_testing::errors_text(from_lines);
  EXPECT_EQ(format_documents(from_lines.documents), format_documents(parsed.documents));
  const ParsedFile from_array = read_json(array, "x.json");
  ASSERT_TRUE(from_array.ok()) << json_testing::errors_text(from_array);
  EXPECT_EQ(format_documents(from_array.documents), format_documents(parsed.documents));
}

}  // namespace
}  // namespace digestkit
