#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <thread>

namespace digest_cli {
namespace {

// Set and not empty.
bool is_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// Set, not empty and not "0".
bool is_forced(const char* name) { return is_set(name) && std::string_view(std::getenv(name)) != "0"; }

}  // namespace

bool use_colour(int fd, ColourMode mode) {
  switch (mode) {
    case ColourMode::Always:
      return true;
    case ColourMode::Never:
      return false;
    case ColourMode::Auto:
      break;
  }
  if (is_set("NO_COLOR")) return false;
  if (is_forced("FORCE_COLOR") || is_forced("CLICOLOR_FORCE")) return true;
  return ::isatty(fd) == 1;
}

ColourMode colour_mode_named(std::string_view name) {
  if (name == "always") return ColourMode::Always;
  if (name == "never") return ColourMode::Never;
  return ColourMode::Auto;
}

unsigned jobs_from(unsigned requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace digest_cli
