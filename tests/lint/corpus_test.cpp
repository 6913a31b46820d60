// The real posts: both seeds and every file of the corpus have no
// finding of severity error or warning (info findings, such as the runs of
// spaces arXiv leaves in titles, are expected).
#include <gtest/gtest.h>

#include "digestkit/lint.hpp"
#include "support/support.hpp"

namespace {

namespace lint = digestkit::lint;
namespace fs = std::filesystem;

void expect_clean(const fs::path& dir) {
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  lint::Options options;
  options.today = lint::today_utc();
  std::size_t files = 0;
  for (const auto& item : fs::directory_iterator(dir)) {
    if (item.path().extension() != ".txt") continue;
    ++files;
    const auto result = lint::lint_bytes(digestkit::testing::read_file(item.path()), item.path().string(),
                                         lint::Policy{}, options);
    for (const auto& d : result.diagnostics) {
      EXPECT_EQ(d.severity, digestkit::Severity::Info)
          << d.path << ":" << d.location.line << ":" << d.location.column << ": " << d.message << " ["
          << d.code << "]";
    }
  }
  EXPECT_GT(files, 0u);
}

TEST(Corpus, SeedsHaveNoErrorsOrWarnings) { expect_clean(digestkit::testing::shared_dir() / "seeds"); }

TEST(Corpus, ArchiveFilesHaveNoErrorsOrWarnings) {
  expect_clean(digestkit::testing::shared_dir() / "corpus" / "archive");
}

// The pairs hold a post that lists fourteen papers twice, verbatim (DG308,
// an info finding).
TEST(Corpus, PairFilesHaveNoErrorsOrWarnings) {
  expect_clean(digestkit::testing::shared_dir() / "corpus" / "pairs");
}

}  // namespace
