#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "digestkit/diff.hpp"

namespace digestkit {
namespace {

// The path a member is paired by: its path inside the directory or archive
// named on the command line.
std::string relative_name(const InputFile& file, const std::string& root) {
  std::string_view name = file.name;
  if (!file.container.empty() && name.size() > file.container.size() &&
      name.compare(0, file.container.size(), file.container) == 0 && name[file.container.size()] == ':') {
    name.remove_prefix(file.container.size() + 1);
  } else if (name.compare(0, root.size(), root) == 0) {
    name.remove_prefix(root.size());
  }
  // "./a.txt" (tar -C dir .) and "a.txt" name the same member.
  while (!name.empty() && (name.front() == '/' || name.substr(0, 2) == "./")) {
    name.remove_prefix(name.front() == '/' ? 1 : 2);
  }
  return std::string(name);
}

// The first folder of a relative member path, or empty for a member at the
// top of its tree.
std::string_view top_folder(std::string_view name) {
  const auto slash = name.find('/');
  return slash == std::string_view::npos ? std::string_view{} : name.substr(0, slash);
}

// The folder every member lies in, or empty when there is none (or no member).
template <typename Names>
std::string common_top_folder(const Names& names) {
  std::string_view common;
  bool first = true;
  for (const std::string_view name : names) {
    const auto folder = top_folder(name);
    if (folder.empty() || (!first && folder != common)) return {};
    common = folder;
    first = false;
  }
  return std::string(common);
}

// name without its first `count` folders; nullopt when it has fewer.
std::optional<std::string> strip_folders(std::string_view name, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k) {
    const auto slash = name.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    name.remove_prefix(slash + 1);
    while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  }
  return std::string(name);
}

constexpr std::string_view kNoFile = "/dev/null";

enum class InputKind { File, Tree };  // a tree is a directory or an archive

InputKind kind_of(const std::string& path) {
  std::error_code error;
  if (path != "-" && path != kNoFile && (std::filesystem::is_directory(path, error) || is_archive_path(path)))
    return InputKind::Tree;
  return InputKind::File;
}

// Reads every input under path, keyed by relative name.
std::map<std::string, InputFile> read_tree(const std::string& path, const InputOptions& input_options,
                                           const std::function<void(InputError&&)>& on_error) {
  std::map<std::string, InputFile> files;
  for_each_input(
      {path}, input_options,
      [&](InputFile&& file) {
        auto name = relative_name(file, path);
        files.insert_or_assign(std::move(name), std::move(file));
      },
      [&](InputError&& error) { on_error(std::move(error)); });
  return files;
}

ParsedFile parse_input(InputFile& file, const DecodeOptions& decode) {
  // The parsed file takes over the bytes: valid UTF-8 is not copied.
  return parse_owned_bytes(std::move(file.bytes), file.name, decode);
}

}  // namespace

FileDiff diff_files(ParsedFile old_file, ParsedFile new_file, const DiffOptions& options) {
  FileDiff result;
  if (old_file.source) result.old_name = old_file.source->path();
  if (new_file.source) result.new_name = new_file.source->path();
  result.path = result.new_name;
  result.old_file = std::move(old_file);
  result.new_file = std::move(new_file);
  if (!result.old_file.ok() || !result.new_file.ok()) {
    result.status = FileDiffStatus::Failed;
    return result;
  }
  const auto& old_documents = result.old_file.documents;
  const auto& new_documents = result.new_file.documents;
  const std::size_t count = std::max(old_documents.size(), new_documents.size());
  for (std::size_t k = 0; k < count; ++k) {
    const Document* old_document = k < old_documents.size() ? &old_documents[k] : nullptr;
    const Document* new_document = k < new_documents.size() ? &new_documents[k] : nullptr;
    if (old_document != nullptr && new_document != nullptr) {
      auto digest = diff_documents(*old_document, *new_document, options);
      digest.index = k;
      result.digests.push_back(std::move(digest));
    } else {
      result.digests.push_back(diff_one_sided(old_document, new_document, k));
    }
  }
  return result;
}

