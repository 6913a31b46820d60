// replace_file_atomically: content and permissions, symlinks, and every
// refusal leaves the original untouched and no temporary file behind. The
// refusals are checked by mode bits as well as access(2), so they hold when
// the tests run as root; a failure of the system calls themselves is forced
// with a name too long for the temporary file, which no privilege bypasses.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "digestkit/format.hpp"
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

TEST_F(AtomicWrite, FailureToCreateTheTemporaryFileLeavesTheOriginal) {
  // 250 bytes is a valid name; with the temporary file's prefix and suffix
  // it exceeds NAME_MAX, so mkstemp fails whoever runs the test.
  const auto file = dir_ / std::string(250, 'p');
  testing::write_file(file, "old");
  const auto error = replace_file_atomically(file, "new");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("cannot create a temporary file"), std::string::npos) << *error;
  EXPECT_EQ(testing::read_file(file), "old");
  EXPECT_EQ(entries_in_dir(), 1u);
}

TEST_F(AtomicWrite, RefusesMissingFilesAndDirectories) {
  EXPECT_TRUE(replace_file_atomically(dir_ / "absent.txt", "x").has_value());
  const auto error = replace_file_atomically(dir_, "x");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "not a regular file");
}

}  // namespace
}  // namespace digestkit
