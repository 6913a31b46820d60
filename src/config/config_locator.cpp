// ConfigLocator: each folder asked about is resolved once to the nearest
// digest.toml at or above it, so a walk of many files in few folders asks
// the file system about each folder once, and each digest.toml is read once.
#include <fnmatch.h>
#include <sys/stat.h>

#include <system_error>

#include "digestkit/config.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;

// Whether a path needs lexically_normal(): it has "." or ".." components or
// doubled slashes. Most inputs have none, and normalising allocates.
bool needs_normalising(const std::string& path) {
  if (path.find("//") != std::string::npos) return true;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1)) {
    const bool starts_component = dot == 0 || path[dot - 1] == '/';
    if (!starts_component) continue;
    const std::size_t end = path.find_first_not_of('.', dot);
    if ((end == std::string::npos || path[end] == '/') &&
        (end == std::string::npos ? path.size() : end) - dot <= 2)
      return true;
  }
  return false;
}

}  // namespace

bool path_matches_glob(std::string_view glob, const fs::path& relative, bool is_folder) {
  std::string pattern(glob);
  if (pattern.ends_with('/')) {
    if (!is_folder) return false;
    while (pattern.ends_with('/')) pattern.pop_back();
  }
  bool anchored = false;
  while (pattern.starts_with('/')) {
    pattern.erase(0, 1);
    anchored = true;
  }
  if (pattern.empty()) return false;
  const std::string target = !anchored && pattern.find('/') == std::string::npos
                                 ? relative.filename().string()
                                 : relative.generic_string();
  return fnmatch(pattern.c_str(), target.c_str(), 0) == 0;
}

ConfigLocator::ConfigLocator(ConfigChoice choice) : disabled_(choice.disabled) {
  std::error_code ec;
  working_folder_ = fs::current_path(ec);
  if (choice.file && !disabled_) forced_ = std::make_unique<ConfigFile>(load_config_file(*choice.file));
}

ConfigLocator::~ConfigLocator() = default;

fs::path ConfigLocator::anchor_folder(std::string_view name, std::string_view container) const {
  if (container.empty() && name == "-") return working_folder_;
  fs::path input(container.empty() ? name : container);
  if (input.is_relative()) input = working_folder_ / input;
  if (needs_normalising(input.native())) input = input.lexically_normal();
  return input.parent_path();
}

const ConfigFile* ConfigLocator::for_input(std::string_view name, std::string_view container) {
  if (disabled_) return nullptr;
  if (forced_) return forced_.get();
  return checked(lookup(anchor_folder(name, container).native()));
}

const ConfigFile* ConfigLocator::for_folder(const fs::path& folder) {
  if (disabled_) return nullptr;
  if (forced_) return forced_.get();
  fs::path absolute = folder.is_relative() ? working_folder_ / folder : folder;
  if (needs_normalising(absolute.native())) absolute = absolute.lexically_normal();
  std::string key = absolute.native();
  while (key.size() > 1 && key.ends_with('/')) key.pop_back();
  return checked(lookup(key));
}

const ConfigFile* ConfigLocator::checked(const Loaded* loaded) const {
  if (!loaded->error.empty()) throw ConfigError(loaded->error);
  return loaded->file.get();
}

const ConfigLocator::Loaded* ConfigLocator::lookup(const std::string& folder) {
  static const Loaded none;
  std::lock_guard lock(mutex_);
  if (const auto cached = by_folder_.find(folder); cached != by_folder_.end()) return cached->second;

  // Up from the folder to the first one already known or holding a
  // digest.toml; every folder passed on the way gets the same answer.
  std::vector<std::string> passed;
  const Loaded* found = &none;
  fs::path current(folder);
  for (;;) {
    const auto cached = by_folder_.find(current.native());
    if (cached != by_folder_.end()) {
      found = cached->second;
      break;
    }
    passed.push_back(current.native());
    const fs::path candidate = current / "digest.toml";
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      auto& slot = files_[candidate.native()];
      slot = std::make_unique<Loaded>();
      try {
        slot->file = std::make_unique<ConfigFile>(load_config_file(candidate));
      } catch (const ConfigError& error) {
        slot->error = error.what();
      }
      found = slot.get();
      break;
    }
    const fs::path parent = current.parent_path();
    if (parent.empty() || parent == current) break;
    current = parent;
  }
  for (std::string& name : passed) by_folder_.emplace(std::move(name), found);
  return found;
}

}  // namespace digestkit
