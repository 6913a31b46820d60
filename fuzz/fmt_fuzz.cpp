// decode + parse + format on arbitrary bytes, under every combination of
// the optional repairs (chosen by the input's first byte): when the input
// parses and is not refused, the output must parse, pass the safety check
// (check_equivalent with the input's documents) and format to itself again.
// A refusal (unformattable_fields) is an accepted outcome; an Unsafe result
// is a bug in the normaliser.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"

namespace {

digestkit::FormatOptions options_from(std::uint8_t bits) {
  digestkit::FormatOptions options;
  options.nfc = (bits & 1) == 0;
  options.collapse_spaces = (bits & 2) == 0;
  options.replace_tabs = (bits & 4) == 0;
  options.replace_nbsp = (bits & 8) == 0;
  options.remove_zero_width = (bits & 16) == 0;
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const digestkit::FormatOptions options = options_from(data[0]);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  const digestkit::ParsedFile parsed = digestkit::parse_bytes(bytes, "fuzz.txt");
  const digestkit::FormattedFile result = digestkit::format_file(parsed, bytes, options);
  if (!parsed.ok()) {
    if (result.status != digestkit::FormatStatus::Unparsable || result.diagnostics.empty()) std::abort();
    return 0;
  }
  if (result.status == digestkit::FormatStatus::Refused) {
    if (result.diagnostics.empty() || !result.text.empty()) std::abort();
    return 0;
  }
  if (result.status != digestkit::FormatStatus::Formatted) {  // the safety check failed
    std::fprintf(stderr, "%s\n", result.problem.c_str());
    std::abort();
  }

  // The same checks by hand, independent of format_file's shortcut for
  // unchanged output.
  const digestkit::ParsedFile reparsed = digestkit::parse_bytes(result.text, "formatted.txt");
  if (!reparsed.ok()) std::abort();
  if (digestkit::check_equivalent(parsed.documents, reparsed.documents, options)) std::abort();
  if (digestkit::format_documents(reparsed.documents, options) != result.text) std::abort();
  if (result.changed != (result.text != bytes)) std::abort();
  return 0;
}
