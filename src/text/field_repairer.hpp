// The per-field repairs of the normaliser: one transformation shared by the
// printer, its safety check, and the diff, which compares fields in the
// form the normaliser would print them (a formatter changes layout, never
// content, so no repair may show up as a change).
#pragma once

#include <string>
#include <string_view>

#include <unicode/normalizer2.h>

namespace digestkit::text_detail {

// Which repairs run. The defaults are those of FormatOptions (digestkit/
// format.hpp), which maps onto this one for one field at a time.
struct FieldRepairs {
  bool nfc = true;                // ICU NFC
  bool collapse_spaces = false;   // runs of spaces -> one (opt-in)
  bool replace_tabs = true;       // tab -> space
  bool replace_nbsp = true;       // NBSP and the other Zs spaces -> space
  bool remove_zero_width = true;  // the invisible format characters removed
};

class FieldRepairer {
 public:
  explicit FieldRepairer(const FieldRepairs& repairs = {});

  // Appends the repaired `field` to `out`. ASCII fields without tabs, edge
  // blanks or double spaces are copied as they are; only fields with other
  // characters go through code-point mapping and ICU.
  void append(std::string& out, std::string_view field);

  // The repaired field in a buffer reused between calls (valid until the
  // next call).
  std::string_view repaired(std::string_view field);

  [[nodiscard]] const FieldRepairs& repairs() const { return repairs_; }

 private:
  std::string_view map_code_points(std::string_view field);
  std::string_view normalize(std::string_view text);
  // Trims `text` and, when it may hold runs of spaces, collapses them.
  void append_trimmed(std::string& out, std::string_view text, bool may_have_runs) const;

  FieldRepairs repairs_;
  const icu::Normalizer2* nfc_;
  std::string mapped_;
  std::string normalized_;
  std::string result_;
};

}  // namespace digestkit::text_detail
