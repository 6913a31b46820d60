// Private to the library: asking a question of every code point of UTF-8
// text, decoded with ICU's U8_NEXT.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace digestkit::support {

// Whether pred(c) holds for every code point c of the text, stopping at the
// first that fails. An ill-formed sequence reaches pred as a negative c.
template <class Pred>
[[nodiscard]] bool every_code_point(std::string_view text, Pred&& pred) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (!pred(c)) return false;
  }
  return true;
}

}  // namespace digestkit::support
