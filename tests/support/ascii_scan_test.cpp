// The 16-bytes-at-a-time scans agree with a byte-by-byte reading at every
// length and at every position of the byte they look for, so that chunk
// boundaries and the scalar tail are all covered.
#include "support/ascii_scan.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace {

namespace support = digestkit::support;

std::size_t naive_first_non_ascii(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
  return text.size();
}

std::size_t naive_first_special(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte >= 0x7f) return i;
  }
  return text.size();
}

bool naive_printable_single_spaced(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte >= 0x7f) return false;
    if (byte == ' ' && i > 0 && text[i - 1] == ' ') return false;
  }
  return true;
}

// Printable ASCII with one `probe` byte planted at `at`.
std::string with_byte_at(std::size_t length, std::size_t at, char probe) {
  std::string text(length, 'a');
  for (std::size_t i = 0; i < length; ++i) text[i] = static_cast<char>('a' + i % 26);
  if (at < length) text[at] = probe;
  return text;
}

TEST(AsciiScan, FindsTheByteAtEveryPositionAndLength) {
  for (const char probe : {'\x80', '\xe4', '\xff', '\n', '\r', '\t', '\x01', '\x7f', '\0'}) {
    for (std::size_t length = 0; length <= 70; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        const std::string text = with_byte_at(length, at, probe);
        for (const std::size_t from : {std::size_t{0}, std::size_t{1}, std::size_t{17}}) {
          if (from > length) continue;
          SCOPED_TRACE(testing::Message() << "probe " << int(static_cast<unsigned char>(probe)) << " length "
                                          << length << " at " << at << " from " << from);
          EXPECT_EQ(support::first_non_ascii(text, from), naive_first_non_ascii(text, from));
          EXPECT_EQ(support::first_special_byte(text, from), naive_first_special(text, from));
        }
        EXPECT_EQ(support::is_ascii(text), naive_first_non_ascii(text, 0) == text.size());
      }
    }
  }
}

TEST(AsciiScan, FirstOfFindsAnyOfTheBytes) {
  for (std::size_t length = 0; length <= 40; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (const char probe : {'(', '}', '$', 'z'}) {
        const std::string text = with_byte_at(length, at, probe);
        const std::size_t expected = text.find_first_of("(){}$");
        EXPECT_EQ((support::first_of<'(', ')', '{', '}', '$'>(text)),
                  expected == std::string::npos ? text.size() : expected);
      }
    }
  }
}

TEST(AsciiScan, FindPairAgreesWithStringViewFind) {
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 48, 'a');
    for (char& c : text) c = "a  b"[random() % 4];
    const std::size_t from = text.empty() ? 0 : random() % (text.size() + 1);
    EXPECT_EQ(support::find_pair(text, ' ', from), std::string_view(text).find("  ", from))
        << text << " from " << from;
  }
}

TEST(AsciiScan, LowerCasesEightBytesAsOneByOne) {
  std::mt19937_64 random(5);
  for (int round = 0; round < 20000; ++round) {
    std::uint64_t word = random();
    if (round % 2 == 0) word &= 0x7f7f7f7f7f7f7f7fULL;  // ASCII words, which hold most letters
    std::uint64_t expected = 0;
    for (unsigned k = 0; k < 8; ++k) {
      const auto byte = static_cast<char>((word >> (8 * k)) & 0xff);
      expected |= std::uint64_t{static_cast<unsigned char>(support::to_lower_ascii(byte))} << (8 * k);
    }
    EXPECT_EQ(support::to_lower_ascii(word), expected) << std::hex << word;
  }
  EXPECT_EQ(support::to_lower_ascii('Q'), 'q');
  EXPECT_EQ(support::to_lower_ascii('@'), '@');
  EXPECT_EQ(support::to_lower_ascii('['), '[');
  EXPECT_EQ(support::to_lower_ascii('\xc3'), '\xc3');
}

TEST(AsciiScan, PrintableSingleSpacedAgreesWithByteByByteReading) {
  std::mt19937 random(7);
  const std::string alphabet = std::string("ab  Z,.") + '\t' + '\x7f' + '\xc3';
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    EXPECT_EQ(support::is_printable_single_spaced(text), naive_printable_single_spaced(text)) << text;
  }
  // Two spaces split across a 16-byte chunk boundary.
  std::string across(32, 'x');
  across[15] = ' ';
  across[16] = ' ';
  EXPECT_FALSE(support::is_printable_single_spaced(across));
  across[16] = 'y';
  EXPECT_TRUE(support::is_printable_single_spaced(across));
}

}  // namespace
