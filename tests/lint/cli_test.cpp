// `digest validate` end to end: exit codes, quiet success, stdin, config
// discovery and per-file overrides, parallel runs, catalogue printing.
#include <gtest/gtest.h>

#include "digestkit/lint_report.hpp"
#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_digest;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

std::string fixture(const std::string& name) {
  return shell_quote(testdata("lint/rules/" + name + ".txt").string());
}

TEST(ValidateCli, CleanFileIsQuietAndExitsZero) {
  const auto result = run_digest("validate " + fixture("clean"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST(ValidateCli, ErrorsExitOneWithClangStyleText) {
  const auto result = run_digest("validate --today 2030-01-01 " + fixture("DG209.bad"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("DG209.bad.txt:15:19: error: bidi control U+202E"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("[DG209]\n"), std::string::npos);
  EXPECT_NE(result.err.find("1 error in 1 file of 1"), std::string::npos) << result.err;
}

TEST(ValidateCli, WarningsFailUnlessUnderMaxWarnings) {
  EXPECT_EQ(run_digest("validate " + fixture("DG204.bad")).exit_code, 1);
  EXPECT_EQ(run_digest("validate --max-warnings 1 " + fixture("DG204.bad")).exit_code, 0);
  EXPECT_EQ(run_digest("validate --severity DG204=info " + fixture("DG204.bad")).exit_code, 0);
  EXPECT_EQ(run_digest("validate --ignore DG2 " + fixture("DG204.bad")).exit_code, 0);
  EXPECT_EQ(run_digest("validate --select DG3 " + fixture("DG204.bad")).exit_code, 0);
}

TEST(ValidateCli, UsageAndInputErrorsExitTwo) {
  EXPECT_EQ(run_digest("validate").exit_code, 2);
  EXPECT_EQ(run_digest("validate --select DG999 " + fixture("clean")).exit_code, 2);
  EXPECT_EQ(run_digest("validate --severity DG204=loud " + fixture("clean")).exit_code, 2);
  EXPECT_EQ(run_digest("validate --today 2023-02-30 " + fixture("clean")).exit_code, 2);
  EXPECT_EQ(run_digest("validate --format xml " + fixture("clean")).exit_code, 2);
  const auto missing = run_digest("validate /nonexistent/post.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/post.txt"), std::string::npos) << missing.err;
}

TEST(ValidateCli, EmptyDirectoryWarnsButPasses) {
  const fs::path empty = digestkit::testing::make_temp_dir("lint-empty");
  const auto result = run_digest("validate " + shell_quote(empty.string()));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.err.find("no digest files"), std::string::npos) << result.err;
  fs::remove_all(empty);
}

TEST(ValidateCli, StdinWithFilename) {
  const std::string bytes = read_file(testdata("lint/rules/DG204.bad.txt"));
  const auto result = run_digest("validate --stdin-filename posts/today.txt -", &bytes);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("posts/today.txt:6:46: warning: 2 trailing blanks after"), std::string::npos)
      << result.out;
  const auto implicit = run_digest("validate --stdin-filename posts/today.txt", &bytes);
  EXPECT_EQ(implicit.out, result.out);
}

TEST(ValidateCli, ConfigIsFoundByWalkingUpAndPerFileOverridesApply) {
  const fs::path root = digestkit::testing::make_temp_dir("lint-config");
  fs::create_directories(root / "posts" / "legacy");
  write_file(root / "digest.toml",
             "[validate]\nignore = [\"DG310\"]\n\n[[per-file]]\nglob = \"posts/legacy/**\"\n"
             "ignore = [\"DG204\"]\n");
  const std::string bad = read_file(testdata("lint/rules/DG204.bad.txt"));
  write_file(root / "posts" / "new.txt", bad);
  write_file(root / "posts" / "legacy" / "old.txt", bad);

  const auto fresh = run_digest("validate " + shell_quote((root / "posts" / "new.txt").string()));
  EXPECT_EQ(fresh.exit_code, 1) << fresh.err;
  const auto legacy = run_digest("validate " + shell_quote((root / "posts" / "legacy" / "old.txt").string()));
  EXPECT_EQ(legacy.exit_code, 0) << legacy.out << legacy.err;

  // Standard input is configured by the name it is given.
  const auto piped = run_digest(
      "validate --stdin-filename " + shell_quote((root / "posts" / "legacy" / "piped.txt").string()) + " -",
      &bad);
  EXPECT_EQ(piped.exit_code, 0) << piped.out << piped.err;

  // --config replaces discovery; command-line options override the file.
  write_file(root / "strict.toml", "[validate]\nseverity = { DG204 = \"error\" }\n");
  const auto strict = run_digest("validate --config " + shell_quote((root / "strict.toml").string()) + " " +
                                 shell_quote((root / "posts" / "legacy" / "old.txt").string()));
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.out.find("error: 2 trailing blanks"), std::string::npos) << strict.out;
  const auto overridden =
      run_digest("validate --severity DG204=info --config " + shell_quote((root / "strict.toml").string()) +
                 " " + shell_quote((root / "posts" / "new.txt").string()));
  EXPECT_EQ(overridden.exit_code, 0);

  write_file(root / "digest.toml", "[validate]\nselect = [\"DG2\"\n");
  const auto broken = run_digest("validate " + shell_quote((root / "posts" / "new.txt").string()));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("digest.toml:"), std::string::npos) << broken.err;
  fs::remove_all(root);
}

