// In-place rewriting without a window in which the file is half written:
// temporary file in the same directory, fsync, rename over the original,
// fsync of the directory so that the rename itself is durable. As black
// does, a file that changed on disk since it was read is not replaced.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <functional>
#include <string>

#include "digestkit/format.hpp"
#include "support/file_descriptor.hpp"
#include "temporary_files.hpp"

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

// Writes `content` to the open temporary file with the original's owner,
// group and mode, and makes it durable. The owner first: chown clears the
// set-ID bits, chmod then sets them again where the kernel allows.
using WriteContent = std::function<std::optional<std::string>(int fd)>;

std::optional<std::string> fill_temporary(int fd, const WriteContent& write_content,
                                          const struct stat& original, std::vector<std::string>* warnings) {
  const auto warn = [&](std::string text) {
    if (warnings != nullptr) warnings->push_back(std::move(text));
  };
  if (auto error = write_content(fd)) return error;
  if (::geteuid() == 0) {
    if (::fchown(fd, original.st_uid, original.st_gid) != 0)
      return system_error("cannot copy the file's owner", errno);
  } else if (original.st_gid != ::getegid() && ::fchown(fd, static_cast<uid_t>(-1), original.st_gid) != 0) {
    // Only a member of the group can give a file to it.
    warn(fmt::format("could not keep the file's group (gid {}): {}; it now has group {}", original.st_gid,
                     std::strerror(errno), ::getegid()));
  }
  const mode_t wanted = original.st_mode & 07777;
  if (::fchmod(fd, wanted) != 0) return system_error("cannot copy the file's permissions", errno);
  struct stat written {};
  if (::fstat(fd, &written) == 0 && (written.st_mode & 07777) != wanted) {
    warn(fmt::format("could not keep the file's mode {:04o} (it is now {:04o})", wanted,
                     written.st_mode & 07777));
  }
  if (::fsync(fd) != 0) return system_error("cannot flush the temporary file", errno);
  return std::nullopt;
}

FileStamp stamp_of(const struct stat& status) {
  return FileStamp{static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
                   static_cast<std::uint64_t>(status.st_size),
                   static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

// ".NAME.digest-fmt-XXXXXX", or ".digest-fmt-XXXXXX" when that would be
// longer than the directory allows a name to be.
std::string temporary_name(const std::filesystem::path& target) {
  const std::string name = target.filename().string();
  long limit = ::pathconf(target.parent_path().c_str(), _PC_NAME_MAX);
  if (limit <= 0) limit = NAME_MAX;
  const std::string named = fmt::format(".{}.digest-fmt-XXXXXX", name);
  return (target.parent_path() /
          (named.size() <= static_cast<std::size_t>(limit) ? named : ".digest-fmt-XXXXXX"))
      .string();
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

std::optional<std::string> replace_with(const std::filesystem::path& path, const WriteContent& write_content,
                                        const ReplaceOptions& options) {
  // Rewrite the file a symlink points to, keeping the link.
  std::error_code ec;
  const std::filesystem::path target = std::filesystem::canonical(path, ec);
  if (ec) return fmt::format("cannot resolve {}: {}", path.string(), ec.message());
  const std::string file = target.string();
  const std::string directory = target.parent_path().string();

  struct stat original {};
  if (::stat(file.c_str(), &original) != 0) return system_error("cannot inspect the file", errno);
  if (!S_ISREG(original.st_mode)) return std::string("not a regular file");
  if (options.expected && stamp_of(original) != *options.expected) {
    return std::string("the file changed on disk since it was read");
  }
  if (auto refusal = refuse_read_only(file, directory, original)) return refusal;
  format_detail::remove_stale_temporaries(directory, options.warnings);

  std::string temporary = temporary_name(target);
  FileDescriptor fd(::mkstemp(temporary.data()));
  if (fd.get() < 0) return system_error("cannot create a temporary file in " + directory, errno);
  const format_detail::TemporaryFileGuard guard(temporary);

  auto error = fill_temporary(fd.get(), write_content, original, options.warnings);
  if (!error && fd.close() != 0) error = system_error("cannot close the temporary file", errno);
  if (!error && options.expected) {
    // Once more just before the rename: a writer may have come meanwhile.
    struct stat now {};
    if (::stat(file.c_str(), &now) != 0 || stamp_of(now) != *options.expected)
      error = std::string("the file changed on disk since it was read");
  }
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

}  // namespace

std::optional<std::string> replace_file_atomically(const std::filesystem::path& path,
                                                   std::string_view content, const ReplaceOptions& options) {
  return replace_with(
      path, [content](int fd) { return write_all(fd, content); }, options);
}

std::optional<std::string> replace_file_atomically(const std::filesystem::path& path, const Spool& content,
                                                   const ReplaceOptions& options) {
  return replace_with(
      path,
      [&content](int fd) -> std::optional<std::string> {
        std::optional<std::string> error;
        try {
          content.for_each_piece([&](std::string_view piece) {
            error = write_all(fd, piece);
            return !error;
          });
        } catch (const SpoolError& spool_error) {
          error = spool_error.what();
        }
        return error;
      },
      options);
}

}  // namespace digestkit
