// digest.toml as a whole: every table, every key checked, errors at file:line:col.
#include <gtest/gtest.h>

#include "digestkit/config.hpp"

namespace digestkit {
namespace {

std::string error_of(const std::string& toml) {
  try {
    (void)parse_config_file(toml, "dir/digest.toml");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(ConfigFile, ReadsEveryTable) {
  const ConfigFile config = parse_config_file(R"(
[validate]
select = ["DG2"]
extend-select = ["DG316"]
ignore = ["DG310"]
severity = { DG203 = "error" }
max-warnings = 5

[[per-file]]
glob = "legacy/**"
select = ["DG1"]
ignore = ["DG101"]

[fmt]
collapse-spaces = false
nfc = true
)",
                                              "/repo/digest.toml");
  EXPECT_EQ(config.folder, std::filesystem::path("/repo"));
  ASSERT_TRUE(config.validate.select);
  EXPECT_EQ(config.validate.select->at(0).text, "DG2");
  EXPECT_EQ(config.validate.select->at(0).line, 3u);
  EXPECT_EQ(config.validate.extend_select.at(0).text, "DG316");
  EXPECT_EQ(config.validate.ignore.at(0).text, "DG310");
  ASSERT_EQ(config.validate.severity.size(), 1u);
  EXPECT_EQ(config.validate.severity[0].first.text, "DG203");
  EXPECT_EQ(config.validate.severity[0].second.text, "error");
  EXPECT_EQ(config.max_warnings, 5);
  ASSERT_EQ(config.per_file.size(), 1u);
  EXPECT_EQ(config.per_file[0].glob, "legacy/**");
  EXPECT_EQ(config.per_file[0].rules.select->at(0).text, "DG1");
  EXPECT_EQ(config.fmt.collapse_spaces, false);
  EXPECT_EQ(config.fmt.nfc, true);
  EXPECT_FALSE(config.fmt.replace_tabs.has_value());
}

TEST(ConfigFile, AnEmptyFileSetsNothing) {
  const ConfigFile config = parse_config_file("", "digest.toml");
  EXPECT_FALSE(config.validate.select);
  EXPECT_TRUE(config.per_file.empty());
  EXPECT_FALSE(config.max_warnings);
}

TEST(ConfigFile, UnknownKeysAnywhereAreErrorsAtTheirLine) {
  EXPECT_EQ(error_of("[validat]\nselect = []\n"),
            "dir/digest.toml:1:2: error: unknown key \"validat\" in digest.toml (known keys: exclude, "
            "extend-exclude, validate, per-file, "
            "fmt)");
  EXPECT_NE(
      error_of("[validate]\nselct = [\"DG2\"]\n").find("dir/digest.toml:2:1: error: unknown key \"selct\""),
      std::string::npos);
  EXPECT_NE(error_of("[[per-file]]\nglob = \"*.txt\"\nignroe = [\"DG201\"]\n")
                .find("dir/digest.toml:3:1: error: unknown key \"ignroe\" in [[per-file]]"),
            std::string::npos);
  EXPECT_NE(error_of("[fmt]\nkeep-tabs = true\n")
                .find("dir/digest.toml:2:1: error: unknown key \"keep-tabs\" in [fmt]"),
            std::string::npos);
  EXPECT_NE(error_of("excludes = [\"x\"]\n").find("dir/digest.toml:1:1: error: unknown key \"excludes\""),
            std::string::npos);
}

TEST(ConfigFile, WrongTypesAreErrorsAtTheValue) {
  EXPECT_NE(error_of("[validate]\nselect = \"DG2\"\n")
                .find("dir/digest.toml:2:10: error: \"select\" must be an array"),
            std::string::npos);
  EXPECT_NE(
      error_of("[validate]\nextend-select = [1]\n").find("2:18: error: \"extend-select\" must hold strings"),
      std::string::npos);
  EXPECT_NE(error_of("[validate]\nmax-warnings = \"many\"\n").find("max-warnings"), std::string::npos);
  EXPECT_NE(error_of("[validate]\nmax-warnings = -2\n").find("must be an integer >= -1"), std::string::npos);
  EXPECT_NE(
      error_of("[fmt]\nnfc = \"no\"\n").find("dir/digest.toml:2:7: error: [fmt] nfc must be true or false"),
      std::string::npos);
  EXPECT_NE(error_of("fmt = 1\n").find("[fmt] must be a table"), std::string::npos);
  EXPECT_NE(error_of("validate = []\n").find("[validate] must be a table"), std::string::npos);
  EXPECT_NE(error_of("[[per-file]]\nignore = [\"DG201\"]\n").find("needs a non-empty glob"),
            std::string::npos);
  EXPECT_NE(error_of("[validate]\nseverity = { DG203 = 1 }\n").find("a severity must be"), std::string::npos);
}

TEST(ConfigFile, SyntaxErrorsAreLocated) {
  EXPECT_NE(error_of("[validate]\nselect = [\"DG2\"\n").find("dir/digest.toml:"), std::string::npos);
  EXPECT_NE(error_of("[fmt\nnfc = false\n").find("dir/digest.toml:1:"), std::string::npos);
}

TEST(ConfigFile, AMissingFileIsAnError) {
  EXPECT_THROW((void)load_config_file("/nonexistent/digest.toml"), ConfigError);
}

}  // namespace
}  // namespace digestkit
