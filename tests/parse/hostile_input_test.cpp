// Hostile inputs get a clear error or a correct parse, never a crash, and
// the parser neither recurses per entry or digest nor grows faster than its
// input.
#include <gtest/gtest.h>

#include <pthread.h>

#include <functional>
#include <string>

#include "parse_test_util.hpp"

using digestkit::testing::parse_string;

namespace {

std::string entry(std::size_t i) {
  return "Title number " + std::to_string(i) + "\n\nAuthors:Ann Example, Bo Sample\n\nShort abstract " +
         std::to_string(i) + ".\nPDF 3 pages\n\n论文截图\n\n";
}

std::string digest_with(std::size_t entries, std::size_t first = 0) {
  std::string text = "Tag/标签\n\n\n2023-01-01 更新\n\n";
  for (std::size_t i = 0; i < entries; ++i) text += entry(first + i);
  text +=
      "文章作者: Ann\n版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Ann "
      "!\n\u00a0\u00a0目录";
  return text;
}

// Runs fn on a thread with a deliberately small stack: recursion per entry
// or per digest would overflow it.
void on_small_stack(const std::function<void()>& fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{1} << 20);
  pthread_t thread;
  auto* task = new std::function<void()>(fn);
  ASSERT_EQ(pthread_create(
                &thread, &attr,
                [](void* arg) -> void* {
                  auto* f = static_cast<std::function<void()>*>(arg);
                  (*f)();
                  delete f;
                  return nullptr;
                },
                task),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

std::size_t ast_bytes(const digestkit::ParsedFile& file) {
  std::size_t bytes = 0;
  for (const auto& d : file.documents) {
    bytes += sizeof(d) + d.entries.capacity() * sizeof(digestkit::Entry);
    for (const auto& e : d.entries) bytes += e.authors.capacity() * sizeof(digestkit::Author);
  }
  return bytes;
}

}  // namespace

TEST(HostileInput, EmptyAndWhitespace) {
  EXPECT_EQ(parse_string("").errors.at(0).code, "DG101");
  EXPECT_EQ(parse_string("\n\n\n").errors.at(0).code, "DG101");
  EXPECT_EQ(parse_string(" \t ").errors.at(0).code, "DG101");
}

TEST(HostileInput, OnlyTheCategoryLine) {
  EXPECT_EQ(parse_string("NeRF").errors.at(0).code, "DG102");
  EXPECT_EQ(parse_string("NeRF\n").errors.at(0).code, "DG102");
}

TEST(HostileInput, NulBytes) {
  const auto file = parse_string(digestkit::testing::bytes("Tag\n\n\n2023-01-01 更新\n\nA\0B\n"));
  ASSERT_FALSE(file.errors.empty());
  EXPECT_EQ(file.errors[0].code, "DG112");
  EXPECT_EQ(file.source->locate(file.errors[0].offset).line, 6u);
  EXPECT_EQ(file.source->locate(file.errors[0].offset).column, 2u);
  EXPECT_EQ(parse_string(std::string(1000, '\0')).errors.at(0).code, "DG112");
}

TEST(HostileInput, CrOnlyLineEndings) {
  std::string text = digest_with(3);
  for (char& c : text)
    if (c == '\n') c = '\r';
  const auto file = parse_string(text);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.documents.at(0).entries.size(), 3u);
}

TEST(HostileInput, FiveMegabyteSingleLine) {
  const auto line_only = parse_string(std::string(5'000'000, 'x'));
  EXPECT_EQ(line_only.errors.at(0).code, "DG102");
  std::string text = digest_with(1);
  text.insert(text.find("Short abstract"), std::string(5'000'000, 'a'));
  const auto file = parse_string(text);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.documents[0].entries[0].abstract.value.size(),
            5'000'000u + std::string("Short abstract 0.").size());
}

TEST(HostileInput, HundredThousandEntriesWithoutRecursion) {
  const std::string text = digest_with(100'000);
  on_small_stack([&] {
    const auto file = parse_string(text);
    ASSERT_TRUE(file.ok());
    ASSERT_EQ(file.documents.size(), 1u);
    EXPECT_EQ(file.documents[0].entries.size(), 100'000u);
    EXPECT_EQ(file.documents[0].entries.back().title.value, "Title number 99999");
  });
}

TEST(HostileInput, ThousandDigestsInOneFile) {
  std::string text;
  for (std::size_t i = 0; i < 1000; ++i) text += digest_with(2, i * 2) + "\n";
  on_small_stack([&] {
    const auto file = parse_string(text);
    ASSERT_TRUE(file.ok());
    EXPECT_EQ(file.documents.size(), 1000u);
    EXPECT_EQ(file.documents.back().index, 999u);
  });
}

TEST(HostileInput, RecoveryOverManyBrokenEntriesTerminates) {
  std::string text = "Tag\n\n\n2023-01-01 更新\n\n";
  // Every entry lacks its PDF line: one error each, every one reported.
  for (int i = 0; i < 2000; ++i)
    text += "Title " + std::to_string(i) + "\n\nAuthors:A\n\nAbstract.\n\n论文截图\n\n";
  const auto file = parse_string(text, true);
  EXPECT_EQ(file.errors.size(), 2000u);
  EXPECT_EQ(file.errors.front().code, "DG107");
  EXPECT_EQ(file.errors.back().code, "DG107");
}

TEST(HostileInput, AstGrowsLinearlyWithInput) {
  const std::string small = digest_with(10'000);
  const std::string large = digest_with(100'000);
  const auto a = parse_string(small);
  const auto b = parse_string(large);
  const double per_byte_small = static_cast<double>(ast_bytes(a)) / static_cast<double>(small.size());
  const double per_byte_large = static_cast<double>(ast_bytes(b)) / static_cast<double>(large.size());
  EXPECT_LT(per_byte_large, per_byte_small * 1.6);  // vector doubling allows < 2x slack, nothing quadratic
  EXPECT_LT(per_byte_large, 8.0);
}
