#include "digestkit/spool.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

#include <cstdlib>
#include <string>
#include <vector>

namespace digestkit {
namespace {

std::string pieces_of(const Spool& spool, std::vector<std::size_t>* sizes = nullptr) {
  std::string whole;
  spool.for_each_piece([&](std::string_view piece) {
    whole += piece;
    if (sizes != nullptr) sizes->push_back(piece.size());
    return true;
  });
  return whole;
}

TEST(Spool, SmallContentStaysInMemoryAsOnePiece) {
  Spool spool;
  spool += "abc";
  spool += "def";
  std::vector<std::size_t> sizes;
  EXPECT_EQ(pieces_of(spool, &sizes), "abcdef");
  EXPECT_EQ(sizes, std::vector<std::size_t>{6});
  EXPECT_FALSE(spool.spilled());
  EXPECT_EQ(spool.size(), 6U);
}

TEST(Spool, PastItsLimitTheContentMovesToAFileAndReadsBackInOrder) {
  Spool spool(1000);
  std::string expected;
  for (int i = 0; i < 5000; ++i) {
    const std::string line = "line " + std::to_string(i) + "\n";
    spool += line;
    expected += line;
  }
  EXPECT_TRUE(spool.spilled());
  EXPECT_EQ(spool.size(), expected.size());
  EXPECT_EQ(pieces_of(spool), expected);
  EXPECT_EQ(spool.str(), expected);  // reading back twice gives the same
}

TEST(Spool, ContentLargerThanOneReadPieceComesBackInSeveralPieces) {
  Spool spool(1);
  const std::string block(std::size_t{3} << 20, 'x');
  for (int i = 0; i < 4; ++i) spool += block;
  std::vector<std::size_t> sizes;
  EXPECT_EQ(pieces_of(spool, &sizes).size(), block.size() * 4);
  EXPECT_GT(sizes.size(), 1U);
}

TEST(Spool, StopsWhenTheWriterSaysSo) {
  Spool spool(10);
  spool += std::string(100, 'a');
  spool += std::string(10, 'b');
  int calls = 0;
  EXPECT_FALSE(spool.for_each_piece([&](std::string_view) { return ++calls > 5; }));
  EXPECT_EQ(calls, 1);
}

TEST(Spool, MovedSpoolKeepsTheFileAndClearForgetsIt) {
  Spool spool(4);
  spool += "0123456789";
  Spool moved = std::move(spool);
  EXPECT_EQ(moved.str(), "0123456789");
  moved.clear();
  EXPECT_TRUE(moved.empty());
  EXPECT_FALSE(moved.spilled());
  moved += "x";
  EXPECT_EQ(moved.str(), "x");
}

TEST(Spool, AnUnwritableTemporaryFolderIsASpoolErrorNamingIt) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  ::setenv("TMPDIR", "/nonexistent-digestkit-folder", 1);
  Spool spool(4);
  try {
    spool += "0123456789";
    ADD_FAILURE() << "no SpoolError";
  } catch (const SpoolError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent-digestkit-folder"), std::string::npos)
        << error.what();
  }
  if (old != nullptr) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

TEST(Spool, AFullDiskIsASpoolError) {
  // RLIMIT_FSIZE stands in for a full disk: the write past it fails (EFBIG).
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  struct rlimit small = old;
  small.rlim_cur = 1 << 20;
  ::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  Spool spool(16);
  EXPECT_THROW(for (int i = 0; i < 8; ++i) spool += std::string(std::size_t{1} << 20, 'z'), SpoolError);
  ::setrlimit(RLIMIT_FSIZE, &old);
}

}  // namespace
}  // namespace digestkit
