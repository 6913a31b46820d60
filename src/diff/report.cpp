#include <algorithm>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "diff/html_report.hpp"
#include "diff/render.hpp"
#include "digestkit/diff.hpp"
#include "digestkit/shown_name.hpp"

namespace digestkit {

DiffReport::DiffReport(const DiffReportOptions& options, std::string old_name, std::string new_name)
    : options_(options), old_name_(std::move(old_name)), new_name_(std::move(new_name)) {
  if (options_.format == DiffFormat::Html) html_ = std::make_unique<diff_detail::HtmlReport>(options_);
}

DiffReport::~DiffReport() = default;

void DiffReport::add(const FileDiff& file) {
  ++files_;
  trees_ = trees_ || file.in_tree;
  switch (file.status) {
    case FileDiffStatus::OnlyOld:
      ++files_only_old_;
      break;
    case FileDiffStatus::OnlyNew:
      ++files_only_new_;
      break;
    case FileDiffStatus::Failed:
      ++files_failed_;
      break;
    case FileDiffStatus::Compared:
      break;
  }
  const auto file_counts = file.counts();
  counts_ += file_counts;
  if (options_.format == DiffFormat::JsonPatch) {
    // The patch rebuilds NEW's export exactly, also where the diff sees no
    // content change (file names, line endings, layout).
    differences_ = differences_ || (file.has_differences() && file.status != FileDiffStatus::Failed);
    if (file.status == FileDiffStatus::Compared)
      parts_.push_back({file.path, {}, diff_detail::render_file_json_patch(file)});
    return;
  }
  if (html_) html_->add(file);
  if (!file.has_differences()) return;
  differences_ = differences_ || file.status != FileDiffStatus::Failed;
  if (file.status != FileDiffStatus::Failed) ++files_changed_;
  if (html_) return;

  Part part;
  part.path = file.path;
  const bool text_view = options_.format == DiffFormat::Text || options_.format == DiffFormat::SideBySide;
  const bool color = options_.color && text_view;
  const std::string_view bold = color ? "\x1b[1m" : "";
  const std::string_view reset = color ? "\x1b[m" : "";
  switch (options_.format) {
    case DiffFormat::Json:
      part.body = diff_detail::render_file_json(file);
      break;
    case DiffFormat::JsonPatch:
      break;
    case DiffFormat::Stat:
      if (file.status == FileDiffStatus::Compared) {
        part.heading =
            fmt::format("{} | {}\n", quoted_name(file.path), diff_detail::summary_line(file_counts));
      } else if (file.status == FileDiffStatus::OnlyOld) {
        part.heading = fmt::format("{} | only in old\n", quoted_name(file.path));
      } else if (file.status == FileDiffStatus::OnlyNew) {
        part.heading = fmt::format("{} | only in new\n", quoted_name(file.path));
      } else {
        part.heading = fmt::format("{} | error\n", quoted_name(file.path));
      }
      break;
    case DiffFormat::Html:
      break;
    case DiffFormat::Text:
    case DiffFormat::SideBySide:
      if (file.status == FileDiffStatus::Compared) {
        part.heading = fmt::format("{}diff {} {}{}\n{}\n", bold, quoted_name(file.old_name),
                                   quoted_name(file.new_name), reset, diff_detail::summary_line(file_counts));
        part.body = options_.format == DiffFormat::Text
                        ? diff_detail::render_file_text(file, options_)
                        : diff_detail::render_file_side_by_side(file, options_);
      } else if (file.status == FileDiffStatus::OnlyOld) {
        part.heading = fmt::format("{}Only in old: {}{}\n", bold, quoted_name(file.old_name), reset);
      } else if (file.status == FileDiffStatus::OnlyNew) {
        part.heading = fmt::format("{}Only in new: {}{}\n", bold, quoted_name(file.new_name), reset);
      } else {
        part.heading = fmt::format("{}Not compared: {} (it could not be read as a digest){}\n", bold,
                                   quoted_name(file.path), reset);
      }
      break;
  }
  // Two files named alone need no heading: the summary line covers them.
  if (!file.in_tree && options_.format != DiffFormat::Json) part.heading.clear();
  parts_.push_back(std::move(part));
}

std::string DiffReport::finish() const {
  std::vector<const Part*> parts;
  parts.reserve(parts_.size());
  for (const auto& part : parts_) parts.push_back(&part);
  std::stable_sort(parts.begin(), parts.end(),
                   [](const Part* a, const Part* b) { return a->path < b->path; });
  if (html_) return html_->finish(old_name_, new_name_);
  std::string out;
  if (options_.format == DiffFormat::JsonPatch) {
    // One pair of files: its operations (an empty patch when it failed).
    out = parts.empty() || parts.front()->body.empty() ? "[]" : parts.front()->body;
    out.push_back('\n');
    return out;
  }
  if (options_.format == DiffFormat::Json) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("format");
    w.String("digestkit-diff/1");
    w.Key("old");
    const std::string old_name = utf8_name(old_name_);
    w.String(old_name.data(), static_cast<rapidjson::SizeType>(old_name.size()));
    w.Key("new");
    const std::string new_name = utf8_name(new_name_);
    w.String(new_name.data(), static_cast<rapidjson::SizeType>(new_name.size()));
    w.Key("differences");
    w.Bool(differences_);
    w.Key("summary");
    const auto summary = diff_detail::render_summary_json(counts_, files_, files_changed_, files_only_old_,
                                                          files_only_new_, files_failed_);
    w.RawValue(summary.data(), summary.size(), rapidjson::kObjectType);
    w.Key("files");
    w.StartArray();
    for (const auto* part : parts) w.RawValue(part->body.data(), part->body.size(), rapidjson::kObjectType);
    w.EndArray();
    w.EndObject();
    out.assign(buffer.GetString(), buffer.GetSize());
    out.push_back('\n');
    return out;
  }

  // Two files named alone, and one could not be read as a digest: there is
  // nothing to summarise (the errors went to stderr, the exit status is 2).
  if (!trees_ && files_failed_ == files_) return out;
  // Identical inputs print nothing, as diff(1) does; --stat still counts.
  const bool text_view = options_.format == DiffFormat::Text || options_.format == DiffFormat::SideBySide;
  if (text_view && !differences_ && files_failed_ == 0) return out;
  out = diff_detail::summary_line(counts_);
  if (trees_) {
    out += fmt::format(" in {} of {} files", files_changed_, files_);
    std::vector<std::string> notes;
    if (files_only_old_ != 0) notes.push_back(fmt::format("{} only in old", files_only_old_));
    if (files_only_new_ != 0) notes.push_back(fmt::format("{} only in new", files_only_new_));
    if (files_failed_ != 0) notes.push_back(fmt::format("{} not compared", files_failed_));
    if (!notes.empty()) out += fmt::format(" ({})", fmt::join(notes, ", "));
  }
  out.push_back('\n');
  for (const auto* part : parts) {
    out += part->heading;
    if (text_view) out += part->body;
  }
  return out;
}

}  // namespace digestkit
