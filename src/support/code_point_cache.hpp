// A yes/no property of code points, answered by ICU once per block of 64 and
// then read from a bitmap (used by the text module's title keys and by the
// linter's character checks).
#pragma once

#include <unicode/umachine.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace digestkit::support {

// A yes/no property of code points, asked of ICU once per block of 64 BMP
// code points and then read from a bitmap: almost every non-ASCII character
// of a digest is CJK or an accented letter, so a few blocks answer for a
// whole archive. `Ask` is a callable bool(UChar32).
template <class Ask>
class CodePointCache {
 public:
  explicit CodePointCache(Ask ask = {}) : ask_(std::move(ask)) {}

  [[nodiscard]] bool operator()(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return ask_(c);
    const auto block = static_cast<std::size_t>(c) >> 6;
    if (!known_[block]) fill(block);
    return ((bits_[block] >> (static_cast<unsigned>(c) & 63U)) & 1U) != 0;
  }

 private:
  void fill(std::size_t block) {
    std::uint64_t bits = 0;
    for (unsigned k = 0; k < 64; ++k) {
      if (ask_(static_cast<UChar32>((block << 6) | k))) bits |= std::uint64_t{1} << k;
    }
    bits_[block] = bits;
    known_[block] = true;
  }

  Ask ask_;
  std::array<std::uint64_t, 1024> bits_{};
  std::array<bool, 1024> known_{};
};

}  // namespace digestkit::support
