// Helpers shared by the format tests: parse bytes, format them, and report
// parse errors readably when a fixture unexpectedly does not parse.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "digestkit/diagnostic.hpp"
#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"
#include "support/support.hpp"

namespace digestkit::format_testing {

inline std::string errors_text(const ParsedFile& parsed) {
  std::string text;
  for (const Diagnostic& d : errors_of(parsed)) text += render_text(d, parsed.source.get(), {false, true});
  return text;
}

// Formats `bytes` through format_file (with the safety check); fails the
// test when the input does not parse or the result is not Formatted.
inline std::string formatted(const std::string& bytes, const std::string& name,
                             const FormatOptions& options = {}) {
  const ParsedFile parsed = parse_bytes(bytes, name);
  EXPECT_TRUE(parsed.ok()) << errors_text(parsed);
  const FormattedFile result = format_file(parsed, bytes, options);
  EXPECT_EQ(result.status, FormatStatus::Formatted) << name << ": " << result.problem;
  return result.text;
}

inline std::string fixture(const std::string& name) {
  return testing::read_file(testing::testdata("format/" + name));
}

}  // namespace digestkit::format_testing
