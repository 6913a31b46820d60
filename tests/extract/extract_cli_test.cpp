// `digest extract` end to end: every scraped page (when ../shared is there)
// and every fixture gives text that `digest validate` finds no error in, and
// `extract --to json | convert --from json --to text` equals `extract --to text`.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "support/support.hpp"

namespace fs = std::filesystem;
using digestkit::testing::run_command;
using digestkit::testing::run_digest;
using digestkit::testing::shared_dir;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;

namespace {

std::vector<fs::path> pages_in(const fs::path& dir) {
  std::set<fs::path> pages;
  if (!fs::is_directory(dir)) return {};
  for (const auto& item : fs::directory_iterator(dir)) {
    const auto ext = item.path().extension();
    const bool error_page = item.path().filename().string().starts_with("error-");
    if ((ext == ".html" || ext == ".txt") && !error_page) pages.insert(item.path());
  }
  return {pages.begin(), pages.end()};
}

void check_page(const fs::path& page) {
  SCOPED_TRACE(page.string());
  const std::string quoted = shell_quote(page.string());
  const auto text = run_digest("extract " + quoted);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  ASSERT_FALSE(text.out.empty());
  const auto validated = run_digest("validate --format json -", &text.out);
  EXPECT_LE(validated.exit_code, 1) << validated.err;
  EXPECT_EQ(validated.out.find("\"severity\": \"error\""), std::string::npos) << validated.out;
  EXPECT_EQ(validated.out.find("\"severity\":\"error\""), std::string::npos) << validated.out;
  const auto round_trip = run_command(std::string("(NO_COLOR=1 ") + DIGEST_EXE + " extract --to json " +
                                      quoted + " | " + DIGEST_EXE + " convert --from json --to text -)");
  ASSERT_EQ(round_trip.exit_code, 0) << round_trip.err;
  EXPECT_EQ(round_trip.out, text.out);
}

}  // namespace

TEST(ExtractCli, FixturesValidateAndRoundTrip) {
  const auto pages = pages_in(testdata("extract"));
  ASSERT_FALSE(pages.empty());
  for (const auto& page : pages) check_page(page);
}

TEST(ExtractCli, ScrapedCorpusValidatesAndRoundTrips) {
  const auto pages = pages_in(shared_dir() / "corpus" / "scraped");
  if (pages.empty()) GTEST_SKIP() << "no scraped corpus at " << shared_dir();
  for (const auto& page : pages) check_page(page);
}

TEST(ExtractCli, NoDigestIsExitOneWithTheMessage) {
  const auto result =
      run_digest("extract " + shell_quote(testdata("extract/error-other-site.html").string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("no digest found in "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("(looked for hexo-butterfly"), std::string::npos) << result.err;
}

TEST(ExtractCli, DirectoryInParallelKeepsInputOrder) {
  const std::string dir = shell_quote(testdata("extract").string());
  const auto one = run_digest("extract --to jsonl " + dir);
  const auto two = run_digest("extract --to jsonl -j 2 " + dir);
  EXPECT_EQ(one.exit_code, 1);  // the error- pages
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_EQ(one.out, two.out);
  EXPECT_NE(one.err.find("inputs failed"), std::string::npos);
}
