// iter_archive's engine: a thread walks a folder or archive with
// for_each_input() and hands files over through a small bounded queue, so
// that reading the next member overlaps parsing this one and memory stays
// at a few files however big the archive is.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>

#include "digestkit/inputs.hpp"

namespace digestkit::python {

class ArchiveStream {
 public:
  using Item = std::variant<InputFile, InputError>;

  ArchiveStream(std::string path, InputOptions options);
  ~ArchiveStream();  // stops the walk and waits for its thread
  ArchiveStream(const ArchiveStream&) = delete;
  ArchiveStream& operator=(const ArchiveStream&) = delete;

  // The next file or problem in walk order; nullopt at the end. Blocks (call
  // it without the GIL).
  [[nodiscard]] std::optional<Item> next();

 private:
  void walk(const std::string& path, const InputOptions& options);
  void push(Item&& item);

  static constexpr std::size_t capacity_ = 4;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> queue_;
  bool done_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace digestkit::python
