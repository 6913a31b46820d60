#include <gtest/gtest.h>

#include <string>

#include "digestkit/content_kind.hpp"

using digestkit::non_digest_kind;

namespace {

const std::string kDigest =
    "无监督/半监督/对比学习\n\n\n2024-01-01 更新\n\nSome Title\n\nAuthors:Ann Lee\n\nThe abstract.\nPDF\n";

TEST(NonDigestKind, NamesCompressedDataArchivesAndDocuments) {
  EXPECT_EQ(non_digest_kind(std::string("\x1F\x8B\x08\x00", 4)), "gzip-compressed data");
  EXPECT_EQ(non_digest_kind("BZh91AY&SY"), "bzip2-compressed data");
  EXPECT_EQ(non_digest_kind(std::string("\xFD"
                                        "7zXZ\0\0",
                                        7)),
            "xz-compressed data");
  EXPECT_EQ(non_digest_kind("\x28\xB5\x2F\xFD rest"), "zstd-compressed data");
  EXPECT_EQ(non_digest_kind("PK\x03\x04 rest"), "a zip archive");
  EXPECT_EQ(non_digest_kind("%PDF-1.7\n"), "a PDF document");
  EXPECT_EQ(non_digest_kind("\x89PNG\r\n\x1A\n"), "a PNG image");
}

TEST(NonDigestKind, NamesHtmlPagesAndJson) {
  EXPECT_EQ(non_digest_kind("\xEF\xBB\xBF  <!DOCTYPE html>\n<html>"),
            "an HTML page (use digest extract to get the digest out of it)");
  EXPECT_EQ(non_digest_kind("<html><body></body></html>"),
            "an HTML page (use digest extract to get the digest out of it)");
  EXPECT_EQ(non_digest_kind("{\"format\": \"digestkit/1\"}\n"), "JSON");
  EXPECT_EQ(non_digest_kind("[\n  {\"a\": 1}\n]\n"), "JSON");
  EXPECT_EQ(non_digest_kind("[]"), "JSON");
}

TEST(NonDigestKind, NamesBinaryDataButNotUtf16Text) {
  std::string binary;
  for (int i = 1; i < 64; ++i) binary += i % 3 == 0 ? '\0' : static_cast<char>(i);
  EXPECT_EQ(non_digest_kind(binary), "binary data");
  std::string utf16le;
  for (const char c : std::string("Some Title\nAuthors:Ann Lee\n")) {
    utf16le += c;
    utf16le += '\0';
  }
  EXPECT_EQ(non_digest_kind(utf16le), std::nullopt);
  EXPECT_EQ(non_digest_kind("\0" + utf16le.substr(0, utf16le.size() - 1)), std::nullopt);  // big-endian
}

TEST(NonDigestKind, LeavesDigestTextDamagedOrNotToTheParser) {
  EXPECT_EQ(non_digest_kind(kDigest), std::nullopt);
  EXPECT_EQ(non_digest_kind(""), std::nullopt);
  using namespace std::string_view_literals;
  EXPECT_EQ(non_digest_kind("Some\0Title\n\nAuthors:Ann Lee\n"sv), std::nullopt);  // DG112's: a stray NUL
  EXPECT_EQ(non_digest_kind("[2024] 无监督\n\n\n2024-01-01 更新\n"), std::nullopt);
  EXPECT_EQ(non_digest_kind("{Bracketed} category\n\n\n2024-01-01 更新\n"), std::nullopt);
  EXPECT_EQ(non_digest_kind("BZh is a word here\n\nAuthors:Ann Lee\n"), std::nullopt);
  // One line of a digest is enough: what is wrong with the rest is the parser's to say.
  EXPECT_EQ(non_digest_kind("A title\n\nauthors: Ann Lee\n"), std::nullopt);
  EXPECT_EQ(non_digest_kind("A title\nabstract\nPDF 8 pages\n"), std::nullopt);
  EXPECT_EQ(non_digest_kind("A title\r\nabstract\r\nPDF\r\n"), std::nullopt);
  EXPECT_EQ(non_digest_kind("  \n\t\n"), std::nullopt);  // blank: DG101's
}

// A LICENSE or README in a folder of posts: text, but not one line of it a
// digest's (it used to be reported as a category line without a date, DG102).
TEST(NonDigestKind, NamesTextWithoutASingleDigestLine) {
  const std::string_view kind =
      "text without a single line of a digest (no update date, Authors: or PDF line)";
  EXPECT_EQ(non_digest_kind("MIT License\n\nPermission is hereby granted\n"), kind);
  EXPECT_EQ(non_digest_kind("{Bracketed} category\n"), kind);
  EXPECT_EQ(non_digest_kind("# Notes\n\nPDFs are kept elsewhere.\n"), kind);
}

}  // namespace
