// The scraped pages beside the checkout: for the .html and the .txt of every
// page, the digest recovered holds exactly the truth file's entries (title
// and author list, in page order, none extra), date and category. Skipped
// when ../shared is absent.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <filesystem>
#include <set>

#include "digestkit/extract.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::shared_dir;

namespace {

std::vector<fs::path> scraped_pages() {
  std::set<fs::path> files;
  const fs::path dir = shared_dir() / "corpus" / "scraped";
  if (!fs::is_directory(dir)) return {};
  for (const auto& item : fs::directory_iterator(dir)) {
    const auto ext = item.path().extension();
    if (ext == ".html" || ext == ".txt") files.insert(item.path());
  }
  return {files.begin(), files.end()};
}

std::string str(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

fs::path truth_of(const fs::path& page) {
  fs::path truth = page;
  truth.replace_extension(".truth.json");
  return truth;
}

}  // namespace

TEST(ScrapedCorpus, EveryPageGivesItsTruth) {
  const auto pages = scraped_pages();
  if (pages.empty()) GTEST_SKIP() << "no scraped corpus at " << shared_dir();
  std::size_t html = 0, dumps = 0, raw = 0;
  digestkit::extract::PageExtractor extractor;
  for (const auto& path : pages) {
    SCOPED_TRACE(path.filename().string());
    const auto page = extractor.extract(read_file(path), path.string());
    ASSERT_TRUE(page.ok()) << (page.diagnostics.empty() ? "" : page.diagnostics.front().message);
    (page.kind == digestkit::extract::PageKind::Html ? html : dumps) += 1;
    EXPECT_EQ(page.kind == digestkit::extract::PageKind::Html, path.extension() == ".html");
    EXPECT_EQ(page.facts.layout, "hexo-butterfly");
    ASSERT_EQ(page.digest.documents.size(), 1u);
    const auto& d = page.digest.documents[0];

    rapidjson::Document truth;
    const std::string truth_text = read_file(truth_of(path));
    ASSERT_FALSE(truth.Parse(truth_text.c_str()).HasParseError());
    EXPECT_EQ(d.category.line.value, str(truth["category"]));
    ASSERT_TRUE(d.date.has_value());
    EXPECT_EQ(d.date->iso(), str(truth["date"]));
    ASSERT_TRUE(d.footer.has_value());
    EXPECT_EQ(d.footer->author.value, "Kedreamix");
    const auto& entries = truth["entries"].GetArray();
    ASSERT_EQ(d.entries.size(), entries.Size());
    std::size_t raw_entries = 0;
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
      const auto& want = entries[i];
      const auto& got = d.entries[i];
      EXPECT_EQ(got.title.value, str(want["title"])) << "entry " << i;
      ASSERT_EQ(got.authors.size(), want["authors"].Size()) << got.title.value;
      for (rapidjson::SizeType a = 0; a < want["authors"].Size(); ++a) {
        EXPECT_EQ(got.authors[a].name, str(want["authors"][a]));
      }
      EXPECT_FALSE(got.abstract.value.empty()) << got.title.value;
      EXPECT_NE(got.marker, digestkit::Marker::Missing) << got.title.value;
      if (str(want["kind"]) == "raw-markdown") ++raw_entries;
    }
    EXPECT_EQ(page.facts.raw_markdown_entries, raw_entries);
    EXPECT_EQ(page.facts.summaries.count, entries.Size());
    raw += raw_entries;
  }
  EXPECT_EQ(html, dumps);
  EXPECT_GT(raw, 0u);
}

// The two forms of one page hold the same digest, field for field, but for
// abstracts where a dump's hard wraps cannot tell whether a space was there.
TEST(ScrapedCorpus, HtmlAndDumpAgree) {
  const auto pages = scraped_pages();
  if (pages.empty()) GTEST_SKIP() << "no scraped corpus at " << shared_dir();
  digestkit::extract::PageExtractor from_html;
  digestkit::extract::PageExtractor from_dump;
  for (const auto& path : pages) {
    if (path.extension() != ".html") continue;
    SCOPED_TRACE(path.filename().string());
    fs::path dump_path = path;
    dump_path.replace_extension(".txt");
    const auto html = from_html.extract(read_file(path), path.string());
    const auto dump = from_dump.extract(read_file(dump_path), dump_path.string());
    ASSERT_TRUE(html.ok());
    ASSERT_TRUE(dump.ok());
    EXPECT_EQ(html.text, dump.text);
  }
}
