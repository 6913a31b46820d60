// `digest validate --format sarif` as code scanning services take it: the
// OASIS SARIF 2.1.0 schema, plus what GitHub documents that it needs and
// that the schema does not say ("SARIF support for code scanning",
// docs.github.com: required properties, upload limits, URI rules), each
// written out below as an explicit check; URIs that resolve to the files,
// fingerprints that stay put when lines move, and failed inputs that make the
// run unsuccessful instead of "no alerts".
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <iostream>
#include <set>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

std::string faulty_post() {
  std::string text = read_file(testdata("lint/rules/clean.txt"));
  text.replace(text.find("sparse lattice encoders"), 14, "sparse lattice \u202e");
  text.replace(text.find("from Seeds\n"), 11, "from Seeds  \n");
  return text;
}

std::string string_at(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject() || !object.HasMember(key) || !object[key].IsString()) return {};
  return std::string(object[key].GetString(), object[key].GetStringLength());
}

bool absolute_web_uri(const std::string& uri) {
  return uri.starts_with("https://") || uri.starts_with("http://");
}

// GitHub's documented requirements and limits, as failures to report.
std::vector<std::string> github_problems(const rapidjson::Document& log) {
  std::vector<std::string> problems;
  const auto need = [&](bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
  };
  need(string_at(log, "version") == "2.1.0", "version must be 2.1.0");
  need(!string_at(log, "$schema").empty(), "$schema should name the SARIF schema");
  need(log.HasMember("runs") && log["runs"].IsArray() && !log["runs"].Empty() && log["runs"].Size() <= 20,
       "1 to 20 runs per file");
  if (!problems.empty()) return problems;
  for (const auto& run : log["runs"].GetArray()) {
    const auto& driver = run["tool"]["driver"];
    need(!string_at(driver, "name").empty(), "tool.driver.name is required");
    need(absolute_web_uri(string_at(driver, "informationUri")),
         "tool.driver.informationUri: an absolute URI");
    const auto& rules = driver["rules"];
    need(rules.Size() <= 25000, "at most 25,000 rules per run");
    std::vector<std::string> rule_ids;
    for (const auto& rule : rules.GetArray()) {
      const std::string id = string_at(rule, "id");
      rule_ids.push_back(id);
      need(!id.empty(), "every rule has an id");
      need(!string_at(rule["shortDescription"], "text").empty(), id + ": shortDescription.text");
      need(!string_at(rule["fullDescription"], "text").empty(), id + ": fullDescription.text");
      need(!string_at(rule["help"], "text").empty(), id + ": help.text");
      need(absolute_web_uri(string_at(rule, "helpUri")), id + ": helpUri is an absolute URI");
      if (rule.HasMember("properties") && rule["properties"].HasMember("tags")) {
        need(rule["properties"]["tags"].Size() <= 20, id + ": at most 20 tags");
      }
    }
    const auto location_problems = [&](const rapidjson::Value& location, const std::string& where) {
      const auto& artifact = location["physicalLocation"]["artifactLocation"];
      const std::string uri = string_at(artifact, "uri");
      need(!uri.empty(), where + ": artifactLocation.uri is required");
      // SARIF1004: a relative reference must not start with '/'; an
      // absolute one is a file:// URI.
      need(!uri.starts_with("/"), where + ": uri \"" + uri + "\" starts with '/'");
      const std::string base = string_at(artifact, "uriBaseId");
      if (base.empty()) {
        need(uri.starts_with("file:///"), where + ": uri without uriBaseId must be an absolute file URI");
      } else {
        const bool declared =
            run.HasMember("originalUriBaseIds") && run["originalUriBaseIds"].HasMember(base.c_str());
        need(declared, where + ": uriBaseId " + base + " is not in originalUriBaseIds");
        if (declared) {
          const std::string base_uri = string_at(run["originalUriBaseIds"][base.c_str()], "uri");
          need(base_uri.starts_with("file:///") && base_uri.ends_with("/"),
               where + ": originalUriBaseIds uri must be absolute and end with '/'");
        }
      }
    };
    const auto& results = run["results"];
    need(results.Size() <= 25000, "at most 25,000 results per run");
    for (rapidjson::SizeType i = 0; i < results.Size(); ++i) {
      const auto& result = results[i];
      const std::string where = "results[" + std::to_string(i) + "]";
      const std::string id = string_at(result, "ruleId");
      need(std::find(rule_ids.begin(), rule_ids.end(), id) != rule_ids.end(),
           where + ": ruleId is a rule's id");
      if (result.HasMember("ruleIndex")) {
        need(result["ruleIndex"].GetUint() < rule_ids.size() && rule_ids[result["ruleIndex"].GetUint()] == id,
             where + ": ruleIndex points at ruleId");
      }
      need(!string_at(result["message"], "text").empty(), where + ": message.text is required");
      need(result["locations"].Size() >= 1 && result["locations"].Size() <= 10,
           where + ": 1 to 10 locations");
      for (const auto& location : result["locations"].GetArray()) {
        location_problems(location, where);
        need(location["physicalLocation"]["region"]["startLine"].GetUint() >= 1,
             where + ": region.startLine");
      }
      if (result.HasMember("relatedLocations")) {
        need(result["relatedLocations"].Size() <= 1000, where + ": at most 1,000 related locations");
        for (const auto& location : result["relatedLocations"].GetArray()) location_problems(location, where);
      }
      need(result.HasMember("partialFingerprints") && result["partialFingerprints"].MemberCount() >= 1,
           where + ": partialFingerprints (GitHub tracks alerts across runs by them)");
    }
    need(run.HasMember("invocations") && run["invocations"].Size() == 1 &&
             run["invocations"][0].HasMember("executionSuccessful"),
         "invocations[0].executionSuccessful");
  }
  return problems;
}

class SarifCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(digestkit::testing::make_temp_dir("lint-sarif"));
    fs::create_directories(root_ / ".git");  // a work tree: the default root
    fs::create_directories(root_ / "posts");
    write_file(root_ / "posts" / "a.txt", faulty_post());
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
    if (HasFailure()) std::cerr << "left for inspection: " << root_ << '\n';
  }

  // SARIF of `digest validate ARGS` run in `folder`; checks it against the
  // schema and GitHub's rules on the way.
  rapidjson::Document sarif(const std::string& args, const std::string& folder, int expected_exit) {
    const auto result = run_command("cd " + shell_quote((root_ / folder).string()) + " && NO_COLOR=1 " +
                                    DIGEST_EXE + " validate --today 2030-01-01 --format sarif " + args);
    EXPECT_EQ(result.exit_code, expected_exit) << result.err;
    EXPECT_EQ(digestkit::testing::schema_errors(result.out, "sarif/sarif-2.1.0.schema.json"), "");
    rapidjson::Document log;
    log.Parse(result.out.c_str());
    EXPECT_FALSE(log.HasParseError()) << result.out;
    if (log.HasParseError()) return log;
    for (const std::string& problem : github_problems(log)) ADD_FAILURE() << "GitHub: " << problem;
    return log;
  }

  fs::path root_;
};

TEST_F(SarifCli, RelativeUrisResolveAgainstTheWorkTreeRoot) {
  const rapidjson::Document log = sarif("a.txt", "posts", 1);
  const auto& run = log["runs"][0];
  EXPECT_EQ(string_at(run["originalUriBaseIds"]["%SRCROOT%"], "uri"), "file://" + root_.string() + "/");
  ASSERT_EQ(run["results"].Size(), 2U);
  for (const auto& result : run["results"].GetArray()) {
    const auto& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(string_at(artifact, "uri"), "posts/a.txt");
    EXPECT_EQ(string_at(artifact, "uriBaseId"), "%SRCROOT%");
  }
  EXPECT_TRUE(run["invocations"][0]["executionSuccessful"].GetBool());
  EXPECT_EQ(string_at(run["tool"]["driver"]["rules"][29], "helpUri").substr(0, 8), "https://");
  EXPECT_TRUE(
      string_at(run["tool"]["driver"]["rules"][29], "helpUri").ends_with("/docs/rules.md#dg209-bidi-control"))
      << string_at(run["tool"]["driver"]["rules"][29], "helpUri");
}

TEST_F(SarifCli, FilesOutsideTheRootGetAbsoluteFileUris) {
  fs::create_directories(root_ / "site");
  const rapidjson::Document log = sarif("--sarif-root ../site a.txt", "posts", 1);
  const auto& artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(string_at(artifact, "uri"), "file://" + (root_ / "posts" / "a.txt").string());
  EXPECT_FALSE(artifact.HasMember("uriBaseId"));
}

TEST_F(SarifCli, FingerprintsStayWhenLinesMove) {
  const auto fingerprints = [](const rapidjson::Document& log) {
    std::set<std::string> all;
    for (const auto& result : log["runs"][0]["results"].GetArray()) {
      all.insert(string_at(result["partialFingerprints"], "digestkitFinding/v1"));
    }
    return all;
  };
  const std::set<std::string> before = fingerprints(sarif("posts/", ".", 1));
  ASSERT_EQ(before.size(), 2U);
  // Two blank lines more between the header and the first entry move
  // every finding down; DG120 (blank lines) is the only new finding.
  std::string moved = faulty_post();
  moved.insert(moved.find("Sparse Lattice"), "\n\n");
  write_file(root_ / "posts" / "a.txt", moved);
  const rapidjson::Document after_log = sarif("posts/", ".", 1);
  std::set<std::string> after = fingerprints(after_log);
  EXPECT_EQ(after.size(), 3U);
  for (const std::string& fingerprint : before) EXPECT_TRUE(after.contains(fingerprint)) << fingerprint;
}

TEST_F(SarifCli, AMissingInputMakesTheRunUnsuccessful) {
  const rapidjson::Document log = sarif("posts/ gone.txt", ".", 2);
  const auto& invocation = log["runs"][0]["invocations"][0];
  EXPECT_FALSE(invocation["executionSuccessful"].GetBool());
  ASSERT_EQ(invocation["toolExecutionNotifications"].Size(), 1U);
  const auto& notification = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(string_at(notification, "level"), "error");
  EXPECT_NE(string_at(notification["message"], "text").find("gone.txt"), std::string::npos);
  EXPECT_EQ(string_at(notification["locations"][0]["physicalLocation"]["artifactLocation"], "uri"),
            "gone.txt");
  EXPECT_EQ(log["runs"][0]["results"].Size(), 2U) << "the readable inputs are still reported";
}

}  // namespace
