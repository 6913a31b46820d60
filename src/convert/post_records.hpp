// --from jsonl-posts: inputs whose every line is one JSON string holding a
// whole post's text, as Spark's RDD.pipe and Hadoop Streaming feed a mapper.
// Each non-blank line is one record, named "NAME:LINE" ("<stdin>:LINE" for
// standard input), read one at a time so that memory stays flat.
#pragma once

#include <string>
#include <vector>

#include "digestkit/convert.hpp"
#include "digestkit/inputs.hpp"

namespace digestkit::convert {

// Delivers the records of every input in order: a record's bytes are its line
// without the line break (and a CR before it); a line longer than
// options.max_member_size comes with empty bytes (blank lines are skipped,
// so an empty record can only be one cut off). An input that cannot be read
// (not found, a directory, a read error) goes to on_error.
void for_each_post_record(const std::vector<std::string>& paths, const InputOptions& options,
                          const std::function<void(InputFile&&)>& visit,
                          const std::function<void(InputError&&)>& on_error);

// Replaces a record's line by the post text its JSON string holds; returns
// why not ("" when done) and sets `kind` ("json", "type", "too-long").
[[nodiscard]] std::string decode_post_record(InputFile& record, const InputOptions& options,
                                             std::string& kind);

// The line number of a record from its name ("NAME:LINE").
[[nodiscard]] std::uint64_t record_line(std::string_view name);

// The error record --errors inline writes in place of a failed record:
// {"error":{"source":...,"line":...,"kind":...,"message":...,"diagnostics":[...]}} and '\n'.
void append_error_record(const ConvertedInput& input, std::string_view kind, std::string& out);

}  // namespace digestkit::convert
