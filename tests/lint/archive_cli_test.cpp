// `digest validate` over a whole archive: quiet on real, correct posts, and
// the archive-wide findings (DG401, DG402) the same for every order of the
// same inputs, with the other copies as related locations.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::make_temp_dir;
using digestkit::testing::run_command;
using digestkit::testing::run_digest;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;

std::vector<std::string> txt_files(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& item : fs::directory_iterator(dir)) {
    if (item.path().extension() == ".txt") files.push_back(item.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string joined(const std::vector<std::string>& names, const std::string& prefix) {
  std::string out;
  for (const std::string& name : names) out += " " + shell_quote(prefix + name);
  return out;
}

// validate's text output with the archive's findings shown, run in `dir`.
digestkit::testing::CommandResult validate_in(const fs::path& dir, const std::string& args) {
  return run_command("cd " + shell_quote(dir.string()) + " && NO_COLOR=1 " + DIGEST_EXE +
                     " validate --min-severity info --select DG4 " + args);
}

TEST(ArchiveCli, FindingsDoNotDependOnTheOrderOfTheInputs) {
  const fs::path dir = testdata("lint/archive");
  std::vector<std::string> files = txt_files(dir);
  ASSERT_GE(files.size(), 3u);
  const auto sorted = validate_in(dir, joined(files, ""));
  EXPECT_NE(sorted.out.find("[DG401]"), std::string::npos) << sorted.out;
  EXPECT_NE(sorted.out.find(": note: the copy compared with"), std::string::npos) << sorted.out;
  std::reverse(files.begin(), files.end());
  EXPECT_EQ(validate_in(dir, joined(files, "")).out, sorted.out);
  std::rotate(files.begin(), files.begin() + 1, files.end());
  EXPECT_EQ(validate_in(dir, joined(files, "")).out, sorted.out);
  EXPECT_EQ(validate_in(dir, ".").out, validate_in(dir, "./").out);
}

TEST(ArchiveCli, AFileGivenTwiceIsNotADuplicateOfItself) {
  const fs::path dir = testdata("lint/archive");
  const auto twice = validate_in(dir, "a.txt a.txt ./a.txt");
  EXPECT_EQ(twice.exit_code, 0) << twice.err;
  EXPECT_EQ(twice.out, "") << twice.out;
}

TEST(ArchiveCli, RelatedLocationsInJsonAndSarif) {
  const fs::path dir = testdata("lint/archive");
  const auto json = validate_in(dir, "--format json a.txt b.txt");
  EXPECT_NE(json.out.find("\"related\": ["), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"file\": \"a.txt\""), std::string::npos) << json.out;
  const auto sarif = validate_in(dir, "--format sarif a.txt b.txt");
  EXPECT_NE(sarif.out.find("\"relatedLocations\": ["), std::string::npos) << sarif.out;
  EXPECT_NE(sarif.out.find("\"the copy compared with\""), std::string::npos) << sarif.out;
}

TEST(ArchiveCli, RaisedToAWarningTheyFailTheRun) {
  const fs::path dir = testdata("lint/archive");
  EXPECT_EQ(run_command("cd " + shell_quote(dir.string()) + " && " + DIGEST_EXE +
                        " validate --select DG4 a.txt b.txt")
                .exit_code,
            0);
  const auto raised = run_command("cd " + shell_quote(dir.string()) + " && NO_COLOR=1 " + DIGEST_EXE +
                                  " validate --select DG4 --severity DG401=warning a.txt b.txt");
  EXPECT_EQ(raised.exit_code, 1);
  EXPECT_NE(raised.out.find("b.txt:6:1: warning: paper"), std::string::npos) << raised.out;
}

// The real archive: correct posts, among them revisions of the same papers
// and re-scrapes of the same day. Nothing to report by default, and the
// findings shown on request are the same for a sorted list, a reversed one
// and a tarball of the folder.
TEST(ArchiveCli, TheRealArchiveIsQuietAndOrderFree) {
  const fs::path dir = digestkit::testing::shared_dir() / "corpus" / "archive";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  const auto plain = run_command("cd " + shell_quote(dir.string()) + " && " + DIGEST_EXE + " validate .");
  EXPECT_EQ(plain.exit_code, 0) << plain.out << plain.err;
  EXPECT_EQ(plain.out, "");

  std::vector<std::string> files = txt_files(dir);
  const auto sorted = validate_in(dir, joined(files, "./"));
  std::reverse(files.begin(), files.end());
  EXPECT_EQ(validate_in(dir, joined(files, "./")).out, sorted.out);

  const fs::path scratch = make_temp_dir("archive-cli");
  ASSERT_EQ(run_command("cd " + shell_quote(dir.string()) + " && tar czf " +
                        shell_quote((scratch / "posts.tgz").string()) + " *.txt")
                .exit_code,
            0);
  auto tarball = validate_in(scratch, "posts.tgz").out;
  // Members are named "posts.tgz:NAME" where the folder's files were "./NAME".
  std::string renamed;
  for (std::size_t at = 0;;) {
    const std::size_t next = tarball.find("posts.tgz:", at);
    renamed += tarball.substr(at, next == std::string::npos ? std::string::npos : next - at);
    if (next == std::string::npos) break;
    renamed += "./";
    at = next + std::string("posts.tgz:").size();
  }
  EXPECT_EQ(renamed, sorted.out);
  fs::remove_all(scratch);
}

}  // namespace

namespace {

// A web page, saved as HTML or as a text dump, is named as one and pointed
// to `digest extract` (DG100), not reported as a wall of parse errors.
TEST(NotADigestCli, SavedPagesPointToExtract) {
  for (const char* page : {"extract/headings.txt", "extract/headings.html"}) {
    SCOPED_TRACE(page);
    const auto result = digestkit::testing::run_digest("validate " + shell_quote(testdata(page).string()));
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.out.find("not a digest post: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("use digest extract to get the digest out of it) [DG100]"), std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find("[DG10"), result.out.rfind("[DG1")) << "one finding\n" << result.out;
  }
}

TEST(NotADigestCli, TheRealSavedPagesPointToExtract) {
  const fs::path dir = digestkit::testing::shared_dir() / "corpus" / "scraped";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  std::size_t pages = 0;
  for (const auto& item : fs::directory_iterator(dir)) {
    const std::string extension = item.path().extension().string();
    if (extension != ".txt" && extension != ".html") continue;
    ++pages;
    const auto result =
        digestkit::testing::run_digest("validate --format json " + shell_quote(item.path().string()));
    EXPECT_EQ(result.exit_code, 1) << item.path();
    EXPECT_NE(result.out.find("\"code\": \"DG100\""), std::string::npos) << item.path() << "\n" << result.out;
    EXPECT_NE(result.out.find("use digest extract"), std::string::npos) << item.path();
    EXPECT_EQ(result.out.find("\"code\": \"DG102\""), std::string::npos) << item.path();
  }
  EXPECT_GE(pages, 40u);
}

}  // namespace
