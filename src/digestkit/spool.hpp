// Output held back until its turn (the ordered runs print inputs in input
// order): in memory while small, in an unlinked temporary file once past a
// limit, so that the output of a large input costs disk, not memory, as
// sort(1) spills its runs. fmt and convert keep a converted input's text in
// one; the source text and the AST stay the only copies in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace digestkit {

// The temporary file could not be created or written ("No space left on
// device"); the message names the folder.
class SpoolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Spool {
 public:
  // 4 MiB: a post or an archive member of usual size never reaches the
  // disk, and the 4 * jobs inputs in flight hold little beside their text.
  static constexpr std::size_t kDefaultMemoryLimit = std::size_t{4} << 20;

  // The temporary file goes to $TMPDIR, or /tmp.
  explicit Spool(std::size_t memory_limit = kDefaultMemoryLimit);
  Spool(Spool&& other) noexcept;
  Spool& operator=(Spool&& other) noexcept;
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  // Throws SpoolError.
  void append(std::string_view text);
  Spool& operator+=(std::string_view text) {
    append(text);
    return *this;
  }

  [[nodiscard]] std::uint64_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  // Whether part of the content is in the temporary file.
  [[nodiscard]] bool spilled() const { return fd_ >= 0; }

  // Hands the content to `write` in order, in pieces of at most a few MiB
  // (one piece while in memory); stops early when `write` returns false and
  // then returns false. Throws SpoolError when the file cannot be read back.
  bool for_each_piece(const std::function<bool(std::string_view)>& write) const;
  // The whole content as one string (for callers that need it at once, such
  // as fmt --diff). Throws SpoolError.
  [[nodiscard]] std::string str() const;

  void clear();

 private:
  void spill();
  void flush_buffer();
  void write_out(std::string_view text) const;

  std::string buffer_;  // everything while in memory; afterwards what the file does not hold yet
  std::uint64_t size_ = 0;
  std::size_t memory_limit_;
  int fd_ = -1;
};

}  // namespace digestkit