bool diff_inputs(const std::string& old_path, const std::string& new_path, const DiffOptions& options,
                 const InputOptions& input_options, const std::function<void(FileDiff&&)>& emit,
                 const std::function<void(InputError&&)>& on_error) {
  const auto old_kind = kind_of(old_path);
  const auto new_kind = kind_of(new_path);
  if (old_kind != new_kind) {
    const auto& tree = old_kind == InputKind::Tree ? old_path : new_path;
    const auto& file = old_kind == InputKind::Tree ? new_path : old_path;
    on_error({file, "cannot compare a file with a directory or archive (" + tree +
                        "): give two files or two directories/archives"});
    return false;
  }

  if (old_kind == InputKind::File) {
    // Two files are paired whatever their names; a file named explicitly is
    // read whatever its extension. Each is parsed as soon as it is read and
    // its raw bytes dropped, so at most one raw copy is held at a time.
    struct Side {
      std::string name;
      std::optional<ParsedFile> parsed;
    };
    Side sides[2];
    bool failed = false;
    // Standard input can be read once: "diff - -" compares it with itself.
    const int reads = old_path == "-" && new_path == "-" ? 1 : 2;
    for (int k = 0; k < reads; ++k) {
      const auto& path = k == 0 ? old_path : new_path;
      if (path == kNoFile) {
        // git's external diff names an added or removed file /dev/null: a
        // side without digests, so that every entry shows added (removed).
        sides[k].name = path;
        sides[k].parsed = ParsedFile{};
        continue;
      }
      for_each_input(
          {k == 0 ? old_path : new_path}, input_options,
          [&](InputFile&& file) {
            sides[k].name = file.name;
            if (reads == 1) {
              sides[1].name = file.name;
              sides[1].parsed = parse_bytes(file.bytes, file.name, options.decode);
            }
            sides[k].parsed = parse_input(file, options.decode);
          },
          [&](InputError&& error) {
            failed = failed || !error.warning;
            on_error(std::move(error));
          });
    }
    if (failed || !sides[0].parsed || !sides[1].parsed) return true;
    auto file = diff_files(std::move(*sides[0].parsed), std::move(*sides[1].parsed), options);
    file.old_name = std::move(sides[0].name);
    file.new_name = std::move(sides[1].name);
    file.path = file.new_name;
    emit(std::move(file));
    return true;
  }

  // The old tree is held as raw bytes; the new one streams past it, each
  // file diffed and released as soon as it is read.
  auto old_files = read_tree(old_path, input_options, on_error);

  // How many leading folders the pairing ignores: as asked, or one when each
  // side keeps all its members in one top folder. The new side's folders are
  // known only after a walk of its names, needed only when the old side has
  // a common folder (for an archive that walk reads it once more).
  std::size_t strip = options.strip_components.value_or(0);
  if (!options.strip_components) {
    std::vector<std::string_view> old_names;
    old_names.reserve(old_files.size());
    for (const auto& entry : old_files) old_names.emplace_back(entry.first);
    if (!common_top_folder(old_names).empty()) {
      std::vector<std::string> new_names;
      InputOptions listing = input_options;
      listing.defer_plain_files = true;
      for_each_input(
          {new_path}, listing, [&](InputFile&& file) { new_names.push_back(relative_name(file, new_path)); },
          [](InputError&&) {});  // reported by the walk that reads the files
      if (!common_top_folder(new_names).empty()) strip = 1;
    }
  }
  if (strip != 0) {
    std::map<std::string, InputFile> stripped;
    for (auto& [name, file] : old_files) {
      auto short_name = strip_folders(name, strip);
      if (!short_name) {
        on_error(
            {file.name, fmt::format("not compared: fewer than {} folders to strip (--strip-components {})",
                                    strip, strip)});
        continue;
      }
      stripped.insert_or_assign(std::move(*short_name), std::move(file));
    }
    old_files = std::move(stripped);
  }

  for_each_input(
      {new_path}, input_options,
      [&](InputFile&& new_input) {
        FileDiff file;
        auto full_path = relative_name(new_input, new_path);
        auto stripped = strip_folders(full_path, strip);
        if (!stripped) {
          on_error({new_input.name, fmt::format("not compared: fewer than {} folders to strip "
                                                "(--strip-components {})",
                                                strip, strip)});
          return;
        }
        auto path = std::move(*stripped);
        const auto old_it = old_files.find(path);
        if (old_it != old_files.end()) {
          file = diff_files(parse_input(old_it->second, options.decode),
                            parse_input(new_input, options.decode), options);
          file.old_name = std::move(old_it->second.name);
          old_files.erase(old_it);
        } else {
          file.status = FileDiffStatus::OnlyNew;
        }
        file.new_name = std::move(new_input.name);
        file.path = std::move(path);
        file.in_tree = true;
        emit(std::move(file));
      },
      [&](InputError&& error) { on_error(std::move(error)); });
  for (auto& [path, old_input] : old_files) {
    FileDiff file;
    file.status = FileDiffStatus::OnlyOld;
    file.path = path;
    file.old_name = std::move(old_input.name);
    file.in_tree = true;
    emit(std::move(file));
  }
  return true;
}

DiffCounts FileDiff::counts() const {
  DiffCounts total;
  for (const auto& digest : digests) total += digest.counts;
  return total;
}

bool FileDiff::has_differences() const {
  if (status != FileDiffStatus::Compared) return true;
  return std::any_of(digests.begin(), digests.end(), [](const DigestDiff& d) { return d.has_differences(); });
}

std::string_view to_string(FileDiffStatus status) {
  switch (status) {
    case FileDiffStatus::Compared:
      return "compared";
    case FileDiffStatus::OnlyOld:
      return "only_old";
    case FileDiffStatus::OnlyNew:
      return "only_new";
    case FileDiffStatus::Failed:
      return "error";
  }
  return "error";
}

}  // namespace digestkit
