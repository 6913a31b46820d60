// GitHub Actions workflow commands:
//   ::error file=posts/a.txt,line=3,col=7,endLine=3,endColumn=9,title=DG203::message
// Values are escaped as the runner expects: % CR LF in the message; the
// same plus ':' and ',' in properties.
#include <fmt/format.h>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

class GithubWriter final : public Writer {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}

  void file(const FileFindings& findings) override {
    const SourceText* source = findings.source;
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      std::string properties = fmt::format("file={},line={},col={}", escape_property(diagnostic.path),
                                           diagnostic.location.line, diagnostic.location.column);
      if (const auto end = end_of(diagnostic, source)) {
        properties += fmt::format(",endLine={},endColumn={}", end->line, end->column);
      }
      properties += ",title=" + escape_property(diagnostic.code);
      out_ << "::" << command_of(diagnostic.severity) << ' ' << properties
           << "::" << escape_data(diagnostic.message) << '\n';
    }
  }
  void finish() override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> make_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

}  // namespace digestkit::lint
