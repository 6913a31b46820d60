// The grammar on its own: analyze() finds no problems, and each part matches
// exactly what it should.
#include <gtest/gtest.h>

#include <string>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "digestkit/grammar.hpp"

namespace pegtl = tao::pegtl;
namespace g = digestkit::grammar;

namespace {

template <typename Rule>
bool matches_whole(const std::string& text) {
  pegtl::memory_input in(text, "test");
  try {
    return pegtl::parse<pegtl::seq<Rule, pegtl::eof>>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

}  // namespace

TEST(Grammar, AnalyzeReportsNoProblems) {
  EXPECT_EQ(pegtl::analyze<g::file>(1), 0u);
  EXPECT_EQ(pegtl::analyze<g::resume>(1), 0u);
  EXPECT_EQ(pegtl::analyze<g::resync_point>(1), 0u);
}

TEST(Grammar, LineEndings) {
  EXPECT_TRUE(matches_whole<g::eol>("\n"));
  EXPECT_TRUE(matches_whole<g::eol>("\r\n"));
  EXPECT_TRUE(matches_whole<g::eol>("\r"));
  EXPECT_TRUE(matches_whole<g::blank_line>(" \t \n"));
  EXPECT_FALSE(matches_whole<g::blank_line>(" x\n"));
}

TEST(Grammar, CategoryLine) {
  EXPECT_TRUE(matches_whole<g::category_line>("无监督/半监督/对比学习\n"));
  EXPECT_TRUE(matches_whole<g::category_line>("NeRF\n"));
  EXPECT_TRUE(matches_whole<g::category_line>("a//b\n"));
  EXPECT_FALSE(matches_whole<g::category_line>("   \n"));
}

TEST(Grammar, DateLine) {
  EXPECT_TRUE(matches_whole<g::date_line>("2022-02-19 更新\n"));
  EXPECT_TRUE(matches_whole<g::date_line>("2022/02/19 更新\n"));
  EXPECT_TRUE(matches_whole<g::date_line>("2022-2-9 更新"));
  EXPECT_TRUE(matches_whole<g::date_line>("2022-02-30 更新\n"));  // read; validity is the AST's business
  EXPECT_FALSE(matches_whole<g::date_line>("2022-02-191 更新\n"));
  EXPECT_FALSE(matches_whole<g::date_line>("2022.02.19 更新\n"));
  EXPECT_FALSE(matches_whole<g::date_line>("2022-02-19\n"));
}

TEST(Grammar, AuthorsLine) {
  EXPECT_TRUE(matches_whole<g::authors_line>("Authors:First Last, Other Person\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("Authors: First Last\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("Authors :A\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("Author:A\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("作者:A, B\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("作者：A\n"));
  EXPECT_TRUE(matches_whole<g::authors_line>("Authors:\n"));
  EXPECT_FALSE(matches_whole<g::authors_line>("Authored by A\n"));
}

TEST(Grammar, PdfLine) {
  EXPECT_TRUE(matches_whole<g::pdf_line>("PDF\n"));
  EXPECT_TRUE(matches_whole<g::pdf_line>("PDF 14 pages, 13 figures\n"));
  EXPECT_TRUE(matches_whole<g::pdf_line>("PDF Accepted (ICLR 2022) & https://x.y/z\n"));
  EXPECT_FALSE(matches_whole<g::pdf_line>("PDFs are everywhere\n"));
}

TEST(Grammar, Markers) {
  EXPECT_TRUE(matches_whole<g::marker_line>("论文截图\n"));
  EXPECT_TRUE(matches_whole<g::marker_line>("点此查看论文截图\n"));
  EXPECT_FALSE(matches_whole<g::marker_line>("查看截图\n"));
}

TEST(Grammar, FooterParts) {
  EXPECT_TRUE(matches_whole<g::footer_author_line>("文章作者: Harvey\n"));
  EXPECT_TRUE(matches_whole<g::notice_line>(
      "版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Harvey !\n"));
  EXPECT_TRUE(matches_whole<g::licence_template>(
      "本博客所有文章除特別声明外,均采用 CC BY-NC-SA 4.0 许可协议。转载请注明来源 Some One !"));
  EXPECT_FALSE(matches_whole<g::licence_template>("All rights reserved."));
  EXPECT_TRUE(matches_whole<g::toc_line>("\u00a0\u00a0目录"));
  EXPECT_TRUE(matches_whole<g::toc_line>("  目录\n"));
}

TEST(Grammar, EntryStartNeedsAuthorsAfterTitle) {
  using entry_start_then_rest = pegtl::seq<g::entry_start, pegtl::star<pegtl::any>>;
  EXPECT_TRUE(matches_whole<entry_start_then_rest>("A Title\n\nAuthors:X\n"));
  EXPECT_FALSE(matches_whole<entry_start_then_rest>("A Title\n\nAbstract\n"));
}
