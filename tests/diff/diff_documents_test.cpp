// diff_documents over documents built in code: matching, per-field changes,
// word-level diffs, moves, options.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diff/document_builder.hpp"
#include "diff/words.hpp"
#include "digestkit/diff.hpp"

namespace digestkit {
namespace {

using testing::DocumentBuilder;

std::string joined(const std::vector<WordEdit>& words, WordOp skip) {
  std::string text;
  for (const auto& edit : words) {
    if (edit.op != skip) text += edit.text;
  }
  return text;
}

std::vector<std::string> runs(const std::vector<WordEdit>& words, WordOp op) {
  std::vector<std::string> out;
  for (const auto& edit : words) {
    if (edit.op == op) out.emplace_back(edit.text);
  }
  return out;
}

const EntryChange* find_change(const DigestDiff& diff, std::string_view title) {
  for (const auto& change : diff.entries) {
    if (change.display_title() == title) return &change;
  }
  return nullptr;
}

DocumentBuilder base() {
  DocumentBuilder b;
  b.entry("Lattice Diffusion for Sparse Terrain Synthesis", {"Mira Okonkwo", "Tobias Lindqvist"},
          "We present a lattice-based diffusion model for terrain height maps.")
      .entry("Quiet Gradients: Stabilising Score Matching", {"Hye-jin Park", "Oleksandr Chornyi"},
             "Score matching becomes unstable when the noise scale is small.", std::nullopt)
      .entry("Folding Tables for Document Layout", {"Wen Zhao"},
             "Document layouts are tables folded into pages.");
  return b;
}

TEST(DiffDocuments, SameDocumentHasNoDifferences) {
  auto a = base();
  auto b = base();
  const auto diff = diff_documents(a.document(), b.document());
  EXPECT_FALSE(diff.has_differences());
  EXPECT_TRUE(diff.entries.empty());
  EXPECT_EQ(diff.counts.unchanged, 3u);
  EXPECT_EQ(diff.counts.added + diff.counts.removed + diff.counts.changed + diff.counts.moved, 0u);
}

TEST(DiffDocuments, AddedRemovedAndChangedEntriesInReadingOrder) {
  auto a = base();
  DocumentBuilder b;
  b.entry("Lattice Diffusion for Sparse Terrain Synthesis", {"Mira Okonkwo", "Tobias Lindqvist"},
          "We present a lattice-based diffusion model for irregular terrain height maps.")
      .entry("Polyphonic Denoisers", {"Ilse Verhoeven"}, "We generate music scores.")
      .entry("Folding Tables for Document Layout", {"Wen Zhao"},
             "Document layouts are tables folded into pages.");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 3u);
  EXPECT_EQ(diff.entries[0].kind, EntryChangeKind::Changed);
  EXPECT_EQ(diff.entries[1].kind, EntryChangeKind::Removed);  // after the entry that preceded it
  EXPECT_EQ(diff.entries[1].display_title(), "Quiet Gradients: Stabilising Score Matching");
  EXPECT_EQ(diff.entries[2].kind, EntryChangeKind::Added);
  EXPECT_EQ(diff.counts.added, 1u);
  EXPECT_EQ(diff.counts.removed, 1u);
  EXPECT_EQ(diff.counts.changed, 1u);
  EXPECT_EQ(diff.counts.unchanged, 1u);
  const auto& changed = diff.entries[0];
  EXPECT_EQ(changed.changed_fields(), std::vector<std::string_view>{"abstract"});
  ASSERT_TRUE(changed.abstract);
  EXPECT_EQ(runs(changed.abstract->words, WordOp::Added), std::vector<std::string>{"irregular "});
  EXPECT_TRUE(runs(changed.abstract->words, WordOp::Removed).empty());
}

TEST(DiffDocuments, WordDiffReconstructsBothSides) {
  DocumentBuilder a;
  DocumentBuilder b;
  const std::string old_abstract = "Mode collapse is usually measured with sample statistics (FID, recall).";
  const std::string new_abstract =
      "Mode collapse is rarely measured with spectral statistics (FID, precision); see [3].";
  a.entry("Echo Chambers", {"Dagny Solberg"}, old_abstract);
  b.entry("Echo Chambers", {"Dagny Solberg"}, new_abstract);
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 1u);
  const auto& words = diff.entries[0].abstract->words;
  EXPECT_EQ(joined(words, WordOp::Added), old_abstract);
  EXPECT_EQ(joined(words, WordOp::Removed), new_abstract);
  // The ")" kept between "recall"->"precision" and the added "; see [3]" is
  // folded into one replacement (issue 15: adjacent edits merge, as git's
  // --word-diff shows "recall)" as one word).
  EXPECT_EQ(runs(words, WordOp::Removed), (std::vector<std::string>{"usually", "sample", "recall)"}));
}

