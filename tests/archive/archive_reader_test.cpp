// The archive reader's integrity checks: gzip trailers (CRC-32, ISIZE) of
// every member, hard links and symbolic links, duplicate member paths,
// decompression bombs, and reading an archive held in memory.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "archive_writer.hpp"
#include "support/support.hpp"
#include "walk_log.hpp"

namespace fs = std::filesystem;
using digestkit::InputOptions;
using digestkit::testing::ArchiveKind;
using digestkit::testing::make_temp_dir;
using digestkit::testing::read_file;
using digestkit::testing::testdata;
using digestkit::testing::walk_inputs;
using digestkit::testing::write_archive;
using digestkit::testing::write_file;

namespace {

// One gzip member holding bytes (zlib, as gzip(1) writes them).
std::string gzip(const std::string& bytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

class ArchiveReader : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = make_temp_dir("archive-reader");
    vortices_ = read_file(testdata("archive/quiet-vortices.txt"));
    hinges_ = read_file(testdata("archive/paper-hinges.txt"));
    const auto tar = root_ / "plain.tar";
    write_archive(tar, ArchiveKind::tar, {{"a.txt", vortices_}, {"b.txt", hinges_}});
    tar_ = read_file(tar);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string put(const std::string& name, const std::string& bytes) const {
    const auto path = (root_ / name).string();
    write_file(path, bytes);
    return path;
  }

  fs::path root_;
  std::string vortices_;
  std::string hinges_;
  std::string tar_;
};

TEST_F(ArchiveReader, GzipTrailerMismatchIsACorruptArchive) {
  const std::string good = gzip(tar_);
  // The trailer: CRC-32 of the data, then ISIZE, little-endian. The deflate
  // data still decodes, so only the trailer check can tell.
  std::string bad_crc = good;
  bad_crc[bad_crc.size() - 8] = static_cast<char>(bad_crc[bad_crc.size() - 8] ^ 0x01);
  std::string bad_size = good;
  bad_size[bad_size.size() - 4] = static_cast<char>(bad_size[bad_size.size() - 4] ^ 0x01);
  const auto next = put("next.txt", "next\n");
  for (const auto& [name, bytes, why] : {std::tuple{"crc.tar.gz", bad_crc, "CRC-32 mismatch"},
                                         {"size.tgz", bad_size, "length (ISIZE) mismatch"}}) {
    SCOPED_TRACE(name);
    const auto path = put(name, bytes);
    const auto log = walk_inputs({path, next});
    ASSERT_EQ(log.errors.size(), 1U);
    EXPECT_EQ(log.errors[0].name, path);
    EXPECT_EQ(log.errors[0].message, std::string("corrupt archive: corrupt gzip stream: ") + why);
    EXPECT_FALSE(log.errors[0].warning);
    EXPECT_EQ(log.order.back(), "file " + next);  // the walk goes on
  }
  const auto log = walk_inputs({put("good.tar.gz", good)});
  EXPECT_TRUE(log.errors.empty()) << log.errors[0].message;
  EXPECT_EQ(log.files.size(), 2U);
}

TEST_F(ArchiveReader, EveryGzipMemberIsChecked) {
  // gzip(1) reads concatenated members as one stream; so does the reader.
  const std::size_t cut = 1024;
  const std::string first = gzip(tar_.substr(0, cut));
  std::string second = gzip(tar_.substr(cut));
  const auto two = put("two.tar.gz", first + second);
  auto log = walk_inputs({two});
  EXPECT_TRUE(log.errors.empty()) << log.errors[0].message;
  ASSERT_EQ(log.files.size(), 2U);
  EXPECT_EQ(log.files[1].bytes, hinges_);

  // Trailing zeros (tape padding) are fine, anything else is not.
  log = walk_inputs({put("padded.tar.gz", first + second + std::string(700, '\0'))});
  EXPECT_TRUE(log.errors.empty()) << log.errors[0].message;
  log = walk_inputs({put("trailing.tar.gz", first + second + "junk")});
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].message,
            "corrupt archive: corrupt gzip stream: data after the end of the last member");

  second[second.size() - 7] = static_cast<char>(second[second.size() - 7] ^ 0x10);
  log = walk_inputs({put("bad-second.tar.gz", first + second)});
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_NE(log.errors[0].message.find("CRC-32 mismatch"), std::string::npos) << log.errors[0].message;
}

TEST_F(ArchiveReader, TruncatedGzipIsACorruptArchive) {
  const std::string good = gzip(tar_);
  const auto log = walk_inputs({put("cut.tar.gz", good.substr(0, good.size() - 6))});
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_NE(log.errors[0].message.find("corrupt"), std::string::npos) << log.errors[0].message;
}

