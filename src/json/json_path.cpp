// The path locator re-reads the JSON text with rapidjson's SAX reader,
// tracking the path of every event. It runs only after an error was found.
#include "json_path.hpp"

#include <optional>

#include <fmt/format.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace digestkit::json_detail {

std::string path_to_string(const JsonPath& path) {
  std::string out;
  for (const PathStep& step : path) {
    if (step.is_index) {
      fmt::format_to(std::back_inserter(out), "[{}]", step.index);
    } else {
      if (!out.empty()) out.push_back('.');
      out.append(step.key);
    }
  }
  return out;
}

namespace {

class PathLocator : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PathLocator> {
 public:
  PathLocator(std::string_view json, const rapidjson::MemoryStream& stream, const JsonPath& target)
      : json_(json), stream_(stream), target_(target) {}

  [[nodiscard]] std::optional<std::size_t> found() const { return found_; }

  bool Default() { return value_seen(); }
  bool StartObject() { return container_started(false); }
  bool StartArray() { return container_started(true); }
  bool EndObject(rapidjson::SizeType) { return container_ended(); }
  bool EndArray(rapidjson::SizeType) { return container_ended(); }
  bool Key(const char* name, rapidjson::SizeType length, bool) {
    frames_.back().key.assign(name, length);
    if (at_target()) return stop_here();
    return event_done();
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };

  // The current token starts after the separators that follow the previous one.
  [[nodiscard]] std::size_t token_start() const {
    const auto start = json_.find_first_not_of(" \t\r\n,:", previous_end_);
    return start == std::string_view::npos ? previous_end_ : start;
  }

  [[nodiscard]] bool at_target() const {
    if (frames_.size() != target_.size()) return false;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      const PathStep& step = target_[i];
      if (frame.array != step.is_index) return false;
      if (frame.array ? frame.index != step.index : frame.key != step.key) return false;
    }
    return true;
  }

  bool stop_here() {
    found_ = token_start();
    return false;
  }

  bool event_done() {
    previous_end_ = stream_.Tell();
    return true;
  }

  // The iterative reader calls the bracket events before it takes the
  // bracket, so the token ends one character further.
  bool bracket_done() {
    previous_end_ = stream_.Tell() + 1;
    return true;
  }

  void element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  bool value_seen() {
    if (at_target()) return stop_here();
    element_done();
    return event_done();
  }

  bool container_started(bool array) {
    if (at_target()) return stop_here();
    frames_.push_back(Frame{array, 0, {}});
    return bracket_done();
  }

  bool container_ended() {
    frames_.pop_back();
    element_done();
    return bracket_done();
  }

  std::string_view json_;
  const rapidjson::MemoryStream& stream_;
  const JsonPath& target_;
  std::vector<Frame> frames_;
  std::size_t previous_end_ = 0;
  std::optional<std::size_t> found_;
};

}  // namespace

std::size_t locate_path(std::string_view json, const JsonPath& path) {
  rapidjson::MemoryStream stream(json.data(), json.size());
  PathLocator locator(json, stream, path);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(stream, locator);
  if (auto offset = locator.found()) return *offset;
  const auto start = json.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? 0 : start;
}

}  // namespace digestkit::json_detail
