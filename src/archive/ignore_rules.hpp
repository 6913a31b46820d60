// Which files and folders a directory walk skips because an ignore file says
// so, decided by libgit2 (not by a matcher of our own), as ripgrep decides:
// inside a git work tree .gitignore files, .git/info/exclude and
// core.excludesFile apply; .ignore files apply everywhere and take
// precedence over them. Outside a work tree .gitignore files do not apply.
#pragma once

#include <memory>
#include <string>
#include <vector>

struct git_repository;

namespace digestkit::archive_detail {

class IgnoreRules {
 public:
  // The rules of a walk of `root` (a folder): the enclosing work tree, if
  // any, is opened once here.
  explicit IgnoreRules(const std::string& root);
  IgnoreRules(const IgnoreRules&) = delete;
  IgnoreRules& operator=(const IgnoreRules&) = delete;
  ~IgnoreRules();

  // Entering the folder `relative` ("" for the root, else "a/b/" with the
  // slash), which holds a .gitignore and/or a .ignore file (the walk lists
  // it, so no extra lookups); dirfd is the folder, to read .ignore from.
  void enter(const std::string& relative, int dirfd, bool has_gitignore, bool has_ignore);
  void leave();

  // Whether a child of the folder entered last is ignored; `relative` is its
  // path from the root (without a trailing slash). Asks libgit2 only while
  // some ignore file applies to the folder.
  [[nodiscard]] bool ignored(const std::string& relative, bool folder);

 private:
  struct IgnoreFile;  // one .ignore file, as an in-memory repository
  struct Level {
    bool git_active = false;       // some git ignore source applies here
    std::size_t ignore_files = 0;  // .ignore files in force (a prefix of ignore_files_)
  };

  git_repository* repository_ = nullptr;  // the work tree's, or null
  std::string prefix_;                    // the root relative to the work tree ("" or "x/y/")
  bool git_active_above_ = false;         // info/exclude, excludesFile, .gitignore above the root
  std::vector<std::unique_ptr<IgnoreFile>> ignore_files_;
  std::vector<Level> levels_;
};

}  // namespace digestkit::archive_detail
