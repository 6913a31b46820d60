#include <archive.h>
#include <archive_entry.h>

#include <fmt/format.h>

#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <unordered_set>

#include "gzip_stream.hpp"
#include "read_limited.hpp"
#include "support/file_descriptor.hpp"
#include "walk.hpp"

namespace digestkit {
namespace archive_detail {

namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchiveHandle = std::unique_ptr<archive, ArchiveCloser>;

// Large blocks keep the per-call overhead of the decompressors low.
constexpr std::size_t block_size = 1 << 20;

std::string error_text(archive* a) {
  const char* text = archive_error_string(a);
  return text != nullptr ? text : "unknown libarchive error";
}

// libarchive converts member names between the archive's charset and the
// current locale's. In the default "C" locale names in UTF-8 (zip's UTF-8
// flag, pax headers) cannot be converted and come back empty, so libarchive
// is called with a UTF-8 locale on this thread only, and only while it reads
// headers: neither the process locale nor the caller's callbacks are ours to
// change.
class ThreadUtf8Locale {
 public:
  ThreadUtf8Locale() {
    static const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (utf8 != static_cast<locale_t>(nullptr)) previous_ = ::uselocale(utf8);
  }
  ThreadUtf8Locale(const ThreadUtf8Locale&) = delete;
  ThreadUtf8Locale& operator=(const ThreadUtf8Locale&) = delete;
  ~ThreadUtf8Locale() {
    if (previous_ != static_cast<locale_t>(nullptr)) ::uselocale(previous_);
  }

 private:
  locale_t previous_ = static_cast<locale_t>(nullptr);
};

// Where an archive's bytes come from: a file on disk or a buffer in memory.
struct ArchiveSource {
  const std::string* path = nullptr;  // the file, when not in memory
  std::string_view bytes;             // the bytes, when in memory
};

// Only the formats and filters we promise; every other reader stays off, so
// a hostile input cannot reach code we do not need. A gzip stream is
// decompressed here (GzipStream, which checks every member's trailer), so
// libarchive's gzip filter only ever meets gzip inside gzip.
ArchiveHandle new_reader(std::string& error) {
  ArchiveHandle a(archive_read_new());
  if (!a) {
    error = "cannot allocate an archive reader";
    return nullptr;
  }
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_empty(a.get());
  return a;
}

// An open archive: libarchive's reader and, for a gzip stream, the
// decompressor that feeds it (and the file it reads).
class OpenArchive {
 public:
  OpenArchive(const ArchiveSource& source, std::string& error) {
    a_ = new_reader(error);
    if (!a_) return;
    if (source.path == nullptr) {
      open_memory(source.bytes, error);
    } else {
      open_file(*source.path, error);
    }
    if (!error.empty()) a_.reset();
  }

  [[nodiscard]] archive* get() const { return a_.get(); }

  // Compressed bytes read so far, to bound the expansion ratio.
  [[nodiscard]] std::uint64_t compressed_bytes() const {
    if (gzip_) return gzip_->compressed_bytes();
    const la_int64_t n = archive_filter_bytes(a_.get(), -1);
    return n > 0 ? static_cast<std::uint64_t>(n) : 0;
  }

  // The rest of a gzip stream after the archive's end marker, so that the
  // last member's trailer is checked too: the bytes expanded (counted by
  // the caller's limits through keep_going) or nullopt with the reason.
  [[nodiscard]] std::optional<std::string> finish_gzip(const std::function<bool(std::uint64_t)>& keep_going) {
    if (!gzip_) return std::nullopt;
    std::string scratch(64 * 1024, '\0');
    for (;;) {
      const long n = gzip_->read(scratch.data(), scratch.size());
      if (n == 0) return std::nullopt;
      if (n < 0) return gzip_->error();
      if (!keep_going(static_cast<std::uint64_t>(n))) return std::nullopt;
    }
  }

