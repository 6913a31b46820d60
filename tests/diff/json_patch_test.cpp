// `digest diff --format json-patch`: applied with python3-jsonpatch (RFC
// 6902) to `digest convert --to json OLD`, every patch gives exactly
// `digest convert --to json NEW`; for every ordered pair of the fixtures in
// testdata/diff and for the real pairs in ../shared/corpus/pairs.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "support/support.hpp"

namespace digestkit {
namespace {

using testing::run_digest;
using testing::shell_quote;

std::string checker() {
  return (testing::testdata("").parent_path().parent_path() / "tests" / "diff" / "apply_json_patch.py")
      .string();
}

struct Case {
  std::string name;
  std::filesystem::path old_file;
  std::filesystem::path new_file;
};

// Writes each case's exports and patch to dir and runs the checker over them.
void expect_patches_apply(const std::vector<Case>& cases, const std::string& stem) {
  const auto dir = testing::make_temp_dir(stem);
  std::map<std::filesystem::path, testing::CommandResult> exports;
  auto export_of = [&](const std::filesystem::path& file) -> const testing::CommandResult& {
    auto found = exports.find(file);
    if (found == exports.end())
      found = exports.emplace(file, run_digest("convert --to json " + shell_quote(file.string()))).first;
    return found->second;
  };
  for (const auto& c : cases) {
    const auto& old_json = export_of(c.old_file);
    const auto& new_json = export_of(c.new_file);
    const auto patch = run_digest("diff --format json-patch " + shell_quote(c.old_file.string()) + " " +
                                  shell_quote(c.new_file.string()));
    ASSERT_EQ(old_json.exit_code, 0) << c.name << old_json.err;
    ASSERT_EQ(new_json.exit_code, 0) << c.name << new_json.err;
    ASSERT_LE(patch.exit_code, 1) << c.name << patch.err;
    rapidjson::Document operations;
    operations.Parse(patch.out.data(), patch.out.size());
    ASSERT_FALSE(operations.HasParseError()) << c.name << patch.out;
    ASSERT_TRUE(operations.IsArray()) << c.name;
    testing::write_file(dir / (c.name + ".old.json"), old_json.out);
    testing::write_file(dir / (c.name + ".new.json"), new_json.out);
    testing::write_file(dir / (c.name + ".patch.json"), patch.out);
  }
  const auto result = testing::run_command(std::string(PYTHON3_EXE) + " " + shell_quote(checker()) + " " +
                                           shell_quote(dir.string()));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out, std::to_string(cases.size()) + " cases\n") << result.err;
  std::filesystem::remove_all(dir);
}

TEST(JsonPatch, EveryFixturePairRebuildsTheNewExport) {
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(testing::testdata("diff"))) {
    if (item.is_regular_file() && item.path().extension() == ".txt" && item.path().filename() != "bad.txt")
      files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u);
  std::vector<Case> cases;
  for (const auto& a : files) {
    for (const auto& b : files) {
      cases.push_back({a.stem().string() + "--" + b.stem().string(), a, b});
    }
  }
  expect_patches_apply(cases, "diff-json-patch");
}

TEST(JsonPatch, UsesMoveAndReplaceByIndex) {
  const auto base = testing::testdata("diff/base.txt").string();
  const auto shuffled = run_digest("diff --format json-patch " + shell_quote(base) + " " +
                                   shell_quote(testing::testdata("diff/shuffled.txt").string()));
  EXPECT_NE(shuffled.out.find(R"({"op":"move","path":"/0/entries/)"), std::string::npos) << shuffled.out;
  EXPECT_EQ(shuffled.out.find(R"("op":"add")"), std::string::npos) << shuffled.out;
  const auto edited = run_digest("diff --format json-patch " + shell_quote(base) + " " +
                                 shell_quote(testing::testdata("diff/edited.txt").string()));
  EXPECT_EQ(edited.exit_code, 1);
  EXPECT_NE(edited.out.find(R"({"op":"replace","path":"/0/entries/)"), std::string::npos) << edited.out;
  EXPECT_NE(edited.out.find(R"(/abstract","value":)"), std::string::npos) << edited.out;
  const auto same = run_digest("diff --format json-patch " + shell_quote(base) + " " + shell_quote(base));
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_EQ(same.out, "[]\n");
}

TEST(JsonPatch, TreesAreRefused) {
  const auto tree = testing::testdata("diff/tree-old").string();
  const auto result = run_digest("diff --format json-patch " + shell_quote(tree) + " " + shell_quote(tree));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("json-patch compares two files"), std::string::npos) << result.err;
}

TEST(JsonPatch, CorpusPairsRebuildTheNewExport) {
  const auto pairs = testing::shared_dir() / "corpus" / "pairs";
  if (!std::filesystem::is_directory(pairs)) GTEST_SKIP() << "no corpus at " << pairs;
  std::vector<Case> cases;
  for (const auto& item : std::filesystem::directory_iterator(pairs)) {
    const auto name = item.path().filename().string();
    const std::string suffix = ".old.txt";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    const auto stem = name.substr(0, name.size() - suffix.size());
    cases.push_back({stem, item.path(), pairs / (stem + ".new.txt")});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  ASSERT_FALSE(cases.empty());
  expect_patches_apply(cases, "diff-json-patch-corpus");
}

}  // namespace
}  // namespace digestkit
