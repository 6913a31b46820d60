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
#include <unordered_map>
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

// Every real post against itself is empty; against itself with its entries
// shuffled it shows only moves, and only with --moves. Entries sharing a
// title keep their relative order in the shuffle (they are matched in order
// of occurrence, so swapping two different entries of one title is an edit).
TEST(DiffCorpusArchive, EveryPostAgainstItselfAndShuffled) {
  const auto dir = testing::shared_dir() / "corpus" / "archive";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  std::vector<std::filesystem::path> posts;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    if (item.path().extension() == ".txt") posts.push_back(item.path());
  }
  std::sort(posts.begin(), posts.end());
  ASSERT_FALSE(posts.empty());
  DiffOptions moves;
  moves.moves = true;
  std::size_t shuffled_with_moves = 0;
  for (const auto& path : posts) {
    SCOPED_TRACE(path.filename().string());
    const auto file = parse_path(path);
    ASSERT_TRUE(file.ok());
    for (const auto& document : file.documents) {
      EXPECT_FALSE(diff_documents(document, document, moves).has_differences());

      Document shuffled = document;
      std::vector<std::size_t> order(document.entries.size());
      // i -> 7i+3 mod n is a permutation when 7 does not divide n; otherwise reverse.
      const std::size_t n = order.size();
      for (std::size_t i = 0; i < n; ++i) order[i] = n % 7 != 0 ? (i * 7 + 3) % n : n - 1 - i;
      std::vector<const Entry*> permuted;
      for (const auto i : order) permuted.push_back(&document.entries[i]);
      // Same-title entries back in their original relative order.
      std::unordered_map<std::string_view, std::vector<const Entry*>> by_title;
      for (const auto& entry : document.entries) by_title[entry.title.value].push_back(&entry);
      std::unordered_map<std::string_view, std::size_t> taken;
      for (std::size_t k = 0; k < permuted.size(); ++k) {
        const auto title = permuted[k]->title.value;
        shuffled.entries[k] = *by_title[title][taken[title]++];
      }
      EXPECT_FALSE(diff_documents(document, shuffled).has_differences());
      const auto diff = diff_documents(document, shuffled, moves);
      EXPECT_EQ(diff.counts.added + diff.counts.removed + diff.counts.changed, 0u);
      EXPECT_EQ(diff.counts.unchanged, document.entries.size());
      for (const auto& change : diff.entries) EXPECT_EQ(change.kind, EntryChangeKind::Moved);
      if (diff.counts.moved > 0) ++shuffled_with_moves;
    }
  }
  EXPECT_GT(shuffled_with_moves, 0u);
}

}  // namespace
}  // namespace digestkit
