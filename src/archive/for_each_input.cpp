#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "walk.hpp"

namespace digestkit {

namespace {

bool ends_with_ascii_nocase(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      const auto lower = [](char c) {
                        return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
                      };
                      return lower(a) == lower(b);
                    });
}

}  // namespace

bool is_archive_path(const std::string& path) {
  constexpr std::array<std::string_view, 6> suffixes{".tar",     ".tar.gz", ".tgz",
                                                     ".tar.bz2", ".tar.xz", ".zip"};
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view suffix) { return ends_with_ascii_nocase(path, suffix); });
}

namespace archive_detail {

bool has_wanted_extension(std::string_view name, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](const std::string& extension) { return ends_with_ascii_nocase(name, extension); });
}

}  // namespace archive_detail

void for_each_input(const std::vector<std::string>& paths, const InputOptions& options,
                    const std::function<void(InputFile&&)>& visit,
                    const std::function<void(InputError&&)>& on_error) {
  namespace fs = std::filesystem;
  // An input named twice ("a.txt a.txt", "posts ./posts/") is read once:
  // the second would only repeat the first's findings, and the archive-wide
  // rules would call a file a duplicate of itself.
  std::set<std::pair<dev_t, ino_t>> seen;
  bool read_standard_input = false;
  for (const auto& path : paths) {
    if (path == "-") {
      if (std::exchange(read_standard_input, true)) continue;
      archive_detail::read_standard_input(options, visit, on_error);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const auto reason = ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory);
      on_error(InputError{path, "cannot open: " + reason.message()});
      continue;
    }
    struct stat identity {};
    if (::stat(path.c_str(), &identity) == 0 && !seen.emplace(identity.st_dev, identity.st_ino).second)
      continue;
    if (fs::is_directory(status)) {
      archive_detail::walk_directory(path, options, visit, on_error);
    } else if (is_archive_path(path)) {
      archive_detail::read_archive(path, options, visit, on_error);
    } else if (options.defer_plain_files) {
      visit(InputFile{path, {}, {}, true});
    } else {
      archive_detail::read_plain_file(path, options, visit, on_error);
    }
  }
}

std::optional<InputError> load_input(InputFile& file, const InputOptions& options) {
  if (!file.deferred) return std::nullopt;
  std::optional<InputError> failure;
  archive_detail::read_plain_file(
      file.name, options,
      [&](InputFile&& read) {
        file.bytes = std::move(read.bytes);
        file.stamp = read.stamp;
        file.deferred = false;
      },
      [&](InputError&& error) { failure = std::move(error); });
  return failure;
}

}  // namespace digestkit
