#include "gzip_stream.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace digestkit::archive_detail {

namespace {

// inflateInit2's window bits: 15 (the largest window) + 16 (gzip wrapper
// only, trailer checked).
constexpr int kGzipWindowBits = 15 + 16;

}  // namespace

GzipStream::GzipStream(RawBlocks raw) : raw_(std::move(raw)) {
  initialised_ = inflateInit2(&z_, kGzipWindowBits) == Z_OK;
  if (!initialised_) error_ = "cannot start the gzip decompressor";
}

GzipStream::~GzipStream() {
  if (initialised_) inflateEnd(&z_);
}

bool GzipStream::starts_gzip(std::string_view first_bytes) {
  return first_bytes.size() >= 2 && static_cast<unsigned char>(first_bytes[0]) == 0x1f &&
         static_cast<unsigned char>(first_bytes[1]) == 0x8b;
}

long GzipStream::fail(std::string message) {
  error_ = std::move(message);
  at_end_ = true;
  return -1;
}

// More compressed input when zlib has used up what it had; false at the end
// of the raw bytes or on a read error (error_ set).
bool GzipStream::refill() {
  if (z_.avail_in != 0) return true;
  if (raw_end_) return false;
  std::string_view block;
  std::string error;
  if (!raw_(block, error)) {
    error_ = "cannot read: " + error;
    raw_end_ = true;
    return false;
  }
  if (block.empty()) {
    raw_end_ = true;
    return false;
  }
  // zlib's next_in is not const-qualified; it never writes through it.
  z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(block.data()));
  z_.avail_in = static_cast<uInt>(std::min<std::size_t>(block.size(), std::numeric_limits<uInt>::max()));
  return true;
}

long GzipStream::after_member() {
  for (;;) {
    if (!refill()) {
      if (!error_.empty()) return fail(error_);
      at_end_ = true;
      return 0;
    }
    if (*z_.next_in == 0x1f) {  // another member; inflate checks the rest of its header
      if (inflateReset(&z_) != Z_OK) return fail("cannot restart the gzip decompressor");
      member_done_ = false;
      return 1;
    }
    Bytef* const end = z_.next_in + z_.avail_in;
    Bytef* const non_zero = std::find_if(z_.next_in, end, [](Bytef b) { return b != 0; });
    consumed_ += static_cast<std::uint64_t>(non_zero - z_.next_in);
    z_.avail_in = static_cast<uInt>(end - non_zero);
    z_.next_in = non_zero;
    if (non_zero != end) return fail("corrupt gzip stream: data after the end of the last member");
  }
}

long GzipStream::read(char* out, std::size_t capacity) {
  if (!initialised_) return -1;
  if (at_end_) return error_.empty() ? 0 : -1;
  z_.next_out = reinterpret_cast<Bytef*>(out);
  z_.avail_out = static_cast<uInt>(std::min<std::size_t>(capacity, std::numeric_limits<uInt>::max()));
  const uInt wanted = z_.avail_out;
  while (z_.avail_out == wanted) {
    if (member_done_) {
      const long next = after_member();
      if (next <= 0) return next;
    }
    if (!refill()) {
      if (!error_.empty()) return fail(error_);
      return fail("corrupt gzip stream: unexpected end of the compressed data");
    }
    const uInt before = z_.avail_in;
    const int status = inflate(&z_, Z_NO_FLUSH);
    consumed_ += before - z_.avail_in;
    if (status == Z_STREAM_END) {
      member_done_ = true;  // CRC-32 and ISIZE matched
    } else if (status == Z_DATA_ERROR) {
      const std::string_view why = z_.msg != nullptr ? z_.msg : "invalid data";
      if (why == "incorrect data check") return fail("corrupt gzip stream: CRC-32 mismatch");
      if (why == "incorrect length check") return fail("corrupt gzip stream: length (ISIZE) mismatch");
      return fail("corrupt gzip stream: " + std::string(why));
    } else if (status == Z_MEM_ERROR) {
      return fail("out of memory in the gzip decompressor");
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      return fail("corrupt gzip stream");
    }
  }
  return static_cast<long>(wanted - z_.avail_out);
}

}  // namespace digestkit::archive_detail
