// The per-field repairs, one by one, and with each option turned off.
#include <gtest/gtest.h>

#include "digestkit/format.hpp"

namespace digestkit {
namespace {

FormatOptions without(bool FormatOptions::*repair) {
  FormatOptions options;
  options.*repair = false;
  return options;
}

FormatOptions collapsing() {
  FormatOptions options;
  options.collapse_spaces = true;
  return options;
}

TEST(RepairText, AsciiWithoutDeviationsIsUnchanged) {
  EXPECT_EQ(repair_text("Learning to Balance a Pencil"), "Learning to Balance a Pencil");
  EXPECT_EQ(repair_text(""), "");
}

TEST(RepairText, TrimsWhiteSpaceAtBothEnds) {
  EXPECT_EQ(repair_text("  Pencil \t"), "Pencil");
  EXPECT_EQ(repair_text("\u00a0Pencil\u3000"), "Pencil");
  // Trimming is not optional: a field never starts or ends with a blank.
  EXPECT_EQ(repair_text("\tPencil\u00a0", without(&FormatOptions::replace_tabs)), "Pencil");
  EXPECT_EQ(repair_text("\u00a0Pencil\u00a0", without(&FormatOptions::replace_nbsp)), "Pencil");
}

// Runs of spaces are published text (arXiv's line wraps): kept unless
// collapsing is asked for.
TEST(RepairText, CollapsesRunsOfSpacesOnlyWhenAsked) {
  EXPECT_EQ(repair_text("via   StyleGAN  and  more"), "via   StyleGAN  and  more");
  EXPECT_EQ(repair_text("via   StyleGAN  and  more", collapsing()), "via StyleGAN and more");
}

// The ASCII fast path scans 8 bytes at a time: a run, a tab or a non-ASCII
// character is found at every offset, including across word boundaries.
TEST(RepairText, FindsDeviationsAtEveryOffset) {
  const std::string base = "abcdefghijklmnopqrstuvwx";
  for (std::size_t i = 1; i + 1 < base.size(); ++i) {
    const std::string left = base.substr(0, i), right = base.substr(i);
    EXPECT_EQ(repair_text(left + "  " + right), left + "  " + right) << i;
    EXPECT_EQ(repair_text(left + "  " + right, collapsing()), left + " " + right) << i;
    EXPECT_EQ(repair_text(left + " \t" + right), left + "  " + right) << i;
    EXPECT_EQ(repair_text(left + " \t" + right, collapsing()), left + " " + right) << i;
    EXPECT_EQ(repair_text(left + "\t" + right), left + " " + right) << i;
    EXPECT_EQ(repair_text(left + "\u200b" + right), base) << i;
    EXPECT_EQ(repair_text(left + " " + right), left + " " + right) << i;
  }
}

TEST(RepairText, TabsBecomeSpaces) {
  EXPECT_EQ(repair_text("a\tb"), "a b");
  EXPECT_EQ(repair_text("a \t b"), "a   b");
  EXPECT_EQ(repair_text("a \t b", collapsing()), "a b");
  EXPECT_EQ(repair_text("a\tb", without(&FormatOptions::replace_tabs)), "a\tb");
  EXPECT_EQ(repair_text("a \t b", without(&FormatOptions::replace_tabs)), "a \t b");
}

TEST(RepairText, NbspAndOtherSpaceSeparatorsBecomeSpaces) {
  EXPECT_EQ(repair_text("a\u00a0b\u2009c\u3000d\u202fe"), "a b c d e");
  EXPECT_EQ(repair_text("a\u00a0\u00a0 b"), "a   b");
  EXPECT_EQ(repair_text("a\u00a0\u00a0 b", collapsing()), "a b");
  EXPECT_EQ(repair_text("a\u00a0b", without(&FormatOptions::replace_nbsp)), "a\u00a0b");
}

TEST(RepairText, ZeroWidthCharactersAreRemoved) {
  EXPECT_EQ(repair_text("Pen\u200bcil\u200c \u200dBox\u2060\ufeff"), "Pencil Box");
  // Every invisible character validate reports (DG207) is removed.
  EXPECT_EQ(repair_text("Pen\u00adcil\u200e Box\u200f\u061c x\u2061y\u2062z\u2063w\u2064"),
            "Pencil Box xyzw");
  EXPECT_EQ(repair_text("Pen\u200bcil", without(&FormatOptions::remove_zero_width)), "Pen\u200bcil");
}

TEST(RepairText, NormalisesToNfc) {
  EXPECT_EQ(repair_text("Rene\u0301e"), "Ren\u00e9e");
  EXPECT_EQ(repair_text("Rene\u0301e", without(&FormatOptions::nfc)), "Rene\u0301e");
  // A zero-width character between a letter and its accent goes first, so
  // that the accent composes and a second run changes nothing.
  EXPECT_EQ(repair_text("Rene\u200b\u0301e"), "Ren\u00e9e");
}

TEST(RepairText, IsIdempotentUnderEveryOptionSet) {
  const std::string samples[] = {"  a\u00a0\u00a0b\t\tc \u200b d  ", "e\u200b\u0301 \u3000x", "\u0301lead",
                                 "x\u2000y"};
  for (unsigned mask = 0; mask < 32; ++mask) {
    FormatOptions options;
    options.nfc = (mask & 1) != 0;
    options.collapse_spaces = (mask & 2) != 0;
    options.replace_tabs = (mask & 4) != 0;
    options.replace_nbsp = (mask & 8) != 0;
    options.remove_zero_width = (mask & 16) != 0;
    for (const std::string& sample : samples) {
      const std::string once = repair_text(sample, options);
      EXPECT_EQ(repair_text(once, options), once) << "options mask " << mask;
    }
  }
}

}  // namespace
}  // namespace digestkit
