// format::run(): outcomes in input order whatever the number of jobs, the
// counts, digest.toml errors reported once, and in-place rewrites.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "digestkit/format_run.hpp"
#include "support/support.hpp"

namespace digestkit::format {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
  return testing::read_file(testing::testdata("format/" + name));
}

struct Recorded {
  std::vector<std::string> events;  // "file NAME STATUS", "config ...", "input NAME"
  std::vector<std::string> texts;
};

class RecordingSink final : public FormatSink {
 public:
  explicit RecordingSink(Recorded& recorded) : recorded_(recorded) {}
  void config_error(const std::string& message) override { recorded_.events.push_back("config " + message); }
  void file(FileOutcome&& outcome) override {
    static constexpr const char* kStatus[] = {"unchanged", "reformatted", "failed"};
    recorded_.events.push_back("file " + outcome.name + " " + kStatus[static_cast<int>(outcome.status)]);
    recorded_.texts.push_back(outcome.text.str());
  }
  void input_error(InputError&& error) override { recorded_.events.push_back("input " + error.name); }

 private:
  Recorded& recorded_;
};

class FormatRun : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("format-run"); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path put(const std::string& name, const std::string& content) {
    const auto path = dir_ / name;
    fs::create_directories(path.parent_path());
    testing::write_file(path, content);
    return path;
  }

  fs::path dir_;
};

TEST_F(FormatRun, OutcomesArriveInInputOrderForAnyNumberOfJobs) {
  const std::vector<std::string> fixtures{"canonical.after.txt", "blank-lines.before.txt", "tabs.before.txt",
                                          "crlf.before.txt", "nbsp.before.txt"};
  for (int copy = 0; copy < 8; ++copy) {
    for (std::size_t i = 0; i < fixtures.size(); ++i) {
      put("posts/" + std::to_string(copy) + "-" + std::to_string(i) + ".txt", fixture(fixtures[i]));
    }
  }
  put("posts/9-broken.txt", "Robotics\n\n\n2023-05-14 更新\n\nA Title\n\nNo authors line here\n");

  RunSettings settings;
  settings.inputs = {(dir_ / "posts").string(), (dir_ / "absent.txt").string()};
  settings.use_config = false;
  Recorded one;
  RecordingSink one_sink(one);
  const RunResult first = run(settings, one_sink);
  EXPECT_EQ(first.files, 41u);
  EXPECT_EQ(first.unchanged, 8u);
  EXPECT_EQ(first.reformatted, 32u);
  EXPECT_EQ(first.failed, 1u);
  EXPECT_EQ(first.input_errors, 1u);
  ASSERT_EQ(one.events.size(), 42u);
  EXPECT_EQ(one.events.back(), "input " + (dir_ / "absent.txt").string());
  EXPECT_EQ(one.texts.front(), fixture("canonical.after.txt"));
  EXPECT_EQ(one.texts[1], fixture("blank-lines.after.txt"));

  for (unsigned jobs : {2u, 3u, 8u}) {
    settings.jobs = jobs;
    Recorded many;
    RecordingSink many_sink(many);
    const RunResult result = run(settings, many_sink);
    EXPECT_EQ(many.events, one.events) << jobs << " jobs";
    EXPECT_EQ(many.texts, one.texts) << jobs << " jobs";
    EXPECT_EQ(result.reformatted, first.reformatted);
  }
}

TEST_F(FormatRun, ABrokenDigestTomlIsReportedOnceForAllItsInputs) {
  put("digest.toml", "[fmt]\nreplace_tabs = false\n");
  for (int i = 0; i < 6; ++i) put("posts/" + std::to_string(i) + ".txt", fixture("tabs.before.txt"));
  RunSettings settings;
  settings.inputs = {(dir_ / "posts").string()};
  settings.jobs = 2;
  Recorded recorded;
  RecordingSink sink(recorded);
  const RunResult result = run(settings, sink);
  EXPECT_EQ(result.failed, 6u);
  ASSERT_EQ(recorded.events.size(), 7u);
  EXPECT_EQ(recorded.events.front().rfind(
                "config " + (dir_ / "digest.toml").string() + ":2:1: error: unknown key", 0),
            0u)
      << recorded.events.front();
}

TEST_F(FormatRun, CommandLineOverridesApplyAfterTheConfig) {
  put("digest.toml", "[fmt]\nreplace-tabs = false\nnfc = false\n");
  const auto file = put("post.txt", fixture("keep-tabs.before.txt"));
  RunSettings settings;
  settings.inputs = {file.string()};
  settings.command_line.replace_tabs = true;
  Recorded recorded;
  RecordingSink sink(recorded);
  (void)run(settings, sink);
  ASSERT_EQ(recorded.texts.size(), 1u);
  EXPECT_NE(fixture("keep-tabs.before.txt").find('\t'), std::string::npos);
  EXPECT_EQ(recorded.texts[0].find('\t'), std::string::npos) << "the override turned tab repair back on";
}

TEST_F(FormatRun, InPlaceRewritesOnlyChangedFilesOnAnyThread) {
  std::vector<fs::path> files;
  for (int i = 0; i < 10; ++i)
    files.push_back(
        put(std::to_string(i) + ".txt", fixture(i % 2 == 0 ? "tabs.before.txt" : "tabs.after.txt")));
  RunSettings settings;
  settings.inputs = {dir_.string()};
  settings.in_place = true;
  settings.jobs = 2;
  Recorded recorded;
  RecordingSink sink(recorded);
  const RunResult result = run(settings, sink);
  EXPECT_EQ(result.reformatted, 5u);
  EXPECT_EQ(result.unchanged, 5u);
  for (const auto& file : files) EXPECT_EQ(testing::read_file(file), fixture("tabs.after.txt")) << file;
  EXPECT_EQ(recorded.texts, std::vector<std::string>(10)) << "nothing to print when rewriting";
}

}  // namespace
}  // namespace digestkit::format
