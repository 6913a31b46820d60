#include <algorithm>
#include <filesystem>
#include <system_error>

#include "walk.hpp"

namespace digestkit::archive_detail {

namespace fs = std::filesystem;

// Lists every wanted regular file under root. An explicit stack instead of
// recursion keeps deep trees safe; symlinks to directories are not followed,
// so a link cycle cannot make the walk endless.
std::vector<WalkItem> list_directory(const std::string& path, const InputOptions& options) {
  const fs::path root(path);
  std::vector<WalkItem> items;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code status_ec;
      const auto link_status = entry.symlink_status(status_ec);
      if (status_ec) continue;
      if (fs::is_directory(link_status)) {
        pending.push_back(entry.path());
        continue;
      }
      // A symlink to a regular file counts as that file.
      const bool regular = fs::is_symlink(link_status) ? fs::is_regular_file(entry.status(status_ec))
                                                       : fs::is_regular_file(link_status);
      if (!regular || status_ec) continue;
      if (has_wanted_extension(entry.path().filename().native(), options.extensions)) {
        items.push_back(WalkItem{entry.path().native(), std::nullopt});
      }
    }
    if (ec) items.push_back(WalkItem{dir.native(), "cannot list directory: " + ec.message()});
  }
  // std::string compares as unsigned bytes: the byte-wise path order.
  std::sort(items.begin(), items.end(), [](const WalkItem& a, const WalkItem& b) { return a.path < b.path; });
  return items;
}

void walk_directory(const std::string& path, const InputOptions& options, const Visit& visit,
                    const OnError& on_error) {
  for (auto& item : list_directory(path, options)) {
    if (item.error) {
      on_error(InputError{std::move(item.path), std::move(*item.error)});
    } else if (is_archive_path(item.path)) {
      // Only when the extensions ask for archives (e.g. ".tgz"): read its members.
      read_archive(item.path, options, visit, on_error);
    } else {
      read_plain_file(item.path, options, visit, on_error);
    }
  }
}

}  // namespace digestkit::archive_detail
