// The Output of the text targets: parts joined into one stream (a file we
// create, or a stream we were given).
#pragma once

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
  bool any_part_ = false;
  bool finished_ = false;
  std::optional<std::string> error_;
};

}  // namespace digestkit::convert
