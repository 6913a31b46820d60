#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <thread>

#include "support/support.hpp"
#include "unprivileged.hpp"
#include "walk_log.hpp"

namespace fs = std::filesystem;
using digestkit::InputOptions;
using digestkit::testing::make_temp_dir;
using digestkit::testing::read_file;
using digestkit::testing::testdata;
using digestkit::testing::walk_inputs;
using digestkit::testing::write_file;

namespace {

// Points standard input at another descriptor for the lifetime of the object.
class StdinRedirect {
 public:
  explicit StdinRedirect(int fd) : saved_(::dup(STDIN_FILENO)) {
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
  }
  StdinRedirect(const StdinRedirect&) = delete;
  StdinRedirect& operator=(const StdinRedirect&) = delete;
  ~StdinRedirect() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }

 private:
  int saved_;
};

class PlainInput : public ::testing::Test {
 protected:
  void SetUp() override { root_ = make_temp_dir("archive-plain"); }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(PlainInput, BytesArePassedOnExactly) {
  std::string bytes = read_file(testdata("archive/paper-hinges.txt"));
  bytes += std::string("\r\n\0\xff\xfe tail", 10);
  write_file(root_ / "odd.txt", bytes);
  write_file(root_ / "empty.txt", "");
  const auto log = walk_inputs({(root_ / "odd.txt").string(), (root_ / "empty.txt").string()});
  ASSERT_EQ(log.files.size(), 2U);
  EXPECT_EQ(log.files[0].bytes, bytes);
  EXPECT_EQ(log.files[1].bytes, "");
  EXPECT_EQ(log.files[1].name, (root_ / "empty.txt").string());
}

TEST_F(PlainInput, FileOverTheMemberLimitIsAnError) {
  write_file(root_ / "big.txt", std::string(5000, 'x'));
  write_file(root_ / "small.txt", std::string(1000, 'x'));
  InputOptions options;
  options.max_file_size = 1000;
  const auto log = walk_inputs({(root_ / "big.txt").string(), (root_ / "small.txt").string()}, options);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].name, (root_ / "big.txt").string());
  EXPECT_EQ(log.errors[0].message,
            "file is 5000 bytes, over the maximum file size of 1000 bytes (max_file_size); skipped");
  ASSERT_EQ(log.files.size(), 1U);
  EXPECT_EQ(log.files[0].bytes.size(), 1000U);
}

TEST_F(PlainInput, UnreadableFileIsAnError) {
  write_file(root_ / "locked.txt", "x");
  digestkit::testing::make_world_reachable(root_);
  fs::permissions(root_ / "locked.txt", fs::perms::none);
  EXPECT_TRUE(digestkit::testing::run_unprivileged([&] {
    const auto log = walk_inputs({(root_ / "locked.txt").string()});
    return log.errors.size() == 1 && log.errors[0].message == "cannot open: Permission denied";
  }));
}

TEST_F(PlainInput, DeferredFilesAreListedUnreadAndLoadedLater) {
  fs::create_directories(root_ / "dir");
  write_file(root_ / "dir" / "b.txt", "bee");
  write_file(root_ / "dir" / "a.txt", "ay");
  write_file(root_ / "named.md", "named");
  InputOptions options;
  options.defer_plain_files = true;
  const auto deferred = walk_inputs({(root_ / "dir").string(), (root_ / "named.md").string()}, options);
  const auto eager = walk_inputs({(root_ / "dir").string(), (root_ / "named.md").string()});
  EXPECT_EQ(deferred.order, eager.order);
  ASSERT_EQ(deferred.files.size(), 3u);
  for (std::size_t i = 0; i < deferred.files.size(); ++i) {
    digestkit::InputFile file = deferred.files[i];
    EXPECT_TRUE(file.deferred);
    EXPECT_TRUE(file.bytes.empty());
    EXPECT_EQ(digestkit::load_input(file, options), std::nullopt);
    EXPECT_FALSE(file.deferred);
    EXPECT_EQ(file.bytes, eager.files[i].bytes) << file.name;
    // Loading again changes nothing.
    EXPECT_EQ(digestkit::load_input(file, options), std::nullopt);
    EXPECT_EQ(file.bytes, eager.files[i].bytes);
  }
}

