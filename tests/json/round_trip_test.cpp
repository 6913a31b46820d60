// text -> JSON -> text reproduces `digest fmt` byte for byte (but for the
// spacing around the commas of Authors lines, which JSON does not hold):
// for every fixture and every corpus post, through the array and the JSON
// Lines form.
#include <iostream>

#include "digestkit/format.hpp"
#include "digestkit/json.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using json_testing::errors_text;

void expect_round_trip(const std::filesystem::path& path) {
  SCOPED_TRACE(path.string());
  const ParsedFile parsed = parse_bytes(read_file(path), path.filename().string());
  ASSERT_TRUE(parsed.ok()) << errors_text(parsed);
  // Exactly what fmt prints: the Authors line's ",  " (arXiv's wraps) travels
  // in author_separators.
  const std::string formatted = format_documents(parsed.documents);

  const ParsedFile from_array = read_json(to_json(parsed), "x.json");
  ASSERT_TRUE(from_array.ok()) << errors_text(from_array);
  EXPECT_EQ(format_documents(from_array.documents), formatted);

  const ParsedFile from_lines = read_json(to_json_lines(parsed), "x.jsonl");
  ASSERT_TRUE(from_lines.ok()) << errors_text(from_lines);
  EXPECT_EQ(format_documents(from_lines.documents), formatted);
}

TEST(RoundTrip, Fixtures) {
  for (const std::string& name : json_testing::fixture_names())
    expect_round_trip(json_testing::fixture(name));
}

// The parser trims the blanks around each tag of the category line; the JSON
// reader compares the tags with the category split the same way (DJ004 was
// raised for `NeRF / 神经辐射场`).
TEST(RoundTrip, CategoryWithBlanksAroundSlashes) {
  std::string text = read_file(json_testing::fixture("short-marker"));
  const std::size_t category_end = text.find('\n');
  for (const std::string_view category : {"NeRF / 神经辐射场", "A\t/ B /C", "X /  / Y"}) {
    SCOPED_TRACE(std::string(category));
    const std::string post = std::string(category) + text.substr(category_end);
    const ParsedFile parsed = parse_bytes(post, "post.txt");
    ASSERT_TRUE(parsed.ok()) << errors_text(parsed);
    const ParsedFile from_lines = read_json(to_json_lines(parsed), "x.jsonl");
    ASSERT_TRUE(from_lines.ok()) << errors_text(from_lines);
    EXPECT_EQ(format_documents(from_lines.documents), format_documents(parsed.documents));
    ASSERT_EQ(from_lines.documents.at(0).category.tags.size(), parsed.documents.at(0).category.tags.size());
    for (std::size_t i = 0; i < parsed.documents[0].category.tags.size(); ++i)
      EXPECT_EQ(from_lines.documents[0].category.tags[i].value, parsed.documents[0].category.tags[i].value);
  }
}

// The Authors line's separators as written (",  " where arXiv wrapped the
// line, "," without a space) survive text -> JSON -> text; found by the
// round_trip_fuzz harness, which compares with what fmt prints.
TEST(RoundTrip, AuthorSeparatorsAsWritten) {
  const std::string text = read_file(json_testing::fixture("short-marker"));
  const std::size_t authors = text.find("Authors:");
  ASSERT_NE(authors, std::string::npos);
  const std::size_t line_end = text.find('\n', authors);
  for (const std::string_view line :
       {"Authors:Ann Lee,Bo Chen", "Authors:Ann Lee,  Bo Chen, Cy Dai", "Authors:Ann Lee ,\tBo Chen"}) {
    SCOPED_TRACE(std::string(line));
    const std::string post = text.substr(0, authors) + std::string(line) + text.substr(line_end);
    const ParsedFile parsed = parse_bytes(post, "post.txt");
    ASSERT_TRUE(parsed.ok()) << errors_text(parsed);
    const std::string lines = to_json_lines(parsed);
    EXPECT_NE(lines.find("\"author_separators\":["), std::string::npos) << lines;
    const ParsedFile from_lines = read_json(lines, "x.jsonl");
    ASSERT_TRUE(from_lines.ok()) << errors_text(from_lines);
    EXPECT_EQ(format_documents(from_lines.documents), format_documents(parsed.documents));
  }
  // ", " everywhere: no field.
  EXPECT_EQ(to_json_lines(parse_bytes(text, "post.txt")).find("author_separators"), std::string::npos);
}

TEST(RoundTrip, AuthorSeparatorsAreChecked) {
  const std::string lines = to_json_lines(parse_bytes(
      [] {
        std::string text = read_file(json_testing::fixture("short-marker"));
        const std::size_t authors = text.find("Authors:");
        return text.substr(0, authors) + "Authors:Ann Lee,Bo Chen" + text.substr(text.find('\n', authors));
      }(),
      "post.txt"));
  const std::size_t at = lines.find("\"author_separators\":[\",\"]");
  ASSERT_NE(at, std::string::npos) << lines;
  for (const std::string_view bad : {"\"author_separators\":[\";\"]", "\"author_separators\":[\",\",\",\"]",
                                     "\"author_separators\":[\",x\"]"}) {
    std::string broken = lines;
    broken.replace(at, std::string_view("\"author_separators\":[\",\"]").size(), bad);
    const ParsedFile read = read_json(broken, "x.jsonl");
    EXPECT_FALSE(read.ok()) << bad;
  }
}

TEST(RoundTrip, CorpusPosts) {
  const auto posts = json_testing::corpus_posts();
  if (posts.empty()) GTEST_SKIP() << "no corpus at " << digestkit::testing::shared_dir();
  for (const auto& post : posts) expect_round_trip(post);
}

// Every post of every module's fixtures that parses (the others are parse
// error fixtures).
TEST(RoundTrip, EveryReadableTestdataFile) {
  std::vector<std::filesystem::path> posts;
  for (const auto& item : std::filesystem::recursive_directory_iterator(digestkit::testing::testdata(""))) {
    if (item.is_regular_file() && item.path().extension() == ".txt") posts.push_back(item.path());
  }
  std::sort(posts.begin(), posts.end());
  std::size_t checked = 0;
  for (const auto& post : posts) {
    if (!parse_bytes(read_file(post), post.string()).ok()) continue;
    expect_round_trip(post);
    ++checked;
  }
  EXPECT_GE(checked, json_testing::fixture_names().size());
  std::cout << "round trip checked on " << checked << " of " << posts.size() << " testdata files\n";
}

}  // namespace
}  // namespace digestkit
