// Output paths for -o DIR/: always relative, never leaving DIR.
#include "digestkit/convert.hpp"

namespace digestkit {

namespace {

// The user's own path, kept as far as it stays relative and downward.
std::string relative_plain_path(std::string_view path) {
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view component =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!component.empty() && component != "." && component != "..") {
      if (!out.empty()) out.push_back('/');
      out.append(component);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string with_extension(std::string path, std::string_view extension) {
  const std::size_t name_start = path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1;
  const std::size_t dot = path.rfind('.');
  if (dot != std::string::npos && dot > name_start) path.erase(dot);
  path.append(extension);
  return path;
}

}  // namespace

std::optional<std::string> output_relative_path(std::string_view name, std::string_view container,
                                                ConvertTarget to) {
  std::string relative;
  if (!container.empty() && name.size() > container.size() && name.substr(0, container.size()) == container &&
      name[container.size()] == ':') {
    auto safe = safe_relative_path(name.substr(container.size() + 1));
    if (!safe) return std::nullopt;
    relative = std::move(*safe);
  } else if (name == "-") {
    relative = "stdin";
  } else {
    relative = relative_plain_path(name);
    if (relative.empty()) return std::nullopt;
  }
  return with_extension(std::move(relative), output_extension(to));
}

}  // namespace digestkit
