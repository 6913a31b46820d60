// The Output of the text targets: parts joined into one stream (a file we
// create through a temporary file renamed over it at the end, so that a full
// disk never replaces a good file with half an array; or a stream we were
// given).
#pragma once

#include <filesystem>
#include <string>

#include "digestkit/convert.hpp"

namespace digestkit::convert {

class JoinedStream final : public Output {
 public:
  JoinedStream(const Joining& joining, const Destination& destination);
  ~JoinedStream() override;

  void add(const ConvertedInput& input) override;
  [[nodiscard]] std::optional<std::string> finish() override;
  [[nodiscard]] std::optional<std::string> error() const override { return error_; }

 private:
  void write(std::string_view text);
  void fail();

  const Joining& joining_;
  std::string name_;
  std::FILE* stream_ = nullptr;
  bool owned_ = false;
  std::filesystem::path final_path_;  // -o FILE (a symbolic link resolved)
  std::string temporary_path_;        // written until finish() renames it; removed if never

  bool any_part_ = false;
  bool finished_ = false;
  std::optional<std::string> error_;
};

}  // namespace digestkit::convert
