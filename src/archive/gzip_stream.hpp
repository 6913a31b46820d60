// A gzip stream (RFC 1952) decompressed with zlib, for archives whose
// compressed bytes start with the gzip magic. libarchive's gzip filter does
// not check a member's trailer, so a flipped bit whose deflate data still
// decodes went through with altered content; zlib's inflate checks the
// CRC-32 and ISIZE of every member, as gzip -t and GNU tar do. Members
// follow one another (concatenated .gz files are one stream); zero bytes
// after the last member (tape padding) are allowed, anything else is not.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace digestkit::archive_detail {

// The next block of compressed bytes: empty at the end, false on a read
// error (with the reason in error).
using RawBlocks = std::function<bool(std::string_view& block, std::string& error)>;

class GzipStream {
 public:
  explicit GzipStream(RawBlocks raw);
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;
  ~GzipStream();

  [[nodiscard]] static bool starts_gzip(std::string_view first_bytes);

  // Decompressed bytes into out (at most capacity): the count, 0 at the end
  // of the last member, -1 when the stream is corrupt or cannot be read
  // (error() says why).
  long read(char* out, std::size_t capacity);

  [[nodiscard]] const std::string& error() const { return error_; }
  // Compressed bytes consumed so far (for the expansion ratio).
  [[nodiscard]] std::uint64_t compressed_bytes() const { return consumed_; }

 private:
  bool refill();
  long fail(std::string message);
  // After a member's trailer: another member, zero padding, or the end.
  long after_member();

  RawBlocks raw_;
  z_stream z_{};
  bool initialised_ = false;
  bool member_done_ = false;
  bool at_end_ = false;
  bool raw_end_ = false;
  std::uint64_t consumed_ = 0;
  std::string error_;
};

}  // namespace digestkit::archive_detail
