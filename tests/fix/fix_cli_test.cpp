// `digest validate --fix` end to end: fmt's repairs written in place (mode
// kept, unfixable-only files untouched), the repaired text validated again
// and the exit status by what is left; files fmt refuses, standard input,
// archive members, baselines, [fmt] settings, -j.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_command;
using testing::run_digest;
using testing::shell_quote;

std::string fixture(const std::string& name) { return read_file(testing::testdata(name)); }
// Three tabs (DG205, fixable) and nothing else.
std::string tabs() { return fixture("format/tabs.before.txt"); }
std::string tabs_fixed() { return fixture("format/tabs.after.txt"); }
// A bidi control (DG209, an error nobody but a person can fix) and nothing else.
std::string bidi() { return fixture("lint/rules/DG209.bad.txt"); }

class ValidateFix : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("fix-cli"); }
  void TearDown() override {
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add);
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
  // `digest ARGS` run in the test's folder.
  testing::CommandResult digest_here(const std::string& args, const std::string* input = nullptr) const {
    return run_command("cd " + q(dir_) + " && NO_COLOR=1 " + DIGEST_EXE + " " + args, input);
  }

  fs::path dir_;
};

TEST_F(ValidateFix, WithoutFixTheSummarySaysHowManyItWouldRepair) {
  put("tabs.txt", tabs());
  const auto result = digest_here("validate tabs.txt");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("3 warnings in 1 file of 1\n[*] 3 fixable with --fix\n"), std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(dir_ / "tabs.txt"), tabs()) << "validate without --fix writes nothing";
}

