// non_digest_kind: magic numbers of the formats people save by mistake
// (compressed files, archives, documents, images), HTML and JSON by their
// first and last characters, binary data by its NUL bytes.
#include "digestkit/content_kind.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace digestkit {

namespace {

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view start) {
  if (text.size() < start.size()) return false;
  return std::equal(start.begin(), start.end(), text.begin(), [](char a, char b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return lower(a) == lower(b);
  });
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trimmed(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && is_blank(bytes.front())) bytes.remove_prefix(1);
  while (!bytes.empty() && is_blank(bytes.back())) bytes.remove_suffix(1);
  return bytes;
}

// An object or an array from the first character to the last. A digest's
// first line is its category, never "{" or "[" followed by a quote, a
// bracket or a brace.
bool looks_like_json(std::string_view bytes) {
  const std::string_view text = trimmed(bytes);
  if (text.size() < 2) return false;
  const std::string_view inner = trimmed(text.substr(1));
  if (text.front() == '{') return text.back() == '}' && (inner.front() == '"' || inner == "}");
  if (text.front() != '[' || text.back() != ']') return false;
  return (inner.front() == '{' || inner.front() == '"' || inner.front() == '[' || inner.front() == ']');
}

// NUL bytes that UTF-16 or UTF-32 text (with or without a BOM) would not
// have: text in those encodings puts its NULs at one parity (UTF-16) or one
// place of four (UTF-32); a stray NUL or two is DG112's business, not this.
bool looks_binary(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, 8192);
  std::array<std::size_t, 4> at{};  // NULs by offset modulo 4
  for (std::size_t i = 0; i < sample.size(); ++i)
    if (sample[i] == '\0') ++at[i % 4];
  const std::size_t nuls = at[0] + at[1] + at[2] + at[3];
  if (nuls < 8) return false;
  const bool utf16 = at[0] + at[2] == 0 || at[1] + at[3] == 0;
  const bool utf32 = std::count(at.begin(), at.end(), std::size_t{0}) == 1;
  return !utf16 && !utf32;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A line a digest has even when damaged: an update date ("2024-01-24 更新",
// "2022/02/19"), an Authors line, a PDF line, or the footer's author label.
bool is_digest_line(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (starts_with_ignoring_ascii_case(line, "authors:") || starts_with_ignoring_ascii_case(line, "author:"))
    return true;
  if (line.starts_with("PDF") && (line.size() == 3 || line[3] == ' ')) return true;
  if (line.starts_with("\xE6\x96\x87\xE7\xAB\xA0\xE4\xBD\x9C\xE8\x80\x85")) return true;  // 文章作者
  return line.size() >= 8 && is_digit(line[0]) && is_digit(line[1]) && is_digit(line[2]) &&
         is_digit(line[3]) && (line[4] == '-' || line[4] == '/' || line[4] == '.') && is_digit(line[5]);
}

// Text without a single line of a digest (a LICENSE, a README, notes): the
// grammar would report its first line as a category without a date. Files
// with NUL bytes (UTF-16, UTF-32) are left to the decoder; blank files to
// DG101. Stops at the first digest line, which real posts have near the top.
bool text_without_digest_lines(std::string_view bytes) {
  if (trimmed(bytes).empty() || bytes.find('\0') != std::string_view::npos) return false;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find_first_of("\r\n");  // CR-only files too
    if (is_digest_line(bytes.substr(0, end))) return false;
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 1);
  }
  return true;
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && is_blank(bytes.front())) bytes.remove_prefix(1);
  static constexpr std::string_view kStarts[] = {"<!doctype html", "<html", "<head",
                                                 "<meta",          "<!--",  "<body"};
  return std::any_of(std::begin(kStarts), std::end(kStarts),
                     [&](std::string_view start) { return starts_with_ignoring_ascii_case(bytes, start); });
}

std::optional<std::string> non_digest_kind(std::string_view bytes) {
  static constexpr std::pair<std::string_view, std::string_view> kMagic[] = {
      {"\x1F\x8B", "gzip-compressed data"},
      {"BZh", "bzip2-compressed data"},
      {"\xFD"
       "7zXZ\x00",
       "xz-compressed data"},
      {"\x28\xB5\x2F\xFD", "zstd-compressed data"},
      {"PK\x03\x04", "a zip archive"},
      {"PK\x05\x06", "a zip archive"},
      {"7z\xBC\xAF\x27\x1C", "a 7z archive"},
      {"%PDF-", "a PDF document"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"\x7F"
       "ELF",
       "an executable"},
      {std::string_view("SQLite format 3\0", 16), "an SQLite database"},
  };
  for (const auto& [magic, kind] : kMagic) {
    // "BZh" must be followed by the block size digit: "BZh" alone could start a word.
    if (!bytes.starts_with(magic)) continue;
    if (magic == "BZh" && (bytes.size() < 4 || bytes[3] < '1' || bytes[3] > '9')) continue;
    if (magic == "GIF8" && !(bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a"))) continue;
    return std::string(kind);
  }
  if (looks_like_html(bytes)) return "an HTML page (use digest extract to get the digest out of it)";
  if (looks_like_json(bytes)) return "JSON";
  if (looks_binary(bytes)) return "binary data";
  if (text_without_digest_lines(bytes)) {
    return "text without a single line of a digest (no update date, Authors: or PDF line)";
  }
  return std::nullopt;
}

}  // namespace digestkit