 private:
  void open_memory(std::string_view bytes, std::string& error) {
    if (GzipStream::starts_gzip(bytes)) {
      memory_ = bytes;
      open_gzip(
          [this](std::string_view& block, std::string&) {
            block = memory_;
            memory_ = {};
            return true;
          },
          error);
      return;
    }
    if (archive_read_open_memory(a_.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
      error = "cannot read archive: " + error_text(a_.get());
  }

  void open_file(const std::string& path, std::string& error) {
    fd_ = std::make_unique<support::FileDescriptor>(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd_->get() < 0) {
      error = "cannot open: " + std::string(std::strerror(errno));
      return;
    }
    char magic[2] = {};
    const bool gzip = ::pread(fd_->get(), magic, sizeof magic, 0) == sizeof magic &&
                      GzipStream::starts_gzip(std::string_view(magic, sizeof magic));
    if (!gzip) {
      // libarchive reads the file itself (and seeks in it: zip's directory).
      if (archive_read_open_fd(a_.get(), fd_->get(), block_size) != ARCHIVE_OK)
        error = "cannot read archive: " + error_text(a_.get());
      return;
    }
    block_.resize(block_size);
    open_gzip(
        [this](std::string_view& block, std::string& why) {
          for (;;) {
            const auto n = ::read(fd_->get(), block_.data(), block_.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
              why = std::strerror(errno);
              return false;
            }
            block = std::string_view(block_.data(), static_cast<std::size_t>(n));
            return true;
          }
        },
        error);
  }

  void open_gzip(RawBlocks raw, std::string& error) {
    gzip_ = std::make_unique<GzipStream>(std::move(raw));
    decompressed_.resize(block_size);
    const auto read = [](archive* a, void* self, const void** buffer) -> la_ssize_t {
      auto& me = *static_cast<OpenArchive*>(self);
      const long n = me.gzip_->read(me.decompressed_.data(), me.decompressed_.size());
      if (n < 0) {
        archive_set_error(a, EINVAL, "%s", me.gzip_->error().c_str());
        return ARCHIVE_FATAL;
      }
      *buffer = me.decompressed_.data();
      return n;
    };
    if (archive_read_open(a_.get(), this, nullptr, read, nullptr) != ARCHIVE_OK) {
      // A small archive is decompressed whole by the first read, trailer check
      // included: a damaged stream shows here already.
      error = (gzip_->error().empty() ? "cannot read archive: " : "corrupt archive: ") + error_text(a_.get());
    }
  }

  ArchiveHandle a_;
  std::unique_ptr<support::FileDescriptor> fd_;
  std::unique_ptr<GzipStream> gzip_;
  std::string_view memory_;
  std::string block_;
  std::string decompressed_;
};

// Member names are shown as stored; libarchive gives UTF-8 when the archive
// says what its names are encoded in, the raw bytes otherwise.
std::string member_name(archive_entry* entry, std::uint64_t index) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_pathname(entry)) return raw;
  return fmt::format("<member {} without a name>", index);
}

std::optional<std::string> link_target(archive_entry* entry) {
  if (const char* utf8 = archive_entry_hardlink_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_hardlink(entry)) return raw;
  return std::nullopt;
}

std::string symlink_target(archive_entry* entry) {
  if (const char* utf8 = archive_entry_symlink_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_symlink(entry)) return raw;
  return {};
}

// Two spellings of one path ("./a.txt", "a.txt") are one member.
std::string path_key(const std::string& member) { return safe_relative_path(member).value_or(member); }

// A hard-link member without data (tar's typeflag '1'): its content is that
// of an earlier member, read on a second pass over the archive.
struct PendingLink {
  std::string member;  // the link's own name
  std::string target;  // the name it links to
};

class ArchiveWalk {
 public:
  ArchiveWalk(const std::string& path, const ArchiveSource& source, const InputOptions& options,
              const Visit& visit, const OnError& on_error)
      : path_(path), source_(source), options_(options), visit_(visit), on_error_(on_error) {}

  void run() {
    if (!open()) return;
    for (std::uint64_t index = 0;; ++index) {
      archive_entry* entry = nullptr;
      const auto status = next_header(entry, index);
      if (status == Header::end) break;
      if (status == Header::stop) return;
      if (!take_entry(entry, member_)) return;
    }
    if (!finish()) return;
    if (!links_.empty()) resolve_links();
  }

 private:
  enum class Header { member, end, stop };

  bool open() {
    std::string error;
    {
      const ThreadUtf8Locale locale;
      archive_ = std::make_unique<OpenArchive>(source_, error);
    }
    if (archive_->get() == nullptr) {
      on_error_(InputError{path_, std::move(error)});
      return false;
    }
    return true;
  }

  Header next_header(archive_entry*& entry, std::uint64_t index) {
    int status = ARCHIVE_OK;
    {
      const ThreadUtf8Locale locale;
      status = archive_read_next_header(a(), &entry);
      if (status == ARCHIVE_OK || status == ARCHIVE_WARN) member_ = member_name(entry, index);
    }
    if (status == ARCHIVE_EOF) return Header::end;
    if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY) {
      on_error_(InputError{path_, "corrupt archive: " + error_text(a()) + stop_note(index)});
      return Header::stop;
    }
    // ARCHIVE_WARN (e.g. an unconvertible name) still yields a usable entry.
    return Header::member;
  }

  // The end of the archive: the rest of a gzip stream is read and checked.
  bool finish() {
    const auto failure = archive_->finish_gzip([this](std::uint64_t n) {
      total_ += n;
      return !over_limits(0, "the end of the archive");
    });
    if (failure) {
      on_error_(InputError{path_, "corrupt archive: " + *failure});
      return false;
    }
    return !stopped_;
  }

