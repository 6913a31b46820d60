// digest.toml means the same for every command and from every folder: one
// ConfigLocator behind validate, fmt and convert --to text.
#include <gtest/gtest.h>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_digest;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

class ConfigCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = digestkit::testing::make_temp_dir("config-cli");
    fs::create_directories(root_ / "posts");
    fs::create_directories(root_ / "elsewhere");
  }
  void TearDown() override { fs::remove_all(root_); }

  // `digest ARGS` run from `folder`.
  static digestkit::testing::CommandResult run_in(const fs::path& folder, const std::string& args) {
    return digestkit::testing::run_command("cd " + shell_quote(folder.string()) + " && " +
                                           shell_quote(DIGEST_EXE) + " " + args);
  }

  fs::path root_;
};

// One warning (DG204, trailing blanks) and nothing else.
const char* const kOneWarning = "lint/rules/DG204.bad.txt";

TEST_F(ConfigCli, MaxWarningsOfTheInputsFolderAppliesFromAnyFolder) {
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  EXPECT_EQ(run_in(root_ / "elsewhere", "validate ../posts/post.txt").exit_code, 1);

  write_file(root_ / "posts" / "digest.toml", "[validate]\nmax-warnings = 3\n");
  for (const fs::path& folder : {root_ / "elsewhere", root_, root_ / "posts"}) {
    const auto result = run_in(folder, "validate " + shell_quote((root_ / "posts" / "post.txt").string()));
    EXPECT_EQ(result.exit_code, 0) << "from " << folder << "\n" << result.out << result.err;
    EXPECT_NE(result.out.find("DG204"), std::string::npos) << "the warning is still shown";
  }
  // --max-warnings on the command line replaces the configured limits.
  EXPECT_EQ(run_in(root_ / "elsewhere", "validate --max-warnings 0 ../posts/post.txt").exit_code, 1);
  // A digest.toml in the current folder does not configure inputs elsewhere.
  write_file(root_ / "elsewhere" / "digest.toml", "[validate]\nmax-warnings = 0\n");
  EXPECT_EQ(run_in(root_ / "elsewhere", "validate ../posts/post.txt").exit_code, 0);
}

TEST_F(ConfigCli, MaxWarningsCountsTheFilesItConfigures) {
  write_file(root_ / "posts" / "digest.toml", "[validate]\nmax-warnings = 3\n");
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  write_file(root_ / "elsewhere" / "post.txt", read_file(testdata(kOneWarning)));
  // posts/ allows its warning; elsewhere/ (no digest.toml) allows none.
  const auto result = run_in(root_, "validate posts elsewhere");
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_EQ(run_in(root_, "validate posts").exit_code, 0);
}

TEST_F(ConfigCli, NoConfigAndConfigOnValidate) {
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  write_file(root_ / "posts" / "digest.toml", "[validate]\nignore = [\"DG204\"]\n");
  EXPECT_EQ(run_in(root_, "validate posts/post.txt").exit_code, 0);
  EXPECT_EQ(run_in(root_, "validate --no-config posts/post.txt").exit_code, 1);
  write_file(root_ / "strict.toml", "[validate]\nseverity = { DG204 = \"error\" }\n");
  const auto strict = run_in(root_, "validate --config strict.toml posts/post.txt");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.out.find("error: 2 trailing blanks"), std::string::npos) << strict.out;
  EXPECT_EQ(run_in(root_, "validate --config strict.toml --no-config posts/post.txt").exit_code, 2);
}

TEST_F(ConfigCli, CommandLineIgnoreAddsToTheConfiguredList) {
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  write_file(root_ / "posts" / "digest.toml", "[validate]\nignore = [\"DG204\"]\n");
  // --ignore of another rule keeps the configured ignore (it used to replace it).
  const auto result = run_in(root_, "validate --ignore DG310 posts/post.txt");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  // The command line is the later layer: its --extend-select brings an
  // ignored rule back, and its --select restarts the selection.
  EXPECT_EQ(run_in(root_, "validate --extend-select DG204 posts/post.txt").exit_code, 1);
  EXPECT_EQ(run_in(root_, "validate --select DG2 posts/post.txt").exit_code, 1);
}

