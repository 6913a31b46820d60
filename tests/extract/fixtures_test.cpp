// testdata/extract/: one invented page per trait, in the real layout. A page
// NAME.html or NAME.txt gives NAME.<ext>.json (the JSON array digest extract
// prints) and passes the schema; an "error-" page gives NAME.<ext>.err (the
// rendered diagnostics) and no output.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "digestkit/extract.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
namespace ex = digestkit::extract;
using digestkit::testing::read_file;
using digestkit::testing::schema_errors;
using digestkit::testing::testdata;

namespace {

std::vector<fs::path> fixture_pages() {
  std::set<fs::path> pages;
  for (const auto& item : fs::directory_iterator(testdata("extract"))) {
    const auto ext = item.path().extension();
    if (ext == ".html" || ext == ".txt") pages.insert(item.path());
  }
  return {pages.begin(), pages.end()};
}

ex::ExtractedInput extract_fixture(const fs::path& path) {
  ex::Settings settings;
  settings.to = ex::Target::Json;
  digestkit::InputFile input;
  input.name = path.filename().string();
  input.bytes = read_file(path);
  return ex::extract_input(std::move(input), settings);
}

std::string as_json_array(const std::string& part) {
  const auto& joining = digestkit::convert::target_spec(digestkit::ConvertTarget::Json).joining;
  std::string out(joining.start);
  out += joining.first;
  out += part;
  out += joining.end_after_parts;
  return out;
}

}  // namespace

TEST(ExtractFixtures, EachPageGivesItsExpectedResult) {
  const auto pages = fixture_pages();
  ASSERT_GE(pages.size(), 10u);
  std::size_t errors = 0;
  for (const auto& path : pages) {
    SCOPED_TRACE(path.filename().string());
    const auto result = extract_fixture(path);
    const bool error_page = path.filename().string().starts_with("error-");
    if (error_page) {
      ++errors;
      ASSERT_TRUE(result.failed());
      EXPECT_TRUE(result.output.empty());
      EXPECT_EQ(result.errors, read_file(path.string() + ".err"));
      continue;
    }
    ASSERT_FALSE(result.failed()) << result.errors;
    const std::string json = as_json_array(result.output);
    EXPECT_EQ(json, read_file(path.string() + ".json"));
    EXPECT_EQ(schema_errors(json, "digestkit-1.schema.json"), "");
  }
  EXPECT_GE(errors, 4u);
}

// The two forms of one invented page give the same digest.
TEST(ExtractFixtures, HtmlAndDumpOfOnePageAgree) {
  for (const char* name : {"headings", "raw-markdown"}) {
    SCOPED_TRACE(name);
    ex::PageExtractor html, dump;
    const auto from_html =
        html.extract(read_file(testdata(std::string("extract/") + name + ".html")), "p.html");
    const auto from_dump =
        dump.extract(read_file(testdata(std::string("extract/") + name + ".txt")), "p.txt");
    ASSERT_TRUE(from_html.ok());
    ASSERT_TRUE(from_dump.ok());
    EXPECT_EQ(from_html.text, from_dump.text);
  }
}
