// The AST of a canonical digest: every field and its span.
#include <gtest/gtest.h>

#include "parse_test_util.hpp"

using digestkit::testing::parse_fixture;

TEST(Document, FieldsOfTheSample) {
  const auto file = parse_fixture("samples/nerf-2023-03-14.txt");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file.documents.size(), 1u);
  const auto& d = file.documents[0];
  const std::string_view text = file.source->text();

  EXPECT_EQ(d.category.line.value, "NeRF/神经辐射场");
  ASSERT_EQ(d.category.tags.size(), 2u);
  EXPECT_EQ(d.category.tags[0].value, "NeRF");
  EXPECT_EQ(d.category.tags[1].value, "神经辐射场");
  ASSERT_TRUE(d.date.has_value());
  EXPECT_EQ(d.date->iso(), "2023-03-14");
  EXPECT_EQ(d.date->style, digestkit::DateStyle::Iso);
  EXPECT_TRUE(d.blank_runs.empty());

  ASSERT_EQ(d.entries.size(), 3u);
  const auto& first = d.entries[0];
  EXPECT_EQ(first.title.value, "Lattice Lanterns: Sparse Radiance Caches for Night-Time Scenes");
  ASSERT_EQ(first.authors.size(), 3u);
  EXPECT_EQ(first.authors[2].name, "Iñes Varga-Holm");
  ASSERT_TRUE(first.comments.has_value());
  EXPECT_EQ(first.comments->value, "12 pages, 7 figures");
  EXPECT_EQ(first.marker, digestkit::Marker::Short);
  EXPECT_EQ(first.label, digestkit::AuthorsLabel::Authors);

  // Spans point at the text they were read from.
  EXPECT_EQ(text.substr(first.title.span.begin, first.title.span.size()), first.title.value);
  EXPECT_EQ(text.substr(first.authors[1].span.begin, first.authors[1].span.size()), "Tobias Quell");
  EXPECT_EQ(text.substr(first.pdf_line.begin, first.pdf_line.size()), "PDF 12 pages, 7 figures");
  EXPECT_EQ(text.substr(first.marker_span.begin, first.marker_span.size()), "论文截图");
  EXPECT_EQ(file.source->locate(first.title.span.begin).line, 6u);
  EXPECT_EQ(file.source->locate(first.authors_line.begin).line, 8u);

  EXPECT_FALSE(d.entries[1].comments.has_value());  // bare PDF
  EXPECT_EQ(d.entries[1].title.value, "Gaussian Quilts: Stitching Splat Patches   across Views");
  EXPECT_EQ(d.entries[2].authors.size(), 1u);
  EXPECT_EQ(d.entries[2].comments->value,
            "Accepted at an imaginary workshop (IW 2023); code: https://example.org/echo-fields & demo");

  ASSERT_TRUE(d.footer.has_value());
  EXPECT_EQ(d.footer->author.value, "Ilse Marwood");
  ASSERT_TRUE(d.footer->licence.has_value());
  EXPECT_EQ(d.footer->licence->value, "CC BY 4.0");
  ASSERT_TRUE(d.footer->notice_author.has_value());
  EXPECT_EQ(d.footer->notice_author->value, "Ilse Marwood");
  EXPECT_EQ(d.footer->notice.value,
            "本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Ilse Marwood !");
  EXPECT_TRUE(d.footer->has_toc);
  EXPECT_EQ(d.span.begin, 0u);
  EXPECT_EQ(d.span.end, text.size());
}

TEST(Document, LongMarkerSpelling) {
  const auto file = parse_fixture("samples/ssl-2023-05-02.txt");
  ASSERT_TRUE(file.ok());
  for (const auto& e : file.documents[0].entries) EXPECT_EQ(e.marker, digestkit::Marker::Long);
  EXPECT_EQ(file.documents[0].entries[0].authors.size(), 5u);
  EXPECT_EQ(file.documents[0].entries[0].comments->value, "9 pages; 中文摘要见附录");
}

TEST(Document, NoticeOutsideTheTemplateHasNoLicence) {
  std::string text =
      digestkit::testing::read_file(digestkit::testing::testdata("samples/nerf-2023-03-14.txt"));
  const auto at = text.find("本博客");
  text.replace(at, text.find('\n', at) - at, "All rights reserved by the author.");
  const auto file = digestkit::testing::parse_string(text);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file.documents[0].footer.has_value());
  EXPECT_FALSE(file.documents[0].footer->licence.has_value());
  EXPECT_FALSE(file.documents[0].footer->notice_author.has_value());
  EXPECT_EQ(file.documents[0].footer->notice.value, "All rights reserved by the author.");
}

TEST(Document, ToStringOfEnums) {
  EXPECT_EQ(digestkit::to_string(digestkit::Marker::Long), "点此查看论文截图");
  EXPECT_EQ(digestkit::to_string(digestkit::AuthorsLabel::Chinese), "作者:");
}
