// SARIF 2.1.0 for GitHub code scanning: one run whose tool.driver.rules is
// the whole catalogue (with help text), and one result per finding with its
// region. Columns count Unicode code points (run.columnKind). Results are
// streamed; the document is complete after finish().
#include <fmt/format.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

std::string_view level_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

// A relative URI reference for a path as the user named it: bytes outside
// RFC 3986's unreserved and path characters are percent-encoded, and a
// first segment with ':' (an archive member "x.tgz:a.txt") is preceded by
// "./" so that it is not read as a scheme.
std::string uri_of(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') ||
                       std::string_view("-._~/!$&'()*+,;=:@").find(c) != std::string_view::npos;
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  const std::size_t colon = out.find(':');
  if (colon != std::string::npos && out.find('/') > colon) out = "./" + out;
  return out;
}

class SarifWriter final : public Writer {
 public:
  SarifWriter(std::ostream& out, const std::string& tool_version) : out_(out), stream_(out), json_(stream_) {
    json_.SetIndent(' ', 2);
    json_.StartObject();
    string("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    string("version", "2.1.0");
    json_.Key("runs");
    json_.StartArray();
    json_.StartObject();
    write_tool(tool_version);
    string("columnKind", "unicodeCodePoints");
    json_.Key("results");
    json_.StartArray();
  }

  void file(const std::string&, const SourceText* source,
            const std::vector<Diagnostic>& diagnostics) override {
    for (const Diagnostic& diagnostic : diagnostics) write_result(diagnostic, source);
  }

  void finish() override {
    json_.EndArray();   // results
    json_.EndObject();  // run
    json_.EndArray();   // runs
    json_.EndObject();
    out_ << '\n';
  }

 private:
  void string(const char* key, std::string_view value) {
    json_.Key(key);
    json_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void text_object(const char* key, std::string_view text) {
    json_.Key(key);
    json_.StartObject();
    string("text", text);
    json_.EndObject();
  }

  void write_tool(const std::string& tool_version) {
    json_.Key("tool");
    json_.StartObject();
    json_.Key("driver");
    json_.StartObject();
    string("name", "digest validate");
    string("version", tool_version);
    json_.Key("rules");
    json_.StartArray();
    for (const Rule& rule : rules()) {
      json_.StartObject();
      string("id", rule.code);
      string("name", rule.name);
      text_object("shortDescription", rule.summary);
      text_object("fullDescription", rule.what);
      json_.Key("help");
      json_.StartObject();
      string("text", rule_body_text(rule));
      string("markdown", rule_body_markdown(rule));
      json_.EndObject();
      json_.Key("defaultConfiguration");
      json_.StartObject();
      string("level", level_of(rule.severity));
      json_.EndObject();
      json_.Key("properties");
      json_.StartObject();
      json_.Key("fixedByFmt");
      json_.Bool(rule.fixed_by_fmt);
      json_.EndObject();
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();  // driver
    json_.EndObject();  // tool
  }

  void write_result(const Diagnostic& diagnostic, const SourceText* source) {
    json_.StartObject();
    string("ruleId", diagnostic.code);
    if (const Rule* rule = find_rule(diagnostic.code)) {
      json_.Key("ruleIndex");
      json_.Uint64(rule_index(*rule));
    }
    string("level", level_of(diagnostic.severity));
    text_object("message", diagnostic.message);
    json_.Key("locations");
    json_.StartArray();
    json_.StartObject();
    json_.Key("physicalLocation");
    json_.StartObject();
    json_.Key("artifactLocation");
    json_.StartObject();
    string("uri", uri_of(diagnostic.path));
    json_.EndObject();
    json_.Key("region");
    json_.StartObject();
    json_.Key("startLine");
    json_.Uint64(diagnostic.location.line);
    json_.Key("startColumn");
    json_.Uint64(diagnostic.location.column);
    if (const auto end = end_of(diagnostic, source)) {
      json_.Key("endLine");
      json_.Uint64(end->line);
      json_.Key("endColumn");
      json_.Uint64(end->column);
    }
    json_.EndObject();  // region
    json_.EndObject();  // physicalLocation
    json_.EndObject();
    json_.EndArray();
    json_.EndObject();
  }

  std::ostream& out_;
  rapidjson::OStreamWrapper stream_;
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json_;
};

}  // namespace

std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const std::string& tool_version) {
  return std::make_unique<SarifWriter>(out, tool_version);
}

}  // namespace digestkit::lint
