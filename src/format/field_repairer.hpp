// The per-field repairs shared by the printer and the safety check, so that
// both apply exactly the same transformation.
#pragma once

#include <string>
#include <string_view>

#include <unicode/normalizer2.h>

#include "digestkit/format.hpp"

namespace digestkit::format_detail {

class FieldRepairer {
 public:
  explicit FieldRepairer(const FormatOptions& options);

  // Appends the repaired `field` to `out`. ASCII fields without tabs, edge
  // blanks or double spaces are copied as they are; only fields with other
  // characters go through code-point mapping and ICU.
  void append(std::string& out, std::string_view field);

  // The repaired field in a buffer reused between calls (valid until the
  // next call).
  std::string_view repaired(std::string_view field);

  [[nodiscard]] const FormatOptions& options() const { return options_; }

 private:
  std::string_view map_code_points(std::string_view field);
  std::string_view normalize(std::string_view text);
  // Trims `text` and, when it may hold runs of spaces, collapses them.
  void append_trimmed(std::string& out, std::string_view text, bool may_have_runs) const;

  FormatOptions options_;
  const icu::Normalizer2* nfc_;
  std::string mapped_;
  std::string normalized_;
  std::string result_;
};

// A zero-width character that the normaliser removes from text.
[[nodiscard]] bool is_zero_width(int code_point);

}  // namespace digestkit::format_detail
