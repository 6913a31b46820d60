// read_limited(): the limit, growth past the size hint, and how many reads a
// regular file costs (one, when its size is known and it does not change).
#include "archive/read_limited.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

using digestkit::archive_detail::read_limited;
using digestkit::archive_detail::ReadStatus;
using digestkit::archive_detail::ShortRead;

// Serves `content` in pieces of at most `block` bytes and counts the calls.
struct ScriptedReader {
  std::string content;
  std::size_t block = 1 << 30;
  std::size_t at = 0;
  int calls = 0;

  long operator()(char* buffer, std::size_t capacity) {
    ++calls;
    const std::size_t n = std::min({capacity, block, content.size() - at});
    std::memcpy(buffer, content.data() + at, n);
    at += n;
    return static_cast<long>(n);
  }
};

TEST(ReadLimited, RegularFileOfKnownSizeTakesOneRead) {
  ScriptedReader reader{std::string(100000, 'x')};
  std::string out;
  ASSERT_EQ(read_limited(std::ref(reader), 100000, 1 << 20, out, ShortRead::is_end), ReadStatus::ok);
  EXPECT_EQ(out, reader.content);
  EXPECT_EQ(reader.calls, 1);
}

TEST(ReadLimited, WithoutTheShortReadGuaranteeTheEndIsConfirmed) {
  ScriptedReader reader{std::string(100000, 'x'), 4096};  // an archive member, block by block
  std::string out;
  ASSERT_EQ(read_limited(std::ref(reader), 100000, 1 << 20, out), ReadStatus::ok);
  EXPECT_EQ(out, reader.content);
  EXPECT_GT(reader.calls, 25);  // every block, and one read that finds the end
}

TEST(ReadLimited, AFileThatGrewIsReadToItsNewEnd) {
  ScriptedReader reader{std::string(300000, 'y')};
  std::string out;
  ASSERT_EQ(read_limited(std::ref(reader), 1000, 1 << 20, out, ShortRead::is_end), ReadStatus::ok);
  EXPECT_EQ(out, reader.content);
}

TEST(ReadLimited, AFileThatShrankIsReadToItsEnd) {
  ScriptedReader reader{"short"};
  std::string out;
  ASSERT_EQ(read_limited(std::ref(reader), 1000, 1 << 20, out, ShortRead::is_end), ReadStatus::ok);
  EXPECT_EQ(out, "short");
}

TEST(ReadLimited, SizeAtTheLimitIsReadAndOneByteMoreIsRefused) {
  ScriptedReader exact{std::string(4096, 'z')};
  std::string out;
  EXPECT_EQ(read_limited(std::ref(exact), 4096, 4096, out, ShortRead::is_end), ReadStatus::ok);
  EXPECT_EQ(out.size(), 4096u);
  ScriptedReader over{std::string(4097, 'z')};
  EXPECT_EQ(read_limited(std::ref(over), 4096, 4096, out, ShortRead::is_end), ReadStatus::over_limit);
  ScriptedReader grew{std::string(4097, 'z')};
  EXPECT_EQ(read_limited(std::ref(grew), 100, 4096, out, ShortRead::is_end), ReadStatus::over_limit);
}

TEST(ReadLimited, ErrorsAreReported) {
  std::string out;
  const auto failing = [](char*, std::size_t) -> long { return -1; };
  EXPECT_EQ(read_limited(failing, 10, 100, out, ShortRead::is_end), ReadStatus::failed);
  EXPECT_EQ(read_limited(failing, 0, 100, out), ReadStatus::failed);
}

}  // namespace
