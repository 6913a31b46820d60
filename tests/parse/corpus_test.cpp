// The real posts beside the checkout: every archive file parses and its AST
// equals its .truth.json field for field. Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <filesystem>
#include <set>

#include "parse_test_util.hpp"

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::shared_dir;

namespace {

std::vector<fs::path> corpus_files() {
  std::set<fs::path> files;
  const fs::path dir = shared_dir() / "corpus" / "archive";
  if (!fs::is_directory(dir)) return {};
  for (const auto& item : fs::directory_iterator(dir)) {
    if (item.path().extension() == ".txt") files.insert(item.path());
  }
  return {files.begin(), files.end()};
}

std::string str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

}  // namespace

TEST(Corpus, EveryArchivePostMatchesItsTruth) {
  const auto files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << shared_dir();
  for (const auto& path : files) {
    SCOPED_TRACE(path.filename().string());
    const auto file = digestkit::parse_bytes(read_file(path), path.string());
    ASSERT_TRUE(file.ok());
    ASSERT_EQ(file.documents.size(), 1u);
    const auto& d = file.documents[0];

    rapidjson::Document truth;
    const std::string truth_text = read_file(fs::path(path).replace_extension(".truth.json"));
    ASSERT_FALSE(truth.Parse(truth_text.c_str()).HasParseError());
    EXPECT_EQ(d.category.line.value, str(truth["category"]));
    ASSERT_TRUE(d.date.has_value());
    EXPECT_EQ(d.date->iso(), str(truth["date"]));
    ASSERT_TRUE(d.footer.has_value());
    EXPECT_EQ(d.footer->author.value, str(truth["footer_author"]));
    const auto& entries = truth["entries"].GetArray();
    ASSERT_EQ(d.entries.size(), entries.Size());
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
      const auto& want = entries[i];
      const auto& got = d.entries[i];
      EXPECT_EQ(got.title.value, str(want["title"]));
      EXPECT_EQ(got.abstract.value, str(want["abstract"]));
      ASSERT_EQ(got.authors.size(), want["authors"].Size()) << got.title.value;
      for (rapidjson::SizeType a = 0; a < want["authors"].Size(); ++a) {
        EXPECT_EQ(got.authors[a].name, str(want["authors"][a]));
      }
      if (want["comment"].IsNull()) {
        EXPECT_FALSE(got.comments.has_value()) << got.title.value;
      } else {
        ASSERT_TRUE(got.comments.has_value()) << got.title.value;
        EXPECT_EQ(got.comments->value, str(want["comment"]));
      }
    }
  }
}

TEST(Corpus, SeedsAndPairsParse) {
  const fs::path seeds = shared_dir() / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  std::size_t parsed = 0;
  for (const fs::path& dir : {seeds, shared_dir() / "corpus" / "pairs"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& item : fs::directory_iterator(dir)) {
      if (item.path().extension() != ".txt") continue;
      const auto file = digestkit::parse_bytes(read_file(item.path()), item.path().string());
      EXPECT_TRUE(file.ok()) << item.path();
      EXPECT_TRUE(file.documents.at(0).blank_runs.empty()) << item.path();
      ++parsed;
    }
  }
  EXPECT_GE(parsed, 2u);
}
