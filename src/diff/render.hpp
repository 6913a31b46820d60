// Rendering one FileDiff as text, as a --stat line, or as a JSON object, and
// the summary that heads a report.
#pragma once

#include <string>

#include "digestkit/diff.hpp"

namespace digestkit::diff_detail {

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
