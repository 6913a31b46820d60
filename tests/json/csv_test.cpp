// CSV export: RFC 4180 quoting, one row per entry, and a reading by
// Python's csv module that gives the AST's values back.
#include <rapidjson/document.h>

#include "digestkit/json.hpp"
#include "json_fixtures.hpp"

namespace digestkit {
namespace {

using digestkit::testing::read_file;
using json_testing::fixture;

std::string field(std::string_view value) {
  std::string out;
  append_csv_field(value, out);
  return out;
}

TEST(CsvField, QuotedOnlyWhenNeeded) {
  EXPECT_EQ(field("plain text, no"), "\"plain text, no\"");
  EXPECT_EQ(field("plain text"), "plain text");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("\""), "\"\"\"\"");
  EXPECT_EQ(field("a\rb"), "\"a\rb\"");
  EXPECT_EQ(field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(field("中文；semicolon; fine"), "中文；semicolon; fine");
}

Document hand_made_document() {
  Document document;
  document.index = 3;
  document.category.line.value = "A/B";
  Entry entry;
  entry.title.value = "Title, with comma";
  entry.authors = {Author{"Ann \"Q\" Lee", {}}, Author{"Bo", {}}};
  entry.abstract.value = "Plain abstract";
  entry.comments = Text{"5 pages", {}};
  entry.marker = Marker::Long;
  document.entries.push_back(entry);
  entry.title.value = "Second";
  entry.authors = {Author{"Cy", {}}};
  entry.comments.reset();
  entry.marker = Marker::Missing;
  document.entries.push_back(entry);
  return document;
}

TEST(CsvRows, OneRowPerEntryWithTheDigestFacts) {
  std::string out;
  append_csv_rows(hand_made_document(), "dir/a.txt", out);
  EXPECT_EQ(out,
            "dir/a.txt,3,A/B,,0,\"Title, with comma\",\"Ann \"\"Q\"\" Lee; Bo\",Plain abstract,5 pages,"
            "点此查看论文截图\r\n"
            "dir/a.txt,3,A/B,,1,Second,Cy,Plain abstract,,\r\n");
}

TEST(CsvRows, HeaderNamesTheColumns) {
  EXPECT_EQ(csv_header(), "path,digest,category,date,index,title,authors,abstract,comments,marker\r\n");
}

// Python's csv module is an independent RFC 4180 reader.
TEST(CsvRows, PythonReadsBackEveryField) {
  const ParsedFile file = parse_bytes(read_file(fixture("short-marker")), "posts/short, \"marked\".txt");
  ASSERT_TRUE(file.ok());
  std::string csv(csv_header());
  for (const Document& document : file.documents) append_csv_rows(document, file.source->path(), csv);

  const auto dir = digestkit::testing::make_temp_dir("digest-csv");
  digestkit::testing::write_file(dir / "out.csv", csv);
  const auto result = digestkit::testing::run_command(
      "/usr/bin/python3 -c 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], "
      "newline=\"\", encoding=\"utf-8\"), strict=True))))' " +
      digestkit::testing::shell_quote((dir / "out.csv").string()));
  std::filesystem::remove_all(dir);
  ASSERT_EQ(result.exit_code, 0) << result.err;

  rapidjson::Document rows;
  rows.Parse(result.out.c_str());
  ASSERT_TRUE(rows.IsArray());
  const Document& document = file.documents[0];
  ASSERT_EQ(rows.Size(), document.entries.size() + 1);
  EXPECT_STREQ(rows[0][6].GetString(), "authors");
  for (rapidjson::SizeType i = 1; i < rows.Size(); ++i) {
    const Entry& entry = document.entries[i - 1];
    const auto& row = rows[i];
    ASSERT_EQ(row.Size(), 10u);
    EXPECT_STREQ(row[0].GetString(), "posts/short, \"marked\".txt");
    EXPECT_STREQ(row[1].GetString(), "0");
    EXPECT_EQ(row[2].GetString(), std::string(document.category.line.value));
    EXPECT_STREQ(row[3].GetString(), "2023-06-01");
    EXPECT_EQ(row[4].GetString(), std::to_string(i - 1));
    EXPECT_EQ(row[5].GetString(), std::string(entry.title.value));
    std::string authors;
    for (const Author& author : entry.authors)
      authors += (authors.empty() ? "" : "; ") + std::string(author.name);
    EXPECT_EQ(row[6].GetString(), authors);
    EXPECT_EQ(row[7].GetString(), std::string(entry.abstract.value));
    EXPECT_EQ(row[8].GetString(), entry.comments ? std::string(entry.comments->value) : std::string());
    EXPECT_STREQ(row[9].GetString(), "论文截图");
  }
}

}  // namespace
}  // namespace digestkit
