// The page_dump grammar on its own: analyze() finds no problems, and each
// anchor is recognised where it should be and only there.
#include <gtest/gtest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "digestkit/grammar/page_dump.hpp"
#include "extract/block.hpp"
#include "extract/raw_markdown.hpp"

namespace pegtl = tao::pegtl;
namespace pd = digestkit::grammar::page_dump;
using digestkit::extract_detail::Block;
using digestkit::extract_detail::BlockKind;

namespace {

Block classified(std::string_view text) {
  Block block;
  block.text = text;
  digestkit::extract_detail::classify(block);
  return block;
}

}  // namespace

TEST(PageDumpGrammar, Analyzes) {
  EXPECT_EQ(pegtl::analyze<pd::page>(1), 0u);
  EXPECT_EQ(pegtl::analyze<pd::block>(1), 0u);
  EXPECT_EQ(pegtl::analyze<pd::raw_entry>(1), 0u);
  EXPECT_EQ(pegtl::analyze<pd::raw_entry_start>(1), 0u);
}

TEST(PageDumpGrammar, Anchors) {
  EXPECT_EQ(classified(" 2031-04-05 更新").kind, BlockKind::DateHeading);
  EXPECT_EQ(classified(" 2031-04-05 更新").date_day, 5);
  EXPECT_EQ(classified(" 1. 2031-04-05 更新").kind, BlockKind::Text);  // a table-of-contents line
  EXPECT_EQ(classified("Authors:Ada Quill, Bo Renn").value, "Ada Quill, Bo Renn");
  EXPECT_EQ(classified(" 2. Authors: Ada Quill").kind, BlockKind::Text);
  EXPECT_EQ(classified("PDF").kind, BlockKind::Pdf);
  EXPECT_FALSE(classified("PDF").has_value);
  EXPECT_EQ(classified("PDF 9 pages").value, "9 pages");
  EXPECT_EQ(classified("PDFs are documents").kind, BlockKind::Text);
  const Block marker = classified("点此查看论文截图[yH5BAEAAAA] [yH5BAEAAAA]\u200b ## Next");
  EXPECT_EQ(marker.kind, BlockKind::Marker);
  EXPECT_EQ(marker.marker, digestkit::Marker::Long);
  EXPECT_EQ(marker.value, "## Next");
  EXPECT_EQ(classified("文章作者: Ima Ginary").value, "Ima Ginary");
  EXPECT_EQ(classified("文章链接: https://example.org/p/").kind, BlockKind::FooterLink);
  EXPECT_EQ(classified("版权声明: some notice").value, "some notice");
  EXPECT_EQ(classified("Summary").kind, BlockKind::Text);
}

TEST(PageDumpGrammar, RawMarkdownEntry) {
  using digestkit::extract_detail::RawEntryError;
  using digestkit::extract_detail::read_raw_entry;
  const std::string_view text =
      "## Folded Lanterns: a Study **Authors:Ada Quill, Bo Renn** We fold lanterns. "
      "[PDF](http://arxiv.org/abs/0000.00000v1) 4 pages **摘要** 折纸灯笼。";
  ASSERT_TRUE(digestkit::extract_detail::starts_raw_entry(text));
  RawEntryError error;
  const auto entry = read_raw_entry(text, error);
  ASSERT_TRUE(entry.has_value()) << error.message;
  EXPECT_EQ(entry->title, "Folded Lanterns: a Study");
  EXPECT_EQ(entry->authors, "Ada Quill, Bo Renn");
  EXPECT_EQ(entry->abstract, "We fold lanterns.");
  EXPECT_EQ(entry->comment, "4 pages");

  const std::string_view no_pdf = "## Folded Lanterns **Authors:Ada Quill** We fold lanterns. **摘要** x";
  ASSERT_TRUE(digestkit::extract_detail::starts_raw_entry(no_pdf));
  EXPECT_FALSE(read_raw_entry(no_pdf, error).has_value());
  EXPECT_NE(error.message.find("[PDF]"), std::string::npos) << error.message;
  EXPECT_FALSE(digestkit::extract_detail::starts_raw_entry("## A heading of a summary"));
}
