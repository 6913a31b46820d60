// Reading one input into memory under a size limit; shared by plain files,
// standard input and archive members so that all three obey the same limit.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace digestkit::archive_detail {

enum class ReadStatus { ok, over_limit, failed };

// Whether a read that returns fewer bytes than asked for has met the end:
// true of regular files, not of pipes or archive members, which deliver
// their bytes in blocks.
enum class ShortRead { may_continue, is_end };

// read(buffer, capacity) returns the number of bytes read, 0 at the end and a
// negative number on error. When size_hint is the exact size (a regular file,
// a tar member) the content costs one allocation: the buffer is sized up
// front and a small probe read confirms the end instead of growing it. A
// regular file is asked for one byte more than its size instead, so that
// one read both fills the buffer and finds the end.
template <class ReadFn>
ReadStatus read_limited(ReadFn&& read, std::uint64_t size_hint, std::uint64_t limit, std::string& out,
                        ShortRead short_read = ShortRead::may_continue) {
  constexpr std::size_t min_growth = 64 * 1024;
  out.clear();
  const bool ask_past_end = short_read == ShortRead::is_end && size_hint > 0 && size_hint < limit;
  out.resize(static_cast<std::size_t>(std::min(size_hint, limit)) + (ask_past_end ? 1 : 0));
  std::size_t filled = 0;
  for (;;) {
    if (filled == out.size()) {
      std::array<char, 16 * 1024> probe;
      const auto n = read(probe.data(), probe.size());
      if (n < 0) return ReadStatus::failed;
      if (n == 0) break;
      const auto got = static_cast<std::size_t>(n);
      if (filled + got > limit) return ReadStatus::over_limit;
      const std::uint64_t wanted =
          std::max<std::uint64_t>({out.size() * std::uint64_t{2}, filled + got, min_growth});
      out.resize(static_cast<std::size_t>(std::min(wanted, limit)));
      std::memcpy(out.data() + filled, probe.data(), got);
      filled += got;
      continue;
    }
    const std::size_t wanted = out.size() - filled;
    const auto n = read(out.data() + filled, wanted);
    if (n < 0) return ReadStatus::failed;
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
    if (ask_past_end && static_cast<std::size_t>(n) < wanted) break;
  }
  out.resize(filled);
  return ReadStatus::ok;
}

}  // namespace digestkit::archive_detail
