// lint::Report: counts every finding, hands it to the format's writer (or,
// with --statistics, prints counts per rule at the end).
#include <fmt/format.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <iterator>

#include "writer.hpp"

namespace digestkit::lint {
namespace {

// Counts per rule, most first; fixable rules marked "[*]" (ruff's mark)
// and a fixable count per rule and in all (what --fix would repair).
void write_statistics(std::ostream& out, const Counts& counts, Format format) {
  std::vector<std::pair<std::string, std::size_t>> rows(counts.per_rule.begin(), counts.per_rule.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t total = counts.errors + counts.warnings + counts.infos;
  if (format == Format::Json) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json(stream);
    json.SetIndent(' ', 2);
    json.StartObject();
    json.Key("rules");
    json.StartArray();
    for (const auto& [code, count] : rows) {
      const Rule* rule = find_rule(code);
      json.StartObject();
      json.Key("code");
      json.String(code.c_str(), static_cast<rapidjson::SizeType>(code.size()));
      json.Key("name");
      const std::string_view name = rule != nullptr ? rule->name : std::string_view();
      json.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      json.Key("count");
      json.Uint64(count);
      json.Key("fixable");
      json.Uint64(rule != nullptr && rule->fixable ? count : 0);
      json.EndObject();
    }
    json.EndArray();
    json.Key("count");
    json.Uint64(total);
    json.Key("fixable");
    json.Uint64(counts.fixable);
    json.EndObject();
    out << '\n';
    return;
  }
  for (const auto& [code, count] : rows) {
    const Rule* rule = find_rule(code);
    out << fmt::format("{:>7}  {}  {} {}\n", count, code, rule != nullptr && rule->fixable ? "[*]" : "   ",
                       rule != nullptr ? rule->name : std::string_view());
  }
  if (total == 0) return;
  out << fmt::format("{:>7}  finding{}\n", total, total == 1 ? "" : "s");
  if (counts.fixable > 0) out << fmt::format("[*] {} fixable with --fix\n", counts.fixable);
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::Text;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "github") return Format::Github;
  if (name == "gitlab") return Format::Gitlab;
  if (name == "junit") return Format::Junit;
  if (name == "checkstyle") return Format::Checkstyle;
  return std::nullopt;
}

std::unique_ptr<Writer> make_writer(std::ostream& out, const ReportOptions& options) {
  switch (options.format) {
    case Format::Text:
      return make_text_writer(out, options.color);
    case Format::Json:
      return make_json_writer(out);
    case Format::Sarif:
      return make_sarif_writer(out, options);
    case Format::Github:
      return make_github_writer(out);
    case Format::Gitlab:
      return make_gitlab_writer(out, options);
    case Format::Junit:
      return make_junit_writer(out);
    case Format::Checkstyle:
      return make_checkstyle_writer(out);
  }
  return make_text_writer(out, options.color);
}

Report::Report(std::ostream& out, ReportOptions options) : out_(out), options_(std::move(options)) {
  if (!options_.statistics) writers_.push_back(make_writer(out_, options_));
  if (options_.text_log != nullptr)
    writers_.push_back(make_text_writer(*options_.text_log, options_.text_log_color));
  if (options_.format == Format::Github && !options_.github_step_summary.empty()) {
    writers_.push_back(make_step_summary_writer(options_.github_step_summary));
  }
}

Report::~Report() = default;

void Report::add(const std::string& path, const SourceText* source, const std::vector<Diagnostic>& all,
                 const FileSummary* summary) {
  const auto shown_severity = [&](const Diagnostic& diagnostic) {
    return diagnostic.severity >= options_.min_severity;
  };
  std::vector<Diagnostic> kept;
  const bool keep_all = std::all_of(all.begin(), all.end(), shown_severity);
  if (!keep_all) std::copy_if(all.begin(), all.end(), std::back_inserter(kept), shown_severity);
  const bool filtered = options_.baseline != nullptr || options_.record != nullptr;
  if (options_.baseline != nullptr) {
    kept = without_baselined(path, source, summary, keep_all ? all : kept);
  } else if (options_.record != nullptr) {
    // Recording a baseline accepts every finding: none is new.
    record(path, source, summary, keep_all ? all : kept);
    counts_.baselined += keep_all ? all.size() : kept.size();
    kept.clear();
  }
  const std::vector<Diagnostic>& diagnostics = keep_all && !filtered ? all : kept;

  ++counts_.files;
  if (!diagnostics.empty() && paths_with_findings_.insert(path).second) ++counts_.files_with_findings;
  for (const Diagnostic& diagnostic : diagnostics) count(diagnostic);
  if (writers_.empty()) return;
  std::vector<std::string> fingerprints;
  const bool want_fingerprints = std::any_of(writers_.begin(), writers_.end(),
                                             [](const auto& writer) { return writer->wants_fingerprints(); });
  if (want_fingerprints && !diagnostics.empty()) {
    const std::string file = path_relative_to(path, options_.root);
    std::map<FindingIdentity, std::size_t> seen;  // occurrences in this file
    fingerprints.reserve(diagnostics.size());
    for (const Diagnostic& diagnostic : diagnostics) {
      const FindingIdentity identity = identify(diagnostic, source, summary, file);
      fingerprints.push_back(fingerprint(identity, seen[identity]++));
    }
  }
  const FileFindings findings{path, source, diagnostics, fingerprints};
  for (const auto& writer : writers_) writer->file(findings);
}

void Report::count(const Diagnostic& diagnostic) {
  switch (diagnostic.severity) {
    case Severity::Error:
      ++counts_.errors;
      break;
    case Severity::Warning:
      ++counts_.warnings;
      break;
    case Severity::Info:
      ++counts_.infos;
      break;
  }
  ++counts_.per_rule[diagnostic.code];
  if (const Rule* rule = find_rule(diagnostic.code); rule != nullptr && rule->fixable) ++counts_.fixable;
}

void Report::add_archive_findings(const std::vector<ArchiveFinding>& findings) {
  // The findings of one file at a time, as the writers take them.
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> fingerprints;
  std::map<FindingIdentity, std::size_t> seen;
  const auto flush = [&] {
    if (diagnostics.empty()) return;
    const std::string& path = diagnostics.front().path;
    if (paths_with_findings_.insert(path).second) ++counts_.files_with_findings;
    for (const Diagnostic& diagnostic : diagnostics) count(diagnostic);
    const FileFindings file{path, nullptr, diagnostics, fingerprints};
    for (const auto& writer : writers_) writer->file(file);
    diagnostics.clear();
    fingerprints.clear();
    seen.clear();
  };
  for (const ArchiveFinding& finding : findings) {
    const Diagnostic& diagnostic = finding.diagnostic;
    if (diagnostic.severity < options_.min_severity) continue;
    if (!diagnostics.empty() && diagnostics.front().path != diagnostic.path) flush();
    FindingIdentity identity = finding.identity;
    if (options_.baseline != nullptr) {
      identity.file = path_relative_to(diagnostic.path, options_.baseline->root());
      if (options_.baseline->absorb(identity)) {
        ++counts_.baselined;
        continue;
      }
    } else if (options_.record != nullptr) {
      identity.file = path_relative_to(diagnostic.path, options_.record->root());
      options_.record->add(identity);
      ++counts_.baselined;
      continue;
    }
    identity.file = path_relative_to(diagnostic.path, options_.root);
    diagnostics.push_back(diagnostic);
    fingerprints.push_back(fingerprint(identity, seen[identity]++));
  }
  flush();
}

void Report::record(const std::string& path, const SourceText* source, const FileSummary* summary,
                    const std::vector<Diagnostic>& diagnostics) {
  const std::string file = path_relative_to(path, options_.record->root());
  for (const Diagnostic& diagnostic : diagnostics) {
    options_.record->add(identify(diagnostic, source, summary, file));
  }
}

std::vector<Diagnostic> Report::without_baselined(const std::string& path, const SourceText* source,
                                                  const FileSummary* summary,
                                                  const std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> fresh;
  Baseline* baseline = options_.baseline;
  const std::string file = path_relative_to(path, baseline->root());
  baseline->saw_file(file);
  for (const Diagnostic& diagnostic : diagnostics) {
    if (baseline->absorb(identify(diagnostic, source, summary, file))) {
      ++counts_.baselined;
    } else {
      fresh.push_back(diagnostic);
    }
  }
  return fresh;
}

void Report::input_error(const std::string& name, const std::string& message) {
  ++counts_.input_errors;
  for (const auto& writer : writers_) writer->input_error(name, message);
}

void Report::finish() {
  if (options_.statistics) write_statistics(out_, counts_, options_.format);
  for (const auto& writer : writers_) writer->finish();
  out_.flush();
  if (options_.text_log != nullptr) options_.text_log->flush();
}

int exit_status(const Counts& counts, long max_warnings) {
  if (counts.errors > 0) return 1;
  if (max_warnings >= 0 && counts.warnings > static_cast<std::size_t>(max_warnings)) return 1;
  return 0;
}

std::string summary_line(const Counts& counts) {
  if (counts.errors + counts.warnings + counts.infos == 0) return {};
  const auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::vector<std::string> parts;
  if (counts.errors > 0) parts.push_back(plural(counts.errors, "error"));
  if (counts.warnings > 0) parts.push_back(plural(counts.warnings, "warning"));
  if (counts.infos > 0) parts.push_back(fmt::format("{} info", counts.infos));
  std::string line = fmt::format("{} in {} of {}", fmt::join(parts, ", "),
                                 plural(counts.files_with_findings, "file"), counts.files);
  if (counts.baselined > 0) line += fmt::format(" ({} more in the baseline)", counts.baselined);
  if (counts.fixable > 0) line += fmt::format("\n[*] {} fixable with --fix", counts.fixable);
  return line;
}

std::optional<EndPosition> end_of(const Diagnostic& diagnostic, const SourceText* source) {
  if (source == nullptr && diagnostic.end_column != 0 && diagnostic.length != 0)
    return EndPosition{diagnostic.location.line, diagnostic.end_column};
  if (source == nullptr || diagnostic.length == 0) return std::nullopt;
  const std::size_t end = std::min(diagnostic.location.offset + diagnostic.length, source->text().size());
  const Location at = source->locate(end);
  return EndPosition{at.line, at.column};
}

}  // namespace digestkit::lint