TEST_F(ValidateFix, RepairsInPlaceAndReportsOnlyWhatIsLeft) {
  const auto fixable = put("tabs.txt", tabs());
  const auto unfixable = put("bidi.txt", bidi());
  fs::permissions(fixable, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  struct stat before {};
  ASSERT_EQ(::stat(unfixable.c_str(), &before), 0);

  const auto result = digest_here("validate --fix tabs.txt bidi.txt");
  EXPECT_EQ(result.exit_code, 1) << "the DG209 error is left";
  EXPECT_EQ(read_file(fixable), tabs_fixed());
  EXPECT_EQ(fs::status(fixable).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(result.out.find("DG205"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("bidi.txt:15:19: error: bidi control"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("1 error in 1 file of 2\n"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("fixable with"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("digest validate: fixed 3 findings in 1 file\n"), std::string::npos)
      << result.err;

  // The file with only unfixable findings is not rewritten: same bytes,
  // same inode, same modification time.
  struct stat after {};
  ASSERT_EQ(::stat(unfixable.c_str(), &after), 0);
  EXPECT_EQ(read_file(unfixable), bidi());
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2) << "no temporary files";

  // What validate says afterwards is what --fix reported.
  const auto again = digest_here("validate tabs.txt bidi.txt");
  EXPECT_EQ(again.out, result.out);
  EXPECT_EQ(again.exit_code, 1);
}

TEST_F(ValidateFix, ExitsZeroWhenEverythingWasFixable) {
  put("posts/tabs.txt", tabs());
  put("posts/crlf.txt", fixture("format/crlf.before.txt"));
  const auto result = digest_here("validate --fix posts");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(read_file(dir_ / "posts/tabs.txt"), tabs_fixed());
  EXPECT_EQ(read_file(dir_ / "posts/crlf.txt"), fixture("format/crlf.after.txt"));
  EXPECT_NE(result.err.find("in 2 files\n"), std::string::npos) << result.err;
  EXPECT_EQ(digest_here("validate posts").exit_code, 0);
  EXPECT_EQ(digest_here("fmt --check posts").exit_code, 0) << "--fix wrote what fmt -i writes";
}

TEST_F(ValidateFix, FixableAndUnfixableFindingsInOneFile) {
  std::string text = bidi();
  text.insert(text.find('\n'), " \t");  // trailing blanks after the category line
  const auto file = put("post.txt", text);
  const auto result = digest_here("validate --fix post.txt");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(file), bidi()) << "the blanks are gone, the bidi control is not";
  EXPECT_NE(result.out.find("[DG209]"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("[DG204]"), std::string::npos) << result.out;
}

TEST_F(ValidateFix, AFileFmtRefusesIsLeftAlone) {
  // Removing the zero-width space would make the abstract read as a "PDF"
  // line: fmt's safety check refuses, and so does --fix.
  std::string text = fixture("format/canonical.after.txt");
  const std::string abstract = "We study balancing";
  text.replace(text.find(abstract), abstract.size(), "\u200bPDF files and balancing");
  const auto file = put("refused.txt", text);
  const auto good = put("good.txt", tabs());
  const auto result = digest_here("validate --fix refused.txt good.txt");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(file), text);
  EXPECT_EQ(read_file(good), tabs_fixed()) << "the other inputs are still fixed";
  EXPECT_NE(
      result.err.find("digest validate: refused.txt: warning: not fixed: 10:1: abstract would read as a "
                      "\"PDF\" line"),
      std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("refused.txt:10:1: warning: "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("[DG207]"), std::string::npos) << result.out;
}

TEST_F(ValidateFix, AFileThatDoesNotParseIsLeftAlone) {
  const std::string broken = "Robotics\t\n\n\n2023-05-14 更新\n\nA Title\n\nNo authors line here\n";
  const auto file = put("broken.txt", broken);
  const auto result = digest_here("validate --fix broken.txt");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(file), broken);
  EXPECT_NE(result.err.find("broken.txt: warning: not fixed: it does not parse"), std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("[DG204]"), std::string::npos) << result.out;
}

TEST_F(ValidateFix, AFileThatCannotBeWrittenIsReportedAndKept) {
  const auto file = put("post.txt", tabs());
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read);
  const auto result = digest_here("validate --fix post.txt");
  EXPECT_EQ(result.exit_code, 1) << "its findings are left; not an I/O error of the run";
  EXPECT_EQ(read_file(file), tabs());
  EXPECT_NE(result.err.find("post.txt: warning: not fixed: cannot rewrite: the file is read-only"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("[DG205]"), std::string::npos) << result.out;
}

TEST_F(ValidateFix, StandardInputGoesToStdoutRepairedAndTheFindingsToStderr) {
  const std::string input = tabs();
  auto result = digest_here("validate --fix -", &input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, tabs_fixed());

  // Nothing to fix: the text as read; what is left on stderr.
  const std::string unfixable = bidi();
  result = digest_here("validate --fix --stdin-filename posts/today.txt -", &unfixable);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, unfixable);
  EXPECT_NE(result.err.find("posts/today.txt:15:19: error: bidi control"), std::string::npos) << result.err;

  // -o FILE still takes the report (of what is left), the text log goes to stderr.
  result = digest_here("validate --fix --format json -o report.json -", &unfixable);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, unfixable);
  EXPECT_NE(read_file(dir_ / "report.json").find("\"code\": \"DG209\""), std::string::npos);
  EXPECT_NE(result.err.find("[DG209]"), std::string::npos) << result.err;
}

TEST_F(ValidateFix, ArchiveMembersAreReportedUnfixed) {
  put("p/tabs.txt", tabs());
  ASSERT_EQ(run_command("cd " + q(dir_) + " && tar czf posts.tgz p && rm -r p").exit_code, 0);
  const std::string archive = read_file(dir_ / "posts.tgz");
  const auto result = digest_here("validate --fix posts.tgz");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(dir_ / "posts.tgz"), archive);
  EXPECT_NE(result.err.find("posts.tgz:p/tabs.txt: warning: not fixed: a member of an archive cannot be "
                            "rewritten in place"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("posts.tgz:p/tabs.txt:6:20: warning: tab character"), std::string::npos)
      << result.out;
}

TEST_F(ValidateFix, WorksWithABaseline) {
  put("tabs.txt", tabs());
  put("bidi.txt", bidi());
  ASSERT_EQ(digest_here("validate --write-baseline base.json tabs.txt bidi.txt").exit_code, 0);
  // Fixing makes the tabs' entries stale; writing the baseline back drops them.
  const auto result =
      digest_here("validate --fix --baseline base.json --write-baseline base.json tabs.txt bidi.txt");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(read_file(dir_ / "tabs.txt"), tabs_fixed());
  EXPECT_NE(result.err.find("wrote 1 finding to base.json"), std::string::npos) << result.err;
  const std::string baseline = read_file(dir_ / "base.json");
  EXPECT_NE(baseline.find("DG209"), std::string::npos) << baseline;
  EXPECT_EQ(baseline.find("DG205"), std::string::npos) << baseline;

  // A new fixable finding in a baselined file: fixed, nothing new to report.
  put("bidi.txt", bidi() + "\n");
  const auto again = digest_here("validate --fix --baseline base.json tabs.txt bidi.txt");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(read_file(dir_ / "bidi.txt"), bidi());
}

TEST_F(ValidateFix, FmtSettingsOfDigestTomlApply) {
  put("digest.toml", "[fmt]\nreplace-tabs = false\n");
  const auto file = put("posts/post.txt", tabs());
  auto result = digest_here("validate --fix posts");
  EXPECT_EQ(result.exit_code, 1) << "the tabs are kept, so their findings are left";
  EXPECT_EQ(read_file(file), tabs());
  EXPECT_NE(result.out.find("[DG205]"), std::string::npos);
  result = digest_here("validate --fix --no-config posts");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(read_file(file), tabs_fixed());
}

TEST_F(ValidateFix, OnlySelectedRulesTriggerARewrite) {
  const auto file = put("post.txt", tabs());
  auto result = digest_here("validate --fix --ignore DG205 post.txt");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(read_file(file), tabs()) << "no finding to fix: the file is not touched";
}

TEST_F(ValidateFix, TwoJobsGiveTheSameResult) {
  for (const char* run : {"one", "two"}) {
    for (int i = 0; i < 6; ++i) {
      put(std::string(run) + "/tabs" + std::to_string(i) + ".txt", tabs());
      put(std::string(run) + "/bidi" + std::to_string(i) + ".txt", bidi());
      put(std::string(run) + "/crlf" + std::to_string(i) + ".txt", fixture("format/crlf.before.txt"));
    }
  }
  const auto one = digest_here("validate --fix -j 1 one");
  const auto two =
      run_command("cd " + q(dir_ / "two") + " && NO_COLOR=1 " + DIGEST_EXE + " validate --fix -j 2 .");
  const auto one_here = run_command("cd " + q(dir_ / "one") + " && NO_COLOR=1 " + DIGEST_EXE + " validate .");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_NE(two.err.find("fixed "), std::string::npos) << two.err;
  EXPECT_EQ(one_here.out, two.out) << "what -j 2 reports is what is left";
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    EXPECT_EQ(read_file(dir_ / "two" / ("tabs" + n + ".txt")), tabs_fixed());
    EXPECT_EQ(read_file(dir_ / "two" / ("bidi" + n + ".txt")), bidi());
    EXPECT_EQ(read_file(dir_ / "one" / ("crlf" + n + ".txt")),
              read_file(dir_ / "two" / ("crlf" + n + ".txt")));
  }
}

TEST_F(ValidateFix, StatisticsCountTheFixableFindings) {
  put("tabs.txt", tabs());
  put("bidi.txt", bidi());
  auto result = digest_here("validate --statistics tabs.txt bidi.txt");
  EXPECT_EQ(result.out,
            "      3  DG205  [*] tab\n"
            "      1  DG209      bidi-control\n"
            "      4  findings\n"
            "[*] 3 fixable with --fix\n");
  result = digest_here("validate --statistics --format json tabs.txt bidi.txt");
  EXPECT_NE(result.out.find("\"code\": \"DG205\",\n      \"name\": \"tab\",\n      \"count\": 3,\n      "
                            "\"fixable\": 3"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\"fixable\": 0"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("  \"count\": 4,\n  \"fixable\": 3\n}"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace digestkit
