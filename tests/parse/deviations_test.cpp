// Deviations that can be read without guessing parse, and the AST records
// each of them for validate to report and fmt to repair.
#include <gtest/gtest.h>

#include "parse_test_util.hpp"

using digestkit::AuthorsLabel;
using digestkit::DateStyle;
using digestkit::Marker;
using digestkit::testing::parse_fixture;

namespace {

digestkit::ParsedFile must_parse(const std::string& name) {
  auto file = parse_fixture("parse/readable/" + name);
  EXPECT_TRUE(file.ok()) << name;
  EXPECT_FALSE(file.documents.empty()) << name;
  return file;
}

}  // namespace

TEST(Deviations, LineEndingsAreReadAndCounted) {
  const auto crlf = must_parse("crlf.txt");
  EXPECT_EQ(crlf.documents[0].entries.size(), 3u);
  EXPECT_GT(crlf.source->line_endings.crlf, 0u);
  EXPECT_EQ(crlf.source->line_endings.lf, 0u);
  EXPECT_EQ(crlf.documents[0].entries[0].title.value,
            "Lattice Lanterns: Sparse Radiance Caches for Night-Time Scenes");

  const auto cr = must_parse("cr-only.txt");
  EXPECT_EQ(cr.documents[0].entries.size(), 3u);
  EXPECT_GT(cr.source->line_endings.cr, 0u);

  const auto mixed = must_parse("mixed-eol.txt");
  EXPECT_TRUE(mixed.source->line_endings.mixed());
  EXPECT_TRUE(mixed.documents[0].blank_runs.empty());
}

TEST(Deviations, BomIsRecorded) {
  const auto file = must_parse("bom.txt");
  EXPECT_TRUE(file.source->had_bom);
  EXPECT_EQ(file.documents[0].category.line.value, "NeRF/神经辐射场");
}

TEST(Deviations, TrailingBlanksAreNotPartOfFields) {
  const auto file = must_parse("trailing-space.txt");
  const auto& e = file.documents[0].entries[0];
  EXPECT_EQ(e.title.value, "Lattice Lanterns: Sparse Radiance Caches for Night-Time Scenes");
  EXPECT_EQ(e.authors.back().name, "Iñes Varga-Holm");
  EXPECT_EQ(e.abstract.value.back(), '.');
}

TEST(Deviations, LabelSpellings) {
  const auto file = must_parse("labels.txt");
  const auto& entries = file.documents[0].entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].label, AuthorsLabel::AuthorsSpaced);
  EXPECT_EQ(entries[1].label, AuthorsLabel::Author);
  EXPECT_EQ(entries[2].label, AuthorsLabel::Chinese);
  EXPECT_EQ(entries[2].authors.at(0).name, "Saoirse Lindqvist");
}

TEST(Deviations, DateStyleAndCalendarValidity) {
  const auto slashed = must_parse("slashed-date.txt");
  ASSERT_TRUE(slashed.documents[0].date.has_value());
  EXPECT_EQ(slashed.documents[0].date->style, DateStyle::Slashed);
  EXPECT_EQ(slashed.documents[0].date->written.value, "2023/3/14");
  EXPECT_EQ(slashed.documents[0].date->iso(), "2023-03-14");
  EXPECT_TRUE(slashed.documents[0].date->is_calendar_date);

  const auto impossible = must_parse("impossible-date.txt");
  ASSERT_TRUE(impossible.documents[0].date.has_value());
  EXPECT_FALSE(impossible.documents[0].date->is_calendar_date);
  EXPECT_EQ(impossible.documents[0].date->written.value, "2023-02-30");
}

TEST(Deviations, BlankLineRunsAreRecorded) {
  const auto before_pdf = must_parse("blank-before-pdf.txt");
  ASSERT_EQ(before_pdf.documents[0].blank_runs.size(), 1u);
  EXPECT_EQ(before_pdf.documents[0].blank_runs[0].found, 1u);
  EXPECT_EQ(before_pdf.documents[0].blank_runs[0].expected, 0u);
  EXPECT_EQ(before_pdf.source->locate(before_pdf.documents[0].blank_runs[0].span.begin).line, 11u);

  const auto runs = must_parse("blank-lines.txt").documents[0].blank_runs;
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].expected, 2u);  // after the category: one line instead of two
  EXPECT_EQ(runs[0].found, 1u);
  EXPECT_EQ(runs[1].expected, 1u);  // after the date: two instead of one
  EXPECT_EQ(runs[1].found, 2u);
  EXPECT_EQ(runs[2].expected, 1u);  // between title and Authors: none
  EXPECT_EQ(runs[2].found, 0u);
}

TEST(Deviations, MissingFooterMarkerAndDate) {
  const auto no_footer = must_parse("missing-footer.txt");
  EXPECT_FALSE(no_footer.documents[0].footer.has_value());
  EXPECT_EQ(no_footer.documents[0].entries.size(), 3u);

  const auto no_marker = must_parse("missing-marker.txt");
  EXPECT_EQ(no_marker.documents[0].entries[0].marker, Marker::Missing);
  EXPECT_EQ(no_marker.documents[0].entries[1].marker, Marker::Short);

  const auto no_date = must_parse("missing-date.txt");
  EXPECT_FALSE(no_date.documents[0].date.has_value());
  EXPECT_EQ(no_date.documents[0].entries.size(), 3u);
  EXPECT_TRUE(no_date.documents[0].blank_runs.empty());
}

TEST(Deviations, DigestWithoutEntries) {
  const auto file = must_parse("no-entries.txt");
  EXPECT_TRUE(file.documents[0].entries.empty());
  EXPECT_TRUE(file.documents[0].footer.has_value());
}

TEST(Deviations, EmptyAuthorListAndSpacing) {
  EXPECT_TRUE(must_parse("empty-authors.txt").documents[0].entries[0].authors.empty());
  const auto spaced = must_parse("authors-spacing.txt");
  const auto& authors = spaced.documents[0].entries[0].authors;
  ASSERT_EQ(authors.size(), 3u);
  EXPECT_EQ(authors[0].name, "Maren Oyelaran");
  EXPECT_EQ(authors[1].name, "Tobias Quell");
  EXPECT_EQ(authors[2].name, "Iñes Varga-Holm");
}

TEST(Deviations, SeveralDigestsInOneFile) {
  for (const char* name : {"two-digests.txt", "concatenated.txt"}) {
    const auto file = must_parse(name);
    ASSERT_EQ(file.documents.size(), 2u) << name;
    EXPECT_EQ(file.documents[0].index, 0u);
    EXPECT_EQ(file.documents[1].index, 1u);
    EXPECT_EQ(file.documents[1].category.line.value, "无监督/半监督/对比学习");
    EXPECT_EQ(file.documents[1].entries.size(), 2u);
    EXPECT_EQ(file.documents[0].span.end, file.documents[1].span.begin);
    EXPECT_EQ(file.documents[1].entries[0].marker, Marker::Long);
  }
}
