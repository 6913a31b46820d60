// `digest diff --git-external` and `digest convert --to text` plugged into
// real git, in a temporary repository: `git diff` and `git log -p` show
// entry-level diffs for files marked `diff=digest`, added and removed files
// included.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

using testing::run_command;
using testing::shell_quote;

class GitExternal : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = testing::make_temp_dir("diff-git");
    ASSERT_EQ(git("init -q").exit_code, 0);
    git("config user.email test@example.invalid");
    git("config user.name Test");
    git("config diff.digest.command " + shell_quote(std::string(DIGEST_EXE) + " diff --git-external"));
    testing::write_file(repo_ / ".gitattributes", "*.txt diff=digest\n");
    copy("view-old.txt", "post.txt");
    ASSERT_EQ(git("add -A").exit_code, 0);
    ASSERT_EQ(git("commit -q -m old").exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(repo_); }

  testing::CommandResult git(const std::string& args) {
    return run_command("cd " + shell_quote(repo_.string()) +
                       " && LC_ALL=C.UTF-8 NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 HOME=" +
                       shell_quote(repo_.string()) + " git --no-pager " + args);
  }
  void copy(const std::string& fixture, const std::string& name) {
    std::filesystem::copy_file(testing::testdata("diff/" + fixture), repo_ / name,
                               std::filesystem::copy_options::overwrite_existing);
  }

  std::filesystem::path repo_;
};

TEST_F(GitExternal, GitDiffShowsEntries) {
  copy("view-new.txt", "post.txt");
  const auto result = git("diff");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("diff --digest a/post.txt b/post.txt\n+0 -0 ~3 =1 entries\n", 0), 0u)
      << result.out;
  EXPECT_NE(result.out.find("    authors: removed [-Hana Ostrowski-]; added {+H<U+0430>na Ostrowski+}\n"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("@@"), std::string::npos) << result.out;  // no line hunks
}

TEST_F(GitExternal, LogShowsEachCommitAddedAndRemovedFiles) {
  copy("view-new.txt", "post.txt");
  copy("base.txt", "other.txt");
  ASSERT_EQ(git("add -A").exit_code, 0);
  ASSERT_EQ(git("commit -q -m new").exit_code, 0);
  ASSERT_EQ(git("rm -q post.txt").exit_code, 0);
  ASSERT_EQ(git("commit -q -m gone").exit_code, 0);
  const auto log = git("log -p --ext-diff --format=commit:%s");
  ASSERT_EQ(log.exit_code, 0) << log.err;
  // Newest first: post.txt removed (every entry -), then the edit and other.txt
  // added (every entry +), then the first commit adding post.txt.
  const auto gone = log.out.find("commit:gone");
  const auto removed = log.out.find("diff --digest a/post.txt b/post.txt\n+0 -4 ~0 =0 entries\n");
  const auto edited = log.out.find("diff --digest a/post.txt b/post.txt\n+0 -0 ~3 =1 entries\n");
  const auto added = log.out.find("diff --digest a/other.txt b/other.txt\n+6 -0 ~0 =0 entries\n");
  const auto first = log.out.find("diff --digest a/post.txt b/post.txt\n+4 -0 ~0 =0 entries\n");
  EXPECT_NE(gone, std::string::npos) << log.out;
  EXPECT_LT(gone, removed) << log.out;
  EXPECT_NE(edited, std::string::npos) << log.out;
  EXPECT_NE(added, std::string::npos) << log.out;
  EXPECT_LT(removed, edited);
  EXPECT_LT(edited, first);
  EXPECT_NE(first, std::string::npos) << log.out;
}

TEST_F(GitExternal, TextconvShowsTheCanonicalText) {
  git("config diff.digest.textconv " + shell_quote(std::string(DIGEST_EXE) + " convert --to text"));
  copy("view-new.txt", "post.txt");
  const auto result = git("diff --no-ext-diff");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("-2024-01-24 更新\n+2024-01-27 更新\n"), std::string::npos) << result.out;
}

TEST(GitExternalArguments, AreCheckedAndDevNullIsAnEmptySide) {
  const auto file = testing::testdata("diff/base.txt").string();
  const auto added =
      run_command(std::string("NO_COLOR=1 ") + DIGEST_EXE + " diff --git-external a.txt /dev/null . . " +
                  shell_quote(file) + " 0123abc 100644");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out.substr(0, added.out.find('\n', added.out.find('\n') + 1)),
            "diff --digest a/a.txt b/a.txt\n+6 -0 ~0 =0 entries");
  const auto short_args = run_command(std::string(DIGEST_EXE) + " diff --git-external a.txt /dev/null");
  EXPECT_EQ(short_args.exit_code, 2);
  const auto both =
      run_command(std::string(DIGEST_EXE) + " diff " + shell_quote(file) + " --git-external a " +
                  shell_quote(file) + " . . " + shell_quote(file) + " . .");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("seven arguments"), std::string::npos) << both.err;
}

}  // namespace
}  // namespace digestkit
