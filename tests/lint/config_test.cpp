// digest.toml: [validate], [[per-file]], errors with locations, policy order.
#include <gtest/gtest.h>

#include "digestkit/lint.hpp"

namespace {

namespace lint = digestkit::lint;

std::size_t index_of(std::string_view code) { return lint::rule_index(*lint::find_rule(code)); }

TEST(Config, ReadsValidateAndPerFile) {
  const lint::Config config = lint::parse_config(R"(
[fmt]
whatever = true

[validate]
select = ["DG2", "DG3"]
ignore = ["DG310"]
severity = { DG203 = "error", unusual-space = "off" }
max-warnings = 5

[[per-file]]
glob = "legacy/**"
ignore = ["DG201"]
fmt-option-of-another-command = 1
)",
                                                 "/repo/digest.toml");
  ASSERT_TRUE(config.selection.select);
  EXPECT_EQ(config.selection.select->size(), 2u);
  EXPECT_EQ(config.max_warnings, 5);
  ASSERT_EQ(config.per_file.size(), 1u);
  EXPECT_EQ(config.per_file[0].glob, "legacy/**");

  const lint::Policy here = lint::policy_for(&config, {}, "/repo/posts/a.txt");
  EXPECT_TRUE(here.enabled(index_of("DG201")));
  EXPECT_FALSE(here.enabled(index_of("DG310")));
  EXPECT_FALSE(here.enabled(index_of("DG206")));
  EXPECT_FALSE(here.enabled(index_of("DG101")));  // not selected
  EXPECT_EQ(here.severity(index_of("DG203")), digestkit::Severity::Error);

  const lint::Policy legacy = lint::policy_for(&config, {}, "/repo/legacy/old/b.txt");
  EXPECT_FALSE(legacy.enabled(index_of("DG201")));
  EXPECT_TRUE(legacy.enabled(index_of("DG202")));
}

TEST(Config, CommandLineOverridesConfig) {
  const lint::Config config = lint::parse_config(
      "[validate]\nselect = [\"DG2\"]\nseverity = {DG204 = \"info\"}\n", "/repo/digest.toml");
  lint::RuleSelection command_line;
  command_line.select = std::vector<std::string>{"ALL"};
  command_line.severity["DG204"] = digestkit::Severity::Error;
  const lint::Policy policy = lint::policy_for(&config, command_line, "/repo/a.txt");
  EXPECT_TRUE(policy.enabled(index_of("DG301")));
  EXPECT_EQ(policy.severity(index_of("DG204")), digestkit::Severity::Error);
}

TEST(Config, PerFileSelectAddsRulesAndBareGlobsMatchNames) {
  const lint::Config config = lint::parse_config(
      "[validate]\nselect = [\"DG1\"]\n[[per-file]]\nglob = \"*.draft.txt\"\nselect = [\"DG303\"]\n",
      "/r/digest.toml");
  const lint::Policy draft = lint::policy_for(&config, {}, "/r/deep/dir/x.draft.txt");
  EXPECT_TRUE(draft.enabled(index_of("DG303")));
  EXPECT_TRUE(draft.enabled(index_of("DG101")));
  EXPECT_FALSE(lint::policy_for(&config, {}, "/r/deep/dir/x.txt").enabled(index_of("DG303")));
}

void expect_error(const std::string& toml, const std::string& fragment) {
  try {
    (void)lint::parse_config(toml, "dir/digest.toml");
    ADD_FAILURE() << "no error for: " << toml;
  } catch (const lint::ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(Config, ErrorsNameFileLineAndColumn) {
  expect_error("[validate]\nselect = [\"DG2\"\n", "dir/digest.toml:");
  expect_error("[validate]\nselct = [\"DG2\"]\n", "dir/digest.toml:2:1: unknown key \"selct\"");
  expect_error("[validate]\nselect = \"DG2\"\n", "dir/digest.toml:2:10: \"select\" must be an array");
  expect_error("[validate]\nignore = [\"DG999\"]\n", "unknown rule code or prefix \"DG999\"");
  expect_error("[validate]\nseverity = {DG203 = \"fatal\"}\n", "unknown severity \"fatal\"");
  expect_error("[validate]\nmax-warnings = \"many\"\n", "max-warnings");
  expect_error("[[per-file]]\nignore = [\"DG201\"]\n", "needs a non-empty glob");
}

}  // namespace
