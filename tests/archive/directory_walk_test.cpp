#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "archive_writer.hpp"
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

class DirectoryWalk : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = make_temp_dir("archive-walk");
    const std::string digest = read_file(testdata("archive/quiet-vortices.txt"));
    for (const char* relative : {"b.txt", "a.txt", "A.txt", "a/z.txt", "a.b/c.txt", "sub/deep/er/x.txt",
                                 "notes.md", "sub/skip.json", "sub/UPPER.TXT"}) {
      fs::create_directories((root_ / relative).parent_path());
      write_file(root_ / relative, std::string(relative) + "\n" + digest);
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  [[nodiscard]] std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

TEST_F(DirectoryWalk, VisitsWantedFilesRecursivelyInByteWisePathOrder) {
  const auto log = walk_inputs({root_.string()});
  // Byte order of whole paths: "A" < "a.b/" < "a.txt" < "a/" ('.' 0x2E < '/' 0x2F) < "b" < "sub".
  const std::vector<std::string> expected{"file " + path("A.txt"),
                                          "file " + path("a.b/c.txt"),
                                          "file " + path("a.txt"),
                                          "file " + path("a/z.txt"),
                                          "file " + path("b.txt"),
                                          "file " + path("sub/UPPER.TXT"),
                                          "file " + path("sub/deep/er/x.txt")};
  EXPECT_EQ(log.order, expected);
  EXPECT_TRUE(log.errors.empty());
  const auto* file = log.find(path("a/z.txt"));
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->bytes, read_file(root_ / "a/z.txt"));
  EXPECT_TRUE(file->container.empty());
}

TEST(DirectoryWalkOrder, EqualsASortOfAllPathsForNamesAroundTheSlash) {
  // Names whose bytes fall just below '/' (0x2D '-', 0x2E '.'), just above
  // ('0'), and above ASCII (UTF-8), as files and as directories.
  const auto root = make_temp_dir("archive-order");
  for (const char* relative : {"a-b.txt", "a.txt", "a0.txt", "a/x.txt", "a-b/y.txt", "a0/z.txt", "a/b/c.txt",
                               "a/b.txt", "a/b-c/d.txt", "é.txt", "é/f.txt", "z.txt", "Z/g.txt"}) {
    fs::create_directories((root / relative).parent_path());
    write_file(root / relative, relative);
  }
  std::vector<std::string> sorted;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) sorted.push_back("file " + entry.path().string());
  }
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(walk_inputs({root.string()}).order, sorted);
  fs::remove_all(root);
}

TEST_F(DirectoryWalk, TrailingSlashGivesCleanNames) {
  const auto log = walk_inputs({root_.string() + "/"});
  ASSERT_FALSE(log.files.empty());
  EXPECT_EQ(log.files.front().name, path("A.txt"));
}

TEST_F(DirectoryWalk, ExtensionsChooseWhatIsTaken) {
  InputOptions options;
  options.extensions = {".md", ".json"};
  const auto log = walk_inputs({root_.string()}, options);
  const std::vector<std::string> expected{"file " + path("notes.md"), "file " + path("sub/skip.json")};
  EXPECT_EQ(log.order, expected);

  options.extensions.clear();  // every file
  EXPECT_EQ(walk_inputs({root_.string()}, options).files.size(), 9U);
}

TEST_F(DirectoryWalk, FileNamedExplicitlyIsTakenWhateverItsExtension) {
  const auto log = walk_inputs({path("notes.md"), path("b.txt")});
  const std::vector<std::string> expected{"file " + path("notes.md"), "file " + path("b.txt")};
  EXPECT_EQ(log.order, expected);
}

