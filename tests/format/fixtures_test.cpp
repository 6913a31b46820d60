// One before/after fixture per repair (testdata/format/NAME.before.txt and
// NAME.after.txt), the seeds left byte-for-byte unchanged, and fmt(fmt(x)) ==
// fmt(x) over every fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "format_test_util.hpp"

namespace digestkit {
namespace {

using format_testing::fixture;
using format_testing::formatted;

struct RepairCase {
  std::string name;
  FormatOptions options;
};

FormatOptions without(bool FormatOptions::*repair) {
  FormatOptions options;
  options.*repair = false;
  return options;
}

FormatOptions with(bool FormatOptions::*repair) {
  FormatOptions options;
  options.*repair = true;
  return options;
}

std::vector<RepairCase> repair_cases() {
  return {
      {"canonical", {}},
      {"crlf", {}},
      {"bom", {}},
      {"trailing-space", {}},
      {"tabs", {}},
      {"nbsp", {}},
      {"zero-width", {}},
      {"nfd", {}},
      {"space-runs", {}},
      {"blank-lines", {}},
      {"authors-label", {}},
      {"authors-label-spaced", {}},
      {"date-slashed", {}},
      {"author-separators", {}},
      {"empty-author", {}},
      {"gb18030", {}},
      {"pdf-empty-comment", {}},
      {"missing-marker", {}},
      {"missing-footer", {}},
      {"missing-date", {}},
      {"no-entries", {}},
      {"two-digests", {}},
      {"footer-spellings", {}},
      {"keep-tabs", without(&FormatOptions::replace_tabs)},
      {"keep-nbsp", without(&FormatOptions::replace_nbsp)},
      {"keep-zero-width", without(&FormatOptions::remove_zero_width)},
      {"collapse-spaces", with(&FormatOptions::collapse_spaces)},
      {"collapse-separators", with(&FormatOptions::collapse_spaces)},
      {"no-nfc", without(&FormatOptions::nfc)},
  };
}

class RepairFixture : public ::testing::TestWithParam<RepairCase> {};

TEST_P(RepairFixture, BeforeFormatsToAfter) {
  const RepairCase& c = GetParam();
  const std::string before = fixture(c.name + ".before.txt");
  const std::string after = fixture(c.name + ".after.txt");
  EXPECT_EQ(formatted(before, c.name + ".before.txt", c.options), after);
}

TEST_P(RepairFixture, AfterIsAlreadyCanonical) {
  const RepairCase& c = GetParam();
  const std::string after = fixture(c.name + ".after.txt");
  EXPECT_EQ(formatted(after, c.name + ".after.txt", c.options), after);
}

TEST_P(RepairFixture, FormattingIsIdempotentWithDefaultOptions) {
  const RepairCase& c = GetParam();
  const std::string once = formatted(fixture(c.name + ".before.txt"), c.name);
  EXPECT_EQ(formatted(once, c.name + " (formatted)"), once);
}

INSTANTIATE_TEST_SUITE_P(Repairs, RepairFixture, ::testing::ValuesIn(repair_cases()),
                         [](const ::testing::TestParamInfo<RepairCase>& info) {
                           std::string name;
                           for (const char ch : info.param.name) name += ch == '-' ? '_' : ch;
                           return name;
                         });

// Options that are off must leave exactly what they protect: the keep-*
// fixtures formatted with all repairs on differ from their "after" file.
TEST(RepairOptions, EachKeepFixtureDependsOnItsOption) {
  for (const char* name : {"keep-tabs", "keep-nbsp", "keep-zero-width", "no-nfc"}) {
    const std::string before = fixture(std::string(name) + ".before.txt");
    EXPECT_NE(formatted(before, name), fixture(std::string(name) + ".after.txt")) << name;
  }
}

// Runs of spaces are published text: kept by default (space-runs,
// author-separators), collapsed only when asked (collapse-*).
TEST(RepairOptions, SpacingIsKeptUnlessCollapsingIsAskedFor) {
  for (const char* name : {"space-runs", "author-separators"}) {
    const std::string before = fixture(std::string(name) + ".before.txt");
    EXPECT_NE(formatted(before, name, with(&FormatOptions::collapse_spaces)),
              fixture(std::string(name) + ".after.txt"))
        << name;
  }
  for (const char* name : {"collapse-spaces", "collapse-separators"}) {
    const std::string before = fixture(std::string(name) + ".before.txt");
    EXPECT_EQ(formatted(before, name), before) << name << ": the default keeps the spacing";
  }
}

TEST(Seeds, AreLeftByteForByteUnchanged) {
  const auto seeds = testing::shared_dir() / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  int count = 0;
  for (const auto& file : std::filesystem::directory_iterator(seeds)) {
    const std::string bytes = testing::read_file(file.path());
    const ParsedFile parsed = parse_bytes(bytes, file.path().string());
    ASSERT_TRUE(parsed.ok()) << format_testing::errors_text(parsed);
    const FormattedFile result = format_file(parsed, bytes);
    EXPECT_EQ(result.status, FormatStatus::Formatted);
    EXPECT_FALSE(result.changed) << file.path();
    EXPECT_EQ(result.text, bytes) << file.path();
    ++count;
  }
  EXPECT_GE(count, 2);
}

}  // namespace
}  // namespace digestkit
