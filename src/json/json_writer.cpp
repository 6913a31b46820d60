// JsonWriter and the small facts every writer needs (source, line endings,
// marker spellings).

// Writing is the hot path of `digest convert`. rapidjson 1.1.0's own SSE2
// scan (RAPIDJSON_SSE2) copies runs that need no escaping 16 bytes at a time
// but tests `byte <= 0x19`, so U+001A..U+001F inside a string of 16 bytes or
// more went out unescaped (invalid JSON, RFC 8259 section 7). rapidjson is
// therefore built here without RAPIDJSON_SSE2, and this file gives its
// Writer<StringBuffer> a correct scan of its own (json_writer_scan.hpp): it
// only decides how far bytes may be copied as they are; every escape is still
// rapidjson's. This file's rapidjson lives in a namespace of its own so that
// the specialised Writer never meets the plain one of other files (one
// definition rule).
#define RAPIDJSON_NAMESPACE digestkit_simd_rapidjson
#define RAPIDJSON_NAMESPACE_BEGIN namespace digestkit_simd_rapidjson {
#define RAPIDJSON_NAMESPACE_END }

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "digestkit/json.hpp"
#include "json_writer_scan.hpp"
#include "write_document.hpp"

namespace digestkit {

std::string_view line_endings_name(const LineEndings& endings) {
  if (endings.mixed()) return "mixed";
  if (endings.crlf != 0) return "crlf";
  if (endings.cr != 0) return "cr";
  if (endings.lf != 0) return "lf";
  return "none";
}

std::string_view marker_text(Marker marker) {
  switch (marker) {
    case Marker::Short:
      return "论文截图";
    case Marker::Long:
      return "点此查看论文截图";
    case Marker::Missing:
      break;
  }
  return {};
}

JsonSource json_source_of(const SourceText& source) {
  return JsonSource{source.path(), source.encoding, source.had_bom, line_endings_name(source.line_endings)};
}

struct JsonWriter::Buffers {
  RAPIDJSON_NAMESPACE::StringBuffer buffer;
  RAPIDJSON_NAMESPACE::Writer<RAPIDJSON_NAMESPACE::StringBuffer> compact{buffer};
  RAPIDJSON_NAMESPACE::PrettyWriter<RAPIDJSON_NAMESPACE::StringBuffer> pretty{buffer};
  Buffers() { pretty.SetIndent(' ', 2); }
};

JsonWriter::JsonWriter() : buffers_(std::make_unique<Buffers>()) {}
JsonWriter::~JsonWriter() = default;

namespace {

// Once a digest's JSON holds this much, it goes on to the output between
// entries.
constexpr std::size_t kHandOnBytes = std::size_t{1} << 20;

// Passes JSON text on with every line shifted right by `indent` spaces; the
// text may arrive in pieces that split lines. Raw line breaks occur only
// between tokens (the writer escapes them in strings), so shifting every
// line is safe.
class IndentedOut {
 public:
  IndentedOut(const JsonWriter::Out& out, std::size_t indent) : out_(out), spaces_(indent, ' ') {}
  void operator()(std::string_view json) {
    if (spaces_.empty()) {
      out_(json);
      return;
    }
    std::size_t start = 0;
    while (start < json.size()) {
      if (at_line_start_) out_(spaces_);
      const std::size_t nl = json.find('\n', start);
      const std::size_t end = nl == std::string_view::npos ? json.size() : nl + 1;
      out_(json.substr(start, end - start));
      at_line_start_ = nl != std::string_view::npos;
      start = end;
    }
  }

 private:
  const JsonWriter::Out& out_;
  std::string spaces_;
  bool at_line_start_ = true;
};

}  // namespace

void JsonWriter::write_line(const Document& document, const JsonSource& source, const Out& out) {
  auto& b = *buffers_;
  b.buffer.Clear();
  b.compact.Reset(b.buffer);
  const auto hand_on = [&] {
    if (b.buffer.GetSize() < kHandOnBytes) return;
    out(std::string_view(b.buffer.GetString(), b.buffer.GetSize()));
    b.buffer.Clear();
  };
  json_detail::write_document(b.compact, document, source, hand_on);
  b.buffer.Put('\n');
  out(std::string_view(b.buffer.GetString(), b.buffer.GetSize()));
  b.buffer.Clear();
}

void JsonWriter::write_pretty(const Document& document, const JsonSource& source, const Out& out,
                              std::size_t indent) {
  auto& b = *buffers_;
  b.buffer.Clear();
  b.pretty.Reset(b.buffer);
  IndentedOut indented(out, indent);
  const auto hand_on = [&] {
    if (b.buffer.GetSize() < kHandOnBytes) return;
    indented(std::string_view(b.buffer.GetString(), b.buffer.GetSize()));
    b.buffer.Clear();
  };
  json_detail::write_document(b.pretty, document, source, hand_on);
  indented(std::string_view(b.buffer.GetString(), b.buffer.GetSize()));
  b.buffer.Clear();
}

void JsonWriter::append_line(const Document& document, const JsonSource& source, std::string& out) {
  write_line(document, source, [&out](std::string_view piece) { out.append(piece); });
}

void JsonWriter::append_pretty(const Document& document, const JsonSource& source, std::string& out,
                               std::size_t indent) {
  write_pretty(
      document, source, [&out](std::string_view piece) { out.append(piece); }, indent);
}

JsonSource json_source_of(const ParsedFile& file) {
  if (file.source) return json_source_of(*file.source);
  JsonSource source;
  source.path = file.path;
  return source;
}

std::string to_json(const ParsedFile& file) {
  JsonWriter writer;
  const JsonSource source = json_source_of(file);
  std::string out = "[";
  for (const Document& document : file.documents) {
    out += &document == &file.documents.front() ? "\n" : ",\n";
    writer.append_pretty(document, source, out, 2);
  }
  out += file.documents.empty() ? "]\n" : "\n]\n";
  return out;
}

std::string to_json_lines(const ParsedFile& file) {
  JsonWriter writer;
  const JsonSource source = json_source_of(file);
  std::string out;
  for (const Document& document : file.documents) writer.append_line(document, source, out);
  return out;
}

}  // namespace digestkit