TEST_F(ArchiveReader, ArchiveInMemoryGivesWhatTheFileGives) {
  for (const auto kind : {ArchiveKind::tar, ArchiveKind::tar_gz, ArchiveKind::tar_xz, ArchiveKind::zip}) {
    const auto path = root_ / ("m" + digestkit::testing::archive_suffix(kind));
    write_archive(path, kind, {{"a.txt", vortices_}, {"skip.md", "x"}, {"b.txt", hinges_}});
    const auto from_file = walk_inputs({path.string()});
    std::vector<std::string> from_memory;
    digestkit::for_each_archive_member(
        read_file(path), path.string(), InputOptions{},
        [&](digestkit::InputFile&& file) { from_memory.push_back("file " + file.name + " " + file.bytes); },
        [&](digestkit::InputError&& error) { from_memory.push_back("error " + error.message); });
    std::vector<std::string> expected;
    for (const auto& file : from_file.files) expected.push_back("file " + file.name + " " + file.bytes);
    EXPECT_EQ(from_memory, expected) << path;
    EXPECT_EQ(expected.size(), 2U);
  }
}

TEST_F(ArchiveReader, DuplicateMemberPathsAreReported) {
  const auto path = root_ / "dup.tar";
  write_archive(path, ArchiveKind::tar, {{"a.txt", vortices_}, {"./a.txt", hinges_}, {"b.txt", hinges_}});
  const auto log = walk_inputs({path.string()});
  const std::vector<std::string> expected{"file " + path.string() + ":a.txt",
                                          "error " + path.string() + ":./a.txt",
                                          "file " + path.string() + ":b.txt"};
  EXPECT_EQ(log.order, expected);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].message, "duplicate member path; only the first copy is read");
  EXPECT_EQ(log.files[0].bytes, vortices_);
}

TEST_F(ArchiveReader, DecompressionBombStopsAtTheRatioLimit) {
  const auto path = root_ / "bomb.tar.gz";
  write_archive(path, ArchiveKind::tar_gz,
                {{"zeros.txt", std::string(std::size_t{8} << 20, '\0')}, {"after.txt", "x"}});
  InputOptions options;
  options.expansion_ratio_floor = 1 << 20;
  const auto log = walk_inputs({path.string()}, options);
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].message,
            "archive expands to more than 100 times its compressed size (max_expansion_ratio) at member "
            "\"zeros.txt\"; rest of the archive skipped");
  EXPECT_TRUE(log.files.empty());
  options.max_expansion_ratio = 0;  // no ratio limit: read in full
  EXPECT_EQ(walk_inputs({path.string()}, options).files.size(), 2U);
}

TEST(ArchiveLimits, DefaultsFitUntrustedInput) {
  const InputOptions options;
  EXPECT_EQ(options.max_member_size, std::uint64_t{64} << 20);
  EXPECT_EQ(options.max_total_size, std::uint64_t{1} << 30);
  EXPECT_GT(options.max_expansion_ratio, 0U);
}

// A tree with a hard link and a symbolic link, archived by GNU tar (hard
// links as typeflag '1' members without data).
class ArchiveLinks : public ArchiveReader {
 protected:
  void SetUp() override {
    ArchiveReader::SetUp();
    tree_ = root_ / "tree";
    fs::create_directories(tree_ / "posts");
    write_file(tree_ / "posts/a.txt", vortices_);
    write_file(tree_ / "posts/b.txt", hinges_);
    fs::create_hard_link(tree_ / "posts/a.txt", tree_ / "posts/a-again.txt");
    fs::create_hard_link(tree_ / "posts/b.txt", tree_ / "posts/z-last.txt");
  }

  std::string tar(const std::string& name, const std::string& flags) const {
    const auto path = (root_ / name).string();
    const std::string command = "tar -C '" + tree_.string() + "' " + flags + " '" + path + "' posts";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return path;
  }

  static std::map<std::string, std::string> by_member(const digestkit::testing::WalkLog& log,
                                                      const std::string& prefix) {
    std::map<std::string, std::string> out;
    for (const auto& file : log.files) out[file.name.substr(prefix.size())] = file.bytes;
    return out;
  }

  fs::path tree_;
};

TEST_F(ArchiveLinks, HardLinksGetTheContentOfTheirTarget) {
  const auto directory = walk_inputs({tree_.string()});
  ASSERT_TRUE(directory.errors.empty());
  const auto expected = by_member(directory, tree_.string() + "/");
  ASSERT_EQ(expected.size(), 4U);
  for (const std::string flags : {"-cf", "-czf", "--format=pax -cJf"}) {
    SCOPED_TRACE(flags);
    const auto archive = tar("links" + std::to_string(flags.size()) + ".tar", flags);
    const auto log = walk_inputs({archive});
    EXPECT_TRUE(log.errors.empty()) << log.errors[0].message;
    EXPECT_EQ(by_member(log, archive + ":"), expected);
  }
}

TEST_F(ArchiveLinks, SymbolicLinksAreSkippedWithAWarning) {
  fs::create_symlink("a.txt", tree_ / "posts/link.txt");
  const auto archive = tar("symlink.tar", "-cf");
  const auto log = walk_inputs({archive});
  ASSERT_EQ(log.errors.size(), 1U);
  EXPECT_EQ(log.errors[0].name, archive + ":posts/link.txt");
  EXPECT_EQ(log.errors[0].message, "symbolic link to \"a.txt\"; skipped (not followed)");
  EXPECT_TRUE(log.errors[0].warning);
  EXPECT_EQ(log.files.size(), 4U);
}

}  // namespace
