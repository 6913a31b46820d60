// FormatOptions as the field repairs they ask for (text/field_repairer.hpp).
#pragma once

#include <memory>
#include <string>

#include "digestkit/format.hpp"
#include "text/field_repairer.hpp"

namespace digestkit::format_detail {

using text_detail::FieldRepairer;

[[nodiscard]] inline text_detail::FieldRepairs field_repairs(const FormatOptions& options) {
  return {options.nfc, options.collapse_spaces, options.replace_tabs, options.replace_nbsp,
          options.remove_zero_width};
}

// Prints one digest after another with the same repairer (format_document
// sets one up per call), for the writers that go a digest at a time.
class DocumentPrinter {
 public:
  explicit DocumentPrinter(const FormatOptions& options);
  ~DocumentPrinter();
  DocumentPrinter(const DocumentPrinter&) = delete;
  DocumentPrinter& operator=(const DocumentPrinter&) = delete;
  // Appends `document` in canonical form (no final newline), as format_document.
  void append(std::string& out, const Document& document);

 private:
  std::unique_ptr<FieldRepairer> repairer_;
};

}  // namespace digestkit::format_detail