TEST(ValidateCli, ParallelRunGivesTheSameOrderedOutput) {
  const std::string dir = shell_quote(testdata("lint/rules").string());
  const auto one = run_digest("validate --today 2030-06-01 --format json -j 1 " + dir);
  const auto two = run_digest("validate --today 2030-06-01 --format json -j 2 " + dir);
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, two.out);
  EXPECT_GT(one.out.size(), 1000u);
}

TEST(ValidateCli, ArchiveRulesAcrossInputs) {
  const std::string dir = shell_quote(testdata("lint/archive").string());
  // Info by default (revisions and re-scrapes are normal): raised here.
  const auto result =
      run_digest("validate --format github --severity DG401=warning,DG402=warning --today 2030-01-01 " + dir);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("b.txt,line=6,col=1,endLine=6,endColumn=46,title=DG401::paper"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("title=DG402::"), std::string::npos) << result.out;
}

TEST(ValidateCli, ListRulesAndExplain) {
  const auto markdown = run_digest("validate --list-rules --format markdown");
  EXPECT_EQ(markdown.exit_code, 0);
  EXPECT_EQ(markdown.out, digestkit::lint::rules_markdown());
  const auto table = run_digest("validate --list-rules");
  EXPECT_NE(table.out.find("DG209  bidi-control"), std::string::npos);
  const auto explain = run_digest("validate --explain dg203");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_EQ(explain.out.rfind("DG203 byte-order-mark", 0), 0u) << explain.out;
  EXPECT_EQ(run_digest("validate --explain DG999").exit_code, 2);
}

TEST(ValidateCli, InfoFindingsAloneExitZero) {
  const auto result = run_digest("validate --min-severity info " + fixture("DG308.bad"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("info: entry \"sparse lattice  ENCODERS"), std::string::npos) << result.out;
}

TEST(ValidateCli, StatisticsCountPerRule) {
  const auto result = run_digest("validate --statistics --min-severity info " + fixture("DG317.bad"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("1  DG317      conflicting-duplicate-entry"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("1  DG310      title-space-run"), std::string::npos) << result.out;
}

TEST(ValidateCli, QuietPrintsOnlyTheFindings) {
  const auto loud = run_digest("validate --today 2030-01-01 " + fixture("DG209.bad"));
  const auto quiet = run_digest("validate -q --today 2030-01-01 " + fixture("DG209.bad"));
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.out, loud.out);
  EXPECT_FALSE(loud.err.empty());
  EXPECT_EQ(quiet.err, "");
}

TEST(ValidateCli, ExitZeroReportsButPasses) {
  const auto result = run_digest("validate --exit-zero --today 2030-01-01 " + fixture("DG209.bad"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("[DG209]"), std::string::npos) << result.out;
  // Trouble is still trouble.
  EXPECT_EQ(run_digest("validate --exit-zero /nonexistent/post.txt").exit_code, 2);
}

TEST(ValidateCli, InputErrorsNameTheCommand) {
  const auto missing = run_digest("validate /nonexistent/post.txt");
  EXPECT_EQ(missing.err.rfind("digest validate: /nonexistent/post.txt: cannot open", 0), 0u) << missing.err;
}

}  // namespace
