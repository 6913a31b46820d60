// parse_owned_bytes() takes over its buffer yet reads every input exactly as
// parse_bytes() does: plain UTF-8, a BOM, legacy charsets, invalid bytes.
#include <gtest/gtest.h>

#include <filesystem>

#include "parse_test_util.hpp"

namespace fs = std::filesystem;

namespace {

void expect_same(const digestkit::ParsedFile& a, const digestkit::ParsedFile& b) {
  ASSERT_EQ(a.ok(), b.ok());
  ASSERT_EQ(a.decode_error.has_value(), b.decode_error.has_value());
  if (a.decode_error) {
    EXPECT_EQ(a.decode_error->message, b.decode_error->message);
    EXPECT_EQ(a.decode_error->input_offset, b.decode_error->input_offset);
    EXPECT_EQ(a.path, b.path);
    return;
  }
  EXPECT_EQ(a.source->text(), b.source->text());
  EXPECT_EQ(a.source->had_bom, b.source->had_bom);
  EXPECT_EQ(a.source->encoding, b.source->encoding);
  ASSERT_EQ(a.errors.size(), b.errors.size());
  ASSERT_EQ(a.documents.size(), b.documents.size());
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    ASSERT_EQ(a.documents[i].entries.size(), b.documents[i].entries.size());
    for (std::size_t e = 0; e < a.documents[i].entries.size(); ++e) {
      EXPECT_EQ(a.documents[i].entries[e].title.value, b.documents[i].entries[e].title.value);
      EXPECT_EQ(a.documents[i].entries[e].title.span, b.documents[i].entries[e].title.span);
    }
  }
}

}  // namespace

TEST(OwnedBytes, EveryFixtureParsesAsWithACopy) {
  std::size_t compared = 0;
  for (const auto& item : fs::recursive_directory_iterator(digestkit::testing::testdata(""))) {
    if (!item.is_regular_file() || item.path().extension() != ".txt") continue;
    SCOPED_TRACE(item.path().string());
    const std::string bytes = digestkit::testing::read_file(item.path());
    const auto copied = digestkit::parse_bytes(bytes, "f.txt");
    std::string owned = bytes;
    const auto taken = digestkit::parse_owned_bytes(std::move(owned), "f.txt");
    expect_same(copied, taken);
    ++compared;
  }
  EXPECT_GT(compared, 30u);
}

TEST(OwnedBytes, BomIsStrippedAndRecorded) {
  const auto file = digestkit::parse_owned_bytes(
      digestkit::testing::read_file(digestkit::testing::testdata("parse/readable/bom.txt")), "bom.txt");
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file.source->had_bom);
  EXPECT_EQ(file.source->text().substr(0, 4), "NeRF");
  EXPECT_EQ(file.source->input_offset(0), 3u);
}

TEST(OwnedBytes, ForcedEncodingStillTranscodes) {
  std::string latin1 = "Caf\xE9\n";
  const auto decoded = digestkit::decode_owned_bytes(std::move(latin1), "l.txt", {.encoding = "ISO-8859-1"});
  ASSERT_TRUE(decoded.source);
  EXPECT_EQ(decoded.source->text(), "Café\n");
  EXPECT_TRUE(decoded.source->transcoded);
}
