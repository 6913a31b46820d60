#include "digestkit/progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace digestkit {

namespace {

constexpr auto redraw_interval = std::chrono::milliseconds(100);
// Before this, the rate is dominated by start-up costs and an ETA would jump about.
constexpr double seconds_before_eta = 1.0;
constexpr double bytes_per_megabyte = 1e6;

std::string format_duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

ProgressReporter::ProgressReporter(std::optional<std::uint64_t> total_bytes, std::FILE* stream)
    : ProgressReporter(stream, stream != nullptr && ::isatty(::fileno(stream)) == 1, total_bytes,
                       Clock::now()) {}

ProgressReporter::ProgressReporter(std::FILE* stream, bool enabled, std::optional<std::uint64_t> total_bytes,
                                   Clock::time_point start, std::optional<std::uint64_t> total_files)
    : stream_(stream),
      enabled_(enabled && stream != nullptr),
      total_bytes_(total_bytes),
      total_files_(total_files),
      start_(start),
      last_draw_(start) {}

ProgressReporter::~ProgressReporter() { finish(); }

std::string ProgressReporter::status_line(Clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double megabytes = static_cast<double>(bytes_) / bytes_per_megabyte;
  const double rate = seconds > 0 ? megabytes / seconds : 0.0;
  const std::string files = total_files_ ? fmt::format("{}/{} files", files_, *total_files_)
                                         : fmt::format("{} {}", files_, files_ == 1 ? "file" : "files");
  std::string line = fmt::format("{}  {:.1f} MB  {:.1f} MB/s", files, megabytes, rate);
  if (total_bytes_ && *total_bytes_ > 0) {
    const double done = std::min(1.0, static_cast<double>(bytes_) / static_cast<double>(*total_bytes_));
    line += fmt::format("  {:.0f}%", done * 100);
    if (rate > 0 && seconds >= seconds_before_eta) {
      const double left =
          static_cast<double>(*total_bytes_ - std::min(bytes_, *total_bytes_)) / bytes_per_megabyte;
      line += "  ETA " + format_duration(left / rate);
    }
  }
  return line;
}

void ProgressReporter::add(std::uint64_t bytes, Clock::time_point now) {
  ++files_;
  bytes_ += bytes;
  if (!enabled_ || now - last_draw_ < redraw_interval) return;
  last_draw_ = now;
  // \r returns to the start of the line; ESC[K clears what a longer earlier line left.
  fmt::print(stream_, "\r{}\x1b[K", status_line(now));
  std::fflush(stream_);
  drawn_ = true;
  ever_drawn_ = true;
}

std::string ProgressReporter::final_line(Clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double megabytes = static_cast<double>(bytes_) / bytes_per_megabyte;
  return fmt::format("{} {}, {:.{}f} MB in {:.1f} s", files_, files_ == 1 ? "file" : "files", megabytes,
                     megabytes >= 10 ? 0 : 1, seconds);
}

void ProgressReporter::complete(Clock::time_point now) {
  finish();
  if (!enabled_ || !ever_drawn_) return;
  fmt::print(stream_, "{}\n", final_line(now));
  std::fflush(stream_);
  ever_drawn_ = false;
}

void ProgressReporter::finish() {
  if (!drawn_) return;
  fmt::print(stream_, "\r\x1b[K");
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace digestkit
