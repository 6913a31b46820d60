// The reports CI systems read, end to end: GitLab Code Quality, JUnit,
// Checkstyle, GitHub annotations within GitHub's limits and its job summary,
// and -o FILE beside the text log. XML is checked with Python's own parser
// (the same interpreter the schema checks use).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <iostream>
#include <set>
#include <sstream>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

std::string dated(const std::string& fixture, const std::string& date) {
  std::string text = read_file(testdata("lint/rules/" + fixture + ".txt"));
  text.replace(text.find("2023-05-04"), 10, date);
  return text;
}

class CiReports : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(digestkit::testing::make_temp_dir("lint-ci"));
    fs::create_directories(root_ / ".git");
    fs::create_directories(root_ / "posts");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
    if (HasFailure()) std::cerr << "left for inspection: " << root_ << '\n';
  }
  // n posts with one DG209 error each, n with one DG204 warning each.
  void write_posts(int n) {
    for (int i = 1; i <= n; ++i) {
      const std::string day = (i < 10 ? "0" : "") + std::to_string(i);
      write_file(root_ / "posts" / ("e" + day + ".txt"), dated("DG209.bad", "2023-05-" + day));
      write_file(root_ / "posts" / ("w" + day + ".txt"), dated("DG204.bad", "2023-06-" + day));
    }
  }
  digestkit::testing::CommandResult validate(const std::string& args, const std::string& env = "") {
    return run_command("cd " + shell_quote(root_.string()) + " && " + env + " NO_COLOR=1 " + DIGEST_EXE +
                       " validate --today 2030-01-01 " + args);
  }
  // Runs a Python check over `file`; returns its complaints.
  static std::string python(const std::string& script, const fs::path& file) {
    const fs::path script_file = file.parent_path() / "check.py";
    write_file(script_file, script);
    const auto result = run_command(std::string(PYTHON3_EXE) + " " + shell_quote(script_file.string()) + " " +
                                    shell_quote(file.string()));
    return result.exit_code == 0 ? "" : result.out + result.err;
  }

  fs::path root_;
};

TEST_F(CiReports, GitlabCodeQualityHasWhatGitlabRequires) {
  write_posts(2);
  const auto result = validate("--format gitlab -o gl-code-quality-report.json --select DG2 posts/");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("[DG209]"), std::string::npos) << "-o keeps the text log on stdout";
  EXPECT_NE(result.err.find("2 errors, 2 warnings in 4 files of 4"), std::string::npos) << result.err;
  rapidjson::Document report;
  report.Parse(read_file(root_ / "gl-code-quality-report.json").c_str());
  ASSERT_TRUE(report.IsArray());
  ASSERT_EQ(report.Size(), 4U);
  std::set<std::string> fingerprints;
  for (const auto& issue : report.GetArray()) {
    for (const char* key : {"description", "check_name", "fingerprint", "severity"}) {
      EXPECT_TRUE(issue.HasMember(key) && issue[key].IsString() && issue[key].GetStringLength() > 0) << key;
    }
    fingerprints.insert(issue["fingerprint"].GetString());
    const std::string severity = issue["severity"].GetString();
    EXPECT_TRUE(std::set<std::string>({"info", "minor", "major", "critical", "blocker"}).contains(severity));
    const std::string path = issue["location"]["path"].GetString();
    EXPECT_TRUE(path.starts_with("posts/")) << "relative to the repository: " << path;
    EXPECT_GE(issue["location"]["lines"]["begin"].GetUint(), 1U);
  }
  EXPECT_EQ(fingerprints.size(), report.Size()) << "GitLab needs every fingerprint to be unique";
}

TEST_F(CiReports, JunitHasOneCasePerFileAndOneFailurePerFinding) {
  write_posts(2);
  write_file(root_ / "posts" / "clean.txt", read_file(testdata("lint/rules/clean.txt")));
  const auto result = validate("--format junit -o junit.xml --select DG2 posts/ missing.txt");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(
      python("import sys, xml.etree.ElementTree as ET\n"
             "root = ET.parse(sys.argv[1]).getroot()\n"
             "assert root.tag == 'testsuites', root.tag\n"
             "suite, = root.findall('testsuite')\n"
             "cases = suite.findall('testcase')\n"
             "names = [c.get('name') for c in cases]\n"
             "assert names == ['posts/clean.txt', 'posts/e01.txt', 'posts/e02.txt', 'posts/w01.txt',"
             " 'posts/w02.txt', 'missing.txt'], names\n"
             "assert suite.get('tests') == '6' and suite.get('failures') == '4' and suite.get('errors') == "
             "'1', suite.attrib\n"
             "assert [len(c.findall('failure')) for c in cases] == [0, 1, 1, 1, 1, 0]\n"
             "assert cases[1].find('failure').get('type') == 'DG209'\n"
             "assert 'posts/e01.txt:15:19: error' in cases[1].find('failure').text\n"
             "assert cases[5].find('error') is not None\n",
             root_ / "junit.xml"),
      "");
}

