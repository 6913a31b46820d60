// The [fmt] table of digest.toml, as format_options_for() applies it (the
// table itself is checked by the config module: tests/config/).
#include <gtest/gtest.h>

#include "digestkit/format.hpp"

namespace digestkit {
namespace {

FormatOptions options_of(const std::string& toml) {
  const ConfigFile config = parse_config_file(toml, "/repo/digest.toml");
  return format_options_for(&config);
}

TEST(FormatConfig, TurnsRepairsOff) {
  const FormatOptions options = options_of(
      "[fmt]\nnfc = false\ncollapse-spaces = false\nreplace-tabs = false\n"
      "replace-nbsp = false\nremove-zero-width = false\n");
  EXPECT_FALSE(options.nfc);
  EXPECT_FALSE(options.collapse_spaces);
  EXPECT_FALSE(options.replace_tabs);
  EXPECT_FALSE(options.replace_nbsp);
  EXPECT_FALSE(options.remove_zero_width);
}

TEST(FormatConfig, OptsInToCollapsingSpaces) {
  EXPECT_FALSE(FormatOptions{}.collapse_spaces) << "opt-in: runs of spaces are published text";
  EXPECT_TRUE(options_of("[fmt]\ncollapse-spaces = true\n").collapse_spaces);
}

TEST(FormatConfig, OtherSectionsAndAMissingTableChangeNothing) {
  const FormatOptions defaults;
  for (const FormatOptions& options : {options_of("[validate]\nselect = [\"DG2\"]\n"),
                                       options_of("[fmt]\nnfc = true\n"), format_options_for(nullptr)}) {
    EXPECT_EQ(options.nfc, defaults.nfc);
    EXPECT_EQ(options.collapse_spaces, defaults.collapse_spaces);
    EXPECT_EQ(options.replace_tabs, defaults.replace_tabs);
    EXPECT_EQ(options.replace_nbsp, defaults.replace_nbsp);
    EXPECT_EQ(options.remove_zero_width, defaults.remove_zero_width);
  }
}

TEST(FormatConfig, OnlyTheKeysGivenChange) {
  const FormatOptions options = options_of("[fmt]\nreplace-tabs = false\n");
  EXPECT_FALSE(options.replace_tabs);
  EXPECT_EQ(options.collapse_spaces, FormatOptions{}.collapse_spaces);
  EXPECT_TRUE(options.nfc);
}

TEST(FormatConfig, UnknownKeyIsALocatedError) {
  try {
    (void)options_of("[fmt]\nnfc = false\nkeep-tabs = true\n");
    ADD_FAILURE() << "no error";
  } catch (const ConfigError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("digest.toml:3:1: error: unknown key \"keep-tabs\""), std::string::npos)
        << message;
    EXPECT_NE(message.find("replace-tabs"), std::string::npos) << "the known keys are listed";
  }
}

}  // namespace
}  // namespace digestkit
