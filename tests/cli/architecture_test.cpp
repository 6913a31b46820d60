// ARCHITECTURE.md stays true: its module table names every folder of src/
// and each module's dependencies exactly as its CMakeLists.txt declares
// them, and its header map names every public header with its module.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kSource = DIGESTKIT_SOURCE_DIR;

// The cells of a Markdown table row "| a | b | c |".
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line.substr(1));
  std::string cell;
  while (std::getline(in, cell, '|')) {
    const auto begin = cell.find_first_not_of(' ');
    const auto end = cell.find_last_not_of(' ');
    out.push_back(begin == std::string::npos ? "" : cell.substr(begin, end - begin + 1));
  }
  return out;
}

// The rows of the table under the heading `heading`, header and rule left out.
std::vector<std::vector<std::string>> table_under(const std::string& heading) {
  std::stringstream doc(digestkit::testing::read_file(kSource / "ARCHITECTURE.md"));
  std::vector<std::vector<std::string>> rows;
  bool in_section = false;
  int seen = 0;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("#")) {
      if (in_section && !rows.empty()) break;
      in_section = line == heading;
      continue;
    }
    if (!in_section || !line.starts_with("|")) continue;
    if (seen++ < 2) continue;  // header and |---|
    rows.push_back(cells(line));
  }
  return rows;
}

std::string unquote(std::string text) {
  std::erase(text, '`');
  return text;
}

// DEPENDS of a module's digestkit_module() call, sorted.
std::set<std::string> declared_dependencies(const std::string& module) {
  const std::string cmake = digestkit::testing::read_file(kSource / "src" / module / "CMakeLists.txt");
  std::set<std::string> out;
  const auto at = cmake.find("DEPENDS");
  if (at == std::string::npos) return out;
  std::stringstream words(cmake.substr(at + 7, cmake.find_first_of(")\n", at) - at - 7));
  for (std::string word; words >> word;) out.insert(word);
  return out;
}

TEST(Architecture, TheModuleTableMatchesTheTree) {
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(kSource / "src")) {
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  }
  std::set<std::string> listed;
  for (const auto& row : table_under("## Modules")) {
    ASSERT_GE(row.size(), 3u);
    const std::string folder = unquote(row[0]);
    ASSERT_TRUE(folder.starts_with("src/") && folder.ends_with("/")) << row[0];
    const std::string module = folder.substr(4, folder.size() - 5);
    listed.insert(module);
    if (!fs::exists(kSource / "src" / module / "CMakeLists.txt")) continue;  // header-only
    std::set<std::string> documented;
    std::stringstream words(unquote(row[2]));
    for (std::string word; words >> word;) {
      if (word.ends_with(",")) word.pop_back();
      if (word != "-") documented.insert(word);
    }
    EXPECT_EQ(documented, declared_dependencies(module)) << "dependencies of " << module;
  }
  EXPECT_EQ(listed, folders) << "ARCHITECTURE.md ## Modules vs the folders of src/";
}

TEST(Architecture, TheHeaderMapNamesEveryPublicHeader) {
  std::set<std::string> headers;
  for (const auto& entry : fs::directory_iterator(kSource / "src" / "digestkit")) {
    headers.insert("digestkit/" + entry.path().filename().string());
  }
  std::set<std::string> listed;
  for (const auto& row : table_under("## Public headers")) {
    ASSERT_GE(row.size(), 2u);
    const std::string header = unquote(row[0]);
    listed.insert(header);
    const std::string module = unquote(row[1]);
    EXPECT_TRUE(fs::exists(kSource / "src" / module)) << header << " -> " << module;
  }
  EXPECT_EQ(listed, headers) << "ARCHITECTURE.md ## Public headers vs src/digestkit/";
}

TEST(Architecture, RecipesNameFilesThatExist) {
  // Every `path` in the recipes (a word with a slash and an extension, or a
  // folder ending in /) exists, so the recipes cannot rot silently.
  std::stringstream doc(digestkit::testing::read_file(kSource / "ARCHITECTURE.md"));
  bool in_recipes = false;
  int checked = 0;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("## ")) in_recipes = line == "## Recipes";
    if (!in_recipes) continue;
    for (std::size_t open = line.find('`'); open != std::string::npos; open = line.find('`', open + 1)) {
      const std::size_t close = line.find('`', open + 1);
      if (close == std::string::npos) break;
      const std::string word = line.substr(open + 1, close - open - 1);
      open = close;
      if (word.find('/') == std::string::npos || word.find(' ') != std::string::npos) continue;
      if (word.find('<') != std::string::npos || word.find('*') != std::string::npos) continue;
      EXPECT_TRUE(fs::exists(kSource / word)) << word;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10);
}

}  // namespace
