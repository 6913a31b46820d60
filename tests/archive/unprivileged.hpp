// Permission tests must hold when the suite runs as root (as in CI), where
// permission bits stop nothing: the check then runs in a child process that
// has dropped to the unprivileged user "nobody".
#pragma once

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>

namespace digestkit::testing {

// Runs check() with no privileges and returns its verdict. As root, the
// files it touches must be reachable by others (make_world_reachable).
inline bool run_unprivileged(const std::function<bool()>& check) {
  if (::geteuid() != 0) return check();
  const pid_t child = ::fork();
  if (child == 0) {
    constexpr uid_t kNobody = 65534;
    if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(3);
    ::_exit(check() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

inline void make_world_reachable(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  const auto open = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                    fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(root, open);
  for (const auto& item : fs::recursive_directory_iterator(root)) fs::permissions(item.path(), open);
}

}  // namespace digestkit::testing
