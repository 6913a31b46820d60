// docs/ci.md stays true: every snippet fenced as "```LANG ci" has its
// `digest` command lines run, in document order within each section, in a
// folder laid out as the snippets expect (posts/ with a clean post, one with
// fixable warnings and one with an error); every report they write is checked
// as its consumer reads it, and named by the snippet that hands it on (the
// upload step, the artifact, the junit step). The hooks of
// .pre-commit-hooks.yaml run as pre-commit runs them.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

const fs::path source_dir = DIGESTKIT_SOURCE_DIR;

struct Snippet {
  std::string section;   // the "## " heading it is under
  std::string language;  // yaml, sh, groovy
  std::string text;
};

std::vector<Snippet> ci_snippets() {
  std::istringstream doc(read_file(source_dir / "docs/ci.md"));
  std::vector<Snippet> snippets;
  std::string section;
  bool in_fence = false;
  bool tested = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("```")) {
      if (in_fence) {
        in_fence = false;
        tested = false;
        continue;
      }
      in_fence = true;
      const std::string info = line.substr(3);
      tested = info.ends_with(" ci");
      if (tested) snippets.push_back({section, info.substr(0, info.size() - 3), ""});
      continue;
    }
    if (!in_fence && line.starts_with("## ")) section = line.substr(3);
    if (in_fence && tested) snippets.back().text += line + "\n";
  }
  return snippets;
}

// YAML through PyYAML (python3-yaml), as JSON.
rapidjson::Document yaml_as_json(const std::string& yaml) {
  const auto result = run_command(std::string(PYTHON3_EXE) +
                                      " -c 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), "
                                      "sys.stdout, default=str)'",
                                  &yaml);
  EXPECT_EQ(result.exit_code, 0) << "not YAML:\n" << yaml << result.err;
  rapidjson::Document json;
  json.Parse(result.out.c_str());
  return json;
}

void digest_lines(const std::string& text, std::vector<std::string>& commands) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, 7, "digest ") == 0)
      commands.push_back(line.substr(start));
  }
}

void strings_of(const rapidjson::Value& value, std::vector<std::string>& commands) {
  if (value.IsString()) digest_lines(value.GetString(), commands);
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) strings_of(item, commands);
  }
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) strings_of(member.value, commands);
  }
}

// The shell command lines of a snippet that run `digest`: YAML strings
// (GitHub's run:, GitLab's script:), Groovy's sh '...' steps, shell lines.
std::vector<std::string> digest_commands(const Snippet& snippet) {
  std::vector<std::string> commands;
  if (snippet.language == "yaml") {
    strings_of(yaml_as_json(snippet.text), commands);
  } else if (snippet.language == "groovy") {
    const std::regex sh_step(R"(\bsh\s+'([^']*)')");
    for (auto it = std::sregex_iterator(snippet.text.begin(), snippet.text.end(), sh_step);
         it != std::sregex_iterator(); ++it) {
      digest_lines((*it)[1].str(), commands);
    }
  } else {
    digest_lines(snippet.text, commands);
  }
  return commands;
}

std::vector<std::string> words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// The value after `option` (or "" when absent).
std::string option_value(const std::vector<std::string>& argv, std::initializer_list<const char*> options) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    for (const char* option : options) {
      if (argv[i] == option) return argv[i + 1];
    }
  }
  return {};
}

fs::path make_posts_folder(const std::string& stem) {
  const fs::path dir = digestkit::testing::make_temp_dir(stem);
  fs::create_directories(dir / "posts");
  write_file(dir / "posts/clean.txt", read_file(testdata("lint/rules/clean.txt")));
  write_file(dir / "posts/tabs.txt", read_file(testdata("format/tabs.before.txt")));    // DG205 warnings
  write_file(dir / "posts/bidi.txt", read_file(testdata("lint/rules/DG209.bad.txt")));  // a DG209 error
  return dir;
}

// `command` run in `dir` with digest on PATH, as CI runs it (in a subshell:
// its own redirections stay its own).
digestkit::testing::CommandResult run_in(const fs::path& dir, const std::string& command) {
  const std::string bin = fs::path(DIGEST_EXE).parent_path().string();
  return run_command("cd " + shell_quote(dir.string()) + " && export NO_COLOR=1 PATH=" + shell_quote(bin) +
                     ":\"$PATH\" && (" + command + ")");
}

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

XmlDoc parse_xml(const std::string& text) {
  return XmlDoc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), "report.xml", nullptr, XML_PARSE_NONET),
      &xmlFreeDoc);
}

std::string name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::vector<const xmlNode*> children(const xmlNode* node, const char* name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && name_of(child) == name) out.push_back(child);
  }
  return out;
}

