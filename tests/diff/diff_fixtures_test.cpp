// The diff over parsed fixtures (testdata/diff/): reports, options, several
// digests per file, and the JSON report against its schema.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>
#include <string>

#include "digestkit/diff.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

ParsedFile parse_fixture(const std::string& name) {
  const auto path = testing::testdata("diff/" + name);
  auto parsed = parse_bytes(testing::read_file(path), path.string());
  EXPECT_TRUE(parsed.ok()) << name << " does not parse";
  return parsed;
}

FileDiff diff_fixtures(const std::string& old_name, const std::string& new_name,
                       const DiffOptions& options = {}) {
  return diff_files(parse_fixture(old_name), parse_fixture(new_name), options);
}

std::string report_of(const FileDiff& file, DiffFormat format, bool color = false) {
  DiffReportOptions options;
  options.format = format;
  options.color = color;
  DiffReport report(options, file.old_name, file.new_name);
  report.add(file);
  return report.finish();
}

const char* const kFixtures[] = {
    "base.txt",        "shuffled.txt",           "edited.txt",       "header.txt",       "spacing-case.txt",
    "two-digests.txt", "two-digests-edited.txt", "repeated-old.txt", "repeated-new.txt", "view-old.txt",
    "view-new.txt"};

std::size_t count_entries(const FileDiff& file) {
  std::size_t entries = 0;
  for (const auto& document : file.new_file.documents) entries += document.entries.size();
  return entries;
}

TEST(DiffFixtures, EveryFixtureAgainstItselfReportsNothing) {
  DiffOptions moves;
  moves.moves = true;
  for (const char* name : kFixtures) {
    const auto file = diff_fixtures(name, name, moves);
    EXPECT_EQ(file.status, FileDiffStatus::Compared) << name;
    EXPECT_FALSE(file.has_differences()) << name;
    // Nothing at all, as diff(1); --stat counts every entry as unchanged.
    EXPECT_EQ(report_of(file, DiffFormat::Text), "") << name;
    EXPECT_EQ(report_of(file, DiffFormat::Stat),
              fmt::format("+0 -0 ~0 ={} entries\n", file.counts().unchanged))
        << name;
    EXPECT_EQ(file.counts().unchanged, file.new_file.documents.empty() ? 0 : count_entries(file)) << name;
  }
}

TEST(DiffFixtures, ShuffledEntriesReportOnlyMovesAndOnlyWhenAsked) {
  EXPECT_FALSE(diff_fixtures("base.txt", "shuffled.txt").has_differences());
  DiffOptions moves;
  moves.moves = true;
  const auto file = diff_fixtures("base.txt", "shuffled.txt", moves);
  ASSERT_EQ(file.digests.size(), 1u);
  const auto counts = file.counts();
  EXPECT_EQ(counts.moved, 3u);
  EXPECT_EQ(counts.unchanged, 6u);
  EXPECT_EQ(counts.added + counts.removed + counts.changed, 0u);
  for (const auto& change : file.digests[0].entries) EXPECT_EQ(change.kind, EntryChangeKind::Moved);
  const auto text = report_of(file, DiffFormat::Text);
  EXPECT_EQ(text.substr(0, text.find('\n')), "+0 -0 ~0 =6 entries, 3 moved");
  EXPECT_NE(text.find("↕ "), std::string::npos);
}

