// Decoding: raw bytes in any supported encoding -> UTF-8 text with a line
// index. Everything downstream works on SourceText::text().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestkit {

struct LineEndings {
  std::size_t lf = 0;
  std::size_t crlf = 0;
  std::size_t cr = 0;  // lone CR (classic Mac)
  [[nodiscard]] bool mixed() const { return (lf != 0) + (crlf != 0) + (cr != 0) > 1; }
};

// A resolved position. line and column are 1-based; column counts Unicode
// code points, display_column counts terminal cells (East Asian Wide and
// Fullwidth characters are two, combining marks zero).
struct Location {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t display_column = 1;
  std::size_t offset = 0;  // byte offset into SourceText::text()
};

class SourceText {
 public:
  SourceText(std::string path, std::string text);
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }

  // Encoding facts recorded by decode().
  std::string encoding = "UTF-8";  // IANA/ICU name of the input's charset
  bool had_bom = false;
  bool transcoded = false;
  std::optional<int> detection_confidence;  // ICU confidence when detected
  LineEndings line_endings;

  [[nodiscard]] std::size_t line_count() const { return line_starts_.size(); }
  // Byte range of line n (1-based) without its line ending.
  [[nodiscard]] std::string_view line(std::size_t n) const;
  [[nodiscard]] std::size_t line_start(std::size_t n) const { return line_starts_[n - 1]; }
  // Whether line n (1-based) holds nothing but printable ASCII (U+0020 to
  // U+007E) before its line ending. Known from the pass that indexes the
  // lines, so that character checks can pass over such lines unread.
  [[nodiscard]] bool is_printable_ascii_line(std::size_t n) const { return printable_ascii_lines_[n - 1]; }
  [[nodiscard]] Location locate(std::size_t offset) const;
  // Byte offset in the original input for an offset into text(); equal to
  // offset + BOM length for UTF-8 input, offset itself when transcoded.
  [[nodiscard]] std::size_t input_offset(std::size_t offset) const;

 private:
  friend struct SourceTextBuilder;
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::vector<bool> printable_ascii_lines_;  // per line, as line_starts_
};

struct DecodeOptions {
  std::optional<std::string> encoding;  // force a charset (ICU name)
  bool detect_legacy = true;            // try ICU detection when not UTF-8
};

struct DecodeError {
  std::string message;
  std::size_t input_offset = 0;  // byte offset in the raw input
  Location location;             // of the offending byte (line/column in the valid prefix)
};

struct Decoded {
  std::unique_ptr<SourceText> source;  // null when error is set
  std::optional<DecodeError> error;
};

// Strips a UTF-8 BOM, decodes UTF-16/32 with a BOM, validates UTF-8, and
// when the input is not UTF-8 detects a legacy charset (GB18030, Big5, ...)
// with ICU and transcodes it. Never throws on bad input.
[[nodiscard]] Decoded decode(std::string_view bytes, std::string path, const DecodeOptions& options = {});
// The same, taking over `bytes`: valid UTF-8 input (the common case) becomes
// the SourceText's buffer without a copy.
[[nodiscard]] Decoded decode_owned_bytes(std::string&& bytes, std::string path,
                                         const DecodeOptions& options = {});

// Display width in terminal cells of a UTF-8 string (ICU East Asian Width).
[[nodiscard]] std::size_t display_width(std::string_view utf8);

}  // namespace digestkit