TEST(DiffDocuments, WordDiffReconstructsBothSidesUnderManyEdits) {
  const std::vector<std::string> texts = {
      "We anneal the noise with a schedule derived from the curvature of the data manifold (see Sec. 3).",
      "我们提出了一种新的视频生成方法，该方法利用稀疏注意力机制降低计算成本。实验结果表明效果更好。",
      "Mixed 中文 and English:  two  spaces, tabs\there, and ünïcödé accents — plus an em dash.",
  };
  const std::vector<std::string> inserts = {"", "x", " inserted words ", "新增", "  ", "."};
  std::size_t cases = 0;
  std::size_t layout_only = 0;
  for (const auto& text : texts) {
    // Every byte offset that starts a code point, every cut length, every insert.
    for (std::size_t at = 0; at <= text.size(); ++at) {
      if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
      for (std::size_t cut : {0, 1, 3, 7}) {
        std::size_t end = std::min(text.size(), at + cut);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        for (const auto& insert : inserts) {
          const std::string edited = text.substr(0, at) + insert + text.substr(end);
          if (edited == text) continue;
          // An edit of layout only (a blank at either end, a tab turned
          // into a space) is no change: fmt makes such edits.
          std::string old_form, new_form;
          if (diff_detail::content_form(text, old_form) == diff_detail::content_form(edited, new_form)) {
            ++layout_only;
            continue;
          }
          DocumentBuilder a;
          DocumentBuilder b;
          a.entry("T", {"A"}, text);
          b.entry("T", {"A"}, edited);
          const auto diff = diff_documents(a.document(), b.document());
          ASSERT_EQ(diff.entries.size(), 1u);
          const auto& words = diff.entries[0].abstract->words;
          ASSERT_EQ(joined(words, WordOp::Added), text) << "edited: " << edited;
          ASSERT_EQ(joined(words, WordOp::Removed), edited) << "edited: " << edited;
          for (std::size_t k = 1; k < words.size(); ++k) ASSERT_NE(words[k].op, words[k - 1].op) << edited;
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 1000u);
  EXPECT_GT(layout_only, 0u);  // the trailing "  " and "" cuts at the ends
}

TEST(DiffDocuments, ChineseAbstractDiffsByWordNotBySentenceOrCharacter) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("基于稀疏注意力的视频生成方法", {"Li Mingyu"},
          "我们提出了一种新的视频生成方法，该方法利用稀疏注意力机制降低计算成本。");
  b.entry("基于稀疏注意力的视频生成方法", {"Li Mingyu"},
          "我们提出了一种新的视频生成方法，该方法利用稀疏注意力机制减少计算开销。");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 1u);
  const auto& words = diff.entries[0].abstract->words;
  EXPECT_EQ(runs(words, WordOp::Removed), (std::vector<std::string>{"降低", "成本"}));
  EXPECT_EQ(runs(words, WordOp::Added), (std::vector<std::string>{"减少", "开销"}));
  const auto same = runs(words, WordOp::Same);
  ASSERT_EQ(same.size(), 3u);
  EXPECT_EQ(same[1], "计算");
}

TEST(DiffDocuments, RepeatedTitlesAreMatchedInOrderOfOccurrence) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("Repeated Study", {"Ann Example"}, "first copy")
      .entry("Other", {"Bo Example"}, "other")
      .entry("Repeated Study", {"Ann Example"}, "second copy");
  b.entry("Repeated Study", {"Ann Example"}, "first copy")
      .entry("Other", {"Bo Example"}, "other")
      .entry("Repeated Study", {"Ann Example"}, "second copy, revised");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 1u);
  EXPECT_EQ(diff.entries[0].old_index, 2u);
  EXPECT_EQ(diff.entries[0].new_index, 2u);
  EXPECT_EQ(diff.counts.unchanged, 2u);
}

TEST(DiffDocuments, ExactTitlesPairBeforeTitleKeys) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("Gaussian Splats", {"A"}, "x").entry("gaussian splats", {"A"}, "y");
  b.entry("gaussian splats", {"A"}, "y").entry("Gaussian Splats", {"A"}, "x");
  const auto diff = diff_documents(a.document(), b.document());
  EXPECT_FALSE(diff.has_differences());
}

TEST(DiffDocuments, TitleDifferingOnlyInSpacingAndCaseIsATitleChange) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("Cartographer Networks for Indoor  Scene Completion", {"Kwame Mensah"}, "x");
  b.entry("Cartographer networks for indoor scene completion", {"Kwame Mensah"}, "x");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 1u);
  EXPECT_EQ(diff.entries[0].kind, EntryChangeKind::Changed);
  EXPECT_EQ(diff.entries[0].changed_fields(), std::vector<std::string_view>{"title"});

  DiffOptions loose;
  loose.ignore_case = true;
  loose.ignore_whitespace = true;
  EXPECT_FALSE(diff_documents(a.document(), b.document(), loose).has_differences());
  loose.ignore_whitespace = false;
  EXPECT_TRUE(diff_documents(a.document(), b.document(), loose).has_differences());
}

