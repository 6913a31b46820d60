// quoted_name and utf8_name (digestkit/diagnostic.hpp): names of files and
// archive members made safe to print.
#include <unicode/utf8.h>

#include <cstdint>

#include "digestkit/shown_name.hpp"

namespace digestkit {

namespace {

// Calls each(start, end, valid) for every code point of text (valid) and
// every byte that starts no valid UTF-8 sequence (not valid).
template <class Each>
void for_each_sequence(std::string_view text, Each&& each) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      // U8_NEXT skips a truncated sequence whole; each byte of it is shown.
      for (std::int32_t b = start; b < i; ++b) each(b, b + 1, false, c);
    } else {
      each(start, i, true, c);
    }
  }
}

bool needs_quotes(std::string_view name) {
  bool needs = false;
  for_each_sequence(name, [&](std::int32_t, std::int32_t, bool valid, UChar32 c) {
    needs = needs || !valid || c < 0x20 || c == 0x7f || c == '"' || c == '\\';
  });
  return needs;
}

}  // namespace

std::string quoted_name(std::string_view name) {
  if (!needs_quotes(name)) return std::string(name);
  std::string out = "\"";
  for_each_sequence(name, [&](std::int32_t start, std::int32_t end, bool valid, UChar32 c) {
    const auto byte = static_cast<unsigned char>(name[static_cast<std::size_t>(start)]);
    if (valid && c >= 0x20 && c != 0x7f && c != '"' && c != '\\') {
      out.append(name.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
      return;
    }
    switch (valid ? c : -1) {
      case '\a':
        out += "\\a";
        return;
      case '\b':
        out += "\\b";
        return;
      case '\t':
        out += "\\t";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\v':
        out += "\\v";
        return;
      case '\f':
        out += "\\f";
        return;
      case '\r':
        out += "\\r";
        return;
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      default:
        break;
    }
    out += '\\';
    out += static_cast<char>('0' + ((byte >> 6) & 7));
    out += static_cast<char>('0' + ((byte >> 3) & 7));
    out += static_cast<char>('0' + (byte & 7));
  });
  out += '"';
  return out;
}

std::string utf8_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for_each_sequence(name, [&](std::int32_t start, std::int32_t end, bool valid, UChar32) {
    if (valid) {
      out.append(name.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
  });
  return out;
}

}  // namespace digestkit
