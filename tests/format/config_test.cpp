// The [fmt] table of digest.toml.
#include <gtest/gtest.h>

#include <filesystem>

#include "digestkit/format.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

class FormatConfig : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("fmt-config"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::optional<std::string> load(const std::string& toml, FormatOptions& options) {
    const auto file = dir_ / "digest.toml";
    testing::write_file(file, toml);
    return load_format_config(file, options);
  }

  std::filesystem::path dir_;
};

TEST_F(FormatConfig, TurnsRepairsOff) {
  FormatOptions options;
  EXPECT_EQ(load("[fmt]\nnfc = false\ncollapse-spaces = false\nreplace-tabs = false\n"
                 "replace-nbsp = false\nremove-zero-width = false\n",
                 options),
            std::nullopt);
  EXPECT_FALSE(options.nfc);
  EXPECT_FALSE(options.collapse_spaces);
  EXPECT_FALSE(options.replace_tabs);
  EXPECT_FALSE(options.replace_nbsp);
  EXPECT_FALSE(options.remove_zero_width);
}

TEST_F(FormatConfig, OptsInToCollapsingSpaces) {
  FormatOptions options;
  EXPECT_EQ(load("[fmt]\ncollapse-spaces = true\n", options), std::nullopt);
  EXPECT_TRUE(options.collapse_spaces);
}

TEST_F(FormatConfig, OtherSectionsAndAMissingTableChangeNothing) {
  FormatOptions options;
  EXPECT_EQ(load("[validate]\nselect = [\"DG2\"]\n", options), std::nullopt);
  EXPECT_TRUE(options.nfc && options.replace_tabs && options.replace_nbsp && options.remove_zero_width);
  EXPECT_FALSE(options.collapse_spaces);  // opt-in: runs of spaces are published text
  EXPECT_EQ(load("[fmt]\nnfc = true\n", options), std::nullopt);
  EXPECT_TRUE(options.nfc);
}

TEST_F(FormatConfig, UnknownKeyIsALocatedError) {
  FormatOptions options;
  const auto error = load("[fmt]\nnfc = false\nkeep-tabs = true\n", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("digest.toml:3:1: error: unknown key \"keep-tabs\""), std::string::npos) << *error;
  EXPECT_NE(error->find("replace-tabs"), std::string::npos);
  EXPECT_TRUE(options.nfc) << "a rejected file changes no option";
}

TEST_F(FormatConfig, NonBooleanIsALocatedError) {
  FormatOptions options;
  const auto error = load("[fmt]\nnfc = \"no\"\n", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("digest.toml:2:7: error: [fmt] nfc must be true or false"), std::string::npos)
      << *error;
}

TEST_F(FormatConfig, SyntaxErrorIsALocatedError) {
  FormatOptions options;
  const auto error = load("[fmt\nnfc = false\n", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("digest.toml:1:"), std::string::npos) << *error;
}

TEST_F(FormatConfig, FmtMustBeATable) {
  FormatOptions options;
  const auto error = load("fmt = 1\n", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("[fmt] must be a table"), std::string::npos) << *error;
}

}  // namespace
}  // namespace digestkit
