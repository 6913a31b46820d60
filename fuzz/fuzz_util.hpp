// Helpers shared by the harnesses: splitting the fuzzer's bytes into parts,
// and failing loudly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace digestkit::fuzz {

// A failed assertion: the message, then abort() (libFuzzer saves the input).
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz assertion failed: %s\n", what);
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (!condition) fail(what);
}

// Two inputs from one: the first byte pair gives the length of the first
// part (little-endian, modulo what is there), the rest is the second.
inline std::pair<std::string_view, std::string_view> split_in_two(const std::uint8_t* data,
                                                                  std::size_t size) {
  if (size < 2) return {{}, {}};
  const std::size_t rest = size - 2;
  const std::size_t first =
      rest == 0 ? 0
                : (static_cast<std::size_t>(data[0]) | (static_cast<std::size_t>(data[1]) << 8)) % (rest + 1);
  const char* bytes = reinterpret_cast<const char*>(data + 2);
  return {std::string_view(bytes, first), std::string_view(bytes + first, rest - first)};
}

}  // namespace digestkit::fuzz
