// `digest fmt` end to end: stdout and stdin, --check, --diff, -i (atomic,
// only when changed, refusals leave the original untouched with exit 2),
// unparsable files, option flags and digest.toml.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_digest;
using testing::shell_quote;

std::string fixture(const std::string& name) { return read_file(testing::testdata("format/" + name)); }

class FmtCommand : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("fmt-cli"); }
  void TearDown() override {
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      if (entry.is_directory()) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add);
    }
    fs::remove_all(dir_);
  }

  fs::path put(const std::string& name, const std::string& content) {
    const auto path = dir_ / name;
    fs::create_directories(path.parent_path());
    testing::write_file(path, content);
    return path;
  }

  static std::string q(const fs::path& path) { return shell_quote(path.string()); }

  fs::path dir_;
};

TEST_F(FmtCommand, PrintsTheCanonicalFormOnStdout) {
  const auto file = put("post.txt", fixture("crlf.before.txt"));
  const auto result = run_digest("fmt " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("crlf.after.txt"));
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(read_file(file), fixture("crlf.before.txt")) << "stdout mode never writes the file";
}

TEST_F(FmtCommand, ReadsStandardInput) {
  const std::string input = fixture("tabs.before.txt");
  const auto result = run_digest("fmt -", &input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("tabs.after.txt"));
}

TEST_F(FmtCommand, SeveralFilesAreJoinedLikeDigestsInOneFile) {
  const auto a = put("a.txt", fixture("canonical.before.txt"));
  const auto b = put("b.txt", fixture("nbsp.before.txt"));
  const auto result = run_digest("fmt " + q(a) + " " + q(b));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("canonical.after.txt") + "\n" + fixture("nbsp.after.txt"));
}

