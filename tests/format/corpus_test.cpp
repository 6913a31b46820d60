// Over the real posts in ../shared/corpus (skipped when absent): fmt output
// differs from the input only by the documented repairs (its re-parse has
// exactly the entries of the truth file, runs of spaces included), and
// fmt(fmt(x)) == fmt(x).
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <string>
#include <vector>

#include "format_test_util.hpp"

namespace digestkit {
namespace {

std::vector<std::filesystem::path> corpus_posts() {
  std::vector<std::filesystem::path> posts;
  const auto root = testing::shared_dir() / "corpus";
  if (!std::filesystem::is_directory(root)) return posts;
  // archive/ and pairs/ hold posts; scraped/ holds web pages, not digests.
  for (const char* part : {"archive", "pairs"}) {
    if (!std::filesystem::is_directory(root / part)) continue;
    for (const auto& file : std::filesystem::recursive_directory_iterator(root / part)) {
      if (file.path().extension() == ".txt") posts.push_back(file.path());
    }
  }
  std::sort(posts.begin(), posts.end());
  return posts;
}

// The truth file's text is the post as published, runs of spaces and all:
// fmt changes layout, never content, so its output holds exactly that.
std::string published(std::string_view text) { return std::string(text); }

TEST(Corpus, FormattedPostsKeepTheTruthEntries) {
  const auto root = testing::shared_dir() / "corpus" / "archive";
  if (!std::filesystem::is_directory(root)) GTEST_SKIP() << "no corpus at " << root;
  int checked = 0;
  for (const auto& path : corpus_posts()) {
    if (path.parent_path() != root) continue;
    auto truth_path = path;
    truth_path.replace_extension(".truth.json");
    if (!std::filesystem::exists(truth_path)) continue;
    SCOPED_TRACE(path.filename().string());
    const std::string output = format_testing::formatted(testing::read_file(path), path.string());
    const ParsedFile reparsed = parse_bytes(output, path.string() + " (formatted)");
    ASSERT_TRUE(reparsed.ok()) << format_testing::errors_text(reparsed);
    ASSERT_EQ(reparsed.documents.size(), 1u);
    const Document& doc = reparsed.documents.front();

    rapidjson::Document truth;
    const std::string truth_text = testing::read_file(truth_path);
    ASSERT_FALSE(truth.Parse(truth_text.c_str()).HasParseError());
    EXPECT_EQ(doc.category.line.value, published(truth["category"].GetString()));
    ASSERT_TRUE(doc.date.has_value());
    EXPECT_EQ(doc.date->iso(), truth["date"].GetString());
    ASSERT_TRUE(doc.footer.has_value());
    EXPECT_EQ(doc.footer->author.value, published(truth["footer_author"].GetString()));

    const auto& entries = truth["entries"].GetArray();
    ASSERT_EQ(doc.entries.size(), entries.Size());
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
      const auto& want = entries[i];
      const Entry& got = doc.entries[i];
      EXPECT_EQ(got.title.value, published(want["title"].GetString())) << "entry " << i + 1;
      EXPECT_EQ(got.abstract.value, published(want["abstract"].GetString())) << "entry " << i + 1;
      if (want["comment"].IsNull()) {
        EXPECT_FALSE(got.comments.has_value()) << "entry " << i + 1;
      } else {
        ASSERT_TRUE(got.comments.has_value()) << "entry " << i + 1;
        EXPECT_EQ(got.comments->value, published(want["comment"].GetString())) << "entry " << i + 1;
      }
      std::vector<std::string> want_authors, got_authors;
      for (const auto& name : want["authors"].GetArray()) want_authors.push_back(published(name.GetString()));
      for (const Author& author : got.authors) got_authors.emplace_back(author.name);
      EXPECT_EQ(got_authors, want_authors) << "entry " << i + 1;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(Corpus, FormattingIsIdempotentOnEveryPost) {
  const auto posts = corpus_posts();
  if (posts.empty()) GTEST_SKIP() << "no corpus under " << testing::shared_dir();
  for (const auto& path : posts) {
    SCOPED_TRACE(path.string());
    const std::string once = format_testing::formatted(testing::read_file(path), path.string());
    EXPECT_EQ(format_testing::formatted(once, path.string() + " (formatted)"), once);
  }
}

}  // namespace
}  // namespace digestkit