  [[nodiscard]] archive* a() const { return archive_->get(); }

  [[nodiscard]] std::string stop_note(std::uint64_t members_seen) const {
    return members_seen == 0 ? std::string() : "; rest of the archive skipped";
  }

  // Returns false when the rest of the archive cannot or must not be read.
  bool take_entry(archive_entry* entry, const std::string& member) {
    const bool wanted = has_wanted_extension(member, options_.extensions);
    if (const auto target = link_target(entry); target && archive_entry_size(entry) <= 0) {
      if (wanted) links_.push_back(PendingLink{member, *target});
      return true;
    }
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFLNK) {
      if (wanted) {
        on_error_(InputError{path_ + ":" + member,
                             "symbolic link to \"" + symlink_target(entry) + "\"; skipped (not followed)",
                             true});
      }
      return true;
    }
    if (type != AE_IFREG) return true;
    if (wanted && !seen_.insert(path_key(member)).second) {
      on_error_(InputError{path_ + ":" + member, "duplicate member path; only the first copy is read"});
      return skip_data(entry, member);
    }
    if (!wanted) return skip_data(entry, member);
    return take_member(entry, member, {member});
  }

  // Skipped members still count towards the expanded total: they cost the
  // decompressor the same work.
  bool skip_data(archive_entry* entry, const std::string& member) {
    if (archive_entry_size_is_set(entry) != 0) {
      total_ += declared_size(entry);
      return !over_limits(0, member);
    }
    return drain(path_ + ":" + member, member);
  }

  static std::uint64_t declared_size(archive_entry* entry) {
    return static_cast<std::uint64_t>(std::max<la_int64_t>(archive_entry_size(entry), 0));
  }

  // Reads one member and visits it under each of names (itself, or the hard
  // links to it).
  bool take_member(archive_entry* entry, const std::string& member, const std::vector<std::string>& names) {
    const std::string shown = path_ + ":" + names.front();
    const bool size_known = archive_entry_size_is_set(entry) != 0;
    const auto declared = size_known ? declared_size(entry) : std::uint64_t{0};
    if (size_known && declared > total_left()) {
      on_error_(InputError{shown, over_total_message(member)});
      return false;
    }
    if (size_known && declared > options_.max_member_size) {
      total_ += declared;
      on_error_(InputError{shown, over_member_limit_message("member", options_.max_member_size, declared)});
      return !over_limits(0, member);
    }
    const bool total_is_tighter = total_left() < options_.max_member_size;
    InputFile file;
    int failure = ARCHIVE_OK;
    std::uint64_t read_so_far = 0;
    const auto status = read_limited(
        [&](char* buffer, std::size_t capacity) -> long {
          const auto n = archive_read_data(a(), buffer, capacity);
          if (n < 0) failure = static_cast<int>(n);
          if (n > 0) read_so_far += static_cast<std::uint64_t>(n);
          if (n > 0 && over_ratio(read_so_far)) return -1;
          return static_cast<long>(n);
        },
        declared, std::min(options_.max_member_size, total_left()), file.bytes);
    if (over_ratio(read_so_far)) {
      on_error_(InputError{shown, over_ratio_message(member)});
      stopped_ = true;
      return false;
    }
    switch (status) {
      case ReadStatus::ok:
        total_ += file.bytes.size();
        file.container = path_;
        for (std::size_t i = 0; i < names.size(); ++i) {
          InputFile copy;
          copy.name = path_ + ":" + names[i];
          copy.container = path_;
          copy.bytes = i + 1 == names.size() ? std::move(file.bytes) : file.bytes;
          visit_(std::move(copy));
        }
        return true;
      case ReadStatus::over_limit:
        if (total_is_tighter) {
          on_error_(InputError{shown, over_total_message(member)});
          return false;
        }
        total_ += file.bytes.size();
        file.bytes = std::string();
        on_error_(InputError{shown, over_member_limit_message("member", options_.max_member_size, 0)});
        return drain(shown, member);
      case ReadStatus::failed:
        return report_data_error(shown, failure);
    }
    return false;
  }

  // Reads and discards the rest of a member of undeclared size, counting it
  // towards the expanded total, so that a member that never ends cannot keep
  // the decompressor busy past the limit.
  bool drain(const std::string& shown, const std::string& member) {
    std::string scratch(64 * 1024, '\0');
    for (;;) {
      const auto n = archive_read_data(a(), scratch.data(), scratch.size());
      if (n == 0) return true;
      if (n < 0) return report_data_error(shown, static_cast<int>(n));
      total_ += static_cast<std::uint64_t>(n);
      if (over_limits(0, member)) return false;
    }
  }

