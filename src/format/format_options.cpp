// The [fmt] table of digest.toml (read and checked by the config module):
// each key turns one repair on or off.
#include "digestkit/format.hpp"

namespace digestkit {

FormatOptions format_options_for(const ConfigFile* config) {
  FormatOptions options;
  if (config == nullptr) return options;
  const FmtSettings& fmt = config->fmt;
  options.nfc = fmt.nfc.value_or(options.nfc);
  options.collapse_spaces = fmt.collapse_spaces.value_or(options.collapse_spaces);
  options.replace_tabs = fmt.replace_tabs.value_or(options.replace_tabs);
  options.replace_nbsp = fmt.replace_nbsp.value_or(options.replace_nbsp);
  options.remove_zero_width = fmt.remove_zero_width.value_or(options.remove_zero_width);
  return options;
}

}  // namespace digestkit
