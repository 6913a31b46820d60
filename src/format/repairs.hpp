// FormatOptions as the field repairs they ask for (text/field_repairer.hpp).
#pragma once

#include "digestkit/format.hpp"
#include "text/field_repairer.hpp"

namespace digestkit::format_detail {

using text_detail::FieldRepairer;

[[nodiscard]] inline text_detail::FieldRepairs field_repairs(const FormatOptions& options) {
  return {options.nfc, options.collapse_spaces, options.replace_tabs, options.replace_nbsp,
          options.remove_zero_width};
}

}  // namespace digestkit::format_detail
