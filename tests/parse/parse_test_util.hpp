#pragma once

#include <string>

#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit::testing {

inline ParsedFile parse_fixture(const std::string& relative, bool recover = false) {
  const auto path = testdata(relative);
  return parse_bytes(read_file(path), relative, {}, ParseOptions{recover});
}

inline ParsedFile parse_string(const std::string& text, bool recover = false) {
  return parse_bytes(text, "input.txt", {}, ParseOptions{recover});
}

// A string from a literal that may contain NUL bytes.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

}  // namespace digestkit::testing
