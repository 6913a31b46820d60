// A whole `digest fmt` run as a library call: walk the inputs (files,
// directories, archives, stdin), find each one's [fmt] settings, format on
// `jobs` threads with the safety check, rewrite changed files in place when
// asked, and hand every outcome to a FormatSink in input order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parallel.hpp"
#include "digestkit/progress.hpp"
#include "digestkit/source.hpp"
#include "digestkit/spool.hpp"

namespace digestkit::format {

// Repairs set for every input after its digest.toml is applied (the --keep-*
// and --no-nfc flags); unset fields keep the configured value.
struct RepairOverrides {
  std::optional<bool> nfc;
  std::optional<bool> collapse_spaces;
  std::optional<bool> replace_tabs;
  std::optional<bool> replace_nbsp;
  std::optional<bool> remove_zero_width;
  void apply(FormatOptions& options) const;
};

struct RunSettings {
  std::vector<std::string> inputs;
  InputOptions input_options;
  DecodeOptions decode;  // --encoding
  unsigned jobs = 1;
  // What happens to each formatted input. With none of the three its
  // canonical text goes to the sink (FileOutcome::text).
  bool check = false;     // count the inputs that would change
  bool diff = false;      // a unified diff of each change (FileOutcome::diff)
  bool in_place = false;  // rewrite changed files atomically
  UnifiedDiffOptions diff_options;
  std::optional<std::filesystem::path> config_file;  // --config: [fmt] of this file for every input
  bool use_config = true;                            // false: --no-config
  RepairOverrides command_line;
  // The progress line, fed as inputs are delivered; the sink clears it
  // (finish()) before it writes.
  ProgressReporter* progress = nullptr;
};

enum class FileStatus : std::uint8_t {
  Unchanged,    // already canonical
  Reformatted,  // the canonical form differs (and was written, with in_place)
  Failed,       // not formatted: see problem and diagnostics
};

struct FileOutcome {
  std::string name;  // InputFile::name
  FileStatus status = FileStatus::Unchanged;
  Spool text;                   // the canonical text, when printing (on disk when large)
  std::string diff;             // with RunSettings::diff, for a reformatted input
  std::string transcoded_from;  // the input's legacy encoding ("" for UTF-8 input)
  // Why the input was not formatted: its parse or decode errors, or the
  // fields a repair would turn into something else; rendered against source.
  std::vector<Diagnostic> diagnostics;
  std::unique_ptr<SourceText> source;
  // For a failed input: what happened, as a clause to follow "NAME: ".
  std::string problem;
  // The digest.toml error that kept this input from being formatted.
  std::string config_error;
  // What a rewrite in place kept only in part (the group, a set-ID bit) or
  // cleaned up (a stale temporary file), one line each.
  std::vector<std::string> warnings;
  std::uint64_t input_bytes = 0;
};

// Receives the run's outcomes on the calling thread, in input order.
class FormatSink {
 public:
  FormatSink() = default;
  FormatSink(const FormatSink&) = delete;
  FormatSink& operator=(const FormatSink&) = delete;
  virtual ~FormatSink() = default;

  // A digest.toml that cannot be used: called once per distinct error,
  // before the first input it applies to.
  virtual void config_error(const std::string& message) = 0;
  virtual void file(FileOutcome&& outcome) = 0;
  // An input that could not be read (not found, over a limit, corrupt archive).
  virtual void input_error(InputError&& error) = 0;
};

struct RunResult {
  std::size_t files = 0;        // inputs read
  std::size_t reformatted = 0;  // would change (check) or changed
  std::size_t unchanged = 0;
  std::size_t failed = 0;        // not formatted, or not written
  std::size_t input_errors = 0;  // unreadable inputs
};

[[nodiscard]] RunResult run(const RunSettings& settings, FormatSink& sink);

}  // namespace digestkit::format
