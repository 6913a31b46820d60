// `digest diff --format html`: the page parsed back with libxml2 (structure,
// escaping, anchors, <del>/<ins>, nothing external, deterministic bytes),
// directory pairs (one section per pair), and the page as a browser builds
// it (headless Chromium's DOM). scripts/setup.sh installs chromium, so its
// absence fails the test rather than skipping it.
#include <gtest/gtest.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

ParsedFile parse_fixture(const std::string& name) {
  const auto path = testing::testdata("diff/" + name);
  auto parsed = parse_bytes(testing::read_file(path), name);
  EXPECT_TRUE(parsed.ok()) << name << " does not parse";
  return parsed;
}

// html-old.txt -> html-new.txt: a changed abstract with "<", "&&" and ">",
// a Chinese word change, a move, a retitled entry, one removed, one added.
std::string render_fixture_page(bool show_unchanged = false) {
  DiffOptions options;
  options.moves = true;
  DiffReportOptions report_options;
  report_options.format = DiffFormat::Html;
  report_options.show_unchanged = show_unchanged;
  DiffReport report(report_options, "html-old.txt", "html-new.txt");
  auto file = diff_files(parse_fixture("html-old.txt"), parse_fixture("html-new.txt"), options);
  file.old_name = "html-old.txt";
  file.new_name = "html-new.txt";
  report.add(file);
  return report.finish();
}

class Page {
 public:
  explicit Page(const std::string& html)
      : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING),
             xmlFreeDoc) {}
  [[nodiscard]] bool ok() const { return doc_ != nullptr; }

  // The text content of every node the XPath expression selects.
  std::vector<std::string> all(const std::string& xpath) const {
    std::vector<std::string> out;
    std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContextPtr)> context(xmlXPathNewContext(doc_.get()),
                                                                           xmlXPathFreeContext);
    std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObjectPtr)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context.get()),
        xmlXPathFreeObject);
    if (result == nullptr || result->nodesetval == nullptr) return out;
    for (int k = 0; k < result->nodesetval->nodeNr; ++k) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[k]);
      out.emplace_back(content != nullptr ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    }
    return out;
  }
  std::size_t count(const std::string& xpath) const { return all(xpath).size(); }

 private:
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc_;
};

bool contains(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

const std::string kFile = "file-html-new-txt";
const std::string kMasksId = kFile + "--masks-b-friends-escaping-attention";

TEST(DiffHtml, SummaryTableCountsThePair) {
  const Page page(render_fixture_page());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.all("//table[@class='summary']/thead/tr/th"),
            (std::vector<std::string>{"file", "status", "added", "removed", "changed", "retitled", "moved",
                                      "unchanged"}));
  EXPECT_EQ(
      page.all("//table[@class='summary']/tbody/tr/td"),
      (std::vector<std::string>{"html-old.txt → html-new.txt", "changed", "1", "1", "3", "1", "1", "1"}));
  EXPECT_EQ(page.all("//table[@class='summary']/tbody/tr/td/a/@href"), std::vector<std::string>{"#" + kFile});
  EXPECT_EQ(page.count("//section[@class='file'][@id='" + kFile + "']"), 1U);
}

TEST(DiffHtml, EveryEntryHasAnAnchorAndItsKind) {
  const Page page(render_fixture_page());
  const auto ids = page.all("//tbody[contains(@class,'entry')]/@id");
  EXPECT_EQ(ids, (std::vector<std::string>{
                     kMasksId,
                     kFile + "--d1-new-2",  // a Chinese title: no ASCII in its key, its position
                     kFile + "--tidal-samplers-for-coastal-imagery",
                     kFile + "--glass-networks-for-brittle-predictions",
                     kFile + "--paper-lanterns-lighting-estimation-from-one-photo",
                     kFile + "--snow-globes-bounded-scenes-for-novel-view-synthesis",
                 }));
  EXPECT_EQ(page.all("//tbody[contains(@class,'entry')]/@class"),
            (std::vector<std::string>{"entry changed", "entry changed", "entry moved", "entry retitled",
                                      "entry removed", "entry added"}));
  // Each entry links to itself.
  EXPECT_EQ(page.all("//tbody[@id='" + kMasksId + "']//a[@class='anchor']/@href"),
            std::vector<std::string>{"#" + kMasksId});
  EXPECT_EQ(page.all("//tbody[contains(@class,'moved')]//span[@class='note']"),
            std::vector<std::string>{"moved 2 → 3"});
  EXPECT_EQ(page.all("//tbody[contains(@class,'retitled')]//span[@class='note']"),
            std::vector<std::string>{"retitled, 80% similar"});
  EXPECT_EQ(page.all("//tbody[@class='entry removed']//tr[@class='field changed']/td[@class='old']"),
            std::vector<std::string>{"Paper Lanterns: Lighting Estimation from One Photo"});
}

TEST(DiffHtml, WordChangesAreDelAndIns) {
  const Page page(render_fixture_page());
  EXPECT_TRUE(contains(page.all("//td[@class='old']/del"), "恢复"));
  EXPECT_TRUE(contains(page.all("//td[@class='new']/ins"), "填补"));
  EXPECT_TRUE(contains(page.all("//td[@class='new']/ins"), "="));
  EXPECT_TRUE(contains(page.all("//tbody[contains(@class,'retitled')]//td[@class='old']/del"), "Fragile"));
  EXPECT_TRUE(contains(page.all("//tbody[contains(@class,'retitled')]//td[@class='new']/ins"), "Brittle"));
  // Removed text only on the old side, added only on the new one.
  EXPECT_EQ(page.count("//td[@class='new']//del"), 0U);
  EXPECT_EQ(page.count("//td[@class='old']//ins"), 0U);
}

