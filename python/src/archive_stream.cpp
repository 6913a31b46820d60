#include "archive_stream.hpp"

namespace digestkit::python {
namespace {

// Thrown out of the walk's callback to end it early (the iterator was
// dropped); for_each_input holds its archive handles in RAII types.
struct WalkStopped {};

}  // namespace

ArchiveStream::ArchiveStream(std::string path, InputOptions options)
    : thread_([this, path = std::move(path), options = std::move(options)] { walk(path, options); }) {}

ArchiveStream::~ArchiveStream() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ArchiveStream::walk(const std::string& path, const InputOptions& options) {
  try {
    for_each_input(
        {path}, options, [this](InputFile&& file) { push(std::move(file)); },
        [this](InputError&& error) { push(std::move(error)); });
  } catch (const WalkStopped&) {
  } catch (const std::exception& error) {
    try {
      push(InputError{path, error.what()});
    } catch (const WalkStopped&) {
    }
  }
  std::lock_guard lock(mutex_);
  done_ = true;
  changed_.notify_all();
}

void ArchiveStream::push(Item&& item) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || queue_.size() < capacity_; });
  if (stopping_) throw WalkStopped{};
  queue_.push_back(std::move(item));
  changed_.notify_all();
}

std::optional<ArchiveStream::Item> ArchiveStream::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return done_ || !queue_.empty(); });
  if (queue_.empty()) return std::nullopt;
  Item item = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return item;
}

}  // namespace digestkit::python
