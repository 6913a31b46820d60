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

void write_statistics(std::ostream& out, const Counts& counts, Format format) {
  std::vector<std::pair<std::string, std::size_t>> rows(counts.per_rule.begin(), counts.per_rule.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (format == Format::Json) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json(stream);
    json.SetIndent(' ', 2);
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
      json.EndObject();
    }
    json.EndArray();
    out << '\n';
    return;
  }
  for (const auto& [code, count] : rows) {
    const Rule* rule = find_rule(code);
    out << fmt::format("{:>7}  {}  {}\n", count, code, rule != nullptr ? rule->name : std::string_view());
  }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::Text;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "github") return Format::Github;
  return std::nullopt;
}

Report::Report(std::ostream& out, ReportOptions options) : out_(out), options_(std::move(options)) {
  if (options_.statistics) return;
  switch (options_.format) {
    case Format::Text:
      writer_ = make_text_writer(out_, options_.color);
      break;
    case Format::Json:
      writer_ = make_json_writer(out_);
      break;
    case Format::Sarif:
      writer_ = make_sarif_writer(out_, options_.tool_version);
      break;
    case Format::Github:
      writer_ = make_github_writer(out_);
      break;
  }
}

Report::~Report() = default;

void Report::add(const std::string& path, const SourceText* source, const std::vector<Diagnostic>& all) {
  const bool keep_all = std::all_of(all.begin(), all.end(), [&](const Diagnostic& diagnostic) {
    return diagnostic.severity >= options_.min_severity;
  });
  std::vector<Diagnostic> shown;
  if (!keep_all) {
    std::copy_if(all.begin(), all.end(), std::back_inserter(shown),
                 [&](const Diagnostic& diagnostic) { return diagnostic.severity >= options_.min_severity; });
  }
  const std::vector<Diagnostic>& diagnostics = keep_all ? all : shown;
  ++counts_.files;
  if (!diagnostics.empty()) ++counts_.files_with_findings;
  for (const Diagnostic& diagnostic : diagnostics) {
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
  }
  if (writer_) writer_->file(path, source, diagnostics);
}

void Report::finish() {
  if (writer_) {
    writer_->finish();
  } else {
    write_statistics(out_, counts_, options_.format);
  }
  out_.flush();
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
  return fmt::format("{} in {} of {}", fmt::join(parts, ", "), plural(counts.files_with_findings, "file"),
                     counts.files);
}

std::optional<EndPosition> end_of(const Diagnostic& diagnostic, const SourceText* source) {
  if (source == nullptr || diagnostic.length == 0) return std::nullopt;
  const std::size_t end = std::min(diagnostic.location.offset + diagnostic.length, source->text().size());
  const Location at = source->locate(end);
  return EndPosition{at.line, at.column};
}

}  // namespace digestkit::lint
