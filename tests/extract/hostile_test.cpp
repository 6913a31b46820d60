// Hostile pages get a clear result, never a crash or a guess: no article, a
// page of another site, tables nested 10,000 deep, 50 MB of <div>, broken
// UTF-8, NUL bytes, an empty input. (Speed is measured in bench/, not here.)
#include <gtest/gtest.h>

#include <string>

#include "digestkit/extract.hpp"
#include "support/support.hpp"

using digestkit::extract::PageExtractor;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

namespace {

std::string code_of(const digestkit::extract::ExtractedPage& page) {
  return page.diagnostics.empty() ? "" : page.diagnostics.front().code;
}

// A real-layout page with `insert` placed inside its article, after the first entry.
std::string page_with(const std::string& insert) {
  std::string page = read_file(testdata("extract/headings.html"));
  const auto at = page.find("<h2", page.find("<h2") + 1);
  page.insert(at, insert);
  return page;
}

}  // namespace

TEST(HostilePages, NoArticle) {
  PageExtractor extractor;
  const auto page = extractor.extract("<!DOCTYPE html><html><body><p>hello</p></body></html>", "p.html");
  EXPECT_EQ(code_of(page), "DE001");
  EXPECT_NE(page.diagnostics.front().message.find("no digest found in p.html (looked for hexo-butterfly"),
            std::string::npos);
}

TEST(HostilePages, NestedTablesTenThousandDeep) {
  std::string tables;
  for (int i = 0; i < 10000; ++i) tables += "<table><tr><td>";
  tables += "cell";
  for (int i = 0; i < 10000; ++i) tables += "</td></tr></table>";
  PageExtractor extractor;
  // Outside an article: no digest.
  EXPECT_EQ(code_of(extractor.extract("<html><body>" + tables + "</body></html>", "t.html")), "DE001");
  // Inside the article, after an entry's marker: stray text between entries, dropped as chrome.
  const auto page = extractor.extract(page_with(tables), "t.html");
  ASSERT_TRUE(page.ok()) << page.diagnostics.front().message;
  EXPECT_EQ(page.digest.documents.front().entries.size(), 2u);
}

TEST(HostilePages, FiftyMegabytesOfDiv) {
  std::string open_divs;
  open_divs.reserve(50u << 20);
  while (open_divs.size() < (50u << 20)) open_divs += "<div>";
  PageExtractor extractor;
  EXPECT_EQ(code_of(extractor.extract("<html><body>" + open_divs, "d.html")), "DE001");
  std::string closed_divs;
  closed_divs.reserve(50u << 20);
  while (closed_divs.size() < (50u << 20)) closed_divs += "<div>x</div>";
  EXPECT_EQ(code_of(extractor.extract("<html><body>" + closed_divs + "</body></html>", "d.html")), "DE001");
}

TEST(HostilePages, BrokenUtf8IsADecodeErrorAtItsByte) {
  std::string page = read_file(testdata("extract/headings.txt"));
  page.insert(page.find("Folded"), "\xC3\x28");
  PageExtractor extractor;
  const auto result = extractor.extract(page, "bad.txt");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(code_of(result), "DG114");
  EXPECT_GT(result.diagnostics.front().location.line, 1u);
}

TEST(HostilePages, PageOfAnotherSite) {
  PageExtractor extractor;
  const auto page = extractor.extract(read_file(testdata("extract/error-other-site.html")), "other.html");
  EXPECT_EQ(code_of(page), "DE001");
  const auto dump =
      extractor.extract("Home\nAbout\n\nMy holiday\n\n2031-04-05 更新\n\nWe went to the sea.\n", "o.txt");
  EXPECT_EQ(code_of(dump), "DE001");
}

TEST(HostilePages, EmptyAndNulInputs) {
  PageExtractor extractor;
  EXPECT_EQ(code_of(extractor.extract("", "e.txt")), "DE001");
  EXPECT_EQ(code_of(extractor.extract("", "e.html")), "DE001");
  const std::string nul("\0\0\0 2031-04-05 更新\0", 20);
  EXPECT_FALSE(extractor.extract(nul, "n.txt").ok());
}