TEST_F(DirectoryWalk, ArchivesInADirectoryAreReadWhenTheirExtensionIsAsked) {
  digestkit::testing::write_archive(root_ / "sub/bundle.tgz", digestkit::testing::ArchiveKind::tgz,
                                    {{"inner.txt", "inner\n"}});
  EXPECT_EQ(walk_inputs({path("sub")}).order,
            (std::vector<std::string>{"file " + path("sub/UPPER.TXT"), "file " + path("sub/deep/er/x.txt")}));
  InputOptions options;
  options.extensions = {".txt", ".tgz"};
  const auto log = walk_inputs({path("sub")}, options);
  const std::vector<std::string> expected{"file " + path("sub/UPPER.TXT"),
                                          "file " + path("sub/bundle.tgz") + ":inner.txt",
                                          "file " + path("sub/deep/er/x.txt")};
  EXPECT_EQ(log.order, expected);
}

TEST_F(DirectoryWalk, SymlinkCycleDoesNotHangAndLinkedFilesCount) {
  fs::create_directory_symlink(root_ / "sub", root_ / "sub/deep/loop");
  fs::create_symlink(root_ / "sub/UPPER.TXT", root_ / "sub/link.txt");
  const auto log = walk_inputs({path("sub")});
  // Inside the named folder: the linked file is read, the linked folder is
  // walked where it really is (not twice).
  const std::vector<std::string> expected{
      "file " + path("sub/UPPER.TXT"), "file " + path("sub/deep/er/x.txt"), "file " + path("sub/link.txt")};
  EXPECT_EQ(log.order, expected);
  EXPECT_TRUE(log.errors.empty());
}

TEST_F(DirectoryWalk, LinksOutsideTheNamedFolderAreSkippedWithAWarning) {
  fs::create_directory_symlink(root_ / "a", root_ / "sub/elsewhere");
  fs::create_symlink(root_ / "b.txt", root_ / "sub/link.txt");
  const auto log = walk_inputs({path("sub")});
  const std::vector<std::string> expected{"file " + path("sub/UPPER.TXT"),
                                          "file " + path("sub/deep/er/x.txt"),
                                          "error " + path("sub/elsewhere"), "error " + path("sub/link.txt")};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 2u);
  for (const auto& error : log.errors) {
    EXPECT_TRUE(error.warning);
    EXPECT_NE(error.message.find("symbolic link resolves outside"), std::string::npos) << error.message;
  }
}

TEST_F(DirectoryWalk, FollowLinksWalksLinkedFoldersButNotInCycles) {
  fs::create_directory_symlink(root_ / "a", root_ / "sub/elsewhere");
  fs::create_symlink(root_ / "b.txt", root_ / "sub/link.txt");
  fs::create_directory_symlink(root_ / "sub", root_ / "sub/deep/loop");
  InputOptions options;
  options.follow_links = true;
  const auto log = walk_inputs({path("sub")}, options);
  const std::vector<std::string> expected{
      "file " + path("sub/UPPER.TXT"), "file " + path("sub/deep/er/x.txt"),
      "file " + path("sub/elsewhere/z.txt"), "file " + path("sub/link.txt")};
  EXPECT_EQ(log.order, expected);
}

TEST_F(DirectoryWalk, MissingPathIsAnErrorAndTheWalkGoesOn) {
  const auto log = walk_inputs({path("nope"), path("b.txt"), path("gone/x.txt")});
  const std::vector<std::string> expected{"error " + path("nope"), "file " + path("b.txt"),
                                          "error " + path("gone/x.txt")};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 2U);
  EXPECT_EQ(log.errors[0].message, "cannot open: No such file or directory");
}

TEST_F(DirectoryWalk, UnreadableDirectoryIsReportedInItsPlace) {
  digestkit::testing::make_world_reachable(root_);
  fs::permissions(root_ / "a", fs::perms::none);
  // Where its files would have been: after "a.txt" ('.' < '/').
  const std::vector<std::string> expected{"file " + path("A.txt"),
                                          "file " + path("a.b/c.txt"),
                                          "file " + path("a.txt"),
                                          "error " + path("a"),
                                          "file " + path("b.txt"),
                                          "file " + path("sub/UPPER.TXT"),
                                          "file " + path("sub/deep/er/x.txt")};
  EXPECT_TRUE(
      digestkit::testing::run_unprivileged([&] { return walk_inputs({root_.string()}).order == expected; }));
  fs::permissions(root_ / "a", fs::perms::owner_all);
}

}  // namespace
