// The real posts of ../shared/corpus/archive: each parses, and its JSON export
// equals its .truth.json field for field (the truth says "comment" for
// "comments" and "footer_author" for footer.author). Skipped without the corpus.
#include <rapidjson/document.h>

#include "digestkit/json.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using json_testing::corpus_posts;
using json_testing::errors_text;

std::string truth_path(const std::filesystem::path& post) {
  std::string path = post.string();
  return path.substr(0, path.size() - 4) + ".truth.json";
}

void expect_string_field(const rapidjson::Value& ours, const char* our_name, const rapidjson::Value& truth,
                         const char* truth_name) {
  ASSERT_TRUE(ours.HasMember(our_name)) << our_name;
  ASSERT_TRUE(truth.HasMember(truth_name)) << truth_name;
  const auto& a = ours[our_name];
  const auto& b = truth[truth_name];
  if (b.IsNull()) {
    EXPECT_TRUE(a.IsNull()) << our_name;
    return;
  }
  ASSERT_TRUE(a.IsString()) << our_name;
  EXPECT_EQ(std::string(a.GetString(), a.GetStringLength()), std::string(b.GetString(), b.GetStringLength()))
      << our_name;
}

void expect_matches_truth(const rapidjson::Value& ours, const rapidjson::Value& truth) {
  expect_string_field(ours, "category", truth, "category");
  expect_string_field(ours, "date", truth, "date");
  const auto& entries = ours["entries"];
  const auto& truth_entries = truth["entries"];
  ASSERT_EQ(entries.Size(), truth_entries.Size());
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    SCOPED_TRACE("entry " + std::to_string(i));
    expect_string_field(entries[i], "title", truth_entries[i], "title");
    expect_string_field(entries[i], "abstract", truth_entries[i], "abstract");
    expect_string_field(entries[i], "comments", truth_entries[i], "comment");
    EXPECT_TRUE(entries[i]["authors"] == truth_entries[i]["authors"]);
  }
  ASSERT_TRUE(ours["footer"].IsObject());
  expect_string_field(ours["footer"], "author", truth, "footer_author");
}

TEST(Corpus, EveryPostMatchesItsTruthAndTheSchema) {
  const auto posts = corpus_posts();
  if (posts.empty()) GTEST_SKIP() << "no corpus at " << digestkit::testing::shared_dir();
  std::string all = "[";
  for (const auto& post : posts) {
    SCOPED_TRACE(post.filename().string());
    const ParsedFile file = parse_bytes(read_file(post), post.filename().string());
    ASSERT_TRUE(file.ok()) << errors_text(file);
    ASSERT_EQ(file.documents.size(), 1u);
    const std::string json = to_json(file);

    rapidjson::Document ours;
    ours.Parse(json.c_str());
    ASSERT_TRUE(ours.IsArray() && ours.Size() == 1);
    rapidjson::Document truth;
    truth.Parse(read_file(truth_path(post)).c_str());
    ASSERT_TRUE(truth.IsObject());
    expect_matches_truth(ours[0], truth);

    all += all.size() == 1 ? "" : ",";
    all += json.substr(1, json.size() - 4);  // the object inside "[\n" ... "\n]\n"
  }
  all += "]";
  EXPECT_EQ(digestkit::testing::schema_errors(all, "digestkit-1.schema.json"), "");
}

}  // namespace
}  // namespace digestkit