TEST_F(PlainInput, DeferredFileThatVanishedGivesTheErrorOfAnEagerRead) {
  write_file(root_ / "gone.txt", "x");
  InputOptions options;
  options.defer_plain_files = true;
  auto deferred = walk_inputs({(root_ / "gone.txt").string()}, options);
  ASSERT_EQ(deferred.files.size(), 1u);
  fs::remove(root_ / "gone.txt");
  const auto error = digestkit::load_input(deferred.files[0], options);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->name, (root_ / "gone.txt").string());
  EXPECT_EQ(error->message, "cannot open: No such file or directory");
  options.max_file_size = 0;
  write_file(root_ / "big.txt", "xy");
  auto big = walk_inputs({(root_ / "big.txt").string()}, options);
  const auto too_big = digestkit::load_input(big.files.at(0), options);
  ASSERT_TRUE(too_big.has_value());
  EXPECT_NE(too_big->message.find("maximum file size"), std::string::npos) << too_big->message;
}

TEST_F(PlainInput, StdinFromAFileUsesTheStdinName) {
  const std::string bytes = read_file(testdata("archive/quiet-vortices.txt"));
  write_file(root_ / "in.txt", bytes);
  const StdinRedirect redirect(::open((root_ / "in.txt").c_str(), O_RDONLY));
  InputOptions options;
  options.stdin_name = "posts/from-editor.txt";
  const auto log = walk_inputs({"-"}, options);
  ASSERT_EQ(log.files.size(), 1U);
  EXPECT_EQ(log.files[0].name, "posts/from-editor.txt");
  EXPECT_EQ(log.files[0].bytes, bytes);
}

TEST_F(PlainInput, StdinFromAPipeIsReadToTheEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  // Larger than a pipe buffer and than the reader's first chunks.
  std::string bytes;
  for (int i = 0; bytes.size() < 3'000'000; ++i) bytes += "line " + std::to_string(i) + " 目录\n";
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const auto n = ::write(fds[1], bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  digestkit::testing::WalkLog log;
  {
    const StdinRedirect redirect(fds[0]);
    log = walk_inputs({"-"});
  }
  writer.join();
  ASSERT_EQ(log.files.size(), 1U);
  EXPECT_EQ(log.files[0].name, "-");
  EXPECT_EQ(log.files[0].bytes, bytes);
}

TEST_F(PlainInput, StdinOverTheMemberLimitIsAnError) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    const std::string chunk(4096, 'y');
    for (int i = 0; i < 100; ++i) {
      if (::write(fds[1], chunk.data(), chunk.size()) <= 0) break;
    }
    ::close(fds[1]);
  });
  InputOptions options;
  options.max_file_size = 100'000;
  // The reader stops early and closes the pipe: the writer must see EPIPE, not die of SIGPIPE.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  digestkit::testing::WalkLog log;
  {
    const StdinRedirect redirect(fds[0]);
    log = walk_inputs({"-"}, options);
  }
  writer.join();
  std::signal(SIGPIPE, previous);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].name, "-");
  EXPECT_EQ(log.errors[0].message,
            "standard input is larger than the maximum file size of 100000 bytes (max_file_size); skipped");
  EXPECT_TRUE(log.files.empty());
}

}  // namespace

namespace {

// An input named twice is read once, whatever the spelling: the second copy
// only repeated the first's findings, and DG402 called the file a
// duplicate of itself.
TEST(DuplicateInputs, AFileOrFolderNamedTwiceIsReadOnce) {
  const fs::path root = make_temp_dir("archive-twice");
  fs::create_directories(root / "posts");
  write_file(root / "posts" / "a.txt", "one");
  write_file(root / "posts" / "b.txt", "two");
  const std::string a = (root / "posts" / "a.txt").string();
  const std::string dir = (root / "posts").string();
  const auto log = walk_inputs({a, a, (root / "posts" / "." / "a.txt").string(), dir, dir + "/", a});
  std::vector<std::string> names;
  for (const auto& file : log.files) names.push_back(file.name);
  // a.txt as named first, then the folder's files once (a.txt again: the
  // folder is another input than the file in it).
  EXPECT_EQ(names, (std::vector<std::string>{a, dir + "/a.txt", dir + "/b.txt"}));
  fs::remove_all(root);
}

}  // namespace
