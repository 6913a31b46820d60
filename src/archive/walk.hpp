// The pieces of for_each_input(), one per kind of input. Each reports its
// own problems through on_error and never throws for a bad input; exceptions
// thrown by visit or on_error pass through with every handle released.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/inputs.hpp"

namespace digestkit::archive_detail {

using Visit = std::function<void(InputFile&&)>;
using OnError = std::function<void(InputError&&)>;

// Whether a directory or archive member is taken: its name ends in one of
// the extensions (ASCII case-insensitive); an empty list takes every file.
[[nodiscard]] bool has_wanted_extension(std::string_view name, const std::vector<std::string>& extensions);

void read_plain_file(const std::string& path, const InputOptions& options, const Visit& visit,
                     const OnError& on_error);
// The same, for the file `name` of the open folder `folder_fd`, shown as `path`.
void read_plain_file_at(int folder_fd, const std::string& name, std::string path, const InputOptions& options,
                        const Visit& visit, const OnError& on_error);
void read_standard_input(const InputOptions& options, const Visit& visit, const OnError& on_error);
void read_archive(const std::string& path, const InputOptions& options, const Visit& visit,
                  const OnError& on_error);
// One file to read, or a directory that could not be listed (reported in
// its place in the order, before whatever of it could be listed).
struct WalkItem {
  std::string path;
  std::optional<std::string> error;
  bool warning = false;  // the error is a warning: something skipped on purpose
  // A file: its folder (open while `each` runs) and its name there, to open
  // paths too long to open by name.
  int folder_fd = -1;
  std::string name;
};

// The wanted files under a directory, recursively, in byte-wise path order,
// without what InputOptions' walk settings skip (hidden, ignored, excluded).
void walk_tree(const std::string& path, const InputOptions& options,
               const std::function<void(WalkItem&&)>& each);

void walk_directory(const std::string& path, const InputOptions& options, const Visit& visit,
                    const OnError& on_error);

// "what" is "file", "standard input" or "member"; size 0 when only known to
// be over the limit (a stream without a declared size).
[[nodiscard]] std::string over_member_limit_message(std::string_view what, std::uint64_t limit,
                                                    std::uint64_t size_or_zero);

}  // namespace digestkit::archive_detail
