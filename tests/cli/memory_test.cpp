// Peak memory of validate, fmt and convert on one large file of posts:
// within twice its size (issue 12: fmt held 4.9 times a 300 MB file, convert
// 2.5 times), and with -j 2 over two such files no more than for one.
// Registered only in builds without sanitizers, whose shadow memory would
// be measured too.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace fs = std::filesystem;

namespace digestkit::testing {
namespace {

struct Peak {
  int exit_code = -1;
  double megabytes = 0;  // the process's peak resident set
};

// Runs `command` (a shell line, exec'd so that the shell is the program)
// with stdout and stderr to /dev/null, and returns its peak RSS.
Peak measure(const std::string& command) {
  const std::string line = "exec " + command + " >/dev/null 2>/dev/null </dev/null";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  Peak peak;
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return peak;
  peak.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  peak.megabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  return peak;
}

class PeakMemory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new fs::path(make_temp_dir("digest-memory"));
    // Posts of the benchmark generator (the density of real ones: long
    // abstracts, several authors), joined into one file with a newline after
    // each as `awk 1` joins them; that final newline is what fmt changes.
    const fs::path posts = *folder_ / "posts";
    const std::string generate = std::string(GENERATOR_EXE) + " --out " + shell_quote(posts.string()) +
                                 " --megabytes 96 --seed 3 >/dev/null 2>&1";
    ASSERT_EQ(std::system(generate.c_str()), 0) << generate;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(posts)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::ofstream out(*folder_ / "large.txt", std::ios::binary);
    for (const fs::path& file : files) out << read_file(file) << '\n';
    out.close();
    fs::remove_all(posts);
    size_megabytes_ = static_cast<double>(fs::file_size(*folder_ / "large.txt")) / (1024.0 * 1024.0);
    fs::create_directories(*folder_ / "two");
    fs::copy_file(*folder_ / "large.txt", *folder_ / "two" / "a.txt");
    fs::copy_file(*folder_ / "large.txt", *folder_ / "two" / "b.txt");
  }
  static void TearDownTestSuite() {
    fs::remove_all(*folder_);
    delete folder_;
  }

  static std::string large() { return shell_quote((*folder_ / "large.txt").string()); }
  static std::string two() { return shell_quote((*folder_ / "two").string()); }

  static void expect_within_twice(const std::string& arguments, int expected_exit = 0) {
    const Peak peak = measure(std::string(DIGEST_EXE) + " " + arguments);
    EXPECT_EQ(peak.exit_code, expected_exit) << arguments;
    EXPECT_LE(peak.megabytes, 2.0 * size_megabytes_)
        << "digest " << arguments << " peaked at " << peak.megabytes << " MiB for " << size_megabytes_
        << " MiB of input";
    EXPECT_GT(peak.megabytes, 0.5 * size_megabytes_) << "the measurement does not see the input";
  }

  static inline fs::path* folder_ = nullptr;
  static inline double size_megabytes_ = 0;
};

// validate exits 1: the joined file ends with a line ending (DG120).
TEST_F(PeakMemory, Validate) { expect_within_twice("validate -q " + large(), 1); }
TEST_F(PeakMemory, FmtCheck) { expect_within_twice("fmt --check " + large(), 1); }
TEST_F(PeakMemory, FmtToStandardOutput) { expect_within_twice("fmt " + large()); }
TEST_F(PeakMemory, ConvertToJsonLines) { expect_within_twice("convert --to jsonl " + large()); }
TEST_F(PeakMemory, ConvertToJson) { expect_within_twice("convert --to json " + large()); }
TEST_F(PeakMemory, ConvertToCsv) { expect_within_twice("convert --to csv " + large()); }
TEST_F(PeakMemory, ConvertToText) { expect_within_twice("convert --to text " + large()); }

TEST_F(PeakMemory, FmtInPlace) {
  const fs::path copy = *folder_ / "in-place.txt";
  fs::copy_file(*folder_ / "large.txt", copy, fs::copy_options::overwrite_existing);
  expect_within_twice("fmt -i -q " + shell_quote(copy.string()));
  fs::remove(copy);
}

// With -j 2 the two large files are not held at once.
TEST_F(PeakMemory, TwoLargeFilesWithTwoJobs) {
  expect_within_twice("fmt --check -j 2 " + two(), 1);
  expect_within_twice("fmt -j 2 " + two());
  expect_within_twice("convert --to jsonl -j 2 " + two());
  expect_within_twice("validate -q -j 2 " + two(), 1);
}

}  // namespace
}  // namespace digestkit::testing
