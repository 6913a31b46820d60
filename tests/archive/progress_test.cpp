#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "archive_writer.hpp"
#include "digestkit/progress.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using digestkit::ProgressReporter;
using namespace std::chrono_literals;

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string text;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  return text;
}

TEST(Progress, SilentWhenTheStreamIsNotATerminal) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  {
    ProgressReporter progress(std::optional<std::uint64_t>(1000), stream.get());
    EXPECT_FALSE(progress.enabled());
    const auto start = ProgressReporter::Clock::now();
    for (int i = 1; i <= 50; ++i) progress.add(10, start + i * 100ms);
    EXPECT_EQ(progress.files(), 50U);
    EXPECT_EQ(progress.bytes(), 500U);
  }
  EXPECT_EQ(contents(stream.get()), "");
}

TEST(Progress, RedrawsAtMostTenTimesASecondAndClearsTheLine) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  ProgressReporter progress(stream.get(), true, std::nullopt, start);
  // 1000 inputs over two seconds: about 20 redraws, not 1000.
  for (int i = 1; i <= 1000; ++i) progress.add(2'000'000, start + i * 2ms);
  progress.finish();
  const std::string text = contents(stream.get());
  const auto redraws = std::count(text.begin(), text.end(), '\r') - 1;
  EXPECT_GE(redraws, 15);
  EXPECT_LE(redraws, 21);
  EXPECT_NE(text.find("\r1000 files  2000.0 MB  1000.0 MB/s\x1b[K"), std::string::npos) << text;
  EXPECT_EQ(text.find("ETA"), std::string::npos) << "no ETA without a known total";
  EXPECT_TRUE(text.ends_with("\r\x1b[K"));
  progress.finish();
  EXPECT_TRUE(contents(stream.get()).ends_with("MB/s\x1b[K\r\x1b[K")) << "finish() twice clears once";
}

TEST(Progress, ShowsShareDoneAndTimeLeftWhenTheTotalIsKnown) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  ProgressReporter progress(stream.get(), true, 200'000'000, start);
  progress.add(25'000'000, start + 500ms);
  EXPECT_EQ(progress.status_line(start + 500ms), "1 file  25.0 MB  50.0 MB/s  12%")
      << "no ETA in the first second";
  progress.add(25'000'000, start + 1s);
  EXPECT_EQ(progress.status_line(start + 1s), "2 files  50.0 MB  50.0 MB/s  25%  ETA 0:03");
  progress.add(50'000'000, start + 2s);
  EXPECT_EQ(progress.status_line(start + 2s), "3 files  100.0 MB  50.0 MB/s  50%  ETA 0:02");
}

TEST(Progress, NothingIsWrittenForARunShorterThanOneRedraw) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  {
    ProgressReporter progress(stream.get(), true, std::nullopt, start);
    progress.add(10, start + 5ms);
  }
  EXPECT_EQ(contents(stream.get()), "");
}

TEST(Progress, AShownRunEndsWithALineThatStays) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  ProgressReporter progress(stream.get(), true, 112'000'000, start, 8190);
  for (int i = 1; i <= 8190; ++i) progress.add(112'000'000 / 8190, start + i * 110us);
  EXPECT_EQ(progress.status_line(start + 500ms).rfind("8190/8190 files  ", 0), 0u)
      << progress.status_line(start);
  progress.complete(start + 900ms);
  const std::string text = contents(stream.get());
  EXPECT_TRUE(text.ends_with("\r\x1b[K8190 files, 112 MB in 0.9 s\n")) << text;
  progress.complete(start + 1s);
  EXPECT_EQ(contents(stream.get()), text) << "once";
  EXPECT_EQ(progress.final_line(start + 260ms), "8190 files, 112 MB in 0.3 s");
}

TEST(Progress, AShortRunLeavesNothing) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  ProgressReporter progress(stream.get(), true, std::nullopt, start, 1);
  progress.add(5'000, start + 5ms);
  progress.complete(start + 6ms);
  EXPECT_EQ(contents(stream.get()), "");
  EXPECT_EQ(progress.final_line(start + 6ms), "1 file, 0.0 MB in 0.0 s");
}

TEST(Progress, FinishMakesRoomAndTheNextRedrawComesBack) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::tmpfile());
  const auto start = ProgressReporter::Clock::time_point{} + 1h;
  ProgressReporter progress(stream.get(), true, std::nullopt, start);
  progress.add(1, start + 200ms);
  progress.finish();
  std::fputs("a message\n", stream.get());
  progress.add(1, start + 400ms);
  EXPECT_EQ(contents(stream.get()),
            "\r1 file  0.0 MB  0.0 MB/s\x1b[K\r\x1b[Ka message\n\r2 files  0.0 MB  0.0 MB/s\x1b[K");
}

TEST(InputTotals, CountFilesAndBytes) {
  const auto root = digestkit::testing::make_temp_dir("archive-totals");
  fs::create_directories(root / "d/e");
  digestkit::testing::write_file(root / "d/a.txt", std::string(100, 'a'));
  digestkit::testing::write_file(root / "d/e/b.txt", std::string(20, 'b'));
  digestkit::testing::write_file(root / "d/skip.md", std::string(5000, 'c'));
  const auto totals = digestkit::input_totals({(root / "d").string(), (root / "d/skip.md").string()}, {});
  ASSERT_TRUE(totals.has_value());
  EXPECT_EQ(totals->files, 3u);
  EXPECT_EQ(totals->bytes, 5120u);
  EXPECT_EQ(digestkit::input_totals({"-"}, {}), std::nullopt);
  fs::remove_all(root);
}

TEST(TotalInputBytes, KnownForFilesAndDirectoriesOnly) {
  const auto root = digestkit::testing::make_temp_dir("archive-total");
  fs::create_directories(root / "d/e");
  digestkit::testing::write_file(root / "d/a.txt", std::string(100, 'a'));
  digestkit::testing::write_file(root / "d/e/b.txt", std::string(20, 'b'));
  digestkit::testing::write_file(root / "d/skip.md", std::string(5000, 'c'));
  digestkit::testing::write_file(root / "x.md", std::string(3, 'x'));
  digestkit::testing::write_archive(root / "z.tgz", digestkit::testing::ArchiveKind::tgz, {{"m.txt", "m"}});
  const digestkit::InputOptions options;
  EXPECT_EQ(digestkit::total_input_bytes({(root / "d").string(), (root / "x.md").string()}, options), 123U);
  EXPECT_EQ(digestkit::total_input_bytes({(root / "d").string(), "-"}, options), std::nullopt);
  EXPECT_EQ(digestkit::total_input_bytes({(root / "z.tgz").string()}, options), std::nullopt);
  EXPECT_EQ(digestkit::total_input_bytes({(root / "gone.txt").string()}, options), std::nullopt);
  fs::remove_all(root);
}

}  // namespace
