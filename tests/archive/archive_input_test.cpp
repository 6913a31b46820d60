#include <gtest/gtest.h>

#include <locale.h>

#include <filesystem>

#include "archive_writer.hpp"
#include "support/support.hpp"
#include "walk_log.hpp"

namespace fs = std::filesystem;
using digestkit::InputOptions;
using digestkit::is_archive_path;
using digestkit::safe_relative_path;
using digestkit::testing::ArchiveKind;
using digestkit::testing::ArchiveMember;
using digestkit::testing::make_temp_dir;
using digestkit::testing::read_file;
using digestkit::testing::testdata;
using digestkit::testing::walk_inputs;
using digestkit::testing::write_archive;
using digestkit::testing::write_file;

namespace {

class ArchiveInput : public ::testing::TestWithParam<ArchiveKind> {
 protected:
  void SetUp() override {
    root_ = make_temp_dir("archive-members");
    vortices_ = read_file(testdata("archive/quiet-vortices.txt"));
    hinges_ = read_file(testdata("archive/paper-hinges.txt"));
  }
  void TearDown() override { fs::remove_all(root_); }

  [[nodiscard]] std::string make(const std::string& stem, const std::vector<ArchiveMember>& members) const {
    const auto path = root_ / (stem + digestkit::testing::archive_suffix(GetParam()));
    write_archive(path, GetParam(), members);
    return path.string();
  }

  [[nodiscard]] std::vector<ArchiveMember> sample_members() const {
    return {{"posts/", "", true},
            {"posts/2023-04-11.txt", vortices_},
            {"posts/nested/", "", true},
            {"posts/nested/2023-04-12.txt", hinges_},
            {"posts/cover.png", "\x89PNG not really"},
            {"../evil.txt", "escaped\n"},
            {"/abs.txt", "absolute\n"},
            {"帖子/光谱.txt", vortices_}};
  }

  fs::path root_;
  std::string vortices_;
  std::string hinges_;
};

TEST_P(ArchiveInput, MembersAreReadInArchiveOrderAndFiltered) {
  const auto archive = make("posts", sample_members());
  const auto log = walk_inputs({archive});
  EXPECT_TRUE(log.errors.empty()) << (log.errors.empty() ? "" : log.errors[0].message);
  const std::vector<std::string> expected{"file " + archive + ":posts/2023-04-11.txt",
                                          "file " + archive + ":posts/nested/2023-04-12.txt",
                                          "file " + archive + ":../evil.txt", "file " + archive + ":/abs.txt",
                                          "file " + archive + ":帖子/光谱.txt"};
  EXPECT_EQ(log.order, expected);
  for (const auto& file : log.files) EXPECT_EQ(file.container, archive);
  ASSERT_NE(log.find(archive + ":posts/nested/2023-04-12.txt"), nullptr);
  EXPECT_EQ(log.find(archive + ":posts/nested/2023-04-12.txt")->bytes, hinges_);
  EXPECT_EQ(log.find(archive + ":帖子/光谱.txt")->bytes, vortices_);
  EXPECT_EQ(log.find(archive + ":../evil.txt")->bytes, "escaped\n");
}

TEST_P(ArchiveInput, UnsafeMemberNamesAreRejectedBySafeRelativePath) {
  const auto archive = make("posts", sample_members());
  std::vector<std::string> safe;
  std::vector<std::string> unsafe;
  for (const auto& file : walk_inputs({archive}).files) {
    const std::string member = file.name.substr(file.container.size() + 1);
    if (auto path = safe_relative_path(member)) {
      safe.push_back(*path);
    } else {
      unsafe.push_back(member);
    }
  }
  EXPECT_EQ(safe, (std::vector<std::string>{"posts/2023-04-11.txt", "posts/nested/2023-04-12.txt",
                                            "帖子/光谱.txt"}));
  EXPECT_EQ(unsafe, (std::vector<std::string>{"../evil.txt", "/abs.txt"}));
}

TEST_P(ArchiveInput, MemberOverTheSizeLimitIsAnErrorAndTheRestIsRead) {
  const auto archive =
      make("big", {{"a.txt", hinges_}, {"big.txt", std::string(5000, 'x')}, {"c.txt", "c\n"}});
  InputOptions options;
  options.max_member_size = 4000;
  const auto log = walk_inputs({archive}, options);
  const std::vector<std::string> expected{"file " + archive + ":a.txt", "error " + archive + ":big.txt",
                                          "file " + archive + ":c.txt"};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].message,
            "member is 5000 bytes, over the maximum member size of 4000 bytes (max_member_size); skipped");
}

