// digestkit/1: the JSON form of a digest (schema/digestkit-1.schema.json,
// docs/json.md), written and read with rapidjson, and the CSV form of its
// entries.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "digestkit/document.hpp"
#include "digestkit/extraction.hpp"
#include "digestkit/parse.hpp"
#include "digestkit/source.hpp"

namespace digestkit {

inline constexpr std::string_view json_format_version = "digestkit/1";

// The "source" object of an exported digest: where its text came from.
struct JsonSource {
  std::string_view path;
  std::string_view encoding = "UTF-8";
  bool bom = false;
  std::string_view line_endings = "none";
  // Written as the "extracted" object after "source" when set (digest extract).
  const ExtractionFacts* extracted = nullptr;
};

[[nodiscard]] JsonSource json_source_of(const SourceText& source);
// The file's source, or for documents read from JSON its path and defaults.
[[nodiscard]] JsonSource json_source_of(const ParsedFile& file);
// "lf", "crlf", "cr", "mixed", or "none" for a text without a line break.
[[nodiscard]] std::string_view line_endings_name(const LineEndings& endings);
// The marker line as written: "论文截图", "点此查看论文截图", or "" when missing.
[[nodiscard]] std::string_view marker_text(Marker marker);

// Serialises digests. A writer keeps its rapidjson buffer and writers between
// calls, so one per thread serves every input without reallocating.
class JsonWriter {
 public:
  JsonWriter();
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Where the streaming forms put their text, in pieces.
  using Out = std::function<void(std::string_view)>;

  // One compact object and '\n': a JSON Lines record.
  void append_line(const Document& document, const JsonSource& source, std::string& out);
  // The same handed to `out` in pieces of about a MiB (between entries):
  // a digest's JSON is never held whole.
  void write_line(const Document& document, const JsonSource& source, const Out& out);
  // One object pretty-printed with two-space indentation, every line shifted
  // right by `indent` spaces (to sit inside an array); no final newline.
  void append_pretty(const Document& document, const JsonSource& source, std::string& out,
                     std::size_t indent = 0);
  void write_pretty(const Document& document, const JsonSource& source, const Out& out,
                    std::size_t indent = 0);

 private:
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

// Every digest of a parsed file as a pretty-printed JSON array ("[]" when
// there is none) followed by '\n'.
[[nodiscard]] std::string to_json(const ParsedFile& file);
// Every digest of a parsed file as JSON Lines.
[[nodiscard]] std::string to_json_lines(const ParsedFile& file);

// CSV (RFC 4180: CRLF record ends, fields quoted when they hold a comma, a
// quote, CR or LF, quotes doubled): one row per entry under the header
// path,digest,category,date,index,title,authors,abstract,comments,marker.
[[nodiscard]] std::string_view csv_header();  // ends with CRLF
void append_csv_rows(const Document& document, std::string_view path, std::string& out);
// The row of one entry; `date` is the document's date->iso() ("" without one).
void append_csv_row(const Document& document, std::size_t entry_index, std::string_view date,
                    std::string_view path, std::string& out);
// One field, quoted when needed.
void append_csv_field(std::string_view value, std::string& out);

// Reads digestkit/1 JSON: one object, an array of objects, or a sequence of
// objects (JSON Lines). The documents' text lives in the result's
// StringStore. On failure `errors` holds the first problem, located in the
// JSON text, which `source` then holds so that errors_of()/render_text() can
// show it; on success `source` is null.
[[nodiscard]] ParsedFile read_json(std::string_view bytes, std::string path);

}  // namespace digestkit
