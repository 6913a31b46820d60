// `digest convert --from jsonl-posts` through the program: lines that each
// hold one post as a JSON string (Spark's RDD.pipe, Hadoop Streaming), bad
// lines, --errors inline, blank lines, CRLF, long lines and -j.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "json/json_fixtures.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_digest;
using digestkit::testing::schema_errors;
using digestkit::testing::shell_quote;
using digestkit::testing::write_file;
using json_testing::fixture;

// A post's text as one JSON string (what json.dumps(text) writes).
std::string json_string(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  EXPECT_EQ(start, text.size()) << "output does not end with a newline";
  return lines;
}

rapidjson::Document parsed(const std::string& line) {
  rapidjson::Document json;
  json.Parse(line.c_str(), line.size());
  EXPECT_FALSE(json.HasParseError()) << line;
  return json;
}

// The fixtures that are UTF-8 text (a JSON string holds Unicode; the GB18030
// one would come out as UTF-8).
const std::vector<std::string> kUtf8Fixtures{"short-marker",  "long-marker",     "two-digests",
                                             "missing-parts", "impossible-date", "no-toc"};

const std::string kBrokenPost = "Robotics\n\n\n2023-01-01 更新\n\nA Title Alone\n\nNo authors line here.\n";

std::string error_lines(const std::string& err) {
  std::string kept;
  for (const std::string& line : lines_of(err)) {
    if (line.find(": error: ") != std::string::npos) kept += line + "\n";
  }
  return kept;
}

TEST(JsonlPostsCli, EachRecordConvertsAsItsFileDoes) {
  std::string input;
  std::vector<std::string> expected;
  for (const std::string& name : kUtf8Fixtures) {
    input += json_string(read_file(fixture(name))) + "\n";
    const auto alone = run_digest("convert --to jsonl " + shell_quote(fixture(name).string()));
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    for (const std::string& line : lines_of(alone.out)) expected.push_back(line);
  }
  const auto result = run_digest("convert --from jsonl-posts --to jsonl -", &input);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  const auto lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), expected.size());  // two-digests gives two lines
  std::size_t record = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    rapidjson::Document got = parsed(lines[i]);
    rapidjson::Document want = parsed(expected[i]);
    if (got["source"]["digest"].GetUint() == 0) ++record;
    EXPECT_EQ(std::string(got["source"]["path"].GetString()), "<stdin>:" + std::to_string(record));
    got["source"]["path"].SetString("x");
    want["source"]["path"].SetString("x");
    EXPECT_TRUE(got == want) << lines[i] << "\n" << expected[i];
  }
}