TEST_P(ArchiveInput, ExpandedTotalOverTheLimitStopsTheArchiveAndTheWalkGoesOn) {
  const std::string part(1200, 'p');
  const auto archive = make("bomb", {{"1.txt", part}, {"2.md", part}, {"3.txt", part}, {"4.txt", part}});
  const auto other = make("other", {{"fine.txt", "fine\n"}});
  InputOptions options;
  options.max_total_size = 3000;
  const auto log = walk_inputs({archive, other}, options);
  const std::vector<std::string> expected{"file " + archive + ":1.txt", "error " + archive + ":3.txt",
                                          "file " + other + ":fine.txt"};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].message,
            "archive expands to more than the maximum total size of 3000 bytes (max_total_size) at member "
            "\"3.txt\"; rest of the archive skipped");
}

TEST_P(ArchiveInput, CorruptArchiveIsAnErrorAndTheWalkGoesOn) {
  const auto good = make("good", {{"ok.txt", "ok\n"}});
  const auto garbage = (root_ / ("garbage" + digestkit::testing::archive_suffix(GetParam()))).string();
  write_file(garbage, "this is not an archive at all, just text that happens to be long enough to sniff\n");
  const auto log = walk_inputs({garbage, good});
  const std::vector<std::string> expected{"error " + garbage, "file " + good + ":ok.txt"};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_FALSE(log.errors[0].message.empty());
}

TEST_P(ArchiveInput, TruncatedArchiveIsAnErrorAndTheWalkGoesOn) {
  std::string noise;
  for (unsigned i = 0; noise.size() < 200'000; ++i) noise += std::to_string(i * 2654435761U) + " ";
  const auto full = make("full", {{"first.txt", hinges_}, {"noise.txt", noise}, {"last.txt", vortices_}});
  const auto good = make("good", {{"ok.txt", "ok\n"}});
  const std::string bytes = read_file(full);
  const auto cut = (root_ / ("cut" + digestkit::testing::archive_suffix(GetParam()))).string();
  write_file(cut, bytes.substr(0, bytes.size() / 2));
  const auto log = walk_inputs({cut, good});
  ASSERT_GE(log.errors.size(), 1U);
  EXPECT_EQ(log.order.back(), "file " + good + ":ok.txt");
  EXPECT_EQ(log.find(cut + ":last.txt"), nullptr);
  for (const auto& file : log.files) {
    // Whatever was delivered before the damage is complete and correct.
    if (file.name == cut + ":first.txt") {
      EXPECT_EQ(file.bytes, hinges_);
    }
    if (file.name == cut + ":noise.txt") {
      EXPECT_EQ(file.bytes, noise);
    }
  }
}

TEST_P(ArchiveInput, CallbacksRunInTheCallersLocale) {
  // The reader switches this thread to a UTF-8 locale for libarchive's name
  // conversion; the caller's code must not see that.
  const auto archive = make("posts", sample_members());
  int visits = 0;
  digestkit::for_each_input(
      {archive}, InputOptions{},
      [&](digestkit::InputFile&&) {
        ++visits;
        EXPECT_EQ(::uselocale(static_cast<locale_t>(nullptr)), LC_GLOBAL_LOCALE);
      },
      [](digestkit::InputError&& error) { ADD_FAILURE() << error.message; });
  EXPECT_EQ(visits, 5);
  EXPECT_EQ(::uselocale(static_cast<locale_t>(nullptr)), LC_GLOBAL_LOCALE);
}

TEST_P(ArchiveInput, EmptyArchiveHasNoMembers) {
  const auto archive = make("empty", {});
  const auto log = walk_inputs({archive});
  EXPECT_TRUE(log.order.empty()) << log.order.front();
}

INSTANTIATE_TEST_SUITE_P(Kinds, ArchiveInput,
                         ::testing::Values(ArchiveKind::tar, ArchiveKind::tar_gz, ArchiveKind::tgz,
                                           ArchiveKind::tar_bz2, ArchiveKind::tar_xz, ArchiveKind::zip),
                         [](const auto& info) {
                           std::string name = digestkit::testing::archive_suffix(info.param).substr(1);
                           for (auto& c : name) {
                             if (c == '.') c = '_';
                           }
                           return name;
                         });

TEST(ArchivePath, RecognisesTheSupportedSuffixes) {
  for (const char* path :
       {"a.tar", "a.tar.gz", "a.tgz", "a.tar.bz2", "a.tar.xz", "a.zip", "dir/A.TGZ", "x.Zip"}) {
    EXPECT_TRUE(is_archive_path(path)) << path;
  }
  for (const char* path : {"a.txt", "a.gz", "tar", "a.tar.gz.txt", "zip", "a.7z", ""}) {
    EXPECT_FALSE(is_archive_path(path)) << path;
  }
}

}  // namespace
