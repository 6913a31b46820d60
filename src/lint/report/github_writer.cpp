// GitHub Actions workflow commands:
//   ::error file=posts/a.txt,line=3,col=7,endLine=3,endColumn=9,title=DG203::message
// Values are escaped as the runner expects: % CR LF in the message; the
// same plus ':' and ',' in properties.
//
// GitHub shows at most 10 annotations of each type (error, warning, notice)
// per step and drops the rest without a word. So the first 10 of each type
// are kept, printed at the end by severity (errors first), and when any were
// left out a last ::notice:: says how many and how to see them (the notices
// shown make room for it). Memory stays flat: 30 lines at most are kept.
#include <fmt/format.h>

#include <array>

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

// GitHub's limit per annotation type and step.
constexpr std::size_t kShownPerType = 10;

class GithubWriter final : public Writer {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}

  void file(const FileFindings& findings) override {
    const SourceText* source = findings.source;
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      Kept& kept = of(diagnostic.severity);
      if (kept.lines.size() == kShownPerType) {
        ++kept.left_out;
        continue;
      }
      std::string properties = fmt::format("file={},line={},col={}", escape_property(diagnostic.path),
                                           diagnostic.location.line, diagnostic.location.column);
      if (const auto end = end_of(diagnostic, source)) {
        properties += fmt::format(",endLine={},endColumn={}", end->line, end->column);
      }
      properties += ",title=" + escape_property(diagnostic.code);
      kept.lines.push_back(fmt::format("::{} {}::{}\n", command_of(diagnostic.severity), properties,
                                       escape_data(diagnostic.message)));
    }
  }

  void finish() override {
    Kept& notices = of(Severity::Info);
    std::size_t left_out = 0;
    for (const Kept& kept : kept_) left_out += kept.left_out;
    if (left_out > 0 && notices.lines.size() == kShownPerType) {
      // The closing notice is a notice too: the tenth finding makes way.
      notices.lines.pop_back();
      ++notices.left_out;
      ++left_out;
    }
    for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
      for (const std::string& line : of(severity).lines) out_ << line;
    }
    if (left_out > 0) {
      const auto count = [&](Severity severity, std::string_view word) {
        const std::size_t n = of(severity).left_out;
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
      };
      out_ << fmt::format(
          "::notice title=digest validate::{} more finding{} not shown as annotations (GitHub shows {} of "
          "each type per step): {}, {}, {}. See them all with digest validate --format text on the same "
          "inputs, or in the job summary.\n",
          left_out, left_out == 1 ? "" : "s", kShownPerType, count(Severity::Error, "error"),
          count(Severity::Warning, "warning"), count(Severity::Info, "notice"));
    }
  }

 private:
  struct Kept {
    std::vector<std::string> lines;  // workflow commands, in input order
    std::size_t left_out = 0;
  };

  Kept& of(Severity severity) { return kept_[static_cast<std::size_t>(severity)]; }

  std::ostream& out_;
  std::array<Kept, 3> kept_;  // indexed by Severity
};

}  // namespace

std::unique_ptr<Writer> make_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

}  // namespace digestkit::lint
