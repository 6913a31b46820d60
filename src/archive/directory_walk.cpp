// Directory walks, as ripgrep walks: hidden names, ignore files (libgit2,
// ignore_rules.hpp), --exclude and digest.toml's exclude skip files and
// whole folders; symbolic links that resolve outside the named folder are
// skipped with a warning. The walk goes by folder descriptors (openat,
// fdopendir), so it is not limited to paths of PATH_MAX bytes.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <system_error>

#include "digestkit/config.hpp"
#include "ignore_rules.hpp"
#include "support/file_descriptor.hpp"
#include "walk.hpp"

namespace digestkit::archive_detail {

namespace {

namespace fs = std::filesystem;

std::string errno_message(int error) { return std::error_code(error, std::generic_category()).message(); }

struct Child {
  // The name, with "/" after a directory's: sorting siblings by this key and
  // walking depth-first gives exactly the byte-wise order of whole paths
  // ("a.txt" < "a/x.txt" because '.' < '/'), without holding the whole tree.
  std::string key;
  std::string name;
  bool directory = false;
  std::string warning;  // set for a link skipped on purpose
};

struct Level {
  support::FileDescriptor fd{-1};
  std::string path;      // as shown: the root as named, then "/name" per level
  std::string relative;  // from the root: "" or "a/b/"
  dev_t device = 0;
  ino_t inode = 0;
  // digest.toml's excludes for this folder, and its path from that file's folder.
  const ConfigFile* config = nullptr;
  fs::path config_relative;
  std::vector<Child> children;  // sorted by key
  std::size_t next = 0;
};

WalkItem problem(std::string path, std::string message, bool warning = false) {
  WalkItem item;
  item.path = std::move(path);
  item.error = std::move(message);
  item.warning = warning;
  return item;
}

bool is_hidden(const std::string& name) { return !name.empty() && name.front() == '.'; }

class Walker {
 public:
  Walker(const std::string& root, const InputOptions& options, const std::function<void(WalkItem&&)>& each)
      : root_(root), options_(options), each_(each) {
    char resolved[PATH_MAX];
    if (::realpath(root.c_str(), resolved) != nullptr) resolved_root_ = resolved;
    if (options.ignore_files) ignore_.emplace(root);
  }

  void run() {
    if (!enter(AT_FDCWD, root_, root_, "")) return;
    while (!stack_.empty()) {
      Level& top = stack_.back();
      if (top.next == top.children.size()) {
        stack_.pop_back();
        if (ignore_) ignore_->leave();
        continue;
      }
      Child child = std::move(top.children[top.next++]);
      std::string path = top.path + "/" + child.name;
      if (!child.warning.empty()) {
        each_(problem(std::move(path), std::move(child.warning), true));
      } else if (child.directory) {
        const int parent = top.fd.get();
        enter(parent, child.name, std::move(path), top.relative + child.name + "/");  // invalidates `top`
      } else {
        WalkItem item;
        item.path = std::move(path);
        item.folder_fd = top.fd.get();
        item.name = child.name;
        each_(std::move(item));
      }
    }
  }

 private:
  // Opens and lists a folder; false when it could not be opened (reported).
  bool enter(int parent, const std::string& name, std::string path, std::string relative) {
    support::FileDescriptor fd(::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) {
      each_(problem(path, "cannot list directory: " + errno_message(errno)));
      return false;
    }
    Level level;
    struct stat info {};
    if (::fstat(fd.get(), &info) == 0) {
      level.device = info.st_dev;
      level.inode = info.st_ino;
    }
    level.path = std::move(path);
    while (level.path.size() > 1 && level.path.ends_with('/')) level.path.pop_back();
    level.relative = std::move(relative);
    level.fd = std::move(fd);
    find_config(level);
    list(level);
    stack_.push_back(std::move(level));
    return true;
  }

  void find_config(Level& level) {
    if (options_.configs == nullptr) return;
    try {
      const ConfigFile* config = options_.configs->for_folder(level.path);
      if (config == nullptr || (config->exclude.empty() && config->extend_exclude.empty())) return;
      fs::path absolute = fs::absolute(fs::path(level.path)).lexically_normal();
      level.config = config;
      level.config_relative = absolute.lexically_relative(config->folder);
      if (level.config_relative == ".") level.config_relative.clear();
    } catch (const ConfigError&) {
      // A bad digest.toml: its inputs report it; the walk excludes nothing for it.
    } catch (const std::exception&) {
    }
  }

  bool excluded(const Level& level, const std::string& name, bool folder) {
    if (!options_.exclude.empty()) {
      const fs::path relative(level.relative + name);
      for (const std::string& glob : options_.exclude)
        if (path_matches_glob(glob, relative, folder)) return true;
    }
    if (level.config != nullptr) {
      const fs::path relative = level.config_relative / name;
      for (const auto* list : {&level.config->exclude, &level.config->extend_exclude})
        for (const ConfigValue& glob : *list)
          if (path_matches_glob(glob.text, relative, folder)) return true;
    }
    if (ignore_ && ignore_->ignored(level.relative + name, folder)) return true;
    return false;
  }

  bool is_ancestor(const struct stat& info) const {
    return std::any_of(stack_.begin(), stack_.end(), [&](const Level& level) {
      return level.device == info.st_dev && level.inode == info.st_ino;
    });
  }

