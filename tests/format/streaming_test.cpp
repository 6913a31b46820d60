// format_file_to: the output a digest at a time, each checked on its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "format_test_util.hpp"

namespace digestkit {
namespace {

using format_testing::fixture;

struct Streamed {
  FormattedFile result;
  std::vector<std::string> pieces;
  [[nodiscard]] std::string text() const {
    std::string whole;
    for (const std::string& piece : pieces) whole += piece;
    return whole;
  }
};

Streamed stream(const std::string& bytes, const std::string& name, const FormatOptions& options = {}) {
  const ParsedFile parsed = parse_bytes(bytes, name);
  Streamed streamed;
  streamed.result = format_file_to(parsed, unchanged_input_bytes(parsed), options,
                                   [&](std::string_view piece) { streamed.pieces.emplace_back(piece); });
  return streamed;
}

// Three digests, the second with layout to repair.
std::string three_digests() {
  const std::string canonical = fixture("canonical.after.txt");
  return canonical + "\n" + fixture("blank-lines.before.txt") + "\n" + canonical;
}

TEST(FormatStreaming, PiecesOfAtMostADigestThatTogetherAreFormatFilesText) {
  const std::string input = three_digests();
  const Streamed streamed = stream(input, "three.txt");
  ASSERT_EQ(streamed.result.status, FormatStatus::Formatted) << streamed.result.problem;
  EXPECT_TRUE(streamed.result.changed);
  EXPECT_TRUE(streamed.result.text.empty()) << "the streaming form holds no copy of the output";
  const ParsedFile parsed = parse_bytes(input, "three.txt");
  std::size_t largest_digest = 0;
  for (const Document& document : parsed.documents)
    largest_digest = std::max(largest_digest, format_document(document).size());
  EXPECT_GE(streamed.pieces.size(), 3U);
  for (const std::string& piece : streamed.pieces) EXPECT_LE(piece.size(), largest_digest);
  EXPECT_EQ(streamed.text(), format_testing::formatted(input, "three.txt"));
  EXPECT_EQ(streamed.text(), format_documents(parsed.documents));
}

TEST(FormatStreaming, CanonicalInputIsUnchanged) {
  const std::string canonical = fixture("canonical.after.txt");
  const Streamed streamed = stream(canonical + "\n" + canonical, "two.txt");
  ASSERT_EQ(streamed.result.status, FormatStatus::Formatted);
  EXPECT_FALSE(streamed.result.changed);
  EXPECT_EQ(streamed.text(), canonical + "\n" + canonical);
}

TEST(FormatStreaming, AFinalNewlineAloneIsAChange) {
  const std::string canonical = fixture("canonical.after.txt");
  const Streamed streamed = stream(canonical + "\n", "newline.txt");
  ASSERT_EQ(streamed.result.status, FormatStatus::Formatted);
  EXPECT_TRUE(streamed.result.changed);
  EXPECT_EQ(streamed.text(), canonical);
}

TEST(FormatStreaming, AByteOrderMarkIsAChangeThoughTheTextIsTheSame) {
  const std::string canonical = fixture("canonical.after.txt");
  const Streamed streamed = stream("\xEF\xBB\xBF" + canonical, "bom.txt");
  ASSERT_EQ(streamed.result.status, FormatStatus::Formatted);
  EXPECT_TRUE(streamed.result.changed);
  EXPECT_EQ(streamed.text(), canonical);
}

TEST(FormatStreaming, ARefusalInALaterDigestRefusesTheWholeFile) {
  // An abstract that would read as a "PDF" line once its zero-width space
  // is gone (as in refusal_test.cpp), in the second digest of the file.
  const std::string canonical = fixture("canonical.after.txt");
  std::string input = canonical + "\n" + canonical;
  const std::string abstract_start = "We study balancing";
  const std::size_t second = input.rfind(abstract_start);
  ASSERT_NE(second, std::string::npos);
  input.replace(second, abstract_start.size(), "\u200BPDF study balancing");
  const Streamed streamed = stream(input, "refused.txt");
  EXPECT_EQ(streamed.result.status, FormatStatus::Refused);
  ASSERT_FALSE(streamed.result.diagnostics.empty());
  EXPECT_GT(streamed.result.diagnostics.front().location.line, 35U) << "located in the second digest";
}

TEST(FormatStreaming, UnparsableInputWritesNothing) {
  const Streamed streamed = stream("not a digest\n", "bad.txt");
  EXPECT_EQ(streamed.result.status, FormatStatus::Unparsable);
  EXPECT_TRUE(streamed.pieces.empty());
}

}  // namespace
}  // namespace digestkit
