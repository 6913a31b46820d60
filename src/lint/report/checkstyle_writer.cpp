// Checkstyle XML (read by Jenkins' warnings-ng, reviewdog, many IDEs):
//   <checkstyle version="4.3"><file name="posts/a.txt">
//     <error line="3" column="7" severity="warning" message="..." source="digestkit.DG204"/>
//   </file></checkstyle>
// Streamed: each file's element goes out when the file is done.
#include "writer.hpp"
#include "xml_document.hpp"

namespace digestkit::lint {
namespace {

class CheckstyleWriter final : public Writer {
 public:
  explicit CheckstyleWriter(std::ostream& out) : xml_(out) {
    xml_.start("checkstyle");
    xml_.attribute("version", "4.3");
  }

  void file(const FileFindings& findings) override {
    if (findings.diagnostics.empty()) return;
    xml_.start("file");
    xml_.attribute("name", findings.path);
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      xml_.start("error");
      xml_.attribute("line", std::to_string(diagnostic.location.line));
      xml_.attribute("column", std::to_string(diagnostic.location.column));
      xml_.attribute("severity", to_string(diagnostic.severity));
      xml_.attribute("message", diagnostic.message);
      xml_.attribute("source", "digestkit." + diagnostic.code);
      xml_.end();
    }
    xml_.end();
    xml_.flush();
  }

  void input_error(const std::string& name, const std::string& message) override {
    xml_.start("file");
    xml_.attribute("name", name);
    xml_.start("error");
    xml_.attribute("severity", "error");
    xml_.attribute("message", message);
    xml_.attribute("source", "digestkit.input");
    xml_.end();
    xml_.end();
    xml_.flush();
  }

  void finish() override { xml_.finish(); }

 private:
  XmlDocument xml_;
};

}  // namespace

std::unique_ptr<Writer> make_checkstyle_writer(std::ostream& out) {
  return std::make_unique<CheckstyleWriter>(out);
}

}  // namespace digestkit::lint
