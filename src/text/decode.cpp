// decode(): bytes -> SourceText, or a located DecodeError.
#include <fmt/format.h>
#include <unicode/ucnv.h>

#include "source_text_builder.hpp"
#include "text_detail.hpp"

namespace digestkit {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct UnicodeBom {
  std::string_view bytes;
  const char* charset;
};

// UTF-32LE first: its BOM begins with the UTF-16LE one.
constexpr UnicodeBom kWideBoms[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
};

// The location of `offset` in `text`, of which only text[0, offset) need be
// valid: what precedes a fault is all there is to count.
Location locate_in_prefix(std::string_view text, std::size_t offset) {
  const std::string_view prefix = text.substr(0, offset);
  std::vector<std::size_t> starts;
  LineEndings endings;
  SourceTextBuilder::index_lines(prefix, starts, endings);
  return SourceTextBuilder::locate(prefix, starts, prefix.size());
}

Decoded failure(std::string message, std::size_t input_offset, Location location) {
  Decoded decoded;
  decoded.error = DecodeError{std::move(message), input_offset, location};
  return decoded;
}

Decoded transcode_fault(const text_detail::Transcoded& converted) {
  const auto& fault = *converted.fault;
  return failure(fault.message, fault.input_offset, locate_in_prefix(converted.utf8, fault.output_size));
}

Decoded success(std::unique_ptr<SourceText> source) {
  Decoded decoded;
  decoded.source = std::move(source);
  return decoded;
}

Decoded decode_transcoded(std::string_view bytes, std::string path, const char* charset,
                          std::size_t bom_length) {
  text_detail::Transcoded converted =
      text_detail::transcode_to_utf8(bytes.substr(bom_length), charset, bom_length);
  bool had_bom = bom_length != 0;
  if (converted.fault) return transcode_fault(converted);
  // A forced UTF-16LE/BE or UTF-32 converter passes a BOM through as U+FEFF.
  if (std::string_view(converted.utf8).substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    converted.utf8.erase(0, kUtf8Bom.size());
    had_bom = true;
  }
  auto source = std::make_unique<SourceText>(std::move(path), std::move(converted.utf8));
  source->encoding = std::move(converted.charset);
  source->had_bom = had_bom;
  source->transcoded = true;
  return success(std::move(source));
}

// Whether an indexed text is valid UTF-8. Only its lines that are not
// printable ASCII can say otherwise, and no sequence spans a line ending
// (an ASCII byte), so the rest of the text is not read again.
bool is_valid_utf8(const SourceText& source) {
  const std::string_view text = source.text();
  const std::size_t lines = source.line_count();
  for (std::size_t n = 1; n <= lines; ++n) {
    if (source.is_printable_ascii_line(n)) continue;
    const std::size_t start = source.line_start(n);
    while (n < lines && !source.is_printable_ascii_line(n + 1)) ++n;  // a run of such lines at once
    const std::size_t end = n < lines ? source.line_start(n + 1) : text.size();
    if (text_detail::find_invalid_utf8(text.substr(start, end - start))) return false;
  }
  return true;
}

Decoded decode_utf8(std::string_view bytes, std::string path, bool try_legacy) {
  const bool had_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  const std::string_view body = had_bom ? bytes.substr(kUtf8Bom.size()) : bytes;
  if (auto source = std::make_unique<SourceText>(path, text_detail::copy_text(body));
      is_valid_utf8(*source)) {
    source->had_bom = had_bom;
    return success(std::move(source));
  }
  const auto fault = text_detail::find_invalid_utf8(body);
  // A UTF-8 BOM declares the charset; only undeclared input is detected.
  if (try_legacy && !had_bom) {
    if (auto detected = text_detail::detect_legacy(bytes)) {
      auto source = std::make_unique<SourceText>(std::move(path), std::move(detected->utf8));
      source->encoding = std::move(detected->charset);
      source->transcoded = true;
      source->detection_confidence = detected->confidence;
      return success(std::move(source));
    }
  }
  const std::size_t input_offset = fault->offset + (had_bom ? kUtf8Bom.size() : 0);
  const char* what = fault->length == 1 ? "byte" : "sequence";
  std::string message =
      fmt::format("invalid UTF-8 {} {} at byte offset {}", what,
                  text_detail::hex_bytes(body.substr(fault->offset, fault->length)), input_offset);
  if (try_legacy && !had_bom)
    message += " (not a recognised legacy encoding either; use --encoding NAME to force one)";
  return failure(std::move(message), input_offset, locate_in_prefix(body, fault->offset));
}

bool names_utf8(const std::string& charset) { return ucnv_compareNames(charset.c_str(), "UTF-8") == 0; }

bool has_wide_bom(std::string_view bytes) {
  for (const auto& bom : kWideBoms) {
    if (bytes.substr(0, bom.bytes.size()) == bom.bytes) return true;
  }
  return false;
}

}  // namespace

Decoded decode(std::string_view bytes, std::string path, const DecodeOptions& options) {
  if (options.encoding && !names_utf8(*options.encoding)) {
    return decode_transcoded(bytes, std::move(path), options.encoding->c_str(), 0);
  }
  if (!options.encoding) {
    for (const auto& bom : kWideBoms) {
      if (bytes.substr(0, bom.bytes.size()) == bom.bytes) {
        return decode_transcoded(bytes, std::move(path), bom.charset, bom.bytes.size());
      }
    }
  }
  return decode_utf8(bytes, std::move(path), options.detect_legacy && !options.encoding);
}

Decoded decode_owned_bytes(std::string&& bytes, std::string path, const DecodeOptions& options) {
  const bool utf8_expected = options.encoding ? names_utf8(*options.encoding) : !has_wide_bom(bytes);
  if (utf8_expected) {
    const bool had_bom = std::string_view(bytes).substr(0, kUtf8Bom.size()) == kUtf8Bom;
    if (had_bom) bytes.erase(0, kUtf8Bom.size());
    // Index first: the index tells which lines validation need read.
    auto source = std::make_unique<SourceText>(path, std::move(bytes));
    if (is_valid_utf8(*source)) {
      source->had_bom = had_bom;
      return success(std::move(source));
    }
    bytes = SourceTextBuilder::take_text(*source);
    if (had_bom) bytes.insert(0, kUtf8Bom);
  }
  return decode(std::string_view(bytes), std::move(path), options);
}

}  // namespace digestkit
