// CSV export of whatever parses: every record has the header's number of
// fields (RFC 4180: fields with commas, quotes or line breaks are quoted,
// quotes doubled), records end in CRLF, and there is one record per entry.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"
#include "fuzz_util.hpp"

namespace {

using digestkit::fuzz::require;

// Fields per record of RFC 4180 text, checking the quoting as it goes.
std::vector<std::size_t> fields_per_record(std::string_view csv) {
  std::vector<std::size_t> records;
  std::size_t fields = 1;
  bool quoted = false;
  bool field_start = true;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          ++i;
        } else {
          quoted = false;
          require(i + 1 == csv.size() || csv[i + 1] == ',' || csv[i + 1] == '\r',
                  "text after a closing quote");
        }
      }
      continue;
    }
    if (c == '"') {
      require(field_start, "quote inside an unquoted field");
      quoted = true;
    } else if (c == ',') {
      ++fields;
      field_start = true;
      continue;
    } else if (c == '\r') {
      require(i + 1 < csv.size() && csv[i + 1] == '\n', "CR without LF outside quotes");
      records.push_back(fields);
      fields = 1;
      ++i;
      field_start = true;
      continue;
    } else {
      require(c != '\n', "bare LF outside quotes");
    }
    field_start = false;
  }
  require(!quoted, "unterminated quoted field");
  require(fields == 1 && field_start, "last record without CRLF");
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto file = digestkit::parse_bytes(bytes, "fuzz,\"name\".txt");
  if (!file.ok()) return 0;
  std::string csv(digestkit::csv_header());
  std::size_t entries = 0;
  for (const auto& document : file.documents) {
    digestkit::append_csv_rows(document, file.path, csv);
    entries += document.entries.size();
  }
  const auto records = fields_per_record(csv);
  require(!records.empty(), "no header");
  for (const std::size_t fields : records)
    require(fields == records.front(), "record with a different field count");
  require(records.size() - 1 >= entries, "fewer records than entries");
  return 0;
}
