// The job summary of a GitHub Actions step (appended to the file named by
// GITHUB_STEP_SUMMARY): the totals, findings per rule, per file (the files
// with most findings first) and the first findings, as Markdown tables.
// Keeps counts per rule and per file with findings, and the first findings:
// memory grows with files, not with findings.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

constexpr std::size_t kFirstFindings = 20;
constexpr std::size_t kFilesListed = 25;

// Table cells: '|' and line breaks would end the cell or the row; '<' keeps
// GitHub from reading HTML; backslashes and backticks are escaped too.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct PerFile {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  [[nodiscard]] std::size_t total() const { return errors + warnings + notes; }
};

class StepSummaryWriter final : public Writer {
 public:
  explicit StepSummaryWriter(std::filesystem::path file) : file_(std::move(file)) {}

  void file(const FileFindings& findings) override {
    ++files_;
    if (findings.diagnostics.empty()) return;
    PerFile& counts = per_file_[findings.path];
    for (const Diagnostic& diagnostic : findings.diagnostics) {
      ++per_rule_[diagnostic.code];
      switch (diagnostic.severity) {
        case Severity::Error:
          ++counts.errors;
          break;
        case Severity::Warning:
          ++counts.warnings;
          break;
        case Severity::Info:
          ++counts.notes;
          break;
      }
      if (first_.size() < kFirstFindings) {
        first_.push_back(fmt::format("| `{}:{}:{}` | {} | {} | {} |\n", cell(findings.path),
                                     diagnostic.location.line, diagnostic.location.column,
                                     to_string(diagnostic.severity), diagnostic.code,
                                     cell(diagnostic.message)));
      }
    }
  }

  void input_error(const std::string& name, const std::string& message) override {
    unreadable_.push_back(fmt::format("- `{}`: {}\n", cell(name), cell(message)));
  }

  void finish() override {
    std::string text = "## digest validate\n\n";
    PerFile total;
    for (const auto& [path, counts] : per_file_) {
      total.errors += counts.errors;
      total.warnings += counts.warnings;
      total.notes += counts.notes;
    }
    if (total.total() == 0) {
      text += fmt::format("No findings in {} file{}.\n", files_, files_ == 1 ? "" : "s");
    } else {
      text += fmt::format("**{} error{}, {} warning{}, {} note{}** in {} of {} file{}.\n\n", total.errors,
                          total.errors == 1 ? "" : "s", total.warnings, total.warnings == 1 ? "" : "s",
                          total.notes, total.notes == 1 ? "" : "s", per_file_.size(), files_,
                          files_ == 1 ? "" : "s");
      text += "| rule | name | findings |\n|---|---|---:|\n";
      for (const auto& [code, count] : per_rule_) {
        const Rule* rule = find_rule(code);
        text +=
            fmt::format("| {} | {} | {} |\n", code, rule != nullptr ? rule->name : std::string_view(), count);
      }
      std::vector<std::pair<std::string, PerFile>> files(per_file_.begin(), per_file_.end());
      std::stable_sort(files.begin(), files.end(),
                       [](const auto& a, const auto& b) { return a.second.total() > b.second.total(); });
      text += "\n| file | errors | warnings | notes |\n|---|---:|---:|---:|\n";
      for (std::size_t i = 0; i < files.size() && i < kFilesListed; ++i) {
        const PerFile& counts = files[i].second;
        text += fmt::format("| `{}` | {} | {} | {} |\n", cell(files[i].first), counts.errors, counts.warnings,
                            counts.notes);
      }
      if (files.size() > kFilesListed) {
        text += fmt::format("\n{} more files with findings are not listed.\n", files.size() - kFilesListed);
      }
      text +=
          fmt::format("\nFirst {} finding{}:\n\n| where | severity | rule | message |\n|---|---|---|---|\n",
                      first_.size(), first_.size() == 1 ? "" : "s");
      for (const std::string& row : first_) text += row;
    }
    if (!unreadable_.empty()) {
      text += "\nInputs that could not be read:\n\n";
      for (const std::string& line : unreadable_) text += line;
    }
    text += '\n';
    std::ofstream out(file_, std::ios::binary | std::ios::app);
    out << text;
    out.flush();
    if (!out) throw ReportError(fmt::format("{}: cannot append the job summary", file_.string()));
  }

 private:
  std::filesystem::path file_;
  std::size_t files_ = 0;
  std::map<std::string, std::size_t> per_rule_;
  std::map<std::string, PerFile> per_file_;
  std::vector<std::string> first_;
  std::vector<std::string> unreadable_;
};

}  // namespace

std::unique_ptr<Writer> make_step_summary_writer(const std::filesystem::path& file) {
  return std::make_unique<StepSummaryWriter>(file);
}

}  // namespace digestkit::lint
