#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <system_error>

#include <fmt/format.h>

#include "read_limited.hpp"
#include "support/file_descriptor.hpp"
#include "walk.hpp"

namespace digestkit::archive_detail {

namespace {

std::string errno_message() { return std::error_code(errno, std::generic_category()).message(); }

using support::FileDescriptor;

// read(2) retried on EINTR, in the shape read_limited() expects.
auto reader_for(int fd) {
  return [fd](char* buffer, std::size_t capacity) -> long {
    for (;;) {
      const auto n = ::read(fd, buffer, capacity);
      if (n >= 0 || errno != EINTR) return static_cast<long>(n);
    }
  };
}

// Reads fd to the end into a new InputFile, or reports why it could not.
void read_descriptor(int fd, std::uint64_t size_hint, ShortRead short_read, std::string name,
                     std::string_view what, const InputOptions& options, const Visit& visit,
                     const OnError& on_error, std::optional<FileStamp> stamp = std::nullopt) {
  if (size_hint > options.max_file_size) {
    on_error(InputError{std::move(name), over_member_limit_message(what, options.max_file_size, size_hint)});
    return;
  }
  InputFile file;
  switch (read_limited(reader_for(fd), size_hint, options.max_file_size, file.bytes, short_read)) {
    case ReadStatus::ok:
      file.name = std::move(name);
      file.stamp = stamp;
      visit(std::move(file));
      return;
    case ReadStatus::over_limit:
      on_error(InputError{std::move(name), over_member_limit_message(what, options.max_file_size, 0)});
      return;
    case ReadStatus::failed:
      on_error(InputError{std::move(name), "cannot read: " + errno_message()});
      return;
  }
}

}  // namespace

std::string over_member_limit_message(std::string_view what, std::uint64_t limit,
                                      std::uint64_t size_or_zero) {
  // Archive members have their own limit; plain files and standard input
  // share max_file_size.
  const std::string_view limit_name = what == "member" ? "member size" : "file size";
  const std::string_view option = what == "member" ? "max_member_size" : "max_file_size";
  if (size_or_zero == 0) {
    return fmt::format("{} is larger than the maximum {} of {} bytes ({}); skipped", what, limit_name, limit,
                       option);
  }
  return fmt::format("{} is {} bytes, over the maximum {} of {} bytes ({}); skipped", what, size_or_zero,
                     limit_name, limit, option);
}

void read_plain_file(const std::string& path, const InputOptions& options, const Visit& visit,
                     const OnError& on_error) {
  read_plain_file_at(AT_FDCWD, path, path, options, visit, on_error);
}

void read_plain_file_at(int folder_fd, const std::string& name, std::string path, const InputOptions& options,
                        const Visit& visit, const OnError& on_error) {
  const FileDescriptor fd(::openat(folder_fd, name.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    on_error(InputError{path, "cannot open: " + errno_message()});
    return;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    on_error(InputError{path, "cannot read: " + errno_message()});
    return;
  }
  if (S_ISDIR(info.st_mode)) {
    on_error(InputError{path, "cannot read: is a directory"});
    return;
  }
  // Pipes and character devices report no useful size; regular files do.
  const bool regular = S_ISREG(info.st_mode);
  const std::uint64_t size_hint = regular ? static_cast<std::uint64_t>(info.st_size) : 0;
  // A wider read-ahead pays off for large files read from disk; a small
  // file is read ahead whole anyway, and the call would cost more than it saves.
  constexpr std::uint64_t kReadAheadWorthIt = 1 << 20;
  if (regular && size_hint >= kReadAheadWorthIt) ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  std::optional<FileStamp> stamp;
  if (regular) {
    stamp = FileStamp{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
                      static_cast<std::uint64_t>(info.st_size),
                      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
  }
  read_descriptor(fd.get(), size_hint, regular ? ShortRead::is_end : ShortRead::may_continue, std::move(path),
                  "file", options, visit, on_error, stamp);
}

void read_standard_input(const InputOptions& options, const Visit& visit, const OnError& on_error) {
  struct stat info {};
  const bool regular = ::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode);
  std::uint64_t size_hint = 0;
  if (regular) {
    // Redirected from a file: what is left from the current offset onwards.
    const auto offset = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
    if (offset >= 0 && offset <= info.st_size) size_hint = static_cast<std::uint64_t>(info.st_size - offset);
  }
  const Visit mark = [&visit](InputFile&& file) {
    file.standard_input = true;
    visit(std::move(file));
  };
  read_descriptor(STDIN_FILENO, size_hint, regular ? ShortRead::is_end : ShortRead::may_continue,
                  options.stdin_name, "standard input", options, mark, on_error);
}

}  // namespace digestkit::archive_detail
