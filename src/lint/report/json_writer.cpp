// JSON: one array of findings, streamed as files come in.
//   {"code": "DG203", "severity": "warning", "file": "a.txt", "line": 1,
//    "column": 1, "end": {"line": 1, "column": 4}, "byte_offset": 0,
//    "message": "..."}
// "end" is present when the finding covers a range of text; byte_offset is
// the offset in the input file as read (after transcoding for legacy files).
// "related" (the other places a finding is about: DG401, DG402) is present
// when there are any: [{"file": ..., "line": 1, "column": 1, "message": ...}].
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "digestkit/shown_name.hpp"
#include "writer.hpp"

namespace digestkit::lint {
namespace {

class JsonWriter final : public Writer {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out), stream_(out), json_(stream_) {
    json_.SetIndent(' ', 2);
    json_.StartArray();
  }

  void file(const FileFindings& findings) override {
    const SourceText* source = findings.source;
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      json_.StartObject();
      string("code", diagnostic.code);
      string("severity", to_string(diagnostic.severity));
      string("file", utf8_name(diagnostic.path));
      json_.Key("line");
      json_.Uint64(diagnostic.location.line);
      json_.Key("column");
      json_.Uint64(diagnostic.location.column);
      if (const auto end = end_of(diagnostic, source)) {
        json_.Key("end");
        json_.StartObject();
        json_.Key("line");
        json_.Uint64(end->line);
        json_.Key("column");
        json_.Uint64(end->column);
        json_.EndObject();
      }
      json_.Key("byte_offset");
      json_.Uint64(diagnostic.input_offset);
      string("message", diagnostic.message);
      if (!diagnostic.related.empty()) {
        json_.Key("related");
        json_.StartArray();
        for (const RelatedLocation& related : diagnostic.related) {
          json_.StartObject();
          string("file", utf8_name(related.path));
          json_.Key("line");
          json_.Uint64(related.location.line);
          json_.Key("column");
          json_.Uint64(related.location.column);
          string("message", related.message);
          json_.EndObject();
        }
        json_.EndArray();
      }
      json_.EndObject();
    }
  }

  void finish() override {
    json_.EndArray();
    out_ << '\n';
  }

 private:
  void string(const char* key, std::string_view value) {
    json_.Key(key);
    json_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }

  std::ostream& out_;
  rapidjson::OStreamWrapper stream_;
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json_;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out) { return std::make_unique<JsonWriter>(out); }

}  // namespace digestkit::lint
