// text -> JSON -> text on arbitrary bytes: for every input that parses (that
// validate accepts as a digest), the JSON array and the JSON Lines read back
// with read_json format exactly as the input does, and every line of JSON
// is valid (no raw control characters: RFC 8259 section 7).
#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/format.hpp"
#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"
#include "fuzz_util.hpp"

using digestkit::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const digestkit::ParsedFile parsed = digestkit::parse_bytes(bytes, "fuzz.txt");
  if (!parsed.ok()) return 0;
  const std::string formatted = digestkit::format_documents(parsed.documents);
  const std::string lines = digestkit::to_json_lines(parsed);
  for (const char c : lines)
    require(static_cast<unsigned char>(c) >= 0x20 || c == '\n', "raw control character in JSON Lines");
  const digestkit::ParsedFile from_lines = digestkit::read_json(lines, "x.jsonl");
  require(from_lines.ok(), "read_json rejects to_json_lines output");
  require(digestkit::format_documents(from_lines.documents) == formatted,
          "JSON Lines round trip changed the text");
  const digestkit::ParsedFile from_array = digestkit::read_json(digestkit::to_json(parsed), "x.json");
  require(from_array.ok(), "read_json rejects to_json output");
  require(digestkit::format_documents(from_array.documents) == formatted, "JSON round trip changed the text");
  return 0;
}
