// The program as a whole: version, help with examples for every command,
// usage errors exit 2.
#include <gtest/gtest.h>

#include "support/support.hpp"

using digestkit::testing::run_digest;

TEST(Program, VersionAndHelp) {
  const auto version = run_digest("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("digest 0."), std::string::npos);
#if DIGESTKIT_MIMALLOC
  EXPECT_NE(version.out.find("(mimalloc 2."), std::string::npos) << version.out;
#else
  EXPECT_NE(version.out.find("(system malloc)"), std::string::npos) << version.out;
#endif
  const auto help = run_digest("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"validate", "fmt", "diff", "convert"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
    const auto sub = run_digest(std::string(command) + " --help");
    EXPECT_EQ(sub.exit_code, 0) << command;
    EXPECT_NE(sub.out.find("Examples:"), std::string::npos) << command;
    EXPECT_NE(sub.out.find("Exit status"), std::string::npos) << command;
  }
}

TEST(Program, UsageErrorsExitTwo) {
  EXPECT_EQ(run_digest("").exit_code, 2);
  EXPECT_EQ(run_digest("frobnicate").exit_code, 2);
  EXPECT_EQ(run_digest("validate --no-such-option x").exit_code, 2);
  EXPECT_EQ(run_digest("diff only-one-argument").exit_code, 2);
}

TEST(Program, MissingInputIsAnIoErrorForEveryCommand) {
  for (const char* command : {"validate", "fmt", "convert"}) {
    const auto result = run_digest(std::string(command) + " /nonexistent/post.txt");
    EXPECT_EQ(result.exit_code, 2) << command << "\n" << result.err;
    EXPECT_NE(result.err.find("/nonexistent/post.txt"), std::string::npos) << command;
  }
  EXPECT_EQ(run_digest("diff /nonexistent/a.txt /nonexistent/b.txt").exit_code, 2);
}
