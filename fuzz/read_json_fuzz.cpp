// read_json (convert --from json) on arbitrary bytes: never crashes, every
// error is located inside the input, and what it accepts is a fixed point:
// written back as JSON Lines and read again it formats the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/format.hpp"
#include "digestkit/json.hpp"
#include "fuzz_util.hpp"

using digestkit::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const digestkit::ParsedFile file = digestkit::read_json(bytes, "fuzz.json");
  for (const auto& d : digestkit::errors_of(file)) {
    require(!d.message.empty(), "error without a message");
    (void)digestkit::render_text(d, file.source.get());
  }
  if (!file.ok()) return 0;
  if (file.documents.empty()) {
    // No digest: JSON Lines would be no line at all, which is no JSON; the
    // array form is "[]".
    require(digestkit::read_json(digestkit::to_json(file), "again.json").ok(), "read_json rejects \"[]\"");
    return 0;
  }
  const std::string text = digestkit::format_documents(file.documents);
  const digestkit::ParsedFile again = digestkit::read_json(digestkit::to_json_lines(file), "again.jsonl");
  require(again.ok(), "read_json rejects to_json_lines of what it read");
  require(digestkit::format_documents(again.documents) == text, "JSON read back formats differently");
  return 0;
}