TEST_F(CiReports, CheckstyleNamesEveryFindingsFile) {
  write_posts(1);
  const auto result = validate("--format checkstyle --select DG2 posts/");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  write_file(root_ / "checkstyle.xml", result.out);
  EXPECT_EQ(
      python("import sys, xml.etree.ElementTree as ET\n"
             "root = ET.parse(sys.argv[1]).getroot()\n"
             "assert root.tag == 'checkstyle'\n"
             "files = {f.get('name'): [e.attrib for e in f.findall('error')] for f in root.findall('file')}\n"
             "assert sorted(files) == ['posts/e01.txt', 'posts/w01.txt'], files\n"
             "e, = files['posts/e01.txt']\n"
             "assert (e['line'], e['column'], e['severity'], e['source']) == ('15', '19', 'error', "
             "'digestkit.DG209'), e\n",
             root_ / "checkstyle.xml"),
      "");
}

TEST_F(CiReports, GithubShowsTenPerTypeErrorsFirstAndSaysWhatItLeftOut) {
  write_posts(12);
  const auto result = validate("--format github --select DG2 posts/", "GITHUB_STEP_SUMMARY=summary.md");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  std::vector<std::string> lines;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 21U) << result.out;
  for (std::size_t i = 0; i < 10; ++i) EXPECT_TRUE(lines[i].starts_with("::error ")) << lines[i];
  for (std::size_t i = 10; i < 20; ++i) EXPECT_TRUE(lines[i].starts_with("::warning ")) << lines[i];
  EXPECT_EQ(
      lines[20],
      "::notice title=digest validate::4 more findings not shown as annotations (GitHub shows 10 of each "
      "type per step): 2 errors, 2 warnings, 0 notices. See them all with digest validate --format text on "
      "the same inputs, or in the job summary.");

  const std::string summary = read_file(root_ / "summary.md");
  EXPECT_NE(summary.find("**12 errors, 12 warnings, 0 notes** in 24 of 24 files."), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("| DG209 | bidi-control | 12 |"), std::string::npos) << summary;
  EXPECT_NE(summary.find("| `posts/e01.txt` | 1 | 0 | 0 |"), std::string::npos) << summary;
  EXPECT_NE(summary.find("First 20 findings:"), std::string::npos) << summary;
  // Appended, as GitHub's other steps do.
  ASSERT_EQ(validate("--format github --select DG2 posts/", "GITHUB_STEP_SUMMARY=summary.md").exit_code, 1);
  EXPECT_EQ(read_file(root_ / "summary.md"), summary + summary);
}

TEST_F(CiReports, GithubNoticesMakeRoomForTheClosingNotice) {
  // Info findings are notices: 12 of them leave 9 shown and 3 counted.
  write_posts(12);
  const auto result =
      validate("--format github --select DG204 --severity DG204=info --min-severity info posts/");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::size_t notices = 0;
  for (std::size_t at = result.out.find("::notice "); at != std::string::npos;
       at = result.out.find("::notice ", at + 1)) {
    ++notices;
  }
  EXPECT_EQ(notices, 10U) << result.out;
  EXPECT_NE(result.out.find("3 more findings not shown"), std::string::npos) << result.out;
}

TEST_F(CiReports, OutputFileThatCannotBeWrittenIsAnError) {
  write_posts(1);
  const auto result = validate("--format sarif -o no/such/folder/x.sarif posts/");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("cannot write no/such/folder/x.sarif"), std::string::npos) << result.err;
}

TEST_F(CiReports, SummarySaysHowManyFindingsFmtWouldRepair) {
  write_posts(1);
  const auto result = validate("--select DG2 posts/");
  EXPECT_EQ(result.exit_code, 1);
  // DG204 (trailing blanks) is fmt's to repair, DG209 (bidi control) is not.
  EXPECT_NE(result.err.find("1 error, 1 warning in 2 files of 2\n[*] 1 fixable with --fix\n"),
            std::string::npos)
      << result.err;
}

TEST_F(CiReports, ListRulesAsJsonHasAFixableFlag) {
  const auto result = validate("--list-rules --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  rapidjson::Document rules;
  rules.Parse(result.out.c_str());
  ASSERT_TRUE(rules.IsArray()) << result.out;
  std::set<std::string> fixable;
  for (const auto& rule : rules.GetArray()) {
    if (rule["fixable"].GetBool()) fixable.insert(rule["code"].GetString());
  }
  EXPECT_TRUE(fixable.contains("DG204"));
  EXPECT_FALSE(fixable.contains("DG209"));
}

}  // namespace
