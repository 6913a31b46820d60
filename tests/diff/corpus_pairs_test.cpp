// Every pair of real successive versions in ../shared/corpus/pairs: the
// diff's added/removed/changed sets and unchanged count equal the pair's
// truth file. The truth matches entries by exact title, so an entry this
// diff pairs by title key or as retitled counts there as one removed and one
// added title; the projection below does that and nothing else.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

struct EntrySets {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<std::string> changed;  // "title | field field"
  std::size_t unchanged = 0;
  void sort() {
    std::sort(added.begin(), added.end());
    std::sort(removed.begin(), removed.end());
    std::sort(changed.begin(), changed.end());
  }
};

std::string changed_item(std::string_view title, std::vector<std::string> fields) {
  std::sort(fields.begin(), fields.end());
  std::string item(title);
  item += " |";
  for (const auto& field : fields) item += " " + field;
  return item;
}

EntrySets truth_of(const std::filesystem::path& path) {
  rapidjson::Document json;
  const auto text = testing::read_file(path);
  json.Parse(text.data(), text.size());
  EXPECT_FALSE(json.HasParseError()) << path;
  EntrySets sets;
  for (const auto& title : json["added"].GetArray()) sets.added.emplace_back(title.GetString());
  for (const auto& title : json["removed"].GetArray()) sets.removed.emplace_back(title.GetString());
  for (const auto& change : json["changed"].GetArray()) {
    std::vector<std::string> fields;
    for (const auto& field : change["fields"].GetArray()) fields.emplace_back(field.GetString());
    sets.changed.push_back(changed_item(change["title"].GetString(), fields));
  }
  sets.unchanged = json["unchanged_count"].GetUint64();
  sets.sort();
  return sets;
}

EntrySets exact_title_view(const FileDiff& file) {
  EntrySets sets;
  for (const auto& digest : file.digests) {
    sets.unchanged += digest.counts.unchanged;
    for (const auto& change : digest.entries) {
      switch (change.kind) {
        case EntryChangeKind::Added:
          sets.added.emplace_back(change.new_entry->title.value);
          break;
        case EntryChangeKind::Removed:
          sets.removed.emplace_back(change.old_entry->title.value);
          break;
        case EntryChangeKind::Moved:
          break;
        case EntryChangeKind::Changed:
        case EntryChangeKind::Retitled:
          if (change.title) {
            sets.removed.emplace_back(change.old_entry->title.value);
            sets.added.emplace_back(change.new_entry->title.value);
          } else {
            std::vector<std::string> fields;
            for (const auto field : change.changed_fields())
              fields.emplace_back(field == "comments" ? "comment" : field);
            sets.changed.push_back(changed_item(change.new_entry->title.value, fields));
          }
          break;
      }
    }
  }
  sets.sort();
  return sets;
}

ParsedFile parse_path(const std::filesystem::path& path) {
  return parse_bytes(testing::read_file(path), path.string());
}

TEST(DiffCorpusPairs, EveryPairMatchesItsTruth) {
  const auto dir = testing::shared_dir() / "corpus" / "pairs";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  std::vector<std::filesystem::path> truths;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    const auto name = item.path().filename().string();
    if (name.size() > 11 && name.ends_with(".truth.json")) truths.push_back(item.path());
  }
  std::sort(truths.begin(), truths.end());
  ASSERT_FALSE(truths.empty());
  std::size_t retitled = 0;
  for (const auto& truth_path : truths) {
    const auto stem = truth_path.filename().string().substr(0, truth_path.filename().string().size() - 11);
    SCOPED_TRACE("pair " + stem);
    auto old_file = parse_path(dir / (stem + ".old.txt"));
    auto new_file = parse_path(dir / (stem + ".new.txt"));
    ASSERT_TRUE(old_file.ok());
    ASSERT_TRUE(new_file.ok());
    const auto file = diff_files(std::move(old_file), std::move(new_file));
    ASSERT_EQ(file.status, FileDiffStatus::Compared);
    retitled += file.counts().retitled;
    const auto expected = truth_of(truth_path);
    const auto actual = exact_title_view(file);
    EXPECT_EQ(actual.added, expected.added);
    EXPECT_EQ(actual.removed, expected.removed);
    EXPECT_EQ(actual.changed, expected.changed);
    EXPECT_EQ(actual.unchanged, expected.unchanged);

    // The JSON report of real text follows the schema too.
    DiffReport report({DiffFormat::Json});
    report.add(file);
    EXPECT_EQ(testing::schema_errors(report.finish(), "digestkit-diff-1.schema.json"), "");
  }
  // Pair 000 holds a real retitle (a subtitle appended): the diff finds it.
  EXPECT_GE(retitled, 1u);
}

}  // namespace
}  // namespace digestkit
