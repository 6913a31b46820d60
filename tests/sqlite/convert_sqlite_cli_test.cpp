// `digest convert --to sqlite` end to end, and the README's query example
// run through the sqlite3 program exactly as README.md writes it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

using digestkit::testing::make_temp_dir;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::run_digest;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;

const std::string kSamples = shell_quote(testdata("samples").string());

TEST(ConvertSqlite, ReRunsAreIdempotentAndCounted) {
  const auto db = make_temp_dir("convert-sqlite") / "archive.db";
  const auto first = run_digest("convert --to sqlite -o " + shell_quote(db.string()) + " " + kSamples);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "");
  EXPECT_NE(first.err.find("2 digests added, 0 replaced, 0 unchanged, 0 removed"), std::string::npos)
      << first.err;
  // The extension names the target.
  const auto second = run_digest("convert -o " + shell_quote(db.string()) + " " + kSamples);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("0 digests added, 0 replaced, 2 unchanged, 0 removed"), std::string::npos)
      << second.err;
}

TEST(ConvertSqlite, NeedsAnOutputFile) {
  const auto result = run_digest("convert --to sqlite " + kSamples);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("-o FILE"), std::string::npos) << result.err;
}

TEST(ConvertSqlite, FailedInputsAreReportedAndTheOthersWritten) {
  const auto dir = make_temp_dir("convert-sqlite");
  const auto db = dir / "archive.db";
  const auto result = run_digest("convert --to sqlite -o " + shell_quote(db.string()) + " " + kSamples + " " +
                                 shell_quote(testdata("parse/errors/wrapped-title.txt").string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("wrapped-title.txt:7:1: error:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("2 digests added"), std::string::npos) << result.err;
}

TEST(ConvertSqlite, AnUnwritableDatabaseIsAnError) {
  const auto result = run_digest("convert --to sqlite -o /nonexistent-dir/a.db " + kSamples);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/nonexistent-dir/a.db"), std::string::npos) << result.err;
}

// README.md's full-text search example: a sh block with the convert
// command and the sqlite3 query, then a text block with what it prints.
// (Not a "$ digest" console block: tests/cli/readme_test.cpp would run the
// convert in the checkout.)
TEST(ConvertSqlite, ReadmeQueryExamplePrintsWhatReadmeShows) {
  const std::string readme = read_file(testdata("../README.md"));
  const std::string marker = "```sh\ndigest convert --to sqlite -o archive.db";
  const auto start = readme.find(marker);
  ASSERT_NE(start, std::string::npos) << "README.md has no --to sqlite example";
  const auto end = readme.find("```\n", start + 5);
  const auto output_start = readme.find("```text\n", end);
  ASSERT_NE(output_start, std::string::npos);
  const auto output_end = readme.find("```\n", output_start + 8);
  const std::string expected = readme.substr(output_start + 8, output_end - output_start - 8);
  std::istringstream block(readme.substr(start + 6, end - start - 6));
  std::string line, convert_line, query_line;
  while (std::getline(block, line)) {
    if (line.rfind("digest ", 0) == 0) convert_line = line.substr(7);
    if (line.rfind("sqlite3 ", 0) == 0) query_line = line;
  }
  ASSERT_FALSE(convert_line.empty());
  ASSERT_FALSE(query_line.empty());
  const auto dir = make_temp_dir("readme-sqlite");
  const std::string in_dir =
      "cd " + shell_quote(dir.string()) + " && ln -s " + shell_quote(testdata("").string()) + " testdata && ";
  const auto converted = run_command(in_dir + "NO_COLOR=1 " + DIGEST_EXE + " " + convert_line);
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  const auto queried = run_command("cd " + shell_quote(dir.string()) + " && " + query_line);
  EXPECT_EQ(queried.exit_code, 0) << queried.err;
  EXPECT_EQ(queried.out, expected);
  EXPECT_FALSE(expected.empty());
}

}  // namespace
}  // namespace digestkit