TEST(DiffHtml, TextIsEscapedNotMarkup) {
  const std::string html = render_fixture_page();
  const Page page(html);
  EXPECT_EQ(page.count("//b"), 0U);  // the title's "<b>" is text
  EXPECT_TRUE(contains(page.all("//tbody[@id='" + kMasksId + "']//td[@class='new']"),
                       "We show that a < b && c >= d holds for \"quoted\" masks in every layer we tried."));
  EXPECT_NE(html.find("Masks &lt;b&gt; &amp; Friends"), std::string::npos);
  EXPECT_NE(html.find("a &lt; b &amp;&amp; c &gt;"), std::string::npos);
}

TEST(DiffHtml, SelfContainedAndDeterministic) {
  const std::string html = render_fixture_page();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0U);
  const Page page(html);
  EXPECT_EQ(page.count("//script"), 0U);
  EXPECT_EQ(page.count("//link"), 0U);
  EXPECT_EQ(page.count("//*[@src]"), 0U);
  EXPECT_EQ(page.count("//head/style"), 1U);
  EXPECT_EQ(page.all("//meta/@charset"), std::vector<std::string>{"utf-8"});
  for (const auto& href : page.all("//@href")) EXPECT_EQ(href.rfind('#', 0), 0U) << href;
  EXPECT_EQ(html.find("http://"), std::string::npos);  // no address outside the inputs' text
  EXPECT_EQ(html, render_fixture_page());
  // Every id is unique.
  auto ids = page.all("//@id");
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(DiffHtml, UnchangedEntriesAreCountedOrShown) {
  // view-old -> view-new: the last entry is unchanged.
  const auto counted = testing::run_digest(
      "diff --format html " + testing::shell_quote(testing::testdata("diff/view-old.txt").string()) + " " +
      testing::shell_quote(testing::testdata("diff/view-new.txt").string()));
  EXPECT_EQ(counted.exit_code, 1) << counted.err;
  EXPECT_EQ(Page(counted.out).all("//tbody[@class='unchanged']/tr/td"),
            std::vector<std::string>{"1 unchanged entry"});
  const auto shown =
      testing::run_digest("diff --format html --show-unchanged " +
                          testing::shell_quote(testing::testdata("diff/view-old.txt").string()) + " " +
                          testing::shell_quote(testing::testdata("diff/view-new.txt").string()));
  const Page page(shown.out);
  EXPECT_EQ(page.count("//tbody[@class='unchanged']/tr/td"), 0U);
  EXPECT_EQ(page.all("//tbody[@class='entry unchanged']/@id").size(), 1U);
  EXPECT_TRUE(contains(page.all("//tbody[@class='entry unchanged']//td[@class='new']"), "Li Wen, Sun Qiao"));
}

TEST(DiffHtml, DirectoriesGetOneSectionPerPairThatDiffers) {
  const auto result = testing::run_digest(
      "diff --format html " + testing::shell_quote(testing::testdata("diff/tree-old").string()) + " " +
      testing::shell_quote(testing::testdata("diff/tree-new").string()));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const Page page(result.out);
  ASSERT_TRUE(page.ok());
  const auto files = page.all("//table[@class='summary']/tbody/tr/td[1]");
  EXPECT_EQ(files.size(), 4U);
  EXPECT_TRUE(contains(files, "a.txt"));
  EXPECT_TRUE(contains(page.all("//table[@class='summary']/tbody/tr/td[2]"), "only in old"));
  EXPECT_TRUE(contains(page.all("//table[@class='summary']/tbody/tr/td[2]"), "only in new"));
  EXPECT_EQ(page.all("//table[@class='summary']/tfoot/tr/td[1]"), std::vector<std::string>{"4 files"});
  EXPECT_EQ(page.all("//section[@class='file']/@id"), std::vector<std::string>{"file-a-txt"});
  EXPECT_EQ(page.all("//section[@class='file']/h2"), std::vector<std::string>{"a.txt"});
}

// The page as a browser builds it: headless Chromium's DOM has the summary
// table, the entry anchors and the word highlights.
TEST(DiffHtml, ChromiumRendersThePage) {
  const auto dir = testing::make_temp_dir("digest-html");
  const auto page_path = dir / "diff.html";
  testing::write_file(page_path, render_fixture_page());
  const auto which = testing::run_command("command -v chromium");
  ASSERT_EQ(which.exit_code, 0) << "chromium is not installed: scripts/setup.sh installs it";
  const auto result =
      testing::run_command("timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir=" +
                           testing::shell_quote((dir / "profile").string()) + " --dump-dom " +
                           testing::shell_quote("file://" + page_path.string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string& dom = result.out;
  EXPECT_NE(dom.find("<table class=\"summary\">"), std::string::npos) << dom.substr(0, 2000);
  EXPECT_NE(dom.find("id=\"" + kMasksId + "\""), std::string::npos);
  EXPECT_NE(dom.find("href=\"#" + kMasksId + "\""), std::string::npos);
  EXPECT_NE(dom.find("<del>恢复</del>"), std::string::npos);
  EXPECT_NE(dom.find("<ins>填补</ins>"), std::string::npos);
  EXPECT_NE(dom.find("<del>Fragile</del>"), std::string::npos);
  EXPECT_EQ(dom.find("<b>"), std::string::npos);  // still text in the browser's DOM
  const Page browser(dom);
  EXPECT_EQ(browser.count("//tbody[contains(@class,'entry')]"), 6U);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace digestkit
