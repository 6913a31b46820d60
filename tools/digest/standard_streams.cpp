#include "standard_streams.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace digest_cli {

void sanitize_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int opened = ::open("/dev/null", O_RDONLY);
    if (opened >= 0 && opened != fd) {  // a lower descriptor was closed too and took it
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
}

namespace {

// Why writing to standard output failed, when the failing write's errno is
// gone (stdio reports the error flag later, not the cause): the descriptor
// is not open for writing, the pipe's reader is gone, or a write of one
// byte says (a full disk answers ENOSPC without taking it).
int write_error_cause() {
  const int flags = ::fcntl(STDOUT_FILENO, F_GETFL);
  if (flags == -1 || (flags & O_ACCMODE) == O_RDONLY) return EBADF;
  struct stat info {};
  if (::fstat(STDOUT_FILENO, &info) == 0 && (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode))) {
    pollfd probe{STDOUT_FILENO, POLLOUT, 0};
    if (::poll(&probe, 1, 0) == 1 && (probe.revents & POLLERR) != 0) return EPIPE;
    return EIO;
  }
  if (::write(STDOUT_FILENO, "\n", 1) < 0) return errno;
  return EIO;
}

}  // namespace

int finish_standard_output(int exit_code) {
  std::cout.flush();
  errno = 0;
  const bool flush_failed = std::fflush(stdout) != 0;
  int cause = flush_failed ? errno : 0;
  if (!flush_failed && std::ferror(stdout) == 0 && std::cout.good()) return exit_code;
  if (cause == 0) cause = write_error_cause();
  std::fprintf(stderr, "digest: cannot write standard output: %s\n", std::strerror(cause));
  return 2;
}

}  // namespace digest_cli
