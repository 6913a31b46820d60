// `digest diff` end to end: exit codes, formats, directories, archives,
// colour and errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace digestkit {
namespace {

using testing::run_digest;
using testing::shell_quote;

std::string fixture(const std::string& name) {
  return shell_quote(testing::testdata("diff/" + name).string());
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Identical inputs print nothing, as diff(1) does (issue 15: this printed
// an all-zero summary before); --stat still prints the counts.
TEST(DiffCli, SameFileExitsZeroAndPrintsNothing) {
  const auto result = run_digest("diff " + fixture("base.txt") + " " + fixture("base.txt"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(run_digest("diff --stat " + fixture("base.txt") + " " + fixture("base.txt")).out,
            "+0 -0 ~0 =6 entries\n");
  EXPECT_EQ(result.err, "");
}

TEST(DiffCli, DifferencesExitOne) {
  const auto result = run_digest("diff " + fixture("base.txt") + " " + fixture("edited.txt"));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(first_line(result.out), "+1 -1 ~5 =0 entries");
  EXPECT_NE(result.out.find("\n+ Polyphonic Denoisers"), std::string::npos);
  EXPECT_EQ(result.out.find("\x1b["), std::string::npos);  // not a terminal, NO_COLOR set
}

TEST(DiffCli, ShuffledIsTheSameUnlessMovesAreAsked) {
  EXPECT_EQ(run_digest("diff " + fixture("base.txt") + " " + fixture("shuffled.txt")).exit_code, 0);
  const auto moves = run_digest("diff --moves " + fixture("base.txt") + " " + fixture("shuffled.txt"));
  EXPECT_EQ(moves.exit_code, 1);
  EXPECT_EQ(first_line(moves.out), "+0 -0 ~0 =6 entries, 3 moved");
}

TEST(DiffCli, IgnoreOptions) {
  const auto args = fixture("base.txt") + " " + fixture("spacing-case.txt");
  EXPECT_EQ(run_digest("diff " + args).exit_code, 1);
  EXPECT_EQ(run_digest("diff --ignore-whitespace " + args).exit_code, 1);
  EXPECT_EQ(run_digest("diff --ignore-whitespace --ignore-case " + args).exit_code, 0);
}

TEST(DiffCli, StatAndJson) {
  const auto args = fixture("base.txt") + " " + fixture("edited.txt");
  const auto stat = run_digest("diff --stat " + args);
  EXPECT_EQ(stat.exit_code, 1);
  EXPECT_EQ(stat.out, "+1 -1 ~5 =0 entries\n");
  const auto json = run_digest("diff --format json " + args);
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(testing::schema_errors(json.out, "digestkit-diff-1.schema.json"), "");
  EXPECT_NE(json.out.find(R"("kind":"retitled")"), std::string::npos);
}

TEST(DiffCli, ColourOnlyWhenAsked) {
  const auto args = fixture("base.txt") + " " + fixture("edited.txt");
  EXPECT_NE(run_digest("diff --color=always " + args).out.find("\x1b[32m"), std::string::npos);
  EXPECT_EQ(run_digest("diff --color never " + args).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_digest("diff --color=auto " + args).out.find("\x1b["), std::string::npos);
}

void expect_tree_report(const testing::CommandResult& result, const std::string& old_prefix,
                        const std::string& new_prefix) {
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(first_line(result.out), "+1 -1 ~5 =1 entries in 3 of 4 files (1 only in old, 1 only in new)");
  EXPECT_NE(result.out.find("diff " + old_prefix + "a.txt " + new_prefix + "a.txt\n+1 -1 ~5 =0 entries\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("Only in old: " + old_prefix + "gone.txt\n"), std::string::npos);
  EXPECT_NE(result.out.find("Only in new: " + new_prefix + "fresh.txt\n"), std::string::npos);
  EXPECT_EQ(result.out.find("c.txt"), std::string::npos);  // the same on both sides
}

TEST(DiffCli, DirectoriesArePairedByRelativePath) {
  const auto old_dir = testing::testdata("diff/tree-old").string();
  const auto new_dir = testing::testdata("diff/tree-new").string();
  const auto result = run_digest("diff " + shell_quote(old_dir) + " " + shell_quote(new_dir));
  expect_tree_report(result, old_dir + "/", new_dir + "/");

  const auto stat = run_digest("diff --stat " + shell_quote(old_dir) + " " + shell_quote(new_dir));
  EXPECT_EQ(stat.out,
            "+1 -1 ~5 =1 entries in 3 of 4 files (1 only in old, 1 only in new)\n"
            "a.txt | +1 -1 ~5 =0 entries\nfresh.txt | only in new\ngone.txt | only in old\n");
  const auto json = run_digest("diff --format json " + shell_quote(old_dir) + " " + shell_quote(new_dir));
  EXPECT_EQ(testing::schema_errors(json.out, "digestkit-diff-1.schema.json"), "");
  EXPECT_EQ(run_digest("diff " + shell_quote(old_dir) + " " + shell_quote(old_dir)).exit_code, 0);
}

TEST(DiffCli, ArchivesArePairedByMemberPath) {
  const auto dir = testing::make_temp_dir("diff-archives");
  const auto data = testing::testdata("diff").string();
  const auto old_tgz = (dir / "old.tgz").string();
  const auto new_zip = (dir / "new.tar.gz").string();
  ASSERT_EQ(testing::run_command("tar -czf " + shell_quote(old_tgz) + " -C " +
                                 shell_quote(data + "/tree-old") + " .")
                .exit_code,
            0);
  ASSERT_EQ(testing::run_command("tar -czf " + shell_quote(new_zip) + " -C " +
                                 shell_quote(data + "/tree-new") + " a.txt sub fresh.txt")
                .exit_code,
            0);
  const auto result = run_digest("diff " + shell_quote(old_tgz) + " " + shell_quote(new_zip));
  expect_tree_report(result, old_tgz + ":./", new_zip + ":");
  std::filesystem::remove_all(dir);
}

TEST(DiffCli, AFileThatFailsToParseExitsTwoWithALocatedError) {
  const auto result = run_digest("diff " + fixture("bad.txt") + " " + fixture("base.txt"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bad.txt:17:1: error:"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");  // no summary of a comparison that did not happen
  const auto json = run_digest("diff --format json " + fixture("base.txt") + " " + fixture("bad.txt"));
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_EQ(testing::schema_errors(json.out, "digestkit-diff-1.schema.json"), "");
  EXPECT_NE(json.out.find(R"("files_failed":1)"), std::string::npos);
}

TEST(DiffCli, TroubleExitsTwo) {
  EXPECT_EQ(run_digest("diff " + fixture("base.txt") + " " + fixture("no-such-file.txt")).exit_code, 2);
  const auto mixed = run_digest("diff " + fixture("base.txt") + " " + fixture("tree-new"));
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("cannot compare a file with a directory"), std::string::npos);
  EXPECT_EQ(run_digest("diff --format xml " + fixture("base.txt") + " " + fixture("base.txt")).exit_code, 2);
  EXPECT_EQ(run_digest("diff " + fixture("base.txt")).exit_code, 2);
}

TEST(DiffCli, StandardInputAsOneSide) {
  const auto text = testing::read_file(testing::testdata("diff/edited.txt"));
  const auto result = run_digest("diff " + fixture("base.txt") + " -", &text);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(first_line(result.out), "+1 -1 ~5 =0 entries");
}

TEST(DiffCli, StandardInputOnBothSidesIsTheSame) {
  const auto text = testing::read_file(testing::testdata("diff/edited.txt"));
  const auto result = run_digest("diff - -", &text);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(DiffCli, HelpHasExamples) {
  const auto result = run_digest("diff --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Examples:"), std::string::npos);
  EXPECT_NE(result.out.find("--ignore-whitespace"), std::string::npos);
}

}  // namespace
}  // namespace digestkit
