// Text: clang-style diagnostics with the source line and a caret
// (render_text from diagnostic.hpp, which also escapes bidi controls and
// other invisible characters in the echoed line), coloured on a terminal.

#include "writer.hpp"

namespace digestkit::lint {
namespace {

class TextWriter final : public Writer {
 public:
  TextWriter(std::ostream& out, bool color) : out_(out) { options_.color = color; }

  void file(const FileFindings& findings) override {
    const SourceText* source = findings.source;
    for (const Diagnostic& diagnostic : findings.diagnostics)
      out_ << render_text(diagnostic, source, options_);
  }
  void finish() override {}

 private:
  std::ostream& out_;
  RenderOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_text_writer(std::ostream& out, bool color) {
  return std::make_unique<TextWriter>(out, color);
}

}  // namespace digestkit::lint
