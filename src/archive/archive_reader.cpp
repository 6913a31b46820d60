#include <archive.h>
#include <archive_entry.h>

#include <fmt/format.h>

#include <locale.h>
#include <memory>

#include "read_limited.hpp"
#include "walk.hpp"

namespace digestkit::archive_detail {

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

// Only the formats and filters we promise; every other reader stays off, so
// a hostile input cannot reach code we do not need.
ArchiveHandle open_archive(const std::string& path, std::string& error) {
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
  if (archive_read_open_filename(a.get(), path.c_str(), block_size) != ARCHIVE_OK) {
    error = "cannot read archive: " + error_text(a.get());
    return nullptr;
  }
  return a;
}

// Member names are shown as stored; libarchive gives UTF-8 when the archive
// says what its names are encoded in, the raw bytes otherwise.
std::string member_name(archive_entry* entry, std::uint64_t index) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_pathname(entry)) return raw;
  return fmt::format("<member {} without a name>", index);
}

class ArchiveWalk {
 public:
  ArchiveWalk(const std::string& path, archive* a, const InputOptions& options, const Visit& visit,
              const OnError& on_error)
      : path_(path), a_(a), options_(options), visit_(visit), on_error_(on_error) {}

  void run() {
    for (std::uint64_t index = 0;; ++index) {
      archive_entry* entry = nullptr;
      int status = ARCHIVE_OK;
      std::string member;
      {
        const ThreadUtf8Locale locale;
        status = archive_read_next_header(a_, &entry);
        if (status == ARCHIVE_OK || status == ARCHIVE_WARN) member = member_name(entry, index);
      }
      if (status == ARCHIVE_EOF) return;
      if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY) {
        on_error_(InputError{path_, "corrupt archive: " + error_text(a_) + stop_note(index)});
        return;
      }
      // ARCHIVE_WARN (e.g. an unconvertible name) still yields a usable entry.
      if (archive_entry_filetype(entry) != AE_IFREG) continue;
      if (!take_member(entry, member)) return;
    }
  }

 private:
  [[nodiscard]] std::string stop_note(std::uint64_t members_seen) const {
    return members_seen == 0 ? std::string() : "; rest of the archive skipped";
  }

  // Returns false when the rest of the archive cannot or must not be read.
  bool take_member(archive_entry* entry, const std::string& member) {
    const std::string shown = path_ + ":" + member;
    const bool size_known = archive_entry_size_is_set(entry) != 0;
    const auto declared = size_known
                              ? static_cast<std::uint64_t>(std::max<la_int64_t>(archive_entry_size(entry), 0))
                              : std::uint64_t{0};
    if (size_known && declared > total_left()) {
      on_error_(InputError{shown, over_total_message(member)});
      return false;
    }
    if (!has_wanted_extension(member, options_.extensions)) {
      // Skipped members still count towards the expanded total: they cost
      // the decompressor the same work.
      if (size_known) {
        total_ += declared;
        return true;
      }
      return drain(shown, member);
    }
    if (size_known && declared > options_.max_member_size) {
      total_ += declared;
      on_error_(InputError{shown, over_member_limit_message("member", options_.max_member_size, declared)});
      return true;
    }
    const bool total_is_tighter = total_left() < options_.max_member_size;
    InputFile file;
    int failure = ARCHIVE_OK;
    const auto status = read_limited(
        [this, &failure](char* buffer, std::size_t capacity) -> long {
          const auto n = archive_read_data(a_, buffer, capacity);
          if (n < 0) failure = static_cast<int>(n);
          return static_cast<long>(n);
        },
        declared, std::min(options_.max_member_size, total_left()), file.bytes);
    switch (status) {
      case ReadStatus::ok:
        total_ += file.bytes.size();
        file.name = shown;
        file.container = path_;
        visit_(std::move(file));
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
      const auto n = archive_read_data(a_, scratch.data(), scratch.size());
      if (n == 0) return true;
      if (n < 0) return report_data_error(shown, static_cast<int>(n));
      total_ += static_cast<std::uint64_t>(n);
      if (total_ > options_.max_total_size) {
        on_error_(InputError{shown, over_total_message(member)});
        return false;
      }
    }
  }

  bool report_data_error(const std::string& shown, int failure) {
    const bool fatal = failure == ARCHIVE_FATAL;
    on_error_(InputError{
        shown, "corrupt archive member: " + error_text(a_) + (fatal ? "; rest of the archive skipped" : "")});
    return !fatal;
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

  const std::string& path_;
  archive* a_;
  const InputOptions& options_;
  const Visit& visit_;
  const OnError& on_error_;
  std::uint64_t total_ = 0;
};

}  // namespace

void read_archive(const std::string& path, const InputOptions& options, const Visit& visit,
                  const OnError& on_error) {
  std::string error;
  const ArchiveHandle a = [&] {
    const ThreadUtf8Locale locale;
    return open_archive(path, error);
  }();
  if (!a) {
    on_error(InputError{path, std::move(error)});
    return;
  }
  ArchiveWalk(path, a.get(), options, visit, on_error).run();
}

}  // namespace digestkit::archive_detail