TEST(DiffDocuments, CloseTitlesAreRetitledAndDistantOnesAreAddedAndRemoved) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("Echo Chambers in Latent Space: Measuring Mode Collapse via Spectral Probes", {"Dagny Solberg"},
          "x")
      .entry("Folding Tables for Document Layout", {"Wen Zhao"}, "y");
  b.entry("Echo Chambers in Latent Space: Measuring Mode Collapse with Spectral Probes", {"Dagny Solberg"},
          "x")
      .entry("Unfolding Chairs for Poster Layout", {"Wen Zhao"}, "y");
  const auto diff = diff_documents(a.document(), b.document());
  EXPECT_EQ(diff.counts.retitled, 1u);
  EXPECT_EQ(diff.counts.changed, 1u);
  EXPECT_EQ(diff.counts.added, 1u);
  EXPECT_EQ(diff.counts.removed, 1u);
  const auto* retitled =
      find_change(diff, "Echo Chambers in Latent Space: Measuring Mode Collapse with Spectral Probes");
  ASSERT_NE(retitled, nullptr);
  EXPECT_EQ(retitled->kind, EntryChangeKind::Retitled);
  EXPECT_NEAR(retitled->title_similarity, 20.0 / 22.0, 1e-9);
  EXPECT_EQ(runs(retitled->title->words, WordOp::Removed), std::vector<std::string>{"via"});
  EXPECT_EQ(runs(retitled->title->words, WordOp::Added), std::vector<std::string>{"with"});

  DiffOptions bounded;
  bounded.max_retitle_comparisons = 0;
  EXPECT_EQ(diff_documents(a.document(), b.document(), bounded).counts.retitled, 0u);
}

TEST(DiffDocuments, SimilarityThresholdIsInclusive) {
  // 8 words against 12 with all 8 in common: Dice = 16/20 = 0.8 exactly.
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("Compact and Swift Scene Segmenting of Gaussian Fields", {"A"}, "x");
  b.entry("Compact and Swift Scene Segmenting of Gaussian Fields with Dual Feature Fusion", {"A"}, "x");
  EXPECT_EQ(diff_documents(a.document(), b.document()).counts.retitled, 1u);
  DiffOptions strict;
  strict.retitle_similarity = 0.81;
  const auto diff = diff_documents(a.document(), b.document(), strict);
  EXPECT_EQ(diff.counts.retitled, 0u);
  EXPECT_EQ(diff.counts.added, 1u);
}

TEST(DiffDocuments, AuthorsAsAListDiff) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("One", {"Hye-jin Park", "Oleksandr Chornyi", "Wen Zhao"}, "x")
      .entry("Two", {"Rosalind Achterberg", "Kwame Mensah", "Yusuf Demir"}, "x");
  b.entry("One", {"Oleksandr Chornyi", "Hye-jin Park", "Wen Zhao"}, "x")
      .entry("Two", {"Rosalind Achterberg", "Noor Haddad", "Yusuf Demir"}, "x");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 2u);
  const auto& reordered = *diff.entries[0].authors;
  EXPECT_TRUE(reordered.added.empty());
  EXPECT_TRUE(reordered.removed.empty());
  EXPECT_TRUE(reordered.reordered());
  EXPECT_EQ(reordered.moved.size(), 1u);
  const auto& replaced = *diff.entries[1].authors;
  EXPECT_EQ(replaced.removed, std::vector<std::string_view>{"Kwame Mensah"});
  EXPECT_EQ(replaced.added, std::vector<std::string_view>{"Noor Haddad"});
  EXPECT_FALSE(replaced.reordered());
}

TEST(DiffDocuments, CommentsAppearingAndDisappearing) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("One", {"A"}, "x", std::nullopt).entry("Two", {"A"}, "x", "8 pages");
  b.entry("One", {"A"}, "x", "Accepted at an invented venue").entry("Two", {"A"}, "x", std::nullopt);
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_EQ(diff.entries.size(), 2u);
  EXPECT_FALSE(diff.entries[0].comments->old_text.has_value());
  EXPECT_EQ(diff.entries[0].comments->new_text, "Accepted at an invented venue");
  EXPECT_FALSE(diff.entries[1].comments->new_text.has_value());
}

