// A one-line progress display on stderr for long runs over many inputs:
// files done, megabytes, throughput and, when the total is known, the time
// left; at the end of a run that was shown, one line that stays ("8190
// files, 112 MB in 0.9 s"). Drawn only when the stream is a terminal, so logs
// and pipes stay clean. The ordered runner (digestkit/parallel.hpp) feeds it.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "digestkit/inputs.hpp"

namespace digestkit {

class ProgressReporter {
 public:
  using Clock = std::chrono::steady_clock;

  // Draws on `stream` (stderr by default) when it is a terminal.
  explicit ProgressReporter(std::optional<std::uint64_t> total_bytes = std::nullopt,
                            std::FILE* stream = stderr);
  // Draws when `enabled`, whatever the stream is; the clock starts at `start`.
  ProgressReporter(std::FILE* stream, bool enabled, std::optional<std::uint64_t> total_bytes,
                   Clock::time_point start, std::optional<std::uint64_t> total_files = std::nullopt);
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;
  ~ProgressReporter();  // finish()

  // One input done. Call from one thread (the one that emits results); the
  // line is redrawn at most ten times a second.
  void add(std::uint64_t bytes, Clock::time_point now = Clock::now());
  // Clears the line (until the next redraw), so that other output can go to
  // the terminal. Idempotent.
  void finish();
  // The end of the run: clears the line and, if it was ever drawn, writes the
  // final line that stays.
  void complete(Clock::time_point now = Clock::now());

  [[nodiscard]] bool enabled() const { return enabled_; }
  [[nodiscard]] std::uint64_t files() const { return files_; }
  [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
  // The text the next redraw would show, without the terminal control codes.
  [[nodiscard]] std::string status_line(Clock::time_point now) const;
  // "3 files, 12.5 MB in 0.9 s".
  [[nodiscard]] std::string final_line(Clock::time_point now) const;

 private:
  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  bool ever_drawn_ = false;
  std::optional<std::uint64_t> total_bytes_;
  std::optional<std::uint64_t> total_files_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  std::uint64_t files_ = 0;
  std::uint64_t bytes_ = 0;
};

// The number of bytes for_each_input() would read, when that is known
// without reading: the sizes of plain files and of the wanted files in
// directories. nullopt when an input is an archive (its expanded size is
// only known after decompressing), standard input, or cannot be listed.
[[nodiscard]] std::optional<std::uint64_t> total_input_bytes(const std::vector<std::string>& paths,
                                                             const InputOptions& options);
struct InputTotals {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};
// The same with the number of files, known under the same conditions.
[[nodiscard]] std::optional<InputTotals> input_totals(const std::vector<std::string>& paths,
                                                      const InputOptions& options);

}  // namespace digestkit
