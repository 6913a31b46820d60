// JsonWriter's streaming forms hand a large digest's JSON on in pieces
// between entries: the pieces join to exactly what the string forms write.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

// One digest of the sample's entries repeated to about 3 MB.
std::string large_digest() {
  const std::string sample = testing::read_file(testing::testdata("samples/nerf-2023-03-14.txt"));
  const std::string date_line_end = "\u66f4\u65b0\n\n";
  const std::size_t entries_begin = sample.find(date_line_end) + date_line_end.size();
  const std::size_t footer_begin = sample.rfind("文章作者");
  const std::string entries = sample.substr(entries_begin, footer_begin - entries_begin);
  std::string text = sample.substr(0, entries_begin);
  while (text.size() < (std::size_t{3} << 20)) text += entries;
  return text + sample.substr(footer_begin);
}

struct Pieces {
  std::vector<std::string> list;
  [[nodiscard]] std::string joined() const {
    std::string whole;
    for (const std::string& piece : list) whole += piece;
    return whole;
  }
};

class StreamingJsonWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    parsed_ = parse_bytes(large_digest(), "large.txt");
    ASSERT_TRUE(parsed_.ok());
    ASSERT_EQ(parsed_.documents.size(), 1U);
    ASSERT_GT(parsed_.documents.front().entries.size(), 3000U);
  }
  ParsedFile parsed_;
  JsonWriter writer_;
};

TEST_F(StreamingJsonWriter, JsonLinesInPiecesOfAboutAMebibyte) {
  const JsonSource source = json_source_of(parsed_);
  Pieces pieces;
  writer_.write_line(parsed_.documents.front(), source,
                     [&](std::string_view piece) { pieces.list.emplace_back(piece); });
  std::string whole;
  writer_.append_line(parsed_.documents.front(), source, whole);
  EXPECT_EQ(pieces.joined(), whole);
  EXPECT_GE(pieces.list.size(), 3U) << "a digest of 3 MB came as one piece";
  rapidjson::Document record;
  record.Parse(whole.data(), whole.size() - 1);
  ASSERT_FALSE(record.HasParseError());
  EXPECT_EQ(record["entries"].Size(), parsed_.documents.front().entries.size());
  for (const std::string& piece : pieces.list) EXPECT_LT(piece.size(), std::size_t{2} << 20);
  EXPECT_EQ(whole.back(), '\n');
}

TEST_F(StreamingJsonWriter, PrettyJsonKeepsItsIndentationAcrossPieces) {
  const JsonSource source = json_source_of(parsed_);
  std::string unindented;
  writer_.write_pretty(
      parsed_.documents.front(), source, [&](std::string_view piece) { unindented += piece; }, 0);
  Pieces pieces;
  writer_.write_pretty(
      parsed_.documents.front(), source, [&](std::string_view piece) { pieces.list.emplace_back(piece); }, 2);
  EXPECT_GE(pieces.list.size(), 3U);
  // Every line of the indented form is a line of the plain one shifted by
  // two spaces, also where a piece began in the middle of a line.
  std::string shifted = "  ";
  for (const char c : unindented) {
    shifted += c;
    if (c == '\n') shifted += "  ";
  }
  EXPECT_EQ(pieces.joined(), shifted);
  rapidjson::Document object;
  object.Parse(unindented.data(), unindented.size());
  ASSERT_FALSE(object.HasParseError());
  EXPECT_EQ(object["entries"].Size(), parsed_.documents.front().entries.size());
}

}  // namespace
}  // namespace digestkit
