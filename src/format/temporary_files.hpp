// Private to the format module: the temporary files of in-place rewrites,
// removed if the program is stopped while one exists, and the stale ones a
// killed run left behind.
#pragma once

#include <string>
#include <vector>

namespace digestkit::format_detail {

// While alive, `path` is unlinked if SIGINT, SIGTERM or SIGHUP stops the
// program (handlers are installed for signals whose action is the default;
// after unlinking, the signal is raised again with that default).
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(const std::string& path);
  ~TemporaryFileGuard();
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;

 private:
  int slot_ = -1;  // -1: the registry was full; the file is then not guarded
};

// Removes, once per directory and process, temporary files of rewrites
// (".NAME.digest-fmt-XXXXXX", ".digest-fmt-XXXXXX") older than ten minutes;
// appends a line per file removed to `removed`.
void remove_stale_temporaries(const std::string& directory, std::vector<std::string>* removed);

}  // namespace digestkit::format_detail
