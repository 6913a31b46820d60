// The convert targets, one row each: a new target is a render function (or
// an Output of its own) and a row here.
#include <fmt/format.h>

#include <array>
#include <cstdio>

#include "digestkit/convert.hpp"
#include "digestkit/json.hpp"
#include "joined_stream.hpp"
#include "sqlite_output.hpp"
#include "support/ascii_scan.hpp"

namespace digestkit::convert {
namespace {

// Each digest is rendered into a buffer of the thread's and then appended:
// the part never needs more memory than one digest's output.
std::string& digest_buffer() {
  thread_local std::string buffer;
  buffer.clear();
  return buffer;
}

void render_json(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  thread_local JsonWriter writer;
  const JsonSource source = json_source_of(file);
  for (const Document& document : file.documents) {
    std::string& buffer = digest_buffer();
    if (&document != &file.documents.front()) buffer += ",\n";
    writer.append_pretty(document, source, buffer, 2);
    part += buffer;
  }
}

void render_json_lines(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  thread_local JsonWriter writer;
  const JsonSource source = json_source_of(file);
  for (const Document& document : file.documents) {
    std::string& buffer = digest_buffer();
    writer.append_line(document, source, buffer);
    part += buffer;
  }
}

void render_csv(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  const JsonSource source = json_source_of(file);
  for (const Document& document : file.documents) {
    std::string& buffer = digest_buffer();
    append_csv_rows(document, source.path, buffer);
    part += buffer;
  }
}

void render_text(const ParsedFile& file, const ConvertOptions& options, Spool& part) {
  format_documents_to(file.documents, options.format, [&part](std::string_view piece) { part += piece; });
}

const std::array<TargetSpec, 5> kTargets{{
    {ConvertTarget::Json, "json", ".json", "one JSON array of every digest", true, render_json,
     Joining{"[", "\n", ",\n", "\n]\n", "]\n"}, open_joined_stream},
    {ConvertTarget::JsonLines, "jsonl", ".jsonl", "JSON Lines: one digest per line", true, render_json_lines,
     Joining{}, open_joined_stream},
    {ConvertTarget::Csv, "csv", ".csv", "CSV: one row per entry (RFC 4180)", true, render_csv,
     Joining{csv_header(), "", "", "", ""}, open_joined_stream},
    {ConvertTarget::Text, "text", ".txt", "the canonical text, as digest fmt prints it", true, render_text,
     Joining{"", "", "\n", "", ""}, open_joined_stream},
    {ConvertTarget::Sqlite, "sqlite", ".db", "an SQLite database with full-text search (docs/sqlite.md)",
     false, nullptr, Joining{}, open_sqlite},
}};

}  // namespace

std::span<const TargetSpec> targets() { return kTargets; }

const TargetSpec& target_spec(ConvertTarget target) {
  for (const TargetSpec& spec : kTargets) {
    if (spec.target == target) return spec;
  }
  return kTargets.front();  // unreachable: every ConvertTarget has a row (tested)
}

const TargetSpec* find_target(std::string_view name) {
  for (const TargetSpec& spec : kTargets) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const TargetSpec* target_for_path(std::string_view path) {
  for (const TargetSpec& spec : kTargets) {
    if (support::ends_with_ignoring_ascii_case(path, spec.extension)) return &spec;
  }
  return nullptr;
}

std::optional<std::string> choose_target(const std::optional<std::string>& to, const std::string& output,
                                         ConvertTarget& chosen) {
  const bool to_file =
      !output.empty() && output != "-" && output.back() != '/' && !std::filesystem::is_directory(output);
  const TargetSpec* by_extension = to_file ? target_for_path(output) : nullptr;
  if (!to) {
    chosen = by_extension != nullptr ? by_extension->target : ConvertTarget::Json;
    return std::nullopt;
  }
  const TargetSpec* named = find_target(*to);
  if (named == nullptr) return fmt::format("unknown --to \"{}\"", *to);
  if (by_extension != nullptr && by_extension != named) {
    return fmt::format("-o {} is a {} file but --to is {} (drop --to, or name the file {}{})", output,
                       by_extension->name, named->name,
                       std::filesystem::path(output).replace_extension().string(), named->extension);
  }
  chosen = named->target;
  return std::nullopt;
}

}  // namespace digestkit::convert
