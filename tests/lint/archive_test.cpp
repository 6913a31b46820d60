// DG401/DG402 across files.
#include <gtest/gtest.h>

#include "digestkit/lint.hpp"
#include "digestkit/lint_archive.hpp"
#include "digestkit/title_key.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

lint::FileResult lint_archive_file(const std::string& name) {
  lint::Options options;
  options.today =
      std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::month{1}, std::chrono::day{1}};
  const std::string path = "archive/" + name;
  return lint::lint_bytes(read_file(testdata("lint/" + path)), path, lint::Policy{}, options);
}

std::vector<lint::ArchiveFinding> findings_of(const std::vector<std::string>& names,
                                              const lint::Policy& policy = lint::Policy{}) {
  lint::ArchiveIndex index;
  for (const std::string& name : names) index.add(lint_archive_file(name).summary, policy);
  return index.finish();
}

// Everything a report shows of a finding, for comparing runs byte for byte.
std::string shown(const std::vector<lint::ArchiveFinding>& findings) {
  std::string out;
  for (const auto& finding : findings) out += digestkit::render_text(finding.diagnostic, nullptr);
  return out;
}

TEST(ArchiveIndex, SamePaperWithDifferentAuthorsInAnotherDigest) {
  const auto found = findings_of({"a.txt", "b.txt"});
  ASSERT_EQ(found.size(), 1u);
  const auto& d = found[0].diagnostic;
  EXPECT_EQ(d.code, "DG401");
  EXPECT_EQ(d.severity, digestkit::Severity::Info) << "revisions are normal: not a warning by default";
  EXPECT_EQ(d.path, "archive/b.txt");
  EXPECT_EQ(d.location.line, 6u);
  EXPECT_EQ(d.location.column, 1u);
  EXPECT_EQ(d.message,
            "paper \"Sparse Lattice Encoders for Tidal Forecasting\" differs from its copy at "
            "archive/a.txt:6:1: authors removed: \"Aiko Murata\"");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.related[0].path, "archive/a.txt");
  EXPECT_EQ(d.related[0].location.line, 6u);
  EXPECT_EQ(d.related[0].message, "the copy compared with");
  EXPECT_EQ(found[0].identity.code, "DG401");
  EXPECT_EQ(found[0].identity.entry, "sparse lattice encoders for tidal forecasting");
  EXPECT_EQ(found[0].identity.date, "2023-05-05");
}

TEST(ArchiveIndex, TheSameFindingsForEveryOrderOfTheInputs) {
  // It was: each file against the files before it, so b-then-a put the
  // finding on a.txt, and a file given twice was a duplicate of itself.
  const std::string sorted = shown(findings_of({"a.txt", "b.txt", "c.txt"}));
  EXPECT_FALSE(sorted.empty());
  for (const std::vector<std::string>& order : {std::vector<std::string>{"c.txt", "b.txt", "a.txt"},
                                                {"b.txt", "a.txt", "c.txt"},
                                                {"b.txt", "c.txt", "a.txt"}}) {
    EXPECT_EQ(shown(findings_of(order)), sorted) << order[0] << " " << order[1] << " " << order[2];
  }
}

TEST(ArchiveIndex, AnAddedAuthorIsNamed) {
  const auto found = findings_of({"b.txt", "a.txt"});
  ASSERT_EQ(found.size(), 1u);
  // Attached to b.txt whatever the order: it sorts last.
  EXPECT_EQ(found[0].diagnostic.path, "archive/b.txt");
  lint::ArchiveIndex index;
  lint::FileResult later = lint_archive_file("a.txt");
  later.summary.path = "archive/z.txt";  // a.txt's version, now the last
  index.add(lint_archive_file("b.txt").summary, lint::Policy{});
  index.add(later.summary, lint::Policy{});
  const auto added = index.finish();
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].diagnostic.path, "archive/z.txt");
  EXPECT_NE(added[0].diagnostic.message.find("archive/b.txt:6:1: authors added: \"Aiko Murata\""),
            std::string::npos)
      << added[0].diagnostic.message;
}