TEST(DiffDocuments, ShuffledEntriesAreMovesOnlyWithTheOption) {
  DocumentBuilder a;
  DocumentBuilder b;
  for (const char* title : {"E1", "E2", "E3", "E4", "E5", "E6"}) a.entry(title, {"A"}, title);
  for (const char* title : {"E3", "E1", "E6", "E2", "E5", "E4"}) b.entry(title, {"A"}, title);
  EXPECT_FALSE(diff_documents(a.document(), b.document()).has_differences());

  DiffOptions moves;
  moves.moves = true;
  const auto diff = diff_documents(a.document(), b.document(), moves);
  EXPECT_TRUE(diff.has_differences());
  // New positions in old order: 1 3 0 5 4 2, whose longest increasing run has 3.
  EXPECT_EQ(diff.counts.moved, 3u);
  EXPECT_EQ(diff.counts.unchanged, 6u);
  EXPECT_EQ(diff.counts.changed + diff.counts.added + diff.counts.removed, 0u);
  EXPECT_EQ(diff.entries.size(), 3u);
  for (const auto& change : diff.entries) EXPECT_EQ(change.kind, EntryChangeKind::Moved);
}

TEST(DiffDocuments, HeaderAndFooterChanges) {
  DocumentBuilder a;
  DocumentBuilder b("图像生成/扩散模型/视频", 5);
  b.footer_author("Marguerite");
  const auto diff = diff_documents(a.document(), b.document());
  ASSERT_TRUE(diff.category);
  EXPECT_EQ(runs(diff.category->words, WordOp::Added), std::vector<std::string>{"/视频"});
  ASSERT_TRUE(diff.date);
  EXPECT_EQ(diff.date->new_text, "2023-05-05");
  ASSERT_TRUE(diff.footer);
  ASSERT_TRUE(diff.footer->author);
  EXPECT_FALSE(diff.footer->notice);

  auto c = DocumentBuilder();
  c.mutable_document().footer.reset();
  const auto missing = diff_documents(a.document(), c.document());
  ASSERT_TRUE(missing.footer);
  EXPECT_FALSE(missing.footer->new_present);
}

TEST(DiffDocuments, SameDateSpelledTwoWaysIsNoChange) {
  DocumentBuilder a;
  DocumentBuilder b;
  b.mutable_document().date->written.value = "2023/05/04";
  b.mutable_document().date->style = DateStyle::Slashed;
  EXPECT_FALSE(diff_documents(a.document(), b.document()).has_differences());
}

TEST(DiffDocuments, IgnoreWhitespaceAndCaseInFields) {
  DocumentBuilder a;
  DocumentBuilder b;
  a.entry("One", {"Wen  Zhao"}, "Score matching  becomes unstable.", "Accepted at ICLR");
  b.entry("One", {"Wen Zhao"}, "Score Matching becomes\tunstable. ", "accepted at iclr");
  EXPECT_EQ(diff_documents(a.document(), b.document()).counts.changed, 1u);
  DiffOptions spacing;
  spacing.ignore_whitespace = true;
  const auto only_case = diff_documents(a.document(), b.document(), spacing);
  ASSERT_EQ(only_case.entries.size(), 1u);
  EXPECT_EQ(only_case.entries[0].changed_fields(), (std::vector<std::string_view>{"abstract", "comments"}));
  spacing.ignore_case = true;
  EXPECT_FALSE(diff_documents(a.document(), b.document(), spacing).has_differences());
}

TEST(DiffDocuments, OneSidedDigest) {
  auto a = base();
  const auto removed = diff_one_sided(&a.document(), nullptr, 1);
  EXPECT_EQ(removed.counts.removed, 3u);
  EXPECT_TRUE(removed.has_differences());
  EXPECT_TRUE(std::all_of(removed.entries.begin(), removed.entries.end(),
                          [](const EntryChange& c) { return c.kind == EntryChangeKind::Removed; }));
}

TEST(DiffDocuments, ManyEditedEntriesStayLinear) {
  // 20 000 entries, every 20th edited, every 50th retitled beyond recognition:
  // completes quickly only when nothing is quadratic in the entry count.
  DocumentBuilder a;
  DocumentBuilder b;
  for (int i = 0; i < 20000; ++i) {
    const auto title = "Invented paper number " + std::to_string(i) + " on topic " + std::to_string(i % 97);
    a.entry(title, {"Author " + std::to_string(i)}, "Abstract of paper " + std::to_string(i) + ".");
    const auto new_title = i % 50 == 0 ? "Completely different subject " + std::to_string(i) : title;
    const auto abstract = "Abstract of paper " + std::to_string(i) + (i % 20 == 0 ? ", revised." : ".");
    b.entry(new_title, {"Author " + std::to_string(i)}, abstract);
  }
  const auto diff = diff_documents(a.document(), b.document());
  EXPECT_EQ(diff.counts.added, 400u);
  EXPECT_EQ(diff.counts.removed, 400u);
  EXPECT_EQ(diff.counts.changed, 1000u - 200u);  // every 20th, less those also retitled away (every 100th)
}

}  // namespace
}  // namespace digestkit
