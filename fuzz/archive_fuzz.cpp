// The archive reader on the fuzzer's bytes, in memory (tar, zip; gzip, bzip2
// and xz streams): never crashes, never delivers more than the limits allow,
// names every problem, and reads the same bytes the same way twice.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "digestkit/inputs.hpp"
#include "fuzz_util.hpp"

using digestkit::fuzz::require;

namespace {

std::vector<std::string> walk(std::string_view bytes, const digestkit::InputOptions& options) {
  std::vector<std::string> log;
  std::uint64_t total = 0;
  digestkit::for_each_archive_member(
      bytes, "fuzz.tar", options,
      [&](digestkit::InputFile&& file) {
        require(file.name.starts_with("fuzz.tar:"), "member name without its archive");
        require(file.container == "fuzz.tar", "member without its container");
        require(file.bytes.size() <= options.max_member_size, "member over max_member_size delivered");
        total += file.bytes.size();
        log.push_back("file " + file.name + " " + std::to_string(file.bytes.size()));
      },
      [&](digestkit::InputError&& error) {
        require(!error.message.empty(), "error without a message");
        log.push_back("error " + error.name + " " + error.message);
      });
  require(total <= options.max_total_size, "archive over max_total_size delivered");
  return log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  digestkit::InputOptions options;
  options.extensions = {};  // every member
  options.max_member_size = 1 << 20;
  options.max_total_size = 4 << 20;
  options.expansion_ratio_floor = 1 << 20;
  require(walk(bytes, options) == walk(bytes, options), "the same archive read differently twice");
  return 0;
}
