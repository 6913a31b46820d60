// The fixtures of testdata/json/ and small helpers shared by the json tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit::json_testing {

// Each NAME.txt has its expected export in NAME.expected.json.
inline const std::vector<std::string>& fixture_names() {
  static const std::vector<std::string> names{"short-marker",     "long-marker",   "two-digests",
                                              "crlf-bom-slashed", "missing-parts", "impossible-date",
                                              "gb18030",          "no-toc"};
  return names;
}

inline std::filesystem::path fixture(const std::string& name, const std::string& suffix = ".txt") {
  return digestkit::testing::testdata("json/" + name + suffix);
}

inline std::string errors_text(const ParsedFile& file) {
  std::string out;
  for (const Diagnostic& diagnostic : errors_of(file)) out += render_text(diagnostic, file.source.get());
  return out;
}

// The corpus posts (sorted), or nothing when the shared directory is absent.
inline std::vector<std::filesystem::path> corpus_posts() {
  std::vector<std::filesystem::path> posts;
  const auto dir = digestkit::testing::shared_dir() / "corpus" / "archive";
  if (!std::filesystem::is_directory(dir)) return posts;
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    if (item.path().extension() == ".txt") posts.push_back(item.path());
  }
  std::sort(posts.begin(), posts.end());
  return posts;
}

}  // namespace digestkit::json_testing