// What Jenkins' junit step reads: <testsuites> of <testsuite>s of
// <testcase>s (name, classname) holding a <failure> (type, message) per
// finding; the counts in the attributes match. Returns the failures.
std::size_t check_junit(const std::string& text) {
  const XmlDoc doc = parse_xml(text);
  EXPECT_TRUE(doc) << "not XML";
  if (!doc) return 0;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  EXPECT_EQ(name_of(root), "testsuites");
  std::size_t failures = 0;
  const auto suites = children(root, "testsuite");
  EXPECT_FALSE(suites.empty());
  for (const xmlNode* suite : suites) {
    EXPECT_FALSE(attribute(suite, "name").empty());
    const auto cases = children(suite, "testcase");
    EXPECT_EQ(attribute(suite, "tests"), std::to_string(cases.size()));
    std::size_t in_suite = 0;
    for (const xmlNode* test_case : cases) {
      EXPECT_FALSE(attribute(test_case, "name").empty());
      EXPECT_FALSE(attribute(test_case, "classname").empty());
      for (const xmlNode* failure : children(test_case, "failure")) {
        EXPECT_TRUE(attribute(failure, "type").starts_with("DG"));
        EXPECT_FALSE(attribute(failure, "message").empty());
        ++in_suite;
      }
    }
    EXPECT_EQ(attribute(suite, "failures"), std::to_string(in_suite));
    failures += in_suite;
  }
  return failures;
}

// What warnings-ng's checkStyle() reads: <checkstyle><file name><error line
// severity message source/></file></checkstyle>. Returns the errors.
std::size_t check_checkstyle(const std::string& text) {
  const XmlDoc doc = parse_xml(text);
  EXPECT_TRUE(doc) << "not XML";
  if (!doc) return 0;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  EXPECT_EQ(name_of(root), "checkstyle");
  std::size_t errors = 0;
  for (const xmlNode* file : children(root, "file")) {
    EXPECT_TRUE(attribute(file, "name").starts_with("posts/"));
    for (const xmlNode* error : children(file, "error")) {
      EXPECT_GE(std::stoul(attribute(error, "line")), 1U);
      EXPECT_TRUE(std::set<std::string>({"error", "warning", "info"}).contains(attribute(error, "severity")));
      EXPECT_FALSE(attribute(error, "message").empty());
      EXPECT_TRUE(attribute(error, "source").starts_with("digestkit.DG"));
      ++errors;
    }
  }
  return errors;
}

// GitLab Code Quality: a JSON array of issues with description, check_name,
// a unique fingerprint, severity and location.path / location.lines.begin.
std::size_t check_gitlab(const std::string& text) {
  rapidjson::Document report;
  report.Parse(text.c_str());
  EXPECT_TRUE(report.IsArray());
  if (!report.IsArray()) return 0;
  std::set<std::string> fingerprints;
  for (const auto& issue : report.GetArray()) {
    for (const char* key : {"description", "check_name", "fingerprint", "severity"}) {
      EXPECT_TRUE(issue.HasMember(key) && issue[key].IsString() && issue[key].GetStringLength() > 0) << key;
    }
    fingerprints.insert(issue["fingerprint"].GetString());
    EXPECT_TRUE(std::set<std::string>({"info", "minor", "major", "critical", "blocker"})
                    .contains(issue["severity"].GetString()));
    EXPECT_TRUE(std::string(issue["location"]["path"].GetString()).starts_with("posts/"));
    EXPECT_GE(issue["location"]["lines"]["begin"].GetUint(), 1U);
  }
  EXPECT_EQ(fingerprints.size(), report.Size()) << "GitLab needs unique fingerprints";
  return report.Size();
}

std::size_t check_sarif(const std::string& text) {
  EXPECT_EQ(digestkit::testing::schema_errors(text, "sarif/sarif-2.1.0.schema.json"), "");
  rapidjson::Document report;
  report.Parse(text.c_str());
  if (!report.IsObject()) return 0;
  return report["runs"][0]["results"].Size();
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
  return n;
}

}  // namespace