TEST(JsonlPostsCli, FileRecordsAreNamedNameLineAndStdinFilenameNamesStdin) {
  const auto dir = digestkit::testing::make_temp_dir("digest-posts");
  const fs::path file = dir / "part-00003";
  write_file(file, json_string(read_file(fixture("short-marker"))) + "\n");
  const auto result = run_digest("convert --from jsonl-posts --to jsonl " + shell_quote(file.string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(std::string(parsed(lines_of(result.out).at(0))["source"]["path"].GetString()),
            file.string() + ":1");
  const std::string input = read_file(file);
  const auto named = run_digest("convert --from jsonl-posts --to jsonl --stdin-filename split7 -", &input);
  EXPECT_EQ(std::string(parsed(lines_of(named.out).at(0))["source"]["path"].GetString()), "split7:1");
  fs::remove_all(dir);
}

// A bad JSON line, values that are not strings and a post that does not
// parse: each reported on stderr with its line, the others converted, exit 1.
TEST(JsonlPostsCli, BadRecordsGoToStderrByDefault) {
  const std::string good = json_string(read_file(fixture("short-marker")));
  const std::string input = good + "\n" + "{\"text\": \"a post\"}\n" + "not json\n" + "42\n" + "null\n" +
                            "[\"a\"]\n" + json_string(kBrokenPost) + "\n" + "\"unterminated\n" + good +
                            " x\n" + good + "\n";
  const auto result = run_digest("convert --from jsonl-posts --to jsonl -", &input);
  EXPECT_EQ(result.exit_code, 1);
  const auto lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(std::string(parsed(lines[0])["source"]["path"].GetString()), "<stdin>:1");
  EXPECT_EQ(std::string(parsed(lines[1])["source"]["path"].GetString()), "<stdin>:10");
  EXPECT_EQ(error_lines(result.err),
            "<stdin>:2: error: the line is an object, not a JSON string holding a post's text\n"
            "<stdin>:3: error: not a JSON line: Invalid value. (at byte 2)\n"
            "<stdin>:4: error: the line is a number, not a JSON string holding a post's text\n"
            "<stdin>:5: error: the line is null, not a JSON string holding a post's text\n"
            "<stdin>:6: error: the line is an array, not a JSON string holding a post's text\n"
            "<stdin>:7:8:1: error: expected \"Authors:\" line after the title [DG103]\n"
            "<stdin>:8: error: not a JSON line: Missing a closing quotation mark in string. (at byte 14)\n"
            "<stdin>:9: error: not a JSON line: The document root must not be followed by other values. (at "
            "byte " +
                std::to_string(good.size() + 2) + ")\n");
  EXPECT_NE(result.err.find("digest convert: 8 of 10 records failed"), std::string::npos) << result.err;
}

// --errors inline: an error record in the failed record's place, schema-valid,
// exit 0 (a mapper's failure would fail the whole job).
TEST(JsonlPostsCli, InlineErrorsTakeTheFailedRecordsPlace) {
  const std::string good = json_string(read_file(fixture("short-marker")));
  const std::string input =
      good + "\n" + "not json\n" + "{\"post\": 1}\n" + json_string(kBrokenPost) + "\n" + good + "\n";
  const auto result = run_digest("convert --from jsonl-posts --to jsonl --errors inline -", &input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(error_lines(result.err), "");
  EXPECT_NE(result.err.find("warning: 3 of 5 records failed (written as error records)"), std::string::npos);
  const auto lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(parsed(lines[0]).HasMember("format"));
  EXPECT_EQ(lines[1],
            R"x({"error":{"source":"<stdin>:2","line":2,"kind":"json","message":"not a JSON line: )x"
            R"x(Invalid value. (at byte 2)","diagnostics":[]}})x");
  EXPECT_EQ(std::string(parsed(lines[2])["error"]["kind"].GetString()), "type");
  EXPECT_EQ(lines[3],
            R"x({"error":{"source":"<stdin>:4","line":4,"kind":"parse","message":"expected \"Authors:\" )x"
            R"x(line after the title","diagnostics":[{"code":"DG103","severity":"error","line":8,)x"
            R"x("column":1,"message":"expected \"Authors:\" line after the title"}]}})x");
  EXPECT_TRUE(parsed(lines[4]).HasMember("format"));
  for (const std::string& line : lines) EXPECT_EQ(schema_errors(line, "digestkit-1.schema.json"), "") << line;
  // -q: the warning too is left out.
  EXPECT_EQ(run_digest("convert -q --from jsonl-posts --to jsonl --errors inline -", &input).err, "");
}

TEST(JsonlPostsCli, InlineErrorsNeedJsonlPostsToJsonl) {
  const std::string input = "\"x\"\n";
  EXPECT_EQ(run_digest("convert --from jsonl-posts --to json --errors inline -", &input).exit_code, 2);
  EXPECT_EQ(run_digest("convert --to jsonl --errors inline -", &input).exit_code, 2);
  EXPECT_EQ(run_digest("convert --from jsonl-posts --to jsonl --errors nowhere -", &input).exit_code, 2);
}

