// What directory walks skip: hidden names, ignore files (compared with git's
// own answer, `git check-ignore`), --exclude, digest.toml's exclude lists;
// and walks deeper than PATH_MAX.
#include <gtest/gtest.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include "digestkit/config.hpp"
#include "support/support.hpp"
#include "walk_log.hpp"

namespace fs = std::filesystem;
using digestkit::InputOptions;
using digestkit::testing::make_temp_dir;
using digestkit::testing::walk_inputs;
using digestkit::testing::write_file;

namespace {

// The paths (relative to root) a walk delivers.
std::set<std::string> walked(const fs::path& root, const InputOptions& options = {}) {
  std::set<std::string> out;
  for (const auto& file : walk_inputs({root.string()}, options).files)
    out.insert(fs::path(file.name).lexically_relative(root).generic_string());
  return out;
}

void make_files(const fs::path& root, std::initializer_list<const char*> files) {
  for (const char* relative : files) {
    fs::create_directories((root / relative).parent_path());
    write_file(root / relative, relative);
  }
}

// Runs a shell command in `dir` with no user or system git settings; its stdout.
std::string run_in(const fs::path& dir, const std::string& command) {
  const std::string full = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                           "' XDG_CONFIG_HOME= GIT_CONFIG_NOSYSTEM=1 " + command;
  std::string out;
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

class WalkRules : public ::testing::Test {
 protected:
  void SetUp() override { root_ = make_temp_dir("walk-rules"); }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(WalkRules, HiddenFilesAndFoldersAreSkippedUnlessAsked) {
  make_files(root_, {"a.txt", ".b.txt", ".hidden/c.txt", "d/.e.txt", "d/f.txt"});
  EXPECT_EQ(walked(root_), (std::set<std::string>{"a.txt", "d/f.txt"}));
  InputOptions options;
  options.hidden = true;
  EXPECT_EQ(walked(root_, options),
            (std::set<std::string>{"a.txt", ".b.txt", ".hidden/c.txt", "d/.e.txt", "d/f.txt"}));
}

TEST_F(WalkRules, NamedFilesAreReadHiddenOrIgnored) {
  make_files(root_, {".b.txt", "x.txt"});
  write_file(root_ / ".ignore", "x.txt\n");
  const auto log = walk_inputs({(root_ / ".b.txt").string(), (root_ / "x.txt").string()});
  EXPECT_EQ(log.files.size(), 2u);
  EXPECT_TRUE(walked(root_).empty());
}

// The patterns git's documentation names: negation, folder-only, anchored,
// "**", nested .gitignore files overriding their parents, info/exclude and
// core.excludesFile. The walk must skip exactly what git ignores.
TEST_F(WalkRules, GitignoreDecidesAsGitDoes) {
  const fs::path repo = root_ / "repo";
  fs::create_directories(repo);
  ASSERT_EQ(
      run_in(repo, "git init -q . && git config core.excludesFile \"$PWD/../global-ignore\" && echo ok"),
      "ok\n");
  make_files(repo, {"keep.txt",
                    "drop.txt",
                    "logs/a.txt",
                    "logs/keep-me.txt",
                    "build/x.txt",
                    "src/build/y.txt",
                    "build.txt/z.txt",
                    "anchored.txt",
                    "src/anchored.txt",
                    "deep/a/b/c/target.txt",
                    "deep/target.txt",
                    "notdeep/target.txt",
                    "nested/one.txt",
                    "nested/two.txt",
                    "nested/inner/one.txt",
                    "nested/inner/two.txt",
                    "local.txt",
                    "global.txt",
                    "src/q.txt",
                    "space name.txt",
                    "star/a.txt",
                    "star/b/a.txt",
                    "doc/frag.txt",
                    "doc/sub/frag.txt"});
  write_file(repo / ".gitignore",
             "# comment\n"
             "drop.txt\n"
             "logs/*\n"
             "!logs/keep-me.txt\n"
             "build/\n"
             "/anchored.txt\n"
             "deep/**/target.txt\n"
             "star/*/a.txt\n"
             "doc/*frag.txt\n"
             "space\\ name.txt\n");
  write_file(repo / "nested/.gitignore", "one.txt\n!/inner/one.txt\n");
  write_file(repo / "nested/inner/.gitignore", "two.txt\n");
  write_file(repo / ".git/info/exclude", "# git's comment\nlocal.txt\n");
  write_file(root_ / "global-ignore", "global.txt\n");

  std::set<std::string> all;
  std::string listing;
  for (const auto& entry : fs::recursive_directory_iterator(repo)) {
    const std::string relative = entry.path().lexically_relative(repo).generic_string();
    if (!entry.is_regular_file() || relative.starts_with(".git/") || !relative.ends_with(".txt")) continue;
    all.insert(relative);
    listing += relative + "\n";
  }
  write_file(root_ / "paths", listing);
  std::istringstream ignored_by_git(run_in(repo, "git check-ignore --no-index --stdin < ../paths"));
  std::set<std::string> expected = all;
  std::size_t ignored = 0;
  for (std::string line; std::getline(ignored_by_git, line);) ignored += expected.erase(line);
  ASSERT_GE(ignored, 12u);  // the patterns above did match
  EXPECT_EQ(walked(repo), expected);
  // A walk of a folder inside the work tree sees the same (parents' .gitignore apply).
  std::set<std::string> under_nested;
  for (const auto& path : expected)
    if (path.starts_with("nested/")) under_nested.insert(path.substr(7));
  EXPECT_EQ(walked(repo / "nested"), under_nested);

  InputOptions no_ignore;
  no_ignore.ignore_files = false;
  EXPECT_EQ(walked(repo, no_ignore), all);
}

TEST_F(WalkRules, ANamedFolderThatGitIgnoresIsWalked) {
  ASSERT_EQ(run_in(root_, "git init -q . && echo ok"), "ok\n");
  make_files(root_, {"build/bench/a.txt", "build/bench/b.txt", "build/c.txt"});
  write_file(root_ / ".gitignore", "build/\n");
  write_file(root_ / "build/bench/.ignore", "b.txt\n");
  EXPECT_TRUE(walked(root_).empty());
  EXPECT_EQ(walked(root_ / "build/bench"), (std::set<std::string>{"a.txt"}));
}

TEST_F(WalkRules, GitignoreOutsideARepositoryDoesNotApply) {
  make_files(root_, {"a.txt", "b.txt"});
  write_file(root_ / ".gitignore", "a.txt\n");
  EXPECT_EQ(walked(root_), (std::set<std::string>{"a.txt", "b.txt"}));
}

TEST_F(WalkRules, IgnoreFilesApplyWithOrWithoutARepository) {
  make_files(root_, {"a.txt", "b.txt", "drafts/c.txt", "sub/a.txt", "sub/keep.txt", "sub/other.txt"});
  write_file(root_ / ".ignore", "a.txt\ndrafts/\n*.txt\n!b.txt\n!sub/\n");
  write_file(root_ / "sub/.ignore", "!keep.txt\n");
  // *.txt drops everything but b.txt, sub/ and (whitelisted deeper) sub/keep.txt.
  EXPECT_EQ(walked(root_), (std::set<std::string>{"b.txt", "sub/keep.txt"}));
  ASSERT_EQ(run_in(root_, "git init -q . && echo ok"), "ok\n");
  write_file(root_ / ".gitignore", "b.txt\n");
  // .ignore's whitelist wins over .gitignore, as in ripgrep.
  EXPECT_EQ(walked(root_), (std::set<std::string>{"b.txt", "sub/keep.txt"}));
  write_file(root_ / ".ignore", "a.txt\n");  // no "/": a.txt at any depth
  EXPECT_EQ(walked(root_), (std::set<std::string>{"drafts/c.txt", "sub/keep.txt", "sub/other.txt"}));
}

TEST_F(WalkRules, ExcludeGlobsSkipFilesAndWholeFolders) {
  make_files(root_, {"a.txt", "a.draft.txt", "legacy/x.txt", "posts/legacy/y.txt", "posts/z.txt"});
  InputOptions options;
  options.exclude = {"*.draft.txt", "/legacy/"};
  EXPECT_EQ(walked(root_, options), (std::set<std::string>{"a.txt", "posts/legacy/y.txt", "posts/z.txt"}));
  options.exclude = {"legacy"};
  EXPECT_EQ(walked(root_, options), (std::set<std::string>{"a.txt", "a.draft.txt", "posts/z.txt"}));
  options.exclude = {"posts/**"};
  EXPECT_EQ(walked(root_, options), (std::set<std::string>{"a.txt", "a.draft.txt", "legacy/x.txt"}));
}

TEST_F(WalkRules, DigestTomlExcludesAreRelativeToItsFolder) {
  make_files(root_, {"top.txt", "posts/a.txt", "posts/old/b.txt", "posts/sub/old/c.txt", "posts/d.wip.txt"});
  write_file(root_ / "posts/digest.toml", "exclude = [\"/old/\"]\nextend-exclude = [\"*.wip.txt\"]\n");
  digestkit::ConfigLocator locator;
  InputOptions options;
  options.configs = &locator;
  EXPECT_EQ(walked(root_, options), (std::set<std::string>{"top.txt", "posts/a.txt", "posts/sub/old/c.txt"}));
  // --no-config: none apply.
  digestkit::ConfigLocator none(digestkit::ConfigChoice{std::nullopt, true});
  options.configs = &none;
  EXPECT_EQ(walked(root_, options).size(), 5u);
}

TEST_F(WalkRules, WalksDeeperThanPathMax) {
  const std::string component(200, 'd');
  fs::path deep = root_;
  std::string relative;
  const int levels = PATH_MAX / 200 + 3;
  // Created level by level with chdir: no single path may exceed PATH_MAX.
  const fs::path start = fs::current_path();
  fs::current_path(root_);
  for (int i = 0; i < levels; ++i) {
    fs::create_directory(component);
    fs::current_path(component);
    relative += component + "/";
  }
  write_file("deep.txt", "deep\n");
  fs::current_path(start);
  const auto log = walk_inputs({root_.string()});
  ASSERT_TRUE(log.errors.empty()) << log.errors.front().name.substr(0, 80) << ": "
                                  << log.errors.front().message;
  ASSERT_EQ(log.files.size(), 1u);
  EXPECT_GT(log.files.front().name.size(), static_cast<std::size_t>(PATH_MAX));
  EXPECT_EQ(log.files.front().name, root_.string() + "/" + relative + "deep.txt");
  EXPECT_EQ(log.files.front().bytes, "deep\n");
  // Deferred (read later on a worker thread) is read at once when too long to open by name.
  InputOptions deferring;
  deferring.defer_plain_files = true;
  const auto deferred = walk_inputs({root_.string()}, deferring);
  ASSERT_EQ(deferred.files.size(), 1u);
  EXPECT_EQ(deferred.files.front().bytes, "deep\n");
  // remove_all cannot go that deep by name either.
  fs::current_path(root_);
  for (int i = 0; i < levels - 1; ++i) fs::current_path(component);
  fs::remove_all(component);
  fs::current_path(start);
}

}  // namespace