TEST(ArchiveIndex, PapersAreFoundAfterTheTableGrows) {
  // 100 files of 1,000 papers: the table is re-placed several times, and a
  // changed copy of any paper seen before must still be found, once.
  lint::ArchiveIndex index;
  const lint::Policy policy;
  const auto summary_of = [](int file, std::uint64_t abstract_hash, const std::string& path) {
    lint::FileSummary summary;
    summary.path = path;
    for (int k = 0; k < 1000; ++k) {
      lint::EntryFingerprint entry;
      entry.key_hash = digestkit::title_key_hash("Paper " + std::to_string(file * 1000 + k));
      entry.title = "a paper";
      entry.abstract_hash = abstract_hash;
      entry.where.line = static_cast<std::size_t>(k) + 1;
      entry.where.column = 1;
      summary.entries.push_back(entry);
    }
    return summary;
  };
  for (int file = 0; file < 100; ++file)
    index.add(summary_of(file, 1, "file" + std::to_string(file) + ".txt"), policy);
  index.add(summary_of(37, 2, "later/file37.txt"), policy);  // file 37's papers, other abstracts
  const auto found = index.finish();
  ASSERT_EQ(found.size(), 1000u);
  EXPECT_EQ(found[0].diagnostic.path, "later/file37.txt");
  EXPECT_NE(found[0].diagnostic.message.find("file37.txt:1:1: a different abstract"), std::string::npos)
      << found[0].diagnostic.message;
  EXPECT_NE(found[999].diagnostic.message.find("file37.txt:1000:1"), std::string::npos)
      << found[999].diagnostic.message;
}

TEST(ArchiveIndex, SameCategoryAndDateInTwoFiles) {
  const auto found = findings_of({"a.txt", "c.txt"});
  std::vector<lint::ArchiveFinding> digests;
  for (const auto& finding : found)
    if (finding.diagnostic.code == "DG402") digests.push_back(finding);
  ASSERT_EQ(digests.size(), 1u);
  const auto& d = digests[0].diagnostic;
  EXPECT_EQ(d.path, "archive/c.txt");
  EXPECT_EQ(d.location.line, 4u);
  EXPECT_EQ(d.severity, digestkit::Severity::Info);
  EXPECT_NE(d.message.find("is also in archive/a.txt:4 with other papers"), std::string::npos) << d.message;
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.related[0].path, "archive/a.txt");
}

TEST(ArchiveIndex, AReScrapeIsNamedAsOne) {
  lint::ArchiveIndex index;
  index.add(lint_archive_file("a.txt").summary, lint::Policy{});
  lint::FileResult again = lint_archive_file("a.txt");
  again.summary.path = "archive/a-rescraped.txt";
  index.add(again.summary, lint::Policy{});
  const auto found = index.finish();
  ASSERT_EQ(found.size(), 1u) << shown(found);
  EXPECT_EQ(found[0].diagnostic.code, "DG402");
  EXPECT_EQ(found[0].diagnostic.path, "archive/a.txt") << "a.txt sorts after a-rescraped.txt";
  EXPECT_NE(found[0].diagnostic.message.find("with the same papers (a re-scrape)"), std::string::npos)
      << found[0].diagnostic.message;
}

TEST(ArchiveIndex, IdenticalRepeatsAndIgnoredRulesAreQuiet) {
  lint::ArchiveIndex index;
  const lint::Policy policy;
  index.add(lint_archive_file("a.txt").summary, policy);
  lint::FileResult again = lint_archive_file("a.txt");
  again.summary.path = "archive/copy.txt";
  for (auto& digest : again.summary.digests) digest.date = "2023-05-06";  // another day, same papers
  index.add(again.summary, policy);
  EXPECT_TRUE(index.finish().empty());

  lint::Policy ignoring;
  lint::RuleSelection selection;
  selection.ignore = std::vector<std::string>{"DG4"};
  ignoring.apply(selection);
  EXPECT_TRUE(findings_of({"a.txt", "b.txt", "c.txt"}, ignoring).empty());
}

TEST(ArchiveIndex, ThreeVersionsAreOneFindingWithTheOthersRelated) {
  lint::ArchiveIndex index;
  index.add(lint_archive_file("a.txt").summary, lint::Policy{});
  index.add(lint_archive_file("b.txt").summary, lint::Policy{});
  lint::FileResult third = lint_archive_file("b.txt");
  third.summary.path = "archive/d.txt";
  for (auto& entry : third.summary.entries) entry.abstract_hash ^= 1;  // a third version
  index.add(third.summary, lint::Policy{});
  std::vector<lint::ArchiveFinding> papers;
  for (auto& finding : index.finish())
    if (finding.diagnostic.message.find("Sparse Lattice Encoders") != std::string::npos)
      papers.push_back(std::move(finding));
  ASSERT_EQ(papers.size(), 1u);
  const auto& d = papers[0].diagnostic;
  EXPECT_EQ(d.code, "DG401");
  EXPECT_EQ(d.path, "archive/d.txt");
  EXPECT_NE(d.message.find("(3 versions in 3 places)"), std::string::npos) << d.message;
  ASSERT_EQ(d.related.size(), 2u);
  EXPECT_EQ(d.related[0].path, "archive/a.txt");
  EXPECT_EQ(d.related[1].path, "archive/b.txt");
  EXPECT_EQ(d.related[1].message, "another version of this paper");
}

}  // namespace
