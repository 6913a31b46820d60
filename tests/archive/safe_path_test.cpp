#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "digestkit/inputs.hpp"

using digestkit::safe_relative_path;

TEST(SafeRelativePath, KeepsOrdinaryNamesAndTidiesThem) {
  EXPECT_EQ(safe_relative_path("posts/2023-04-11.txt"), "posts/2023-04-11.txt");
  EXPECT_EQ(safe_relative_path("./posts//a.txt"), "posts/a.txt");
  EXPECT_EQ(safe_relative_path("posts\\win\\a.txt"), "posts/win/a.txt");
  EXPECT_EQ(safe_relative_path("帖子/光谱.txt"), "帖子/光谱.txt");
  EXPECT_EQ(safe_relative_path("a..b/..c.txt"), "a..b/..c.txt");
  EXPECT_EQ(safe_relative_path("dir/"), "dir");
}

TEST(SafeRelativePath, RejectsNamesThatLeaveTheOutputDirectory) {
  for (const char* name :
       {"../evil.txt", "/abs.txt", "posts/../../x.txt", "a/..", "..", "\\\\server\\share.txt", "..\\up.txt",
        "C:\\x.txt", "c:x.txt", "", ".", "./", "//"}) {
    EXPECT_EQ(safe_relative_path(name), std::nullopt) << name;
  }
  EXPECT_EQ(safe_relative_path(std::string("a\0b.txt", 7)), std::nullopt);
}
