// JUnit XML, as Jenkins (junit step) and GitLab (artifacts:reports:junit)
// read it: one testsuite "digest validate", one testcase per file (passing
// when it has no findings), one <failure> per finding, and an <error> case
// for each input that could not be read. The totals on <testsuite> are known
// only at the end, so the run's cases are kept until finish().
#include <fmt/format.h>

#include "writer.hpp"
#include "xml_document.hpp"

namespace digestkit::lint {
namespace {

struct Failure {
  std::string type;     // the rule code
  std::string message;  // "line:col: message"
  std::string detail;   // the clang-style line, without the source echo
};

struct Case {
  std::string path;
  std::vector<Failure> failures;
  std::string error;  // why the input could not be read
};

class JunitWriter final : public Writer {
 public:
  explicit JunitWriter(std::ostream& out) : out_(out) {}

  void file(const FileFindings& findings) override {
    Case& testcase = cases_.emplace_back();
    testcase.path = findings.path;
    RenderOptions plain;
    plain.show_source = false;
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      testcase.failures.push_back(
          {diagnostic.code,
           fmt::format("{}:{}: {}", diagnostic.location.line, diagnostic.location.column, diagnostic.message),
           render_text(diagnostic, findings.source, plain)});
    }
    failures_ += testcase.failures.size();
  }

  void input_error(const std::string& name, const std::string& message) override {
    cases_.push_back({name, {}, message});
    ++errors_;
  }

  void finish() override {
    XmlDocument xml(out_);
    xml.start("testsuites");
    totals(xml);
    xml.start("testsuite");
    xml.attribute("name", "digest validate");
    totals(xml);
    for (const Case& testcase : cases_) {
      xml.start("testcase");
      xml.attribute("classname", "digest validate");
      xml.attribute("name", testcase.path);
      xml.attribute("file", testcase.path);
      for (const Failure& failure : testcase.failures) {
        xml.start("failure");
        xml.attribute("type", failure.type);
        xml.attribute("message", failure.message);
        xml.text(failure.detail);
        xml.end();
      }
      if (!testcase.error.empty()) {
        xml.start("error");
        xml.attribute("message", testcase.error);
        xml.end();
      }
      xml.end();
    }
    xml.finish();
  }

 private:
  void totals(XmlDocument& xml) const {
    xml.attribute("tests", std::to_string(cases_.size()));
    xml.attribute("failures", std::to_string(failures_));
    xml.attribute("errors", std::to_string(errors_));
  }

  std::ostream& out_;
  std::vector<Case> cases_;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out) { return std::make_unique<JunitWriter>(out); }

}  // namespace digestkit::lint
