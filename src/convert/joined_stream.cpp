#include "joined_stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace digestkit::convert {

namespace {

namespace fs = std::filesystem;

// The process's umask, read without changing it (umask(2) can only set it,
// and other threads may be creating files meanwhile).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

// ".NAME.digest-XXXXXX" beside the output, NAME cut so that the whole fits
// NAME_MAX whatever the output's name.
fs::path temporary_template(const fs::path& output) {
  constexpr std::string_view suffix = ".digest-XXXXXX";
  std::string name = output.filename().string();
  const std::size_t room = NAME_MAX - 1 - suffix.size();
  if (name.size() > room) name.resize(room);
  return output.parent_path() / ("." + name + std::string(suffix));
}

}  // namespace

JoinedStream::JoinedStream(const Joining& joining, const Destination& destination)
    : joining_(joining), name_(destination.name), stream_(destination.stream) {
  if (stream_ == nullptr) {
    // -o FILE through a symbolic link replaces the file it names.
    std::error_code ec;
    final_path_ = destination.follow_symlink && fs::is_symlink(destination.path, ec)
                      ? fs::canonical(destination.path, ec)
                      : destination.path;
    if (ec) final_path_ = destination.path;
    std::string temporary = temporary_template(final_path_).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
      fail();
      return;
    }
    temporary_path_ = temporary;
    // mkstemp creates 0600: give the file the mode it replaces, or the one a
    // new file would get.
    struct stat old {};
    const mode_t mode = ::lstat(final_path_.c_str(), &old) == 0 && S_ISREG(old.st_mode)
                            ? (old.st_mode & 07777)
                            : (0666 & ~current_umask());
    ::fchmod(fd, mode);
    stream_ = ::fdopen(fd, "wb");
    if (stream_ == nullptr) {
      fail();
      ::close(fd);
      return;
    }
    owned_ = true;
  }
  write(joining_.start);
}

JoinedStream::~JoinedStream() {
  if (owned_) std::fclose(stream_);
  if (!temporary_path_.empty()) ::unlink(temporary_path_.c_str());  // not finished: the old file stays
}

void JoinedStream::add(const ConvertedInput& input) {
  if (error_ || input.output.empty()) return;
  write(any_part_ ? joining_.between : joining_.first);
  try {
    input.output.for_each_piece([this](std::string_view piece) {
      write(piece);
      return !error_;
    });
  } catch (const SpoolError& spool_error) {
    if (!error_) error_ = fmt::format("cannot write {}: {}", name_, spool_error.what());
  }
  any_part_ = true;
}

std::optional<std::string> JoinedStream::finish() {
  if (error_ || finished_) return error_;
  finished_ = true;
  write(any_part_ ? joining_.end_after_parts : joining_.end_without_parts);
  if (!error_ && std::fflush(stream_) != 0) fail();
  if (owned_) {
    owned_ = false;
    if (std::fclose(stream_) != 0 && !error_) fail();
    if (!error_ && std::rename(temporary_path_.c_str(), final_path_.c_str()) != 0) fail();
    if (!error_) temporary_path_.clear();
  }
  return error_;
}

void JoinedStream::write(std::string_view text) {
  if (text.empty() || error_) return;
  if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) fail();
}

void JoinedStream::fail() {
  if (!error_) error_ = fmt::format("cannot write {}: {}", name_, std::strerror(errno));
}

std::unique_ptr<Output> open_joined_stream(const TargetSpec& spec, const Destination& destination) {
  return std::make_unique<JoinedStream>(spec.joining, destination);
}

}  // namespace digestkit::convert
