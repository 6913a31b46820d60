// path_matches_glob(): the one glob rule of [[per-file]] and exclude.
#include <gtest/gtest.h>

#include "digestkit/config.hpp"

namespace digestkit {
namespace {

TEST(Glob, WithoutASlashMatchesANameAtAnyDepth) {
  EXPECT_TRUE(path_matches_glob("*.draft.txt", "deep/dir/x.draft.txt", false));
  EXPECT_TRUE(path_matches_glob("node_modules", "a/b/node_modules", true));
  EXPECT_FALSE(path_matches_glob("*.draft.txt", "deep/dir/x.txt", false));
}

TEST(Glob, WithASlashMatchesTheWholeRelativePath) {
  EXPECT_TRUE(path_matches_glob("legacy/**", "legacy/old/b.txt", false));
  EXPECT_TRUE(path_matches_glob("legacy/*", "legacy/old/b.txt", false)) << "* crosses /";
  EXPECT_FALSE(path_matches_glob("legacy/**", "posts/legacy/b.txt", false));
  EXPECT_TRUE(path_matches_glob("/build", "build", true)) << "a leading / anchors";
  EXPECT_FALSE(path_matches_glob("/build", "sub/build", true));
}

TEST(Glob, ATrailingSlashMatchesFoldersOnly) {
  EXPECT_TRUE(path_matches_glob("build/", "x/build", true));
  EXPECT_FALSE(path_matches_glob("build/", "x/build", false));
}

}  // namespace
}  // namespace digestkit
