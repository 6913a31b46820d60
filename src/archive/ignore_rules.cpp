// IgnoreRules with libgit2. Inside a work tree the repository opened on the
// walk's root answers for .gitignore, .git/info/exclude and core.excludesFile
// (git_ignore_path_is_ignored: git's own precedence, negation, directory-only
// and anchored patterns, "**"). libgit2 has no matcher for a pattern file of
// another name, so each .ignore file becomes an in-memory repository holding
// its lines as rules (git_ignore_add_rule), asked about paths relative to the
// .ignore's folder; an in-memory repository is bare, so libgit2 neither
// stats the path nor reads any global excludes file for it.
#include "ignore_rules.hpp"

#include <fcntl.h>
#include <git2.h>
#include <git2/sys/repository.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "support/file_descriptor.hpp"

namespace digestkit::archive_detail {

namespace {

void initialise_libgit2() {
  static std::once_flag once;
  // Never shut down: repositories may be opened until the program ends.
  std::call_once(once, [] { git_libgit2_init(); });
}

// Whether a pattern file holds a pattern at all (a fresh repository's
// info/exclude holds only comments): if none does, libgit2 is not asked.
bool has_patterns(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return true;
    start = end + 1;
  }
  return false;
}

std::string read_whole(int dirfd, const char* name) {
  const support::FileDescriptor fd(::openat(dirfd, name, O_RDONLY | O_CLOEXEC));
  std::string text;
  if (fd.get() < 0) return text;
  char buffer[8192];
  for (;;) {
    const auto n = ::read(fd.get(), buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

bool file_has_patterns(const std::string& path) { return has_patterns(read_whole(AT_FDCWD, path.c_str())); }

// core.excludesFile, or git's default ($XDG_CONFIG_HOME/git/ignore, else
// ~/.config/git/ignore).
std::string excludes_file(git_repository* repository) {
  std::string path;
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repository) == 0) {
    git_buf value = GIT_BUF_INIT;
    if (git_config_get_path(&value, config, "core.excludesFile") == 0) path = value.ptr;
    git_buf_dispose(&value);
    git_config_free(config);
  }
  if (!path.empty()) return path;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/git/ignore";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.config/git/ignore";
  return path;
}

bool is_ignored(git_repository* repository, const std::string& path) {
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, repository, path.c_str()) != 0) return false;
  return ignored == 1;
}

}  // namespace

struct IgnoreRules::IgnoreFile {
  std::string base;  // its folder, relative to the root ("" or "a/b/")
  // Its rules, and the same after a first rule "*": a path that neither
  // ignores is whitelisted ("!name"); one only the second ignores matches
  // nothing here, and the .ignore files above decide.
  git_repository* rules = nullptr;
  git_repository* rules_after_all = nullptr;
  ~IgnoreFile() {
    git_repository_free(rules);
    git_repository_free(rules_after_all);
  }
};

IgnoreRules::IgnoreRules(const std::string& root) {
  initialise_libgit2();
  char resolved[PATH_MAX];
  if (::realpath(root.c_str(), resolved) == nullptr) return;
  const std::string absolute(resolved);
  if (git_repository_open_ext(&repository_, absolute.c_str(), 0, nullptr) != 0) {
    repository_ = nullptr;
    return;
  }
  const char* workdir = git_repository_workdir(repository_);
  const std::string inside = absolute + "/";
  if (workdir == nullptr || !inside.starts_with(workdir)) {
    // A bare repository, or the root is not inside the work tree as seen
    // through symbolic links: .gitignore files do not apply.
    git_repository_free(repository_);
    repository_ = nullptr;
    return;
  }
  const std::string top(workdir);
  prefix_ = inside.substr(top.size());
  if (!prefix_.empty() && is_ignored(repository_, prefix_)) {
    // The named folder is itself ignored (a build folder, say): libgit2
    // would call everything in it ignored, for the folder's sake. It was
    // named, so it is walked as if outside the work tree (.ignore files
    // still apply), as ripgrep never matches a named folder against them.
    git_repository_free(repository_);
    repository_ = nullptr;
    prefix_.clear();
    return;
  }
  git_active_above_ = file_has_patterns(std::string(git_repository_path(repository_)) + "info/exclude") ||
                      file_has_patterns(excludes_file(repository_));
  // .gitignore files of the folders above the root, up to the work tree's top.
  std::string folder = top;
  for (std::size_t slash = 0; !git_active_above_ && slash < prefix_.size();) {
    struct stat info {};
    git_active_above_ = ::stat((folder + ".gitignore").c_str(), &info) == 0;
    const std::size_t next = prefix_.find('/', slash);
    folder = top + prefix_.substr(0, next + 1);
    slash = next + 1;
  }
}

IgnoreRules::~IgnoreRules() { git_repository_free(repository_); }

void IgnoreRules::enter(const std::string& relative, int dirfd, bool has_gitignore, bool has_ignore) {
  Level level;
  if (levels_.empty()) {
    level.git_active = git_active_above_;
  } else {
    level = levels_.back();
  }
  if (repository_ != nullptr && has_gitignore) level.git_active = true;
  ignore_files_.resize(level.ignore_files);
  if (has_ignore) {
    const std::string text = read_whole(dirfd, ".ignore");
    if (has_patterns(text)) {
      auto file = std::make_unique<IgnoreFile>();
      file->base = relative;
      if (git_repository_new(&file->rules) == 0 && git_ignore_add_rule(file->rules, text.c_str()) == 0 &&
          git_repository_new(&file->rules_after_all) == 0 &&
          git_ignore_add_rule(file->rules_after_all, ("*\n" + text).c_str()) == 0) {
        ignore_files_.push_back(std::move(file));
        level.ignore_files = ignore_files_.size();
      }
    }
  }
  levels_.push_back(level);
}

void IgnoreRules::leave() {
  levels_.pop_back();
  if (!levels_.empty()) ignore_files_.resize(levels_.back().ignore_files);
}

bool IgnoreRules::ignored(const std::string& relative, bool folder) {
  const Level& level = levels_.back();
  // The deepest .ignore first; the first that matches the path decides.
  for (std::size_t i = level.ignore_files; i > 0; --i) {
    const IgnoreFile& file = *ignore_files_[i - 1];
    std::string path = relative.substr(file.base.size());
    if (folder) path += '/';
    if (is_ignored(file.rules, path)) return true;
    if (!is_ignored(file.rules_after_all, path)) return false;
  }
  if (!level.git_active) return false;
  // A trailing slash tells libgit2 the path is a folder (no stat for it).
  std::string path = prefix_ + relative;
  if (folder) path += '/';
  return is_ignored(repository_, path);
}

}  // namespace digestkit::archive_detail
