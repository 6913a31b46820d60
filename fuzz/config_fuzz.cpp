// digest.toml on arbitrary bytes: parse_config either returns a config or
// throws ConfigError with a located message ("digest.toml:LINE:COL: ...");
// nothing else escapes. An accepted config yields a policy for any path.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/lint.hpp"
#include "fuzz_util.hpp"

using digestkit::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  namespace lint = digestkit::lint;
  try {
    const lint::Config config = lint::parse_config(text, "dir/digest.toml");
    const lint::Policy policy = lint::policy_for(&config, {}, "dir/posts/a.txt");
    (void)policy;
  } catch (const lint::ConfigError& error) {
    require(std::string_view(error.what()).starts_with("dir/digest.toml"), "config error without its file");
  }
  return 0;
}
