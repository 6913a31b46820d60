// Walking command-line inputs: files, directories, archives and stdin, in a
// deterministic order, one member at a time so that memory stays flat.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestkit {

class ConfigLocator;

// Which file, and which version of it, a plain file's bytes were read from:
// a rewrite in place refuses a file that changed since (fmt -i).
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;  // st_mtim
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

struct InputFile {
  std::string name;                // path as shown to users: "dir/a.txt", "x.tgz:posts/a.txt", "-"
  std::string bytes;               // the raw content
  std::string container;           // the archive it came from, empty for plain files
  bool deferred = false;           // a plain file not read yet (InputOptions::defer_plain_files)
  bool standard_input = false;     // read from "-", whatever --stdin-filename named it
  std::optional<FileStamp> stamp;  // plain files: the file as it was when read
};

struct InputError {
  std::string name;
  std::string message;
  // An input skipped on purpose (a symbolic link in an archive): shown as a
  // warning, not counted as a failed input.
  bool warning = false;
};

struct InputOptions {
  // Members of directories and archives are taken when their name ends in one
  // of these; files named explicitly on the command line are always taken.
  std::vector<std::string> extensions{".txt"};
  // Plain files and standard input: the user's own, read whole.
  std::uint64_t max_file_size = std::uint64_t{1} << 30;  // 1 GiB
  // Archives may come from anywhere; their limits fit untrusted input.
  std::uint64_t max_member_size = std::uint64_t{64} << 20;  // 64 MiB per member
  std::uint64_t max_total_size = std::uint64_t{1} << 30;    // 1 GiB expanded per archive
  // A decompression bomb: an archive that expands to more than this many
  // times the compressed bytes read so far (0: no limit), once past the floor.
  std::uint64_t max_expansion_ratio = 100;
  std::uint64_t expansion_ratio_floor = std::uint64_t{16} << 20;  // 16 MiB
  std::string stdin_name = "-";                                   // --stdin-filename
  // Plain files (named or found in a directory) are visited unread, for
  // load_input() to read later: a parallel run reads them on its worker
  // threads, not all on the thread that walks the inputs.
  bool defer_plain_files = false;

  // Directory walks, as in ripgrep (files named on the command line are
  // always read). Hidden names (".x") are skipped unless `hidden`.
  bool hidden = false;
  // Unless false (--no-ignore): what .ignore files exclude, and inside a git
  // work tree also .gitignore, .git/info/exclude and core.excludesFile,
  // decided by libgit2 exactly as git decides it.
  bool ignore_files = true;
  // --follow-links: symbolic links to folders are walked (a link back to a
  // folder being walked is not) and links resolving outside the named folder
  // are taken. Without it, links to folders are not walked and a link that
  // resolves outside the named folder is skipped with a warning.
  bool follow_links = false;
  // --exclude GLOB: files and folders skipped, matched against the path
  // relative to the named folder with path_matches_glob() (digestkit/config.hpp).
  std::vector<std::string> exclude;
  // When set, the exclude / extend-exclude of each folder's digest.toml skip
  // what they match (relative to that digest.toml's folder).
  ConfigLocator* configs = nullptr;
};

// Calls visit(file) for every input in order; problems with one input (not
// found, unreadable, over a limit, corrupt archive) go to on_error and the
// walk goes on. An archive's members come in archive order, hard links
// (which take the content of the member they name) after the rest; a
// symbolic link member is reported as a warning and skipped. Directories are walked recursively in sorted
// order; .tar, .tar.gz, .tgz, .tar.bz2, .tar.xz and .zip are read with libarchive without unpacking to disk;
// "-" reads standard input.
void for_each_input(const std::vector<std::string>& paths, const InputOptions& options,
                    const std::function<void(InputFile&&)>& visit,
                    const std::function<void(InputError&&)>& on_error);

// Reads a deferred file's bytes (a no-op for other inputs); nullopt when
// done, else why it could not be read, as for_each_input would report it.
[[nodiscard]] std::optional<InputError> load_input(InputFile& file, const InputOptions& options);

// The members of an archive held in memory (tar, zip, gzip/bzip2/xz
// compressed), as for_each_input() would deliver those of a file called name.
void for_each_archive_member(std::string_view bytes, const std::string& name, const InputOptions& options,
                             const std::function<void(InputFile&&)>& visit,
                             const std::function<void(InputError&&)>& on_error);

[[nodiscard]] bool is_archive_path(const std::string& path);

// The member name of an archive (the part of InputFile::name after
// "container:") as a relative path that stays inside an output directory:
// "./" and empty components dropped, backslashes read as separators. nullopt
// for names that are absolute, contain a ".." component, a NUL byte, or name
// no file at all. Writers of per-input outputs (-o DIR/) must use this.
[[nodiscard]] std::optional<std::string> safe_relative_path(std::string_view member_name);

}  // namespace digestkit
