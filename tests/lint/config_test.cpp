// digest.toml: [validate], [[per-file]], errors with locations, policy order.
#include <gtest/gtest.h>

#include "digestkit/lint.hpp"

namespace {

namespace lint = digestkit::lint;

std::size_t index_of(std::string_view code) { return lint::rule_index(*lint::find_rule(code)); }

TEST(Config, ReadsValidateAndPerFile) {
  const lint::Config config = lint::parse_config(R"(
[fmt]
nfc = true

[validate]
select = ["DG2", "DG3"]
ignore = ["DG310"]
severity = { DG203 = "error", unusual-space = "off" }
max-warnings = 5

[[per-file]]
glob = "legacy/**"
ignore = ["DG201"]
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

// Changed deliberately (issue 11): a [[per-file]] select used to widen the
// selection; it restricts it now, and extend-select is what widens.
TEST(Config, PerFileSelectRestrictsAndBareGlobsMatchNames) {
  const lint::Config config = lint::parse_config(
      "[validate]\nselect = [\"DG1\", \"DG2\"]\n[[per-file]]\nglob = \"*.draft.txt\"\nselect = [\"DG2\", "
      "\"DG303\"]\n",
      "/r/digest.toml");
  const lint::Policy draft = lint::policy_for(&config, {}, "/r/deep/dir/x.draft.txt");
  EXPECT_TRUE(draft.enabled(index_of("DG201")));
  EXPECT_FALSE(draft.enabled(index_of("DG101"))) << "outside the per-file select";
  EXPECT_FALSE(draft.enabled(index_of("DG303"))) << "a per-file select never adds";
  const lint::Policy other = lint::policy_for(&config, {}, "/r/deep/dir/x.txt");
  EXPECT_TRUE(other.enabled(index_of("DG101")));
  EXPECT_TRUE(other.enabled(index_of("DG201")));
}

TEST(Config, PerFileExtendSelectAndIgnore) {
  const lint::Config config = lint::parse_config(
      "[validate]\nselect = [\"DG1\"]\n[[per-file]]\nglob = \"drafts/**\"\nextend-select = [\"DG303\"]\n"
      "ignore = [\"DG101\"]\n",
      "/r/digest.toml");
  const lint::Policy draft = lint::policy_for(&config, {}, "/r/drafts/a/x.txt");
  EXPECT_TRUE(draft.enabled(index_of("DG303")));
  EXPECT_FALSE(draft.enabled(index_of("DG101")));
  EXPECT_TRUE(draft.enabled(index_of("DG102")));
  const lint::Policy other = lint::policy_for(&config, {}, "/r/posts/x.txt");
  EXPECT_FALSE(other.enabled(index_of("DG303")));
  EXPECT_TRUE(other.enabled(index_of("DG101")));
}

TEST(Config, CommandLineIgnoreAndExtendSelectAddToTheConfig) {
  const lint::Config config =
      lint::parse_config("[validate]\nselect = [\"DG2\"]\nignore = [\"DG204\"]\n", "/repo/digest.toml");
  lint::RuleSelection command_line;
  command_line.ignore = {"DG203"};
  command_line.extend_select = {"DG301"};
  const lint::Policy policy = lint::policy_for(&config, command_line, "/repo/a.txt");
  EXPECT_FALSE(policy.enabled(index_of("DG204"))) << "the config's ignore stays";
  EXPECT_FALSE(policy.enabled(index_of("DG203"))) << "--ignore adds";
  EXPECT_TRUE(policy.enabled(index_of("DG201")));
  EXPECT_TRUE(policy.enabled(index_of("DG301"))) << "--extend-select adds";
  EXPECT_FALSE(policy.enabled(index_of("DG302")));
}

TEST(Config, CommandLineSelectRestartsTheSelection) {
  // As in ruff: --select replaces the configured select and its ignore.
  const lint::Config config =
      lint::parse_config("[validate]\nselect = [\"DG2\"]\nignore = [\"DG301\"]\n", "/repo/digest.toml");
  lint::RuleSelection command_line;
  command_line.select = std::vector<std::string>{"DG3"};
  const lint::Policy policy = lint::policy_for(&config, command_line, "/repo/a.txt");
  EXPECT_TRUE(policy.enabled(index_of("DG301")));
  EXPECT_FALSE(policy.enabled(index_of("DG201")));
}

TEST(Config, SeverityOffStaysOffUntilALaterLayerRatesTheRule) {
  const lint::Config config =
      lint::parse_config("[validate]\nseverity = { DG204 = \"off\" }\n", "/repo/digest.toml");
  lint::RuleSelection all;
  all.select = std::vector<std::string>{"ALL"};
  EXPECT_FALSE(lint::policy_for(&config, all, "/repo/a.txt").enabled(index_of("DG204")));
  all.severity["DG204"] = digestkit::Severity::Error;
  const lint::Policy rated = lint::policy_for(&config, all, "/repo/a.txt");
  EXPECT_TRUE(rated.enabled(index_of("DG204")));
  EXPECT_EQ(rated.severity(index_of("DG204")), digestkit::Severity::Error);
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
  expect_error("[validate]\nselct = [\"DG2\"]\n", "dir/digest.toml:2:1: error: unknown key \"selct\"");
  expect_error("[validate]\nselect = \"DG2\"\n", "dir/digest.toml:2:10: error: \"select\" must be an array");
  expect_error("[validate]\nignore = [\"DG201\", \"DG999\"]\n",
               "dir/digest.toml:2:20: error: unknown rule code or prefix \"DG999\"");
  expect_error("[validate]\nseverity = {DG203 = \"fatal\"}\n",
               "dir/digest.toml:2:21: error: unknown severity \"fatal\"");
  expect_error("[validate]\nseverity = {DG999 = \"error\"}\n",
               "dir/digest.toml:2:13: error: unknown rule \"DG999\"");
  // Unknown keys in [[per-file]] and other tables are errors too (they used to pass silently).
  expect_error("[[per-file]]\nglob = \"x\"\nfmt-option = 1\n",
               "dir/digest.toml:3:1: error: unknown key \"fmt-option\"");
  expect_error("[fmt]\nwhatever = true\n", "dir/digest.toml:2:1: error: unknown key \"whatever\"");
  expect_error("[[per-file]]\nglob = \"x\"\nextend-select = [\"DG9\"]\n",
               "3:18: error: unknown rule code or prefix");
  expect_error("[validate]\nmax-warnings = \"many\"\n", "max-warnings");
  expect_error("[[per-file]]\nignore = [\"DG201\"]\n", "needs a non-empty glob");
}

}  // namespace