TEST_F(ConfigCli, UnknownKeysInPerFileAreErrorsAtTheirLine) {
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  write_file(root_ / "posts" / "digest.toml", "[[per-file]]\nglob = \"*.txt\"\nignroe = [\"DG204\"]\n");
  for (const char* command : {"validate", "fmt --check"}) {
    const auto result = run_in(root_, std::string(command) + " posts/post.txt");
    EXPECT_EQ(result.exit_code, 2) << command;
    EXPECT_NE(result.err.find("digest.toml:3:1: error: unknown key \"ignroe\" in [[per-file]]"),
              std::string::npos)
        << command << "\n"
        << result.err;
  }
}

TEST_F(ConfigCli, ConvertToTextObeysFmtAsFmtDoes) {
  const std::string tabbed = read_file(testdata("format/keep-tabs.before.txt"));
  write_file(root_ / "posts" / "post.txt", tabbed);
  write_file(root_ / "posts" / "digest.toml", "[fmt]\nreplace-tabs = false\n");
  const auto formatted = run_in(root_ / "elsewhere", "fmt ../posts/post.txt");
  const auto converted = run_in(root_ / "elsewhere", "convert --to text ../posts/post.txt");
  ASSERT_EQ(formatted.exit_code, 0) << formatted.err;
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  EXPECT_EQ(converted.out, formatted.out);
  EXPECT_EQ(converted.out, read_file(testdata("format/keep-tabs.after.txt")));
  EXPECT_NE(converted.out.find('\t'), std::string::npos);

  // --no-config on both: the default repairs.
  const auto plain_fmt = run_in(root_, "fmt --no-config posts/post.txt");
  const auto plain_convert = run_in(root_, "convert --to text --no-config posts/post.txt");
  EXPECT_EQ(plain_convert.out, plain_fmt.out);
  EXPECT_EQ(plain_convert.out.find('\t'), std::string::npos);

  // Round trip through JSON: the JSON file's folder configures it.
  write_file(root_ / "posts" / "post.json", run_in(root_, "convert --to json posts/post.txt").out);
  EXPECT_EQ(run_in(root_, "convert --to text posts/post.json").out, formatted.out);
}

TEST_F(ConfigCli, ArchiveMembersAreConfiguredFromTheArchivesFolder) {
  write_file(root_ / "posts" / "post.txt", read_file(testdata(kOneWarning)));
  ASSERT_EQ(std::system(("tar -C " + shell_quote(root_.string()) + " -czf " +
                         shell_quote((root_ / "elsewhere" / "posts.tgz").string()) + " posts/post.txt")
                            .c_str()),
            0);
  // A digest.toml in posts/ does not apply to the member posts/post.txt of an archive in elsewhere/.
  write_file(root_ / "posts" / "digest.toml", "[validate]\nignore = [\"DG204\"]\n");
  EXPECT_EQ(run_in(root_, "validate elsewhere/posts.tgz").exit_code, 1);
  write_file(root_ / "elsewhere" / "digest.toml", "[validate]\nignore = [\"DG204\"]\n");
  EXPECT_EQ(run_in(root_, "validate elsewhere/posts.tgz").exit_code, 0);
}

TEST_F(ConfigCli, StandardInputIsConfiguredFromItsFilenameOrTheCurrentFolder) {
  const std::string bad = read_file(testdata(kOneWarning));
  write_file(root_ / "posts" / "digest.toml", "[validate]\nignore = [\"DG204\"]\n");
  const auto named =
      digestkit::testing::run_command("cd " + shell_quote(root_.string()) + " && " + shell_quote(DIGEST_EXE) +
                                          " validate --stdin-filename posts/new.txt -",
                                      &bad);
  EXPECT_EQ(named.exit_code, 0) << named.out << named.err;
  const auto here = digestkit::testing::run_command(
      "cd " + shell_quote((root_ / "posts").string()) + " && " + shell_quote(DIGEST_EXE) + " validate -",
      &bad);
  EXPECT_EQ(here.exit_code, 0) << here.out << here.err;
  const auto other = digestkit::testing::run_command(
      "cd " + shell_quote((root_ / "elsewhere").string()) + " && " + shell_quote(DIGEST_EXE) + " validate -",
      &bad);
  EXPECT_EQ(other.exit_code, 1);
}

}  // namespace
