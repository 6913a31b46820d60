// In-place rewriting without a window in which the file is half written:
// temporary file in the same directory, fsync, rename over the original,
// fsync of the directory so that the rename itself is durable.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "digestkit/format.hpp"
#include "support/file_descriptor.hpp"

namespace digestkit {
namespace {

constexpr mode_t kAnyWriteBit = S_IWUSR | S_IWGRP | S_IWOTH;

std::string system_error(std::string_view what, int error) {
  return fmt::format("{}: {}", what, std::strerror(error));
}

using support::FileDescriptor;

std::optional<std::string> write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return system_error("cannot write the temporary file", errno);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return std::nullopt;
}

// Writes `content` to the open temporary file with the original's mode and
// owner, and makes it durable.
std::optional<std::string> fill_temporary(int fd, std::string_view content, const struct stat& original) {
  if (auto error = write_all(fd, content)) return error;
  if (::fchmod(fd, original.st_mode & 07777) != 0)
    return system_error("cannot copy the file's permissions", errno);
  if (::geteuid() == 0 && ::fchown(fd, original.st_uid, original.st_gid) != 0) {
    return system_error("cannot copy the file's owner", errno);
  }
  if (::fsync(fd) != 0) return system_error("cannot flush the temporary file", errno);
  return std::nullopt;
}

std::optional<std::string> refuse_read_only(const std::string& file, const std::string& directory,
                                            const struct stat& file_status) {
  if ((file_status.st_mode & kAnyWriteBit) == 0 || ::access(file.c_str(), W_OK) != 0) {
    return std::string("the file is read-only");
  }
  struct stat directory_status {};
  if (::stat(directory.c_str(), &directory_status) != 0) {
    return system_error("cannot inspect its directory " + directory, errno);
  }
  if ((directory_status.st_mode & kAnyWriteBit) == 0 || ::access(directory.c_str(), W_OK | X_OK) != 0) {
    return fmt::format("its directory {} is not writable (a temporary file is needed next to it)", directory);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> replace_file_atomically(const std::filesystem::path& path,
                                                   std::string_view content) {
  // Rewrite the file a symlink points to, keeping the link.
  std::error_code ec;
  const std::filesystem::path target = std::filesystem::canonical(path, ec);
  if (ec) return fmt::format("cannot resolve {}: {}", path.string(), ec.message());
  const std::string file = target.string();
  const std::string directory = target.parent_path().string();

  struct stat original {};
  if (::stat(file.c_str(), &original) != 0) return system_error("cannot inspect the file", errno);
  if (!S_ISREG(original.st_mode)) return std::string("not a regular file");
  if (auto refusal = refuse_read_only(file, directory, original)) return refusal;

  std::string temporary =
      (target.parent_path() / fmt::format(".{}.digest-fmt-XXXXXX", target.filename().string())).string();
  FileDescriptor fd(::mkstemp(temporary.data()));
  if (fd.get() < 0) return system_error("cannot create a temporary file in " + directory, errno);

  auto error = fill_temporary(fd.get(), content, original);
  if (!error && fd.close() != 0) error = system_error("cannot close the temporary file", errno);
  if (!error && ::rename(temporary.c_str(), file.c_str()) != 0) {
    error = system_error("cannot rename the temporary file over the original", errno);
  }
  if (error) {
    ::unlink(temporary.c_str());
    return error;
  }
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());  // best effort: the new content is already in place
  return std::nullopt;
}

}  // namespace digestkit
