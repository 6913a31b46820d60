#include <string>
#include <vector>

#include "digestkit/inputs.hpp"

namespace digestkit {

std::optional<std::string> safe_relative_path(std::string_view member_name) {
  if (member_name.empty() || member_name.find('\0') != std::string_view::npos) return std::nullopt;
  // Absolute on POSIX, or on Windows (a leading separator, or a drive as in "C:").
  if (member_name.front() == '/' || member_name.front() == '\\') return std::nullopt;
  if (member_name.size() >= 2 && member_name[1] == ':') return std::nullopt;

  std::string result;
  std::size_t start = 0;
  while (start <= member_name.size()) {
    const auto end = member_name.find_first_of("/\\", start);
    const auto component = member_name.substr(start, end == std::string_view::npos ? end : end - start);
    if (component == "..") return std::nullopt;
    if (!component.empty() && component != ".") {
      if (!result.empty()) result += '/';
      result += component;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (result.empty()) return std::nullopt;
  return result;
}

}  // namespace digestkit