TEST(CiDocs, EverySnippetRunsAndWritesReportsItsConsumerReads) {
  const auto snippets = ci_snippets();
  ASSERT_GE(snippets.size(), 8U);
  std::map<std::string, fs::path> folder_of;  // one folder per section, shared by its snippets
  std::set<std::string> formats_checked;
  std::size_t commands_run = 0;
  for (const Snippet& snippet : snippets) {
    SCOPED_TRACE(snippet.section + " (" + snippet.language + ")");
    auto [slot, inserted] = folder_of.try_emplace(snippet.section);
    if (inserted) slot->second = make_posts_folder("ci-docs");
    const fs::path& dir = slot->second;
    for (const std::string& command : digest_commands(snippet)) {
      SCOPED_TRACE(command);
      ++commands_run;
      const auto argv = words(command);
      const auto result = run_in(dir, command);
      const bool exit_zero = command.find("--exit-zero") != std::string::npos;
      EXPECT_TRUE(result.exit_code == 0 || (result.exit_code == 1 && !exit_zero)) << result.exit_code << "\n"
                                                                                  << result.err;
      const std::string format = option_value(argv, {"--format"});
      std::string report = option_value(argv, {"-o", "--output-file", ">"});
      if (format.empty() || format == "text" || format == "github") continue;
      ASSERT_FALSE(report.empty()) << "a report no step picks up";
      EXPECT_GE(occurrences(snippet.text, report), 2U) << report << " is not handed on to the CI system";
      const std::string text = read_file(dir / report);
      std::size_t findings = 0;
      if (format == "sarif") findings = check_sarif(text);
      if (format == "gitlab") findings = check_gitlab(text);
      if (format == "junit") findings = check_junit(text);
      if (format == "checkstyle") findings = check_checkstyle(text);
      // posts/ has four findings; a baseline recorded from it holds them all.
      const bool baselined = command.find("--baseline") != std::string::npos;
      EXPECT_EQ(findings, baselined ? 0U : 4U) << format;
      formats_checked.insert(format);
    }
  }
  EXPECT_GE(commands_run, 8U);
  EXPECT_EQ(formats_checked, (std::set<std::string>{"checkstyle", "gitlab", "junit", "sarif"}));
  for (const auto& [section, dir] : folder_of) fs::remove_all(dir);
}

TEST(CiDocs, PreCommitHooksRunAsPreCommitRunsThem) {
  const rapidjson::Document hooks = yaml_as_json(read_file(source_dir / ".pre-commit-hooks.yaml"));
  ASSERT_TRUE(hooks.IsArray());
  std::map<std::string, std::string> entry_of;
  std::map<std::string, std::string> files_of;
  for (const auto& hook : hooks.GetArray()) {
    const std::string id = hook["id"].GetString();
    EXPECT_EQ(std::string(hook["language"].GetString()), "system") << id;
    EXPECT_TRUE(hook.HasMember("name") && hook.HasMember("description")) << id;
    entry_of[id] = hook["entry"].GetString();
    files_of[id] = hook["files"].GetString();
  }
  ASSERT_TRUE(entry_of.contains("digest-fmt"));
  ASSERT_TRUE(entry_of.contains("digest-validate"));

  // The hooks docs/ci.md configures are the ones shipped.
  for (const Snippet& snippet : ci_snippets()) {
    if (snippet.section != "pre-commit") continue;
    const rapidjson::Document config = yaml_as_json(snippet.text);
    for (const auto& repo : config["repos"].GetArray()) {
      for (const auto& hook : repo["hooks"].GetArray())
        EXPECT_TRUE(entry_of.contains(hook["id"].GetString()));
    }
  }

  // pre-commit runs `entry [args] FILE...` with the staged files its
  // `files` pattern matches.
  const fs::path dir = make_posts_folder("ci-precommit");
  write_file(dir / "notes.md", "not a digest\n");
  const auto run_hook = [&](const std::string& id, const std::string& args, bool only_clean = false) {
    const std::regex pattern(files_of[id]);
    std::string line = entry_of[id] + args;
    for (const char* file : {"notes.md", "posts/bidi.txt", "posts/clean.txt", "posts/tabs.txt"}) {
      if (only_clean && std::string(file) != "posts/clean.txt") continue;
      if (std::regex_search(file, pattern)) line += std::string(" ") + file;
    }
    return run_in(dir, line);
  };
  auto result = run_hook("digest-validate", "", true);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  result = run_hook("digest-validate", "");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("posts/tabs.txt:6:20: warning"), std::string::npos) << result.out;
  EXPECT_EQ(result.err.find("notes.md"), std::string::npos) << "only *.txt is passed: " << result.err;

  result = run_hook("digest-fmt", "");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir / "posts/tabs.txt"), read_file(testdata("format/tabs.after.txt")));
  EXPECT_EQ(read_file(dir / "posts/bidi.txt"), read_file(testdata("lint/rules/DG209.bad.txt")));

  // args: [--fix] on digest-validate: repairs and reports what is left.
  write_file(dir / "posts/tabs.txt", read_file(testdata("format/tabs.before.txt")));
  result = run_hook("digest-validate", " --fix");
  EXPECT_EQ(result.exit_code, 1) << "the DG209 error is left";
  EXPECT_EQ(read_file(dir / "posts/tabs.txt"), read_file(testdata("format/tabs.after.txt")));
  EXPECT_EQ(result.out.find("DG205"), std::string::npos) << result.out;
  fs::remove_all(dir);
}
