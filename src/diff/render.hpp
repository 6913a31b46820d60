// Rendering one FileDiff as text, as a --stat line, or as a JSON object, and
// the summary that heads a report.
#pragma once

#include <cstddef>
#include <string>

#include "digestkit/diff.hpp"

namespace digestkit::diff_detail {

// A digest's entries in the new version's reading order, as the two-column
// views show them: each change (a removed entry after the one before it),
// and between changes the runs of unchanged new entries [begin, end).
template <class OnUnchanged, class OnChange>
void for_each_in_reading_order(const DigestDiff& digest, OnUnchanged&& unchanged, OnChange&& change) {
  std::size_t next_new = 0;  // the next new entry not yet shown or summarised
  const auto unchanged_until = [&](std::size_t end) {
    if (digest.new_document == nullptr || end <= next_new) return;
    unchanged(digest.new_document->entries, next_new, end);
    next_new = end;
  };
  for (const auto& entry : digest.entries) {
    if (entry.new_entry != nullptr) {
      unchanged_until(entry.new_index);
      next_new = entry.new_index + 1;
    }
    change(entry);
  }
  if (digest.new_document != nullptr) unchanged_until(digest.new_document->entries.size());
}

// "+3 -5 ~2 =18 entries" (and ", 1 moved" when there are moves): ASCII, so
// that grep -- -5 finds it under any locale.
[[nodiscard]] std::string summary_line(const DiffCounts& counts);

// The per-entry report of a compared file, without the file heading.
[[nodiscard]] std::string render_file_text(const FileDiff& file, const DiffReportOptions& options);

// The side-by-side view of a compared file (options.width cells a row),
// without the file heading.
[[nodiscard]] std::string render_file_side_by_side(const FileDiff& file, const DiffReportOptions& options);

// One compact JSON object for the file (schema/digestkit-diff-1.schema.json, "file").
[[nodiscard]] std::string render_file_json(const FileDiff& file);

// RFC 6902 operations turning `digest convert --to json` of the old file
// into that of the new one, as a compact JSON array (both sides parsed).
[[nodiscard]] std::string render_file_json_patch(const FileDiff& file);

// The JSON "summary" object's members, as a compact object.
[[nodiscard]] std::string render_summary_json(const DiffCounts& counts, std::size_t files,
                                              std::size_t files_changed, std::size_t only_old,
                                              std::size_t only_new, std::size_t failed);

}  // namespace digestkit::diff_detail
