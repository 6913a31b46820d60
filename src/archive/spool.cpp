// Spool: a string that moves to an unlinked temporary file past its limit.
#include "digestkit/spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace digestkit {
namespace {

// Writes to the file go in pieces of this size once spilled; reads back too.
constexpr std::size_t kPiece = std::size_t{4} << 20;

std::string temporary_folder() {
  const char* folder = std::getenv("TMPDIR");
  return folder != nullptr && *folder != '\0' ? folder : "/tmp";
}

// An unlinked file in `folder`: O_TMPFILE where the file system has it, else
// mkstemp + unlink. Nothing is left behind however the program ends.
int open_unlinked(const std::string& folder) {
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC | O_EXCL, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/digestkit-spool-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

[[noreturn]] void fail(std::string_view what) {
  throw SpoolError(
      fmt::format("cannot {} a temporary file in {}: {}", what, temporary_folder(), std::strerror(errno)));
}

}  // namespace

Spool::Spool(std::size_t memory_limit) : memory_limit_(memory_limit) {}

Spool::Spool(Spool&& other) noexcept
    : buffer_(std::move(other.buffer_)),
      size_(std::exchange(other.size_, 0)),
      memory_limit_(other.memory_limit_),
      fd_(std::exchange(other.fd_, -1)) {}

Spool& Spool::operator=(Spool&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    buffer_ = std::move(other.buffer_);
    size_ = std::exchange(other.size_, 0);
    memory_limit_ = other.memory_limit_;
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

void Spool::append(std::string_view text) {
  // The buffer never grows past the limit (nor, once spilled, past a piece):
  // what would not fit goes to the file first.
  if (fd_ < 0 && buffer_.size() + text.size() > memory_limit_) spill();
  if (fd_ >= 0 && buffer_.size() + text.size() > kPiece) {
    flush_buffer();
    if (text.size() >= kPiece) {
      write_out(text);
      size_ += text.size();
      return;
    }
  }
  buffer_ += text;
  size_ += text.size();
}

void Spool::spill() {
  fd_ = open_unlinked(temporary_folder());
  if (fd_ < 0) fail("create");
  flush_buffer();
  std::string().swap(buffer_);  // give back the memory the in-memory phase grew
  buffer_.reserve(kPiece);
}

void Spool::flush_buffer() {
  write_out(buffer_);
  buffer_.clear();
}

void Spool::write_out(std::string_view rest) const {
  while (!rest.empty()) {
    const ssize_t written = ::write(fd_, rest.data(), rest.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
}

bool Spool::for_each_piece(const std::function<bool(std::string_view)>& write) const {
  if (fd_ >= 0) {
    std::string piece(kPiece, '\0');
    const std::uint64_t in_file = size_ - buffer_.size();
    for (std::uint64_t offset = 0; offset < in_file;) {
      const ssize_t got = ::pread(fd_, piece.data(), piece.size(), static_cast<off_t>(offset));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        if (got == 0) errno = EIO;  // shorter than what was written
        fail("read back");
      }
      offset += static_cast<std::uint64_t>(got);
      if (!write(std::string_view(piece.data(), static_cast<std::size_t>(got)))) return false;
    }
  }
  return buffer_.empty() || write(buffer_);
}

std::string Spool::str() const {
  std::string whole;
  whole.reserve(size_);
  for_each_piece([&whole](std::string_view piece) {
    whole += piece;
    return true;
  });
  return whole;
}

void Spool::clear() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::string().swap(buffer_);
  size_ = 0;
}

}  // namespace digestkit
