#include "archive_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <locale.h>

#include <memory>
#include <stdexcept>

namespace digestkit::testing {

namespace {

struct WriterCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

void check(archive* a, int status, const char* what) {
  if (status < ARCHIVE_WARN) {
    const char* text = archive_error_string(a);
    throw std::runtime_error(std::string(what) + ": " + (text != nullptr ? text : "?"));
  }
}

}  // namespace

std::string archive_suffix(ArchiveKind kind) {
  switch (kind) {
    case ArchiveKind::tar:
      return ".tar";
    case ArchiveKind::tar_gz:
      return ".tar.gz";
    case ArchiveKind::tgz:
      return ".tgz";
    case ArchiveKind::tar_bz2:
      return ".tar.bz2";
    case ArchiveKind::tar_xz:
      return ".tar.xz";
    case ArchiveKind::zip:
      return ".zip";
  }
  return {};
}

void write_archive(const std::filesystem::path& path, ArchiveKind kind,
                   const std::vector<ArchiveMember>& members) {
  std::unique_ptr<archive, WriterCloser> writer(archive_write_new());
  archive* a = writer.get();
  if (kind == ArchiveKind::zip) {
    check(a, archive_write_set_format_zip(a), "zip format");
    check(a, archive_write_set_options(a, "zip:hdrcharset=UTF-8"), "zip names");  // the UTF-8 flag
  } else {
    check(a, archive_write_set_format_pax_restricted(a), "tar format");
  }
  if (kind == ArchiveKind::tar_gz || kind == ArchiveKind::tgz)
    check(a, archive_write_add_filter_gzip(a), "gzip");
  if (kind == ArchiveKind::tar_bz2) check(a, archive_write_add_filter_bzip2(a), "bzip2");
  if (kind == ArchiveKind::tar_xz) check(a, archive_write_add_filter_xz(a), "xz");
  check(a, archive_write_open_filename(a, path.c_str()), "open");
  for (const auto& member : members) {
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    // libarchive 3.6: the pax writer crashes on a name given only in UTF-8,
    // and the zip writer garbles one given as locale bytes; each gets the
    // form it handles.
    if (kind == ArchiveKind::zip) {
      archive_entry_set_pathname_utf8(entry.get(), member.name.c_str());
    } else {
      archive_entry_copy_pathname(entry.get(), member.name.c_str());
    }
    archive_entry_set_filetype(entry.get(), member.directory ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry.get(), member.directory ? 0755 : 0644);
    archive_entry_set_size(entry.get(),
                           member.directory ? 0 : static_cast<la_int64_t>(member.content.size()));
    archive_entry_set_mtime(entry.get(), 1681171200, 0);
    check(a, archive_write_header(a, entry.get()), "header");
    if (!member.directory && !member.content.empty()) {
      const auto written = archive_write_data(a, member.content.data(), member.content.size());
      if (written != static_cast<la_ssize_t>(member.content.size())) check(a, ARCHIVE_FATAL, "data");
    }
  }
  check(a, archive_write_close(a), "close");
}

}  // namespace digestkit::testing
