// fix::run(): lint::run with format's repairs as the Fixer.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "digestkit/fix.hpp"
#include "digestkit/format.hpp"
#include "digestkit/parse.hpp"

namespace digestkit::fix {
namespace {

bool has_fixable_finding(const lint::FileResult& linted) {
  return std::any_of(linted.diagnostics.begin(), linted.diagnostics.end(), [](const Diagnostic& diagnostic) {
    const lint::Rule* rule = lint::find_rule(diagnostic.code);
    return rule != nullptr && rule->fixable;
  });
}

class FormatFixer final : public lint::Fixer {
 public:
  FormatFixer(const DecodeOptions& decode, std::ostream* standard_output)
      : decode_(decode), standard_output_(standard_output) {}

  lint::FixAttempt fix(const InputFile& input, const ConfigFile* config,
                       const lint::FileResult& linted) override {
    lint::FixAttempt attempt;
    const bool print = input.standard_input && standard_output_ != nullptr;
    if (print) attempt.standard_output = input.bytes;
    // Only a file with something to fix is touched: the others stay byte
    // for byte (and keep their inode and time stamps).
    if (!has_fixable_finding(linted)) return attempt;
    using Status = lint::FixAttempt::Status;
    const auto fail = [&](std::string problem) {
      attempt.status = Status::Failed;
      attempt.problem = std::move(problem);
      return attempt;
    };
    if (!input.container.empty()) {
      return fail("not fixed: a member of an archive cannot be rewritten in place (extract it to fix it)");
    }
    if (input.standard_input && !print) return fail("not fixed: standard input");

    // The same options, parse and safety check as `digest fmt`.
    const FormatOptions options = format_options_for(config);
    const ParsedFile parsed = parse_bytes(input.bytes, input.name, decode_);
    FormattedFile formatted = format_file(parsed, input.bytes, options);
    switch (formatted.status) {
      case FormatStatus::Unparsable:
        return fail("not fixed: it does not parse (see its errors); the file is left as it is");
      case FormatStatus::Refused: {
        std::string why = "a repair would change what a line is";
        if (!formatted.diagnostics.empty()) {
          const Diagnostic& first = formatted.diagnostics.front();
          why = fmt::format("{}:{}: {}", first.location.line, first.location.column, first.message);
        }
        return fail("not fixed: " + why + "; the file is left as it is");
      }
      case FormatStatus::Unsafe:
        return fail("not fixed: " + formatted.problem + "; the file is left as it is");
      case FormatStatus::Formatted:
        break;
    }
    // Fixable findings the [fmt] settings keep (say replace-tabs = false):
    // nothing changes, and they are reported as they are.
    if (!formatted.changed) return attempt;
    if (print) {
      attempt.standard_output = formatted.text;
    } else if (auto error = replace_file_atomically(input.name, formatted.text)) {
      return fail("not fixed: cannot rewrite: " + *error + "; the original is untouched");
    }
    attempt.status = Status::Fixed;
    attempt.bytes = std::move(formatted.text);
    return attempt;
  }

  void delivered(const std::string& /*name*/, lint::FixAttempt&& attempt) override {
    if (attempt.standard_output && standard_output_ != nullptr) {
      *standard_output_ << *attempt.standard_output;
      standard_output_->flush();
    }
  }

 private:
  DecodeOptions decode_;
  std::ostream* standard_output_;
};

}  // namespace

lint::RunResult run(const RunSettings& settings, lint::Report& report, std::ostream& errors) {
  FormatFixer fixer(settings.lint.decode, settings.standard_output);
  lint::RunSettings lint_settings = settings.lint;
  lint_settings.fixer = &fixer;
  return lint::run(lint_settings, report, errors);
}

}  // namespace digestkit::fix
