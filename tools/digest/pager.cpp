#include "pager.hpp"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

namespace digest_cli {
namespace {

std::optional<std::size_t> positive_number(const char* text) {
  if (text == nullptr || *text == '\0') return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(text, &end, 10);
  if (errno != 0 || *end != '\0' || value <= 0) return std::nullopt;
  return static_cast<std::size_t>(value);
}

std::string pager_command() {
  for (const char* name : {"DIGEST_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(name); value != nullptr) return value;
  }
  return "less -FRX";
}

// SIGPIPE ignored while writing to the pager (a reader that quits early is
// not an error), SIGINT and SIGQUIT while waiting for it (they are the
// pager's to handle, as system() does).
class IgnoredSignals {
 public:
  IgnoredSignals() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &pipe_);
    sigaction(SIGINT, &ignore, &interrupt_);
    sigaction(SIGQUIT, &ignore, &quit_);
  }
  ~IgnoredSignals() {
    sigaction(SIGPIPE, &pipe_, nullptr);
    sigaction(SIGINT, &interrupt_, nullptr);
    sigaction(SIGQUIT, &quit_, nullptr);
  }
  IgnoredSignals(const IgnoredSignals&) = delete;
  IgnoredSignals& operator=(const IgnoredSignals&) = delete;

 private:
  struct sigaction pipe_ {};
  struct sigaction interrupt_ {};
  struct sigaction quit_ {};
};

// Runs the pager through sh with text on its standard input. False when it
// could not be started: fork or pipe failed, or sh found no such command.
bool run_pager(const std::string& command, std::string_view text) {
  int fds[2];
  if (::pipe(fds) != 0) return false;
  std::cout.flush();
  IgnoredSignals ignored;
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (child == 0) {
    // Only async-signal-safe calls here. The pager gets the default
    // dispositions back (exec keeps SIG_IGN otherwise).
    std::signal(SIGPIPE, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGQUIT, SIG_DFL);
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t written = ::write(fds[1], data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;  // EPIPE: the pager quit (or never started)
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const bool not_started = WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127);
  return !not_started;
}

}  // namespace

std::size_t output_width(std::optional<std::size_t> explicit_width) {
  if (explicit_width) return *explicit_width;
  if (const auto columns = positive_number(std::getenv("COLUMNS"))) return *columns;
  struct winsize size {};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 130;
}

void print_paged(std::string_view text, bool paging) {
  if (paging && !text.empty() && ::isatty(STDOUT_FILENO) == 1) {
    const std::string command = pager_command();
    if (command.empty() || command == "cat") {
      // no pager
    } else if (run_pager(command, text)) {
      return;
    }
  }
  std::cout << text << std::flush;
}

}  // namespace digest_cli
