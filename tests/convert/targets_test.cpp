// The convert target table: one row per ConvertTarget, names and extensions
// unique, and the choice of target from --to and -o.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "digestkit/convert.hpp"

namespace digestkit::convert {
namespace {

TEST(ConvertTargets, EveryTargetHasOneRow) {
  std::set<std::string_view> names;
  std::set<std::string_view> extensions;
  for (const TargetSpec& spec : targets()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_TRUE(extensions.insert(spec.extension).second) << spec.extension;
    EXPECT_EQ(&target_spec(spec.target), &spec) << spec.name;
    EXPECT_EQ(find_target(spec.name), &spec);
    EXPECT_NE(spec.open, nullptr) << spec.name;
    EXPECT_FALSE(spec.description.empty()) << spec.name;
  }
  for (ConvertTarget target : {ConvertTarget::Json, ConvertTarget::JsonLines, ConvertTarget::Csv,
                               ConvertTarget::Text, ConvertTarget::Sqlite}) {
    EXPECT_EQ(target_spec(target).target, target);
  }
  EXPECT_EQ(find_target("xml"), nullptr);
}

TEST(ConvertTargets, TheOutputFileExtensionNamesItsTarget) {
  EXPECT_EQ(target_for_path("entries.csv")->target, ConvertTarget::Csv);
  EXPECT_EQ(target_for_path("OUT/ALL.JSONL")->target, ConvertTarget::JsonLines);
  EXPECT_EQ(target_for_path("all.json")->target, ConvertTarget::Json);
  EXPECT_EQ(target_for_path("posts.txt")->target, ConvertTarget::Text);
  EXPECT_EQ(target_for_path("posts.dat"), nullptr);
}

TEST(ConvertTargets, ToIsInferredFromTheOutputAndMustAgreeWithIt) {
  ConvertTarget chosen = ConvertTarget::Text;
  EXPECT_EQ(choose_target(std::nullopt, "entries.csv", chosen), std::nullopt);
  EXPECT_EQ(chosen, ConvertTarget::Csv);
  EXPECT_EQ(choose_target(std::nullopt, "", chosen), std::nullopt);
  EXPECT_EQ(chosen, ConvertTarget::Json);
  EXPECT_EQ(choose_target(std::nullopt, "out.dat", chosen), std::nullopt);
  EXPECT_EQ(chosen, ConvertTarget::Json);
  EXPECT_EQ(choose_target(std::nullopt, "out/", chosen), std::nullopt) << "a directory names no target";
  EXPECT_EQ(chosen, ConvertTarget::Json);
  EXPECT_EQ(choose_target(std::string("jsonl"), "all.jsonl", chosen), std::nullopt);
  EXPECT_EQ(chosen, ConvertTarget::JsonLines);
  EXPECT_EQ(choose_target(std::string("csv"), "out.dat", chosen), std::nullopt);
  EXPECT_EQ(chosen, ConvertTarget::Csv);

  const auto contradiction = choose_target(std::string("json"), "entries.csv", chosen);
  ASSERT_TRUE(contradiction.has_value());
  EXPECT_EQ(*contradiction,
            "-o entries.csv is a csv file but --to is json (drop --to, or name the file entries.json)");
  EXPECT_TRUE(choose_target(std::string("xml"), "", chosen).has_value());
}

}  // namespace
}  // namespace digestkit::convert
