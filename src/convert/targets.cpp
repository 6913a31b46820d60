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

// Each part goes to its spool in pieces: JSON in pieces of about a MiB
// (JsonWriter hands them on between entries), CSV a MiB of rows at a time,
// so that no part, not even one digest of a million entries, is held whole.
void render_json(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  thread_local JsonWriter writer;
  const JsonSource source = json_source_of(file);
  const JsonWriter::Out out = [&part](std::string_view piece) { part += piece; };
  for (const Document& document : file.documents) {
    if (&document != &file.documents.front()) part += ",\n";
    writer.write_pretty(document, source, out, 2);
  }
}

void render_json_lines(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  thread_local JsonWriter writer;
  const JsonSource source = json_source_of(file);
  const JsonWriter::Out out = [&part](std::string_view piece) { part += piece; };
  for (const Document& document : file.documents) writer.write_line(document, source, out);
}

void render_csv(const ParsedFile& file, const ConvertOptions& /*options*/, Spool& part) {
  constexpr std::size_t kHandOnBytes = std::size_t{1} << 20;
  const JsonSource source = json_source_of(file);
  std::string rows;
  for (const Document& document : file.documents) {
    const std::string date = document.date ? document.date->iso() : std::string();
    for (std::size_t entry = 0; entry < document.entries.size(); ++entry) {
      append_csv_row(document, entry, date, source.path, rows);
      if (rows.size() >= kHandOnBytes) {
        part += rows;
        rows.clear();
      }
    }
  }
  part += rows;
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