TEST_F(FmtCommand, CheckListsFilesThatWouldChangeAndExitsOne) {
  const auto clean = put("posts/clean.txt", fixture("canonical.after.txt"));
  const auto dirty = put("posts/dirty.txt", fixture("tabs.before.txt"));
  auto result = run_digest("fmt --check " + q(dir_ / "posts"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("would reformat " + dirty.string() + "\n"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("would reformat " + clean.string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("1 file would be reformatted, 1 already formatted"), std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(dirty), fixture("tabs.before.txt"));

  result = run_digest("fmt --check " + q(clean));
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(FmtCommand, DiffPrintsAUnifiedDiffOfTheChange) {
  const auto file = put("post.txt", fixture("collapse-spaces.before.txt"));
  const auto result = run_digest("fmt --collapse-spaces --diff " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string name = file.string();
  EXPECT_EQ(result.out.rfind("--- " + name + "\n+++ " + name + " (formatted)\n@@ -3,12 +3,12 @@\n", 0), 0u)
      << result.out;
  EXPECT_NE(result.out.find("\n-Learning to Balance a Pencil   with Sparse Rewards\n"), std::string::npos);
  EXPECT_NE(result.out.find("\n+Learning to Balance a Pencil with Sparse Rewards\n"), std::string::npos);
  EXPECT_EQ(read_file(file), fixture("collapse-spaces.before.txt"));

  // With --check too, the diff is printed and the exit status says "would change".
  EXPECT_EQ(run_digest("fmt --collapse-spaces --check --diff " + q(file)).exit_code, 1);
  // Runs of spaces are published text: by default there is nothing to change.
  EXPECT_EQ(run_digest("fmt --check " + q(file)).exit_code, 0);
  // Nothing to change: no output.
  const auto clean = put("clean.txt", fixture("canonical.after.txt"));
  EXPECT_EQ(run_digest("fmt --diff " + q(clean)).out, "");
}

// Lines that differ only in invisible characters would look the same:
// --diff spells them in removed and added lines (issue 15).
TEST_F(FmtCommand, DiffSpellsInvisibleCharacters) {
  const auto file = put("post.txt", fixture("crlf.before.txt"));
  const auto result = run_digest("fmt --diff " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("<U+000D>\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find('\r'), std::string::npos);
}

TEST_F(FmtCommand, DiffOfATranscodedFileComparesDecodedText) {
  const auto file = put("legacy.txt", fixture("gb18030.before.txt"));
  const auto result = run_digest("fmt --diff " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("only the encoding changes"), std::string::npos) << result.err;
}

TEST_F(FmtCommand, InPlaceRewritesChangedFilesAndKeepsTheirMode) {
  const auto dirty = put("dirty.txt", fixture("zero-width.before.txt"));
  const auto clean = put("clean.txt", fixture("canonical.after.txt"));
  fs::permissions(dirty, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  struct stat clean_before {};
  ASSERT_EQ(::stat(clean.c_str(), &clean_before), 0);

  const auto result = run_digest("fmt -i " + q(dirty) + " " + q(clean));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(read_file(dirty), fixture("zero-width.after.txt"));
  EXPECT_EQ(fs::status(dirty).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  // An unchanged file is not rewritten: same inode, same modification time.
  struct stat clean_after {};
  ASSERT_EQ(::stat(clean.c_str(), &clean_after), 0);
  EXPECT_EQ(clean_after.st_ino, clean_before.st_ino);
  EXPECT_EQ(clean_after.st_mtim.tv_sec, clean_before.st_mtim.tv_sec);
  EXPECT_EQ(clean_after.st_mtim.tv_nsec, clean_before.st_mtim.tv_nsec);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2)
      << "no temporary files left";
}

TEST_F(FmtCommand, InPlaceRefusesAReadOnlyFile) {
  const std::string original = fixture("tabs.before.txt");
  const auto file = put("post.txt", original);
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read);
  const auto result = run_digest("fmt -i " + q(file));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(
      result.err.find(file.string() + ": cannot rewrite: the file is read-only; the original is untouched"),
      std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(file), original);
}

TEST_F(FmtCommand, InPlaceRefusesAFileInAReadOnlyDirectory) {
  const std::string original = fixture("tabs.before.txt");
  const auto file = put("locked/post.txt", original);
  fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const auto result = run_digest("fmt -i " + q(file));
  fs::permissions(dir_ / "locked", fs::perms::owner_all);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("is not writable"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(file), original);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "locked"), fs::directory_iterator()), 1);
}

// A 250-byte name is valid, but ".NAME.digest-fmt-XXXXXX" would not be: the
// temporary file is then named without it (it used to fail). A temporary
// file that cannot be created is tested in atomic_write_test.cpp.
TEST_F(FmtCommand, InPlaceRewritesAFileWhoseNameIsNearNameMax) {
  const auto file = put(std::string(250, 'p'), fixture("tabs.before.txt"));
  const auto result = run_digest("fmt -i " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(file), fixture("tabs.after.txt"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& item : fs::directory_iterator(file.parent_path())) ++entries;
  EXPECT_EQ(entries, 1u) << "no temporary file left";
}

TEST_F(FmtCommand, InPlaceOnStandardInputIsAnError) {
  const std::string input = fixture("tabs.before.txt");
  const auto result = run_digest("fmt -i -", &input);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("cannot rewrite standard input in place"), std::string::npos) << result.err;
}

TEST_F(FmtCommand, UnparsableFileIsReportedAndLeftAlone) {
  const std::string broken = "Robotics\n\n\n2023-05-14 更新\n\nA Title\n\nNo authors line here\n";
  const auto file = put("broken.txt", broken);
  const auto good = put("good.txt", fixture("tabs.before.txt"));
  const auto result = run_digest("fmt -i " + q(file) + " " + q(good));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(file.string() + ":8:1: error: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("does not parse"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(file), broken);
  EXPECT_EQ(read_file(good), fixture("tabs.after.txt")) << "the other inputs are still formatted";
}

TEST_F(FmtCommand, RefusedFileIsReportedAndLeftAlone) {
  std::string text = fixture("canonical.after.txt");
  const std::string abstract = "We study balancing";
  text.replace(text.find(abstract), abstract.size(), "\u200bPDF files and balancing");
  const auto file = put("refused.txt", text);
  const auto result = run_digest("fmt -i " + q(file));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(file.string() + ":10:1: error: abstract would read as a \"PDF\" line"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(file), text);
  EXPECT_EQ(run_digest("fmt --keep-zero-width --check " + q(file)).exit_code, 0);
}

TEST_F(FmtCommand, MissingInputIsAnError) {
  const auto result = run_digest("fmt " + q(dir_ / "absent.txt"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("absent.txt"), std::string::npos);
}

TEST_F(FmtCommand, FlagsTurnRepairsOff) {
  for (const auto& [flag, name] :
       {std::pair{"--keep-tabs", "keep-tabs"}, std::pair{"--keep-nbsp", "keep-nbsp"},
        std::pair{"--keep-zero-width", "keep-zero-width"}, std::pair{"--collapse-spaces", "collapse-spaces"},
        std::pair{"--no-nfc", "no-nfc"}}) {
    const auto file = put(std::string(name) + ".txt", fixture(std::string(name) + ".before.txt"));
    const auto result = run_digest(std::string("fmt --no-config ") + flag + " " + q(file));
    EXPECT_EQ(result.exit_code, 0) << flag << result.err;
    EXPECT_EQ(result.out, fixture(std::string(name) + ".after.txt")) << flag;
  }
}

TEST_F(FmtCommand, DigestTomlTurnsRepairsOff) {
  const auto file = put("posts/post.txt", fixture("keep-tabs.before.txt"));
  put("digest.toml", "[fmt]\nreplace-tabs = false\n");
  auto result = run_digest("fmt " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("keep-tabs.after.txt"));
  // --no-config ignores it.
  result = run_digest("fmt --no-config " + q(file));
  EXPECT_NE(result.out, fixture("keep-tabs.after.txt"));
}

TEST_F(FmtCommand, DigestTomlOptsInToCollapsingSpaces) {
  const auto file = put("posts/post.txt", fixture("collapse-spaces.before.txt"));
  put("digest.toml", "[fmt]\ncollapse-spaces = true\n");
  auto result = run_digest("fmt " + q(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("collapse-spaces.after.txt"));
  // --keep-spacing overrides it.
  result = run_digest("fmt --keep-spacing " + q(file));
  EXPECT_EQ(result.out, fixture("collapse-spaces.before.txt"));
}

TEST_F(FmtCommand, BrokenDigestTomlIsAnError) {
  const auto file = put("post.txt", fixture("tabs.before.txt"));
  put("digest.toml", "[fmt]\nreplace_tabs = false\n");
  const auto result = run_digest("fmt " + q(file));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("digest.toml:2:1: error: unknown key \"replace_tabs\""), std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
}

TEST_F(FmtCommand, HelpHasExamples) {
  const auto result = run_digest("fmt --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Examples:"), std::string::npos);
  EXPECT_NE(result.out.find("--check"), std::string::npos);
  EXPECT_NE(result.out.find("--collapse-spaces"), std::string::npos);
}

TEST_F(FmtCommand, InPlaceExcludesCheckAndDiff) {
  const auto file = put("post.txt", fixture("tabs.before.txt"));
  EXPECT_EQ(run_digest("fmt -i --check " + q(file)).exit_code, 2);
  EXPECT_EQ(read_file(file), fixture("tabs.before.txt"));
}

TEST_F(FmtCommand, InPlacePrintsBlacksSummaryLine) {
  put("posts/a.txt", fixture("tabs.before.txt"));
  put("posts/b.txt", fixture("blank-lines.before.txt"));
  put("posts/c.txt", fixture("canonical.after.txt"));
  auto result = run_digest("fmt -i " + q(dir_ / "posts"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "2 files reformatted, 1 left unchanged\n");
  result = run_digest("fmt -i " + q(dir_ / "posts" / "a.txt"));
  EXPECT_EQ(result.err, "0 files reformatted, 1 left unchanged\n");
  put("posts/d.txt", fixture("tabs.before.txt"));
  put("posts/e.txt", "Robotics\n\n\n2023-05-14 更新\n\nA Title\n\nNo authors line here\n");
  result = run_digest("fmt -i " + q(dir_ / "posts"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.err.ends_with("\n1 file reformatted, 3 left unchanged, 1 could not be formatted\n"))
      << result.err;
}

TEST_F(FmtCommand, JobsGiveTheSameOutputInTheSameOrder) {
  const char* names[] = {"tabs.before.txt", "blank-lines.before.txt", "canonical.after.txt",
                         "crlf.before.txt", "nbsp.before.txt",        "zero-width.before.txt"};
  for (int copy = 0; copy < 5; ++copy) {
    for (const char* name : names) put("posts/" + std::to_string(copy) + "-" + name, fixture(name));
  }
  put("posts/9-broken.txt", "Robotics\n\n\n2023-05-14 更新\n\nA Title\n\nNo authors line here\n");
  for (const std::string mode : {"", "--check ", "--diff "}) {
    const auto serial = run_digest("fmt -j 1 " + mode + q(dir_ / "posts"));
    const auto parallel = run_digest("fmt -j 3 " + mode + q(dir_ / "posts"));
    EXPECT_EQ(serial.exit_code, 2) << mode;
    EXPECT_EQ(parallel.exit_code, serial.exit_code) << mode;
    EXPECT_EQ(parallel.out, serial.out) << mode;
    EXPECT_EQ(parallel.err, serial.err) << mode;
    EXPECT_FALSE(serial.out.empty() && mode != "--check ") << mode;
  }
}

TEST_F(FmtCommand, StdinFilenameNamesStandardInputAndFindsItsConfig) {
  put("posts/digest.toml", "[fmt]\nreplace-tabs = false\n");
  const std::string input = fixture("keep-tabs.before.txt");
  const std::string name = (dir_ / "posts" / "new.txt").string();
  auto result = run_digest("fmt --stdin-filename " + shell_quote(name), &input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, fixture("keep-tabs.after.txt")) << "posts/digest.toml applies";
  result = run_digest("fmt --check --stdin-filename " + shell_quote(name) + " -", &input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // Named like a file, it is still not a file to rewrite.
  result = run_digest("fmt -i --no-config --stdin-filename " + shell_quote(name) + " -", &input);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("digest fmt: " + name + ": cannot rewrite standard input in place"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(name));
}

TEST_F(FmtCommand, QuietLeavesOnlyErrors) {
  put("posts/a.txt", fixture("tabs.before.txt"));
  auto result = run_digest("fmt -q --check " + q(dir_ / "posts"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "");
  result = run_digest("fmt -q -i " + q(dir_ / "posts"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  result = run_digest("fmt -q " + q(dir_ / "absent.txt"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("absent.txt"), std::string::npos);
}

TEST_F(FmtCommand, ColorAlwaysColoursTheDiff) {
  const auto file = put("post.txt", fixture("blank-lines.before.txt"));
  EXPECT_NE(run_digest("fmt --diff --color always " + q(file)).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_digest("fmt --diff --color never " + q(file)).out.find("\x1b["), std::string::npos);
}

}  // namespace
}  // namespace digestkit
