// diff of two inputs cut from the fuzzer's bytes: must not crash, and its
// basic laws hold: a file diffed with itself has no differences, and the
// counts agree with the report (text and JSON render without failing; the
// JSON parses).
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/diff.hpp"
#include "digestkit/parse.hpp"
#include "fuzz_util.hpp"

namespace {

using digestkit::fuzz::require;

std::string report(const digestkit::FileDiff& file, digestkit::DiffFormat format) {
  digestkit::DiffReportOptions options;
  options.format = format;
  digestkit::DiffReport out(options, file.old_name, file.new_name);
  out.add(file);
  return out.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [old_bytes, new_bytes] = digestkit::fuzz::split_in_two(data, size);
  auto diff = digestkit::diff_files(digestkit::parse_bytes(old_bytes, "old.txt"),
                                    digestkit::parse_bytes(new_bytes, "new.txt"));
  if (diff.status == digestkit::FileDiffStatus::Compared) {
    (void)report(diff, digestkit::DiffFormat::Text);
    const std::string json = report(diff, digestkit::DiffFormat::Json);
    rapidjson::Document parsed;
    parsed.Parse(json.data(), json.size());
    require(!parsed.HasParseError(), "diff JSON does not parse");
    require(parsed["differences"].GetBool() == diff.has_differences(), "JSON differences flag disagrees");
  }
  const auto same = digestkit::diff_files(digestkit::parse_bytes(new_bytes, "a.txt"),
                                          digestkit::parse_bytes(new_bytes, "a.txt"));
  if (same.status == digestkit::FileDiffStatus::Compared)
    require(!same.has_differences(), "diff x x differs");
  return 0;
}