  // Whether the expanded bytes (total_ plus pending, not yet counted) are
  // over the total size or the expansion ratio; reports it once and stops.
  bool over_limits(std::uint64_t pending, const std::string& member) {
    if (stopped_) return true;
    if (total_ + pending > options_.max_total_size) {
      on_error_(InputError{path_, over_total_message(member)});
      stopped_ = true;
    } else if (over_ratio(pending)) {
      on_error_(InputError{path_, over_ratio_message(member)});
      stopped_ = true;
    }
    return stopped_;
  }

  // A decompression bomb: far more bytes out than in. Small archives are
  // exempt (a few blocks of tar padding compress to almost nothing).
  [[nodiscard]] bool over_ratio(std::uint64_t pending) const {
    const std::uint64_t expanded = total_ + pending;
    if (options_.max_expansion_ratio == 0 || expanded <= options_.expansion_ratio_floor) return false;
    return expanded / std::max<std::uint64_t>(archive_->compressed_bytes(), 1) >=
           options_.max_expansion_ratio;
  }

  bool report_data_error(const std::string& shown, int failure) {
    const bool fatal = failure == ARCHIVE_FATAL;
    on_error_(InputError{shown, "corrupt archive member: " + error_text(a()) +
                                    (fatal ? "; rest of the archive skipped" : "")});
    return !fatal;
  }

  // The second pass: every hard link gets the content of the member it
  // names (following links to links), read again from the archive.
  void resolve_links() {
    std::map<std::string, std::string> link_to;  // link key -> target key
    for (const auto& link : links_) link_to.emplace(path_key(link.member), path_key(link.target));
    std::map<std::string, std::vector<std::string>> wanted;  // member key -> link names
    for (const auto& link : links_) {
      std::string target = path_key(link.target);
      for (std::size_t hops = 0; hops < links_.size() && link_to.count(target) != 0; ++hops)
        target = link_to[target];
      if (!seen_.insert(path_key(link.member)).second) {
        on_error_(
            InputError{path_ + ":" + link.member, "duplicate member path; only the first copy is read"});
        continue;
      }
      wanted[target].push_back(link.member);
    }
    if (!open()) return;
    for (std::uint64_t index = 0; !wanted.empty(); ++index) {
      archive_entry* entry = nullptr;
      const auto status = next_header(entry, index);
      if (status == Header::stop) return;
      if (status == Header::end) break;
      const auto found = wanted.find(path_key(member_));
      if (found == wanted.end() || archive_entry_filetype(entry) != AE_IFREG || link_target(entry)) {
        if (!skip_data(entry, member_)) return;
        continue;
      }
      if (!take_member(entry, member_, found->second)) return;
      wanted.erase(found);
    }
    for (const auto& [target, names] : wanted) {
      for (const auto& name : names)
        on_error_(InputError{path_ + ":" + name,
                             "hard link to \"" + target + "\", which is not a file in the archive; skipped"});
    }
  }

  [[nodiscard]] std::uint64_t total_left() const {
    return options_.max_total_size - std::min(total_, options_.max_total_size);
  }

  [[nodiscard]] std::string over_total_message(const std::string& member) const {
    return fmt::format(
        "archive expands to more than the maximum total size of {} bytes (max_total_size) at member \"{}\"; "
        "rest of the archive skipped",
        options_.max_total_size, member);
  }

  [[nodiscard]] std::string over_ratio_message(const std::string& member) const {
    return fmt::format(
        "archive expands to more than {} times its compressed size (max_expansion_ratio) at member \"{}\"; "
        "rest of the archive skipped",
        options_.max_expansion_ratio, member);
  }

  const std::string& path_;
  const ArchiveSource& source_;
  const InputOptions& options_;
  const Visit& visit_;
  const OnError& on_error_;
  std::unique_ptr<OpenArchive> archive_;
  std::string member_;
  std::uint64_t total_ = 0;
  bool stopped_ = false;
  std::unordered_set<std::string> seen_;
  std::vector<PendingLink> links_;
};

}  // namespace

void read_archive(const std::string& path, const InputOptions& options, const Visit& visit,
                  const OnError& on_error) {
  const ArchiveSource source{&path, {}};
  ArchiveWalk(path, source, options, visit, on_error).run();
}

}  // namespace archive_detail

void for_each_archive_member(std::string_view bytes, const std::string& name, const InputOptions& options,
                             const std::function<void(InputFile&&)>& visit,
                             const std::function<void(InputError&&)>& on_error) {
  const archive_detail::ArchiveSource source{nullptr, bytes};
  archive_detail::ArchiveWalk(name, source, options, visit, on_error).run();
}

}  // namespace digestkit