  // A symbolic link: whether it resolves inside the named folder (its
  // target's real path starts with the root's).
  bool resolves_inside(const Level& level, const std::string& name) const {
    const std::string path = level.path + "/" + name;
    char resolved[PATH_MAX];
    if (resolved_root_.empty() || ::realpath(path.c_str(), resolved) == nullptr) return false;
    const std::string_view target(resolved);
    return target == resolved_root_ || (target.starts_with(resolved_root_) &&
                                        (resolved_root_ == "/" || target[resolved_root_.size()] == '/'));
  }

  void list(Level& level) {
    const int listing_fd = ::dup(level.fd.get());
    DIR* dir = listing_fd < 0 ? nullptr : ::fdopendir(listing_fd);
    if (dir == nullptr) {
      if (listing_fd >= 0) ::close(listing_fd);
      each_(problem(level.path, "cannot list directory: " + errno_message(errno)));
      return;
    }
    struct Entry {
      std::string name;
      unsigned char type;
    };
    std::vector<Entry> entries;
    bool has_gitignore = false;
    bool has_ignore = false;
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name(entry->d_name);
      if (name == "." || name == "..") continue;
      if (name == ".gitignore") has_gitignore = true;
      if (name == ".ignore") has_ignore = true;
      entries.push_back(Entry{std::string(name), entry->d_type});
    }
    const int list_error = errno;
    ::closedir(dir);
    if (list_error != 0) each_(problem(level.path, "cannot list directory: " + errno_message(list_error)));
    if (ignore_) ignore_->enter(level.relative, level.fd.get(), has_gitignore, has_ignore);

    for (Entry& entry : entries) {
      if (!options_.hidden && is_hidden(entry.name)) continue;
      unsigned char type = entry.type;
      struct stat info {};
      if (type == DT_UNKNOWN) {
        if (::fstatat(level.fd.get(), entry.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISDIR(info.st_mode)   ? DT_DIR
               : S_ISLNK(info.st_mode) ? DT_LNK
               : S_ISREG(info.st_mode) ? DT_REG
                                       : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        if (!excluded(level, entry.name, true))
          level.children.push_back(Child{entry.name + "/", entry.name, true, {}});
        continue;
      }
      if (type == DT_REG) {
        if (has_wanted_extension(entry.name, options_.extensions) && !excluded(level, entry.name, false))
          level.children.push_back(Child{entry.name, entry.name, false, {}});
        continue;
      }
      if (type != DT_LNK) continue;
      // A symbolic link: what it points to (a dangling link is nothing).
      if (::fstatat(level.fd.get(), entry.name.c_str(), &info, 0) != 0) continue;
      const bool folder = S_ISDIR(info.st_mode);
      if (!folder && !(S_ISREG(info.st_mode) && has_wanted_extension(entry.name, options_.extensions)))
        continue;
      if (excluded(level, entry.name, folder)) continue;
      if (options_.follow_links) {
        // A link back to a folder being walked would make the walk endless.
        if (folder && is_ancestor(info)) continue;
        level.children.push_back(Child{folder ? entry.name + "/" : entry.name, entry.name, folder, {}});
        continue;
      }
      if (!resolves_inside(level, entry.name)) {
        level.children.push_back(
            Child{entry.name, entry.name, false,
                  "symbolic link resolves outside " + root_ + "; skipped (--follow-links follows it)"});
        continue;
      }
      // Inside the root: a linked file is read, a linked folder is walked
      // where it really is.
      if (!folder) level.children.push_back(Child{entry.name, entry.name, false, {}});
    }
    // std::string compares as unsigned bytes.
    std::sort(level.children.begin(), level.children.end(),
              [](const Child& a, const Child& b) { return a.key < b.key; });
  }

  std::string root_;
  std::string resolved_root_;
  const InputOptions& options_;
  const std::function<void(WalkItem&&)>& each_;
  std::optional<IgnoreRules> ignore_;
  std::vector<Level> stack_;
};

}  // namespace

// Depth-first over an explicit stack (deep trees cannot overflow the call
// stack); memory is one sorted listing per level of the current path, not the
// whole tree, so it stays flat however many files the tree holds.
void walk_tree(const std::string& path, const InputOptions& options,
               const std::function<void(WalkItem&&)>& each) {
  Walker(path, options, each).run();
}

void walk_directory(const std::string& path, const InputOptions& options, const Visit& visit,
                    const OnError& on_error) {
  walk_tree(path, options, [&](WalkItem&& item) {
    if (item.error) {
      on_error(InputError{std::move(item.path), std::move(*item.error), item.warning});
    } else if (item.path.size() >= PATH_MAX) {
      // Too long a path to open by name (here or on a worker thread later):
      // read now, relative to its folder.
      read_plain_file_at(item.folder_fd, item.name, std::move(item.path), options, visit, on_error);
    } else if (is_archive_path(item.path)) {
      // Only when the extensions ask for archives (e.g. ".tgz"): read its members.
      read_archive(item.path, options, visit, on_error);
    } else if (options.defer_plain_files) {
      visit(InputFile{std::move(item.path), {}, {}, true});
    } else {
      read_plain_file(item.path, options, visit, on_error);
    }
  });
}

}  // namespace digestkit::archive_detail
