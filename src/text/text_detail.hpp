// Private to the text module: the steps decode() is made of.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace digestkit::text_detail {

// An ill-formed UTF-8 sequence: where it starts and how many bytes ICU's
// U8_NEXT consumed as its maximal ill-formed subpart (at least one).
struct Utf8Fault {
  std::size_t offset = 0;
  std::size_t length = 1;
};

[[nodiscard]] std::optional<Utf8Fault> find_invalid_utf8(std::string_view bytes);

// Terminal cells of one code point (0, 1 or 2).
[[nodiscard]] int code_point_width(std::int32_t c);

struct TranscodeFault {
  std::string message;
  std::size_t input_offset = 0;  // byte offset of the bad sequence in the input
  std::size_t output_size = 0;   // UTF-8 bytes converted before it
};

struct Transcoded {
  std::string utf8;
  std::string charset;  // standard (IANA/MIME) name of the converter used
  std::optional<TranscodeFault> fault;
};

// Converts bytes in `charset` (an ICU converter name) to UTF-8, stopping at the
// first illegal, unmapped or truncated sequence. An unknown charset name is
// a fault at offset 0. Fault offsets count from `skipped` (the length of a
// BOM the caller took off), so that they are offsets in the whole input.
[[nodiscard]] Transcoded transcode_to_utf8(std::string_view bytes, const char* charset,
                                           std::size_t skipped = 0);

struct Detected {
  std::string utf8;
  std::string charset;
  int confidence = 0;
};

// ICU charset detection limited to legacy CJK multi-byte charsets and
// UTF-16/32; the first candidate that converts without a single fault wins.
[[nodiscard]] std::optional<Detected> detect_legacy(std::string_view bytes);

// A copy of valid input for a SourceText to own, made fast for large inputs.
[[nodiscard]] std::string copy_text(std::string_view bytes);

// The "0xE4 0xB8" rendering of bytes for messages.
[[nodiscard]] std::string hex_bytes(std::string_view bytes);

}  // namespace digestkit::text_detail