// Blank lines (also CR only or spaces) are no records but count for the
// line numbers; no input at all is no error.
TEST(JsonlPostsCli, BlankLinesAreSkippedAndCounted) {
  const std::string input = "\n  \n\r\n" + json_string(read_file(fixture("short-marker"))) + "\n\n";
  const auto result = run_digest("convert --from jsonl-posts --to jsonl -", &input);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = lines_of(result.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(std::string(parsed(lines[0])["source"]["path"].GetString()), "<stdin>:4");
  const std::string empty;
  const auto nothing = run_digest("convert --from jsonl-posts --to jsonl -", &empty);
  EXPECT_EQ(nothing.exit_code, 0);
  EXPECT_EQ(nothing.out, "");
  EXPECT_EQ(nothing.err, "");
}

// CR LF line ends (a file from Windows) read as LF ones; CR LF inside the
// post (escaped in its string) is the post's own and recorded as such; a last
// line without its newline is a record too.
TEST(JsonlPostsCli, CrlfLineEndsAndALastLineWithoutNewline) {
  const std::string post = read_file(fixture("short-marker"));
  const std::string lf_input = json_string(post) + "\n" + json_string(post) + "\n";
  const std::string crlf_input = json_string(post) + "\r\n" + json_string(post);
  const auto lf = run_digest("convert --from jsonl-posts --to jsonl -", &lf_input);
  const auto crlf = run_digest("convert --from jsonl-posts --to jsonl -", &crlf_input);
  ASSERT_EQ(crlf.exit_code, 0) << crlf.err;
  EXPECT_EQ(crlf.out, lf.out);
  std::string windows_post;
  for (char c : post) windows_post += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string windows_input = json_string(windows_post) + "\r\n";
  const auto windows = run_digest("convert --from jsonl-posts --to jsonl -", &windows_input);
  ASSERT_EQ(windows.exit_code, 0) << windows.err;
  EXPECT_EQ(std::string(parsed(lines_of(windows.out).at(0))["source"]["line_endings"].GetString()), "crlf");
}

// A line of several MB converts; one over --max-member-size is a failed
// record (its bytes never held), and the next line is read as usual.
TEST(JsonlPostsCli, LongLinesWithinAndOverTheLimit) {
  std::string post = read_file(fixture("short-marker"));
  const std::size_t abstract = post.find("\n\n", post.find("Authors:")) + 2;
  std::string words;
  while (words.size() < (std::size_t{6} << 20)) words += "radiance field lattice ";
  post.insert(abstract, words);
  const std::string huge = json_string(post);
  const std::string input = huge + "\n" + json_string(read_file(fixture("long-marker"))) + "\n";
  const auto within = run_digest("convert --from jsonl-posts --to jsonl -", &input);
  ASSERT_EQ(within.exit_code, 0) << within.err;
  const auto lines = lines_of(within.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_GT(lines[0].size(), words.size());
  const auto over =
      run_digest("convert --from jsonl-posts --to jsonl --errors inline --max-member-size 1M -", &input);
  ASSERT_EQ(over.exit_code, 0) << over.err;
  const auto cut = lines_of(over.out);
  ASSERT_EQ(cut.size(), 2u);
  EXPECT_EQ(std::string(parsed(cut[0])["error"]["kind"].GetString()), "too-long");
  EXPECT_EQ(cut[1], lines[1]);
  const auto reported = run_digest("convert --from jsonl-posts --to jsonl --max-member-size 1M -", &input);
  EXPECT_EQ(reported.exit_code, 1);
  EXPECT_NE(reported.err.find("<stdin>:1: error: line longer than the member size limit of 1048576 bytes"),
            std::string::npos)
      << reported.err;
}

// Output order is input order with -j 2, failures in their places.
TEST(JsonlPostsCli, ParallelRunKeepsTheOrder) {
  std::string input;
  std::size_t expected_lines = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string& name = kUtf8Fixtures[static_cast<std::size_t>(i) % kUtf8Fixtures.size()];
    if (i % 17 == 5) {
      input += "oops\n";
    } else if (i % 23 == 7) {
      input += json_string(kBrokenPost) + "\n";
    } else {
      input += json_string(read_file(fixture(name))) + "\n";
      if (name == "two-digests") ++expected_lines;  // its second digest
    }
    ++expected_lines;
  }
  const auto serial = run_digest("convert -j 1 --from jsonl-posts --to jsonl --errors inline -", &input);
  const auto parallel = run_digest("convert -j 2 --from jsonl-posts --to jsonl --errors inline -", &input);
  ASSERT_EQ(serial.exit_code, 0) << serial.err;
  ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
  EXPECT_EQ(parallel.out, serial.out);
  const auto lines = lines_of(parallel.out);
  EXPECT_EQ(lines.size(), expected_lines);
  const auto stderr_serial = run_digest("convert -j 1 --from jsonl-posts --to jsonl -", &input);
  const auto stderr_parallel = run_digest("convert -j 2 --from jsonl-posts --to jsonl -", &input);
  EXPECT_EQ(stderr_parallel.out, stderr_serial.out);
  EXPECT_EQ(stderr_parallel.err, stderr_serial.err);
}

TEST(JsonlPostsCli, InputsThatAreNoStreamOfLines) {
  const auto dir = digestkit::testing::make_temp_dir("digest-posts");
  const auto folder = run_digest("convert --from jsonl-posts --to jsonl " + shell_quote(dir.string()));
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.err.find("is a directory"), std::string::npos) << folder.err;
  EXPECT_EQ(
      run_digest("convert --from jsonl-posts --to jsonl " + shell_quote((dir / "absent").string())).exit_code,
      2);
  const std::string input = "\"x\"\n";
  const auto out_dir =
      run_digest("convert --from jsonl-posts --to jsonl -o " + shell_quote(dir.string()) + "/ -", &input);
  EXPECT_EQ(out_dir.exit_code, 2);
  EXPECT_NE(out_dir.err.find("not -o DIR/"), std::string::npos) << out_dir.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace digestkit
