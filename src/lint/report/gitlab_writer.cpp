// GitLab Code Quality (artifacts:reports:codequality): one JSON array of
//   {"description": "...", "check_name": "DG203", "fingerprint": "<hex>",
//    "severity": "major", "location": {"path": "posts/a.txt", "lines": {"begin": 3}}}
// Paths are relative to the report root (the repository, as GitLab reads
// them); fingerprints are the baseline identity's, so that merge request
// widgets follow a finding across commits that only move it. Streamed.
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

// GitLab's scale: info, minor, major, critical, blocker.
std::string_view severity_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "major";
    case Severity::Warning:
      return "minor";
    case Severity::Info:
      return "info";
  }
  return "major";
}

class GitlabWriter final : public Writer {
 public:
  GitlabWriter(std::ostream& out, std::filesystem::path root)
      : out_(out), stream_(out), json_(stream_), root_(std::move(root)) {
    json_.SetIndent(' ', 2);
    json_.StartArray();
  }

  [[nodiscard]] bool wants_fingerprints() const override { return true; }

  void file(const FileFindings& findings) override {
    if (findings.diagnostics.empty()) return;
    const std::string path = path_relative_to(findings.path, root_);
    for (std::size_t i = 0; i < findings.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = findings.diagnostics[i];
      json_.StartObject();
      string("description", diagnostic.message);
      string("check_name", diagnostic.code);
      string("fingerprint", findings.fingerprints[i]);
      string("severity", severity_of(diagnostic.severity));
      json_.Key("location");
      json_.StartObject();
      string("path", path);
      json_.Key("lines");
      json_.StartObject();
      json_.Key("begin");
      json_.Uint64(diagnostic.location.line);
      json_.EndObject();
      json_.EndObject();
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
  std::filesystem::path root_;
};

}  // namespace

std::unique_ptr<Writer> make_gitlab_writer(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<GitlabWriter>(out, options.root);
}

}  // namespace digestkit::lint
