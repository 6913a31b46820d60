#include "joined_stream.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace digestkit::convert {

JoinedStream::JoinedStream(const Joining& joining, const Destination& destination)
    : joining_(joining), name_(destination.name), stream_(destination.stream) {
  if (stream_ == nullptr) {
    stream_ = std::fopen(destination.path.c_str(), "wb");
    owned_ = stream_ != nullptr;
    if (stream_ == nullptr) {
      fail();
      return;
    }
  }
  write(joining_.start);
}

JoinedStream::~JoinedStream() {
  if (owned_) std::fclose(stream_);
}

void JoinedStream::add(const ConvertedInput& input) {
  if (error_ || input.output.empty()) return;
  write(any_part_ ? joining_.between : joining_.first);
  write(input.output);
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
