// Builds archives at test time with libarchive's writer, so the archive
// tests need no binary fixtures.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace digestkit::testing {

enum class ArchiveKind { tar, tar_gz, tgz, tar_bz2, tar_xz, zip };

struct ArchiveMember {
  std::string name;
  std::string content;
  bool directory = false;
};

// The usual file name suffix for the kind: ".tar", ".tar.gz", ...
[[nodiscard]] std::string archive_suffix(ArchiveKind kind);

// Writes the members in the given order; throws std::runtime_error on failure.
void write_archive(const std::filesystem::path& path, ArchiveKind kind,
                   const std::vector<ArchiveMember>& members);

}  // namespace digestkit::testing
