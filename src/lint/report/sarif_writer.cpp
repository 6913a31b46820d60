// SARIF 2.1.0 that code scanning services accept as they are: one run whose
// tool.driver.rules is the whole catalogue (help text, helpUri into
// docs/rules.md), one result per finding with its region and a
// partialFingerprint that does not move with line numbers (the baseline's
// identity). Artifact URIs are relative to the report root, named by
// uriBaseId %SRCROOT% whose absolute file:// URI is in originalUriBaseIds;
// files outside the root get absolute file:// URIs. Inputs that could not be
// read make the invocation unsuccessful, each one a toolExecutionNotification.
// Columns count Unicode code points (run.columnKind). Results are streamed;
// the document is complete after finish().
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

// The base every relative artifact URI is resolved against.
constexpr std::string_view kRootId = "%SRCROOT%";

// A path as a URI path: bytes outside RFC 3986's unreserved characters and
// the sub-delimiters allowed in a path are percent-encoded, and so is ':'
// (an archive member "x.tgz:a.txt" must not read as a scheme "x.tgz").
std::string uri_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') ||
                       std::string_view("-._~/!$&'()*+,;=@").find(c) != std::string_view::npos;
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

std::string file_uri(const std::filesystem::path& absolute) {
  return "file://" + uri_path(absolute.lexically_normal().generic_string());
}

struct ArtifactUri {
  std::string uri;
  bool relative = false;  // to kRootId
};

ArtifactUri artifact_uri(const std::string& path, const std::filesystem::path& root) {
  if (path == "-") return {"-", true};  // standard input without --stdin-filename
  const std::string relative = path_relative_to(path, root);
  if (!relative.empty() && relative.front() != '/' && !relative.starts_with("../") && relative != "..") {
    return {uri_path(relative), true};
  }
  std::filesystem::path absolute(path);
  if (!absolute.is_absolute()) absolute = std::filesystem::current_path() / absolute;
  return {file_uri(absolute), false};
}

class SarifWriter final : public Writer {
 public:
  SarifWriter(std::ostream& out, const ReportOptions& options)
      : out_(out), stream_(out), json_(stream_), root_(options.root) {
    json_.SetIndent(' ', 2);
    json_.StartObject();
    string("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    string("version", "2.1.0");
    json_.Key("runs");
    json_.StartArray();
    json_.StartObject();
    write_tool(options);
    json_.Key("originalUriBaseIds");
    json_.StartObject();
    json_.Key(kRootId.data(), static_cast<rapidjson::SizeType>(kRootId.size()));
    json_.StartObject();
    std::string root_uri = file_uri(root_);
    if (!root_uri.ends_with('/')) root_uri += '/';
    string("uri", root_uri);
    json_.EndObject();
    json_.EndObject();
    string("columnKind", "unicodeCodePoints");
    json_.Key("results");
    json_.StartArray();
  }

  [[nodiscard]] bool wants_fingerprints() const override { return true; }

  void file(const FileFindings& findings) override {
    if (findings.diagnostics.empty()) return;
    const ArtifactUri uri = artifact_uri(findings.path, root_);
    for (std::size_t i = 0; i < findings.diagnostics.size(); ++i) {
      write_result(findings.diagnostics[i], findings.source, uri, findings.fingerprints[i]);
    }
  }

  void input_error(const std::string& name, const std::string& message) override {
    failures_.push_back({name, message});
  }

  void finish() override {
    json_.EndArray();  // results
    write_invocation();
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

  void write_tool(const ReportOptions& options) {
    json_.Key("tool");
    json_.StartObject();
    json_.Key("driver");
    json_.StartObject();
    string("name", "digest validate");
    string("version", options.tool_version);
    if (!options.information_uri.empty()) string("informationUri", options.information_uri);
    json_.Key("rules");
    json_.StartArray();
    for (const Rule& rule : rules()) {
      json_.StartObject();
      string("id", rule.code);
      string("name", rule.name);
      text_object("shortDescription", rule.summary);
      text_object("fullDescription", rule.what);
      if (!options.rules_uri.empty()) string("helpUri", options.rules_uri + "#" + rule_anchor(rule));
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
      json_.Bool(rule.fixable);
      json_.EndObject();
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();  // driver
    json_.EndObject();  // tool
  }

  // A location; related locations also carry an id (unique in their
  // result) and a message.
  void write_location(const ArtifactUri& uri, const Location& start, const std::optional<EndPosition>& end,
                      std::optional<std::uint64_t> id = std::nullopt, const std::string* message = nullptr) {
    json_.StartObject();
    if (id) {
      json_.Key("id");
      json_.Uint64(*id);
    }
    if (message != nullptr) text_object("message", *message);
    json_.Key("physicalLocation");
    json_.StartObject();
    json_.Key("artifactLocation");
    json_.StartObject();
    string("uri", uri.uri);
    if (uri.relative) string("uriBaseId", kRootId);
    json_.EndObject();
    json_.Key("region");
    json_.StartObject();
    json_.Key("startLine");
    json_.Uint64(start.line);
    json_.Key("startColumn");
    json_.Uint64(start.column);
    if (end) {
      json_.Key("endLine");
      json_.Uint64(end->line);
      json_.Key("endColumn");
      json_.Uint64(end->column);
    }
    json_.EndObject();  // region
    json_.EndObject();  // physicalLocation
    json_.EndObject();
  }

  void write_result(const Diagnostic& diagnostic, const SourceText* source, const ArtifactUri& uri,
                    const std::string& fingerprint) {
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
    write_location(uri, diagnostic.location, end_of(diagnostic, source));
    json_.EndArray();
    if (!diagnostic.related.empty()) {
      json_.Key("relatedLocations");
      json_.StartArray();
      std::uint64_t id = 0;
      for (const RelatedLocation& related : diagnostic.related) {
        write_location(artifact_uri(related.path, root_), related.location, std::nullopt, id++,
                       &related.message);
      }
      json_.EndArray();
    }
    json_.Key("partialFingerprints");
    json_.StartObject();
    string("digestkitFinding/v1", fingerprint);
    json_.EndObject();
    json_.EndObject();
  }

  void write_invocation() {
    json_.Key("invocations");
    json_.StartArray();
    json_.StartObject();
    json_.Key("executionSuccessful");
    json_.Bool(failures_.empty());
    if (!failures_.empty()) {
      json_.Key("toolExecutionNotifications");
      json_.StartArray();
      for (const auto& [name, message] : failures_) {
        json_.StartObject();
        string("level", "error");
        text_object("message", name + ": " + message);
        json_.Key("locations");
        json_.StartArray();
        json_.StartObject();
        json_.Key("physicalLocation");
        json_.StartObject();
        json_.Key("artifactLocation");
        json_.StartObject();
        const ArtifactUri uri = artifact_uri(name, root_);
        string("uri", uri.uri);
        if (uri.relative) string("uriBaseId", kRootId);
        json_.EndObject();
        json_.EndObject();
        json_.EndObject();
        json_.EndArray();
        json_.EndObject();
      }
      json_.EndArray();
    }
    json_.EndObject();
    json_.EndArray();
  }

  struct Failure {
    std::string name;
    std::string message;
  };

  std::ostream& out_;
  rapidjson::OStreamWrapper stream_;
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json_;
  std::filesystem::path root_;
  std::vector<Failure> failures_;  // inputs that could not be read or configured
};

}  // namespace

std::unique_ptr<Writer> make_sarif_writer(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<SarifWriter>(out, options);
}

}  // namespace digestkit::lint
