// The signal handler may run on any thread at any moment, so the registry is
// fixed-size and lock-free: each slot holds a path guarded by a sequence
// number (odd while it is being written), and the handler unlinks a copy of
// a path only if the number did not change while it copied it — a path
// half-overwritten by another registration is never unlinked.
#include "temporary_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>
#include <mutex>
#include <set>

#include "support/file_descriptor.hpp"

namespace digestkit::format_detail {
namespace {

constexpr int kSlots = 64;  // more than the threads of a run write at once

struct Slot {
  std::atomic<unsigned> sequence{0};  // odd: being written
  std::atomic<bool> used{false};
  char path[PATH_MAX]{};
};

std::array<Slot, kSlots> registry;

constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};

void remove_registered(int signal) {
  for (Slot& slot : registry) {
    const unsigned before = slot.sequence.load(std::memory_order_acquire);
    if ((before & 1U) != 0 || !slot.used.load(std::memory_order_acquire)) continue;
    char copy[PATH_MAX];
    for (std::size_t i = 0; i < sizeof copy; ++i) {
      copy[i] = slot.path[i];
      if (copy[i] == '\0') break;
    }
    copy[PATH_MAX - 1] = '\0';
    std::atomic_thread_fence(std::memory_order_acquire);
    if (slot.sequence.load(std::memory_order_relaxed) != before) continue;
    ::unlink(copy);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int signal : kSignals) {
      struct sigaction current {};
      if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_registered;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal, &action, nullptr);
    }
  });
}

bool is_our_temporary(std::string_view name) {
  // ".digest-fmt-XXXXXX" or ".NAME.digest-fmt-XXXXXX": six characters of mkstemp's.
  constexpr std::string_view kMark = ".digest-fmt-";
  if (name.size() < kMark.size() + 6 || name.front() != '.') return false;
  return name.substr(name.size() - 6 - kMark.size(), kMark.size()) == kMark;
}

}  // namespace

TemporaryFileGuard::TemporaryFileGuard(const std::string& path) {
  if (path.size() >= PATH_MAX) return;
  install_handlers();
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    Slot& slot = registry[static_cast<std::size_t>(i)];
    if (!slot.used.compare_exchange_strong(expected, true)) continue;
    slot.sequence.fetch_add(1, std::memory_order_acq_rel);  // odd: writing
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.sequence.fetch_add(1, std::memory_order_release);  // even: ready
    slot_ = i;
    return;
  }
}

TemporaryFileGuard::~TemporaryFileGuard() {
  if (slot_ < 0) return;
  Slot& slot = registry[static_cast<std::size_t>(slot_)];
  slot.sequence.fetch_add(1, std::memory_order_acq_rel);
  slot.path[0] = '\0';
  slot.sequence.fetch_add(1, std::memory_order_release);
  slot.used.store(false, std::memory_order_release);
}

void remove_stale_temporaries(const std::string& directory, std::vector<std::string>* removed) {
  static std::mutex mutex;
  static std::set<std::string> swept;
  {
    std::lock_guard lock(mutex);
    if (!swept.insert(directory).second) return;
  }
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) return;
  const std::time_t now = std::time(nullptr);
  constexpr std::time_t kStaleAfter = 10 * 60;
  while (const dirent* entry = ::readdir(listing)) {
    const std::string_view name = entry->d_name;
    if (!is_our_temporary(name)) continue;
    struct stat status {};
    if (::fstatat(::dirfd(listing), entry->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(status.st_mode) || now - status.st_mtime < kStaleAfter) continue;
    if (::unlinkat(::dirfd(listing), entry->d_name, 0) == 0 && removed != nullptr) {
      removed->push_back(fmt::format("removed {}/{}, a temporary file a stopped run left", directory, name));
    }
  }
  ::closedir(listing);
}

}  // namespace digestkit::format_detail
