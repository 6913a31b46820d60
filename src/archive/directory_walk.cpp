#include <algorithm>
#include <filesystem>
#include <system_error>

#include "walk.hpp"

namespace digestkit::archive_detail {

namespace {

namespace fs = std::filesystem;

struct Child {
  // The name, with "/" after a directory's: sorting siblings by this key and
  // walking depth-first gives exactly the byte-wise order of whole paths
  // ("a.txt" < "a/x.txt" because '.' < '/'), without holding the whole tree.
  std::string key;
  fs::path path;
  bool directory = false;
};

struct Listing {
  std::vector<Child> children;  // sorted by key
  std::size_t next = 0;
  std::string error;  // set when the directory could not be (fully) listed
};

// The wanted files and every subdirectory of dir. Symlinks to directories are
// not followed, so a link cycle cannot make the walk endless; a symlink to a
// regular file counts as that file.
Listing list_children(const fs::path& dir, const InputOptions& options) {
  Listing listing;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    // The entry's type comes with the listing (d_type), so these ask the
    // file system nothing on the usual file systems; only a symlink is
    // followed with a stat.
    std::error_code status_ec;
    const bool link = entry.is_symlink(status_ec);
    if (status_ec) continue;
    std::string name = entry.path().filename().native();
    if (!link && entry.is_directory(status_ec)) {
      listing.children.push_back(Child{name + "/", entry.path(), true});
      continue;
    }
    if (status_ec) continue;
    const bool regular =
        link ? fs::is_regular_file(entry.status(status_ec)) : entry.is_regular_file(status_ec);
    if (regular && !status_ec && has_wanted_extension(name, options.extensions)) {
      listing.children.push_back(Child{std::move(name), entry.path(), false});
    }
  }
  if (ec) listing.error = "cannot list directory: " + ec.message();
  // std::string compares as unsigned bytes.
  std::sort(listing.children.begin(), listing.children.end(),
            [](const Child& a, const Child& b) { return a.key < b.key; });
  return listing;
}

}  // namespace

// Depth-first over an explicit stack (deep trees cannot overflow the call
// stack); memory is one sorted listing per level of the current path, not the
// whole tree, so it stays flat however many files the tree holds.
void walk_tree(const std::string& path, const InputOptions& options,
               const std::function<void(WalkItem&&)>& each) {
  std::vector<Listing> stack;
  const auto enter = [&](const fs::path& dir) {
    Listing listing = list_children(dir, options);
    if (!listing.error.empty()) each(WalkItem{dir.native(), std::move(listing.error)});
    stack.push_back(std::move(listing));
  };
  enter(fs::path(path));
  while (!stack.empty()) {
    Listing& top = stack.back();
    if (top.next == top.children.size()) {
      stack.pop_back();
      continue;
    }
    Child child = std::move(top.children[top.next++]);
    if (child.directory) {
      enter(child.path);  // invalidates `top`
    } else {
      each(WalkItem{child.path.native(), std::nullopt});
    }
  }
}

void walk_directory(const std::string& path, const InputOptions& options, const Visit& visit,
                    const OnError& on_error) {
  walk_tree(path, options, [&](WalkItem&& item) {
    if (item.error) {
      on_error(InputError{std::move(item.path), std::move(*item.error)});
    } else if (is_archive_path(item.path)) {
      // Only when the extensions ask for archives (e.g. ".tgz"): read its members.
      read_archive(item.path, options, visit, on_error);
    } else if (options.defer_plain_files) {
      visit(InputFile{std::move(item.path), {}, {}, true});
    } else {
      read_plain_file(item.path, options, visit, on_error);
    }
  });
}

}  // namespace digestkit::archive_detail
