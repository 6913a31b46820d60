#include "output_folders.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace digestkit::convert {

namespace fs = std::filesystem;
using support::FileDescriptor;

std::variant<std::unique_ptr<FileDescriptor>, std::string> open_output_folder(const fs::path& root,
                                                                              const fs::path& relative) {
  std::error_code ec;
  fs::create_directories(root, ec);
  auto folder = std::make_unique<FileDescriptor>(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder->get() < 0) return fmt::format("cannot open {}: {}", root.string(), std::strerror(errno));
  fs::path shown = root;
  for (const fs::path& part : relative.parent_path()) {
    shown /= part;
    if (::mkdirat(folder->get(), part.c_str(), 0777) != 0 && errno != EEXIST)
      return fmt::format("cannot create {}: {}", shown.string(), std::strerror(errno));
    auto next = std::make_unique<FileDescriptor>(
        ::openat(folder->get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next->get() < 0) {
      struct stat status {};
      if (::fstatat(folder->get(), part.c_str(), &status, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(status.st_mode))
        return fmt::format("{} is a symbolic link: not written through", shown.string());
      return fmt::format("cannot create {}: {}", shown.string(), std::strerror(errno));
    }
    folder = std::move(next);
  }
  return folder;
}

fs::path folder_path(const FileDescriptor& folder) {
  return fs::path(fmt::format("/proc/self/fd/{}", folder.get()));
}

}  // namespace digestkit::convert
