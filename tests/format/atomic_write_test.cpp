// replace_file_atomically: content and permissions, symlinks, and every
// refusal leaves the original untouched and no temporary file behind. The
// refusals are checked by mode bits as well as access(2), so they hold when
// the tests run as root; a failure of the system calls themselves is forced
// with a file size limit, which no privilege bypasses.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <ctime>

#include <filesystem>
#include <string>

#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "format/temporary_files.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;

class AtomicWrite : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("fmt-atomic"); }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }

  [[nodiscard]] std::size_t entries_in_dir() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  fs::path dir_;
};

TEST_F(AtomicWrite, ReplacesContentAndKeepsPermissions) {
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(replace_file_atomically(file, "new content"), std::nullopt);
  EXPECT_EQ(testing::read_file(file), "new content");
  EXPECT_EQ(fs::status(file).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(entries_in_dir(), 1u) << "no temporary file left behind";
}

TEST_F(AtomicWrite, WritesThroughASymlinkAndKeepsTheLink) {
  const auto target = dir_ / "post.txt";
  const auto link = dir_ / "link.txt";
  testing::write_file(target, "old");
  fs::create_symlink(target, link);
  EXPECT_EQ(replace_file_atomically(link, "new"), std::nullopt);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(testing::read_file(target), "new");
}

TEST_F(AtomicWrite, RefusesAReadOnlyFile) {
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const auto error = replace_file_atomically(file, "new");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "the file is read-only");
  EXPECT_EQ(testing::read_file(file), "old");
  EXPECT_EQ(entries_in_dir(), 1u);
}

TEST_F(AtomicWrite, RefusesAFileInAReadOnlyDirectory) {
  const auto sub = dir_ / "locked";
  fs::create_directory(sub);
  const auto file = sub / "post.txt";
  testing::write_file(file, "old");
  fs::permissions(sub, fs::perms::owner_read | fs::perms::owner_exec);
  const auto error = replace_file_atomically(file, "new");
  fs::permissions(sub, fs::perms::owner_all);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("is not writable"), std::string::npos) << *error;
  EXPECT_EQ(testing::read_file(file), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(sub), fs::directory_iterator()), 1);
}

TEST_F(AtomicWrite, AFailedWriteLeavesTheOriginalAndNoTemporaryFile) {
  // A file size limit of 2 bytes (RLIMIT_FSIZE binds root too), in a child
  // process: writing the temporary file fails whoever runs the test. (Not
  // RLIMIT_NOFILE: the sanitizers' runtime needs descriptors of its own.)
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "old");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);  // write(2) then fails with EFBIG
    const rlimit tiny{2, 2};
    ::setrlimit(RLIMIT_FSIZE, &tiny);
    const auto error = replace_file_atomically(file, "new content");
    ::_exit(error && error->find("cannot write the temporary file") != std::string::npos ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(testing::read_file(file), "old");
  EXPECT_EQ(entries_in_dir(), 1u);
}

// A name of 250 bytes is valid, but with ".NAME.digest-fmt-XXXXXX" around
// it the temporary file's would not be: it is then named without the name.
TEST_F(AtomicWrite, ALongNameStillGetsATemporaryFile) {
  const auto file = dir_ / std::string(250, 'p');
  testing::write_file(file, "old");
  EXPECT_EQ(replace_file_atomically(file, "new"), std::nullopt);
  EXPECT_EQ(testing::read_file(file), "new");
  EXPECT_EQ(entries_in_dir(), 1u);
}

// As black does: the file is not replaced when another program wrote it
// after it was read.
TEST_F(AtomicWrite, AFileChangedSinceItWasReadIsNotReplaced) {
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "as read");
  std::optional<FileStamp> stamp;
  for_each_input(
      {file.string()}, InputOptions{}, [&](InputFile&& input) { stamp = input.stamp; }, [](InputError&&) {});
  ASSERT_TRUE(stamp.has_value());
  ReplaceOptions options;
  options.expected = stamp;
  testing::write_file(file, "written by another program meanwhile");
  const auto error = replace_file_atomically(file, "formatted", options);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "the file changed on disk since it was read");
  EXPECT_EQ(testing::read_file(file), "written by another program meanwhile");
  EXPECT_EQ(entries_in_dir(), 1u);
  // Unchanged since: replaced.
  for_each_input(
      {file.string()}, InputOptions{}, [&](InputFile&& input) { stamp = input.stamp; }, [](InputError&&) {});
  options.expected = stamp;
  EXPECT_EQ(replace_file_atomically(file, "formatted", options), std::nullopt);
  EXPECT_EQ(testing::read_file(file), "formatted");
}

TEST_F(AtomicWrite, KeepsTheSetGroupIdBit) {
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "old");
  ASSERT_EQ(::chmod(file.c_str(), 02664), 0);
  std::vector<std::string> warnings;
  ReplaceOptions options;
  options.warnings = &warnings;
  EXPECT_EQ(replace_file_atomically(file, "new", options), std::nullopt);
  struct stat status {};
  ASSERT_EQ(::stat(file.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777, 02664u);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

// A run killed (SIGKILL) between creating its temporary file and renaming
// it leaves the file behind; the next rewrite in that folder removes it
// once it is ten minutes old, and leaves a younger one (a run in progress).
TEST_F(AtomicWrite, StaleTemporaryFilesAreRemoved) {
  const auto file = dir_ / "post.txt";
  testing::write_file(file, "old");
  const auto stale = dir_ / ".post.txt.digest-fmt-AbC123";
  const auto fresh = dir_ / ".other.txt.digest-fmt-XyZ789";
  const auto unrelated = dir_ / ".post.txt.swp";
  testing::write_file(stale, "half");
  testing::write_file(fresh, "half");
  testing::write_file(unrelated, "editor's");
  const timespec hour_ago[2] = {{std::time(nullptr) - 3600, 0}, {std::time(nullptr) - 3600, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, stale.c_str(), hour_ago, 0), 0);
  ASSERT_EQ(::utimensat(AT_FDCWD, unrelated.c_str(), hour_ago, 0), 0);
  std::vector<std::string> warnings;
  ReplaceOptions options;
  options.warnings = &warnings;
  EXPECT_EQ(replace_file_atomically(file, "new", options), std::nullopt);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));
  EXPECT_TRUE(fs::exists(unrelated));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(".post.txt.digest-fmt-AbC123, a temporary file a stopped run left"),
            std::string::npos)
      << warnings[0];
}

// fmt -i stopped by Ctrl-C (or kill, or a closed terminal) while a
// temporary file exists leaves none behind, and still dies of the signal.
TEST_F(AtomicWrite, ASignalRemovesTheTemporaryFile) {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    const auto temporary = dir_ / ".post.txt.digest-fmt-Sig123";
    testing::write_file(temporary, "half written");
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      const format_detail::TemporaryFileGuard guard(temporary.string());
      ::raise(signal);
      ::_exit(3);  // not reached: the signal ends the process
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << status;
    EXPECT_FALSE(fs::exists(temporary)) << signal;
  }
}

TEST_F(AtomicWrite, RefusesMissingFilesAndDirectories) {
  EXPECT_TRUE(replace_file_atomically(dir_ / "absent.txt", "x").has_value());
  const auto error = replace_file_atomically(dir_, "x");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "not a regular file");
}

}  // namespace
}  // namespace digestkit
