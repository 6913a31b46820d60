// The default folder report paths are relative to: the work tree of the git
// repository around the current folder (what code scanning resolves
// relative URIs against), else the current folder.
#include <system_error>

#include "digestkit/lint_report.hpp"

namespace digestkit::lint {

std::filesystem::path default_report_root(const std::filesystem::path& from) {
  const std::filesystem::path start = std::filesystem::absolute(from).lexically_normal();
  for (std::filesystem::path folder = start;; folder = folder.parent_path()) {
    std::error_code error;
    // ".git" is a folder in a clone and a file in a worktree or submodule.
    if (std::filesystem::exists(folder / ".git", error)) return folder;
    if (folder == folder.parent_path()) break;
  }
  return start;
}

}  // namespace digestkit::lint