TEST(DiffFixtures, EditedVersion) {
  const auto file = diff_fixtures("base.txt", "edited.txt");
  ASSERT_EQ(file.digests.size(), 1u);
  const auto& digest = file.digests[0];
  std::set<std::string> added, removed;
  std::set<std::pair<std::string, std::string>> changed;  // title, fields
  for (const auto& change : digest.entries) {
    const std::string title(change.display_title());
    if (change.kind == EntryChangeKind::Added) added.insert(title);
    if (change.kind == EntryChangeKind::Removed) removed.insert(title);
    if (change.kind == EntryChangeKind::Changed || change.kind == EntryChangeKind::Retitled) {
      std::string fields;
      for (const auto field : change.changed_fields()) fields += std::string(field) + " ";
      changed.emplace(title, fields);
    }
  }
  EXPECT_EQ(added, std::set<std::string>{"Polyphonic Denoisers: Generating Music Scores from Noise"});
  EXPECT_EQ(removed,
            std::set<std::string>{"Folding Tables: Structured Priors for Document Layout Generation"});
  const std::set<std::pair<std::string, std::string>> expected{
      {"Lattice Diffusion for Sparse Terrain Synthesis", "abstract "},
      {"Quiet Gradients: Stabilising Score Matching with Annealed Noise", "authors "},
      {"基于稀疏注意力的视频生成方法", "abstract "},
      {"Echo Chambers in Latent Space: Measuring Mode Collapse with Spectral Probes", "title comments "},
      {"Cartographer networks for indoor scene completion", "title authors "},
  };
  EXPECT_EQ(changed, expected);
  EXPECT_EQ(digest.counts.retitled, 1u);
  EXPECT_EQ(digest.counts.unchanged, 0u);
  EXPECT_FALSE(digest.category || digest.date || digest.footer);

  const auto text = report_of(file, DiffFormat::Text);
  EXPECT_EQ(text.substr(0, text.find('\n')), "+1 -1 ~5 =0 entries");
  EXPECT_NE(text.find("\n+ Polyphonic Denoisers: Generating Music Scores from Noise\n"), std::string::npos);
  EXPECT_NE(text.find("\n- Folding Tables: Structured Priors for Document Layout Generation\n"),
            std::string::npos);
  EXPECT_NE(text.find("~ Echo Chambers in Latent Space: Measuring Mode Collapse with Spectral Probes "
                      "(retitled, 91% similar)"),
            std::string::npos);
  EXPECT_NE(text.find("[-sparse-]{+irregular+}"), std::string::npos);
  EXPECT_NE(text.find("机制[-降低-]{+减少+}计算[-成本-]{+开销+}。"), std::string::npos);
  EXPECT_NE(text.find("authors: reordered "), std::string::npos);
  // White space kept between two changes is folded into them.
  EXPECT_NE(text.find("title: Cartographer [-Networks-]{+networks+} for [-Indoor  Scene Completion-]"
                      "{+indoor scene completion+}\n"),
            std::string::npos);
  EXPECT_NE(text.find("authors: removed [-Kwame Mensah-]; added {+Noor Haddad+}"), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  EXPECT_NE(report_of(file, DiffFormat::Text, /*color=*/true).find("\x1b[31m"), std::string::npos);
  EXPECT_EQ(report_of(file, DiffFormat::Stat), "+1 -1 ~5 =0 entries\n");
}

TEST(DiffFixtures, HeaderAndFooter) {
  const auto file = diff_fixtures("base.txt", "header.txt");
  ASSERT_EQ(file.digests.size(), 1u);
  const auto& digest = file.digests[0];
  EXPECT_TRUE(digest.category);
  ASSERT_TRUE(digest.date);
  EXPECT_EQ(digest.date->old_text, "2023-05-04");
  EXPECT_EQ(digest.date->new_text, "2023-05-05");
  ASSERT_TRUE(digest.footer);
  EXPECT_TRUE(digest.footer->author);
  EXPECT_TRUE(digest.footer->notice);  // the licence line names the author again
  EXPECT_TRUE(digest.entries.empty());
  EXPECT_TRUE(file.has_differences());
  const auto text = report_of(file, DiffFormat::Text);
  EXPECT_NE(text.find("{+/视频+}"), std::string::npos);
  EXPECT_NE(text.find("[-Harvey-]{+Marguerite+}"), std::string::npos);
}

TEST(DiffFixtures, IgnoreWhitespaceAndCase) {
  const auto strict = diff_fixtures("base.txt", "spacing-case.txt");
  EXPECT_EQ(strict.counts().changed, 3u);
  DiffOptions loose;
  loose.ignore_whitespace = true;
  EXPECT_EQ(diff_fixtures("base.txt", "spacing-case.txt", loose).counts().changed, 2u);
  loose.ignore_case = true;
  EXPECT_FALSE(diff_fixtures("base.txt", "spacing-case.txt", loose).has_differences());
}

TEST(DiffFixtures, DigestsOfAFileArePairedByIndex) {
  const auto file = diff_fixtures("two-digests.txt", "two-digests-edited.txt");
  ASSERT_EQ(file.digests.size(), 2u);
  EXPECT_FALSE(file.digests[0].has_differences());
  EXPECT_EQ(file.digests[1].counts.added, 1u);
  EXPECT_EQ(file.digests[1].counts.unchanged, 1u);
  const auto text = report_of(file, DiffFormat::Text);
  EXPECT_NE(text.find("@@ digest 2 @@\n+ Folding Tables"), std::string::npos);

  const auto grown = diff_fixtures("base.txt", "two-digests.txt");
  ASSERT_EQ(grown.digests.size(), 2u);
  EXPECT_FALSE(grown.digests[0].has_differences());
  EXPECT_EQ(grown.digests[1].old_document, nullptr);
  EXPECT_EQ(grown.digests[1].counts.added, 1u);
}

TEST(DiffFixtures, RepeatedTitlesMatchInOrder) {
  const auto file = diff_fixtures("repeated-old.txt", "repeated-new.txt");
  ASSERT_EQ(file.digests.size(), 1u);
  ASSERT_EQ(file.digests[0].entries.size(), 1u);
  EXPECT_EQ(file.digests[0].entries[0].old_index, 2u);
  EXPECT_EQ(file.digests[0].counts.unchanged, 2u);
}

TEST(DiffFixtures, JsonReportFollowsTheSchema) {
  DiffOptions moves;
  moves.moves = true;
  const std::pair<const char*, const char*> pairs[] = {{"base.txt", "edited.txt"},
                                                       {"base.txt", "header.txt"},
                                                       {"base.txt", "shuffled.txt"},
                                                       {"two-digests-edited.txt", "base.txt"},
                                                       {"base.txt", "base.txt"}};
  for (const auto& [old_name, new_name] : pairs) {
    const auto json = report_of(diff_fixtures(old_name, new_name, moves), DiffFormat::Json);
    EXPECT_EQ(testing::schema_errors(json, "digestkit-diff-1.schema.json"), "")
        << old_name << " " << new_name;
  }
  const auto json = report_of(diff_fixtures("base.txt", "edited.txt"), DiffFormat::Json);
  EXPECT_NE(
      json.find(
          R"("summary":{"files":1,"files_changed":1,"files_only_old":0,"files_only_new":0,)"
          R"("files_failed":0,"added":1,"removed":1,"changed":5,"retitled":1,"moved":0,"unchanged":0})"),
      std::string::npos);
  EXPECT_NE(json.find(R"({"op":"removed","text":"降低"},{"op":"added","text":"减少"})"), std::string::npos);
}

TEST(DiffFixtures, AFileThatFailsToParseIsNotCompared) {
  const auto path = testing::testdata("diff/bad.txt");
  const auto file = diff_files(parse_bytes(testing::read_file(path), path.string()),
                               parse_fixture("base.txt"), DiffOptions{});
  EXPECT_EQ(file.status, FileDiffStatus::Failed);
  EXPECT_TRUE(file.digests.empty());
  const auto json = report_of(file, DiffFormat::Json);
  EXPECT_EQ(testing::schema_errors(json, "digestkit-diff-1.schema.json"), "");
  EXPECT_NE(json.find(R"("status":"error")"), std::string::npos);
  EXPECT_NE(json.find(R"("line":17)"), std::string::npos);
}

}  // namespace
}  // namespace digestkit
