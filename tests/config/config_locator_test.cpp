// ConfigLocator: nearest digest.toml per folder, the anchoring rule,
// --config and --no-config, bad files, and lookups from many threads.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "digestkit/config.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;
using testing::write_file;

class Locator : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(testing::make_temp_dir("config-locator"));
    fs::create_directories(root_ / "posts" / "2024" / "deep");
    fs::create_directories(root_ / "other");
    write_file(root_ / "digest.toml", "[validate]\nmax-warnings = 1\n");
    write_file(root_ / "posts" / "digest.toml", "[validate]\nmax-warnings = 2\n");
  }
  void TearDown() override { fs::remove_all(root_); }

  static long max_warnings(const ConfigFile* file) {
    return file != nullptr ? file->max_warnings.value_or(-9) : -99;
  }

  fs::path root_;
};

TEST_F(Locator, NearestFileAboveEachInput) {
  ConfigLocator locator;
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "posts/2024/deep/a.txt").string(), "")), 2);
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "posts/a.txt").string(), "")), 2);
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "other/a.txt").string(), "")), 1);
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "a.txt").string(), "")), 1);
  // The same file object for every input it configures: read once.
  EXPECT_EQ(locator.for_input((root_ / "posts/2024/b.txt").string(), ""),
            locator.for_input((root_ / "posts/c.txt").string(), ""));
  // Spellings with "." and ".." resolve to the same folder.
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "other/../posts/./x.txt").string(), "")), 2);
}

TEST_F(Locator, ArchiveMembersAreConfiguredFromTheArchivesFolder) {
  ConfigLocator locator;
  // The member's own path (posts/...) plays no part: the archive sits in other/.
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "other/x.tgz").string() + ":posts/a.txt",
                                           (root_ / "other/x.tgz").string())),
            1);
  EXPECT_EQ(max_warnings(locator.for_input("x.tgz:a.txt", (root_ / "posts/x.tgz").string())), 2);
}

TEST_F(Locator, StandardInputIsConfiguredFromItsNameOrTheCurrentFolder) {
  const fs::path saved = fs::current_path();
  fs::current_path(root_ / "posts" / "2024");
  {
    ConfigLocator locator;
    EXPECT_EQ(max_warnings(locator.for_input("-", "")), 2);
    EXPECT_EQ(max_warnings(locator.for_input("../../other/piped.txt", "")), 1);  // --stdin-filename
    EXPECT_EQ(locator.anchor_folder("-", ""), root_ / "posts" / "2024");
  }
  fs::current_path(saved);
}

TEST_F(Locator, ForcedAndDisabled) {
  write_file(root_ / "strict.toml", "[validate]\nmax-warnings = 7\n");
  ConfigLocator forced(ConfigChoice{root_ / "strict.toml", false});
  EXPECT_EQ(max_warnings(forced.for_input((root_ / "posts/a.txt").string(), "")), 7);
  EXPECT_EQ(max_warnings(forced.for_folder(root_ / "other")), 7);

  ConfigLocator none(ConfigChoice{std::nullopt, true});
  EXPECT_EQ(none.for_input((root_ / "posts/a.txt").string(), ""), nullptr);
  EXPECT_EQ(none.for_folder(root_), nullptr);

  write_file(root_ / "bad.toml", "[validate\n");
  EXPECT_THROW(ConfigLocator(ConfigChoice{root_ / "bad.toml", false}), ConfigError);
}

TEST_F(Locator, NoFileAnywhereIsNull) {
  fs::remove(root_ / "digest.toml");
  ConfigLocator locator;
  // Nothing above the temp folder is ours; unless the machine has a
  // digest.toml at / or in the temp folder, "other" has none.
  if (!fs::exists(root_.parent_path() / "digest.toml") && !fs::exists("/digest.toml")) {
    EXPECT_EQ(locator.for_input((root_ / "other/a.txt").string(), ""), nullptr);
  }
  EXPECT_NE(locator.for_input((root_ / "posts/a.txt").string(), ""), nullptr);
}

TEST_F(Locator, ABadFileIsAnErrorForEveryInputUnderIt) {
  write_file(root_ / "posts" / "digest.toml", "[validate]\nselct = 1\n");
  ConfigLocator locator;
  for (int i = 0; i < 2; ++i) {
    try {
      (void)locator.for_input((root_ / "posts/2024/a.txt").string(), "");
      ADD_FAILURE() << "no error";
    } catch (const ConfigError& error) {
      EXPECT_NE(std::string(error.what()).find("posts/digest.toml:2:1: error: unknown key \"selct\""),
                std::string::npos)
          << error.what();
    }
  }
  EXPECT_EQ(max_warnings(locator.for_input((root_ / "other/a.txt").string(), "")), 1);
}

TEST_F(Locator, ManyThreadsGetTheSameAnswers) {
  for (int i = 0; i < 20; ++i) fs::create_directories(root_ / "posts" / std::to_string(i));
  ConfigLocator locator;
  std::vector<std::thread> threads;
  std::vector<const ConfigFile*> seen(8 * 20);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        seen[t * 20 + i] = locator.for_input((root_ / "posts" / std::to_string(i) / "a.txt").string(), "");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const ConfigFile* file : seen) {
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file, seen[0]);
    EXPECT_EQ(file->max_warnings, 2);
  }
}

}  // namespace
}  // namespace digestkit
