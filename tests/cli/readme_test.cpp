// The README's examples actually run: every "$ digest ..." line in a console
// block exits 0 or 1 from the checkout, and where the README shows output
// under the command, the command prints exactly that.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace {

struct Example {
  std::string command;  // without the "$ digest " prefix
  std::vector<std::string> shown_output;
};

std::vector<Example> readme_examples() {
  std::istringstream readme(digestkit::testing::read_file(std::string(DIGESTKIT_SOURCE_DIR) + "/README.md"));
  std::vector<Example> examples;
  bool in_console = false;
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console) continue;
    if (line.rfind("$ digest ", 0) == 0) {
      examples.push_back({line.substr(9), {}});
    } else if (!examples.empty()) {
      examples.back().shown_output.push_back(line);
    }
  }
  return examples;
}

}  // namespace

TEST(Readme, EveryExampleRunsAndShowsItsRealOutput) {
  const auto examples = readme_examples();
  ASSERT_GE(examples.size(), 8u);
  // The README shows output under a UTF-8 locale (digest diff writes "->"
  // for "→" under others).
  for (const auto& example : examples) {
    SCOPED_TRACE(example.command);
    const auto result = digestkit::testing::run_command(std::string("cd ") + DIGESTKIT_SOURCE_DIR +
                                                        " && LC_ALL=C.UTF-8 NO_COLOR=1 " + DIGEST_EXE + " " +
                                                        example.command);
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.exit_code << "\n" << result.err;
    if (example.shown_output.empty()) continue;
    std::string shown;
    for (const auto& line : example.shown_output) shown += line + "\n";
    EXPECT_EQ(result.out + result.err, shown);  // stdout first, then stderr
  }
}
