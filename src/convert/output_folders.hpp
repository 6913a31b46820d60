// Private to the convert module: the folders of `-o DIR/` outputs, opened
// one component at a time without following symbolic links, so that a link
// already inside DIR (posts -> /etc) cannot send a member's output outside it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

#include "support/file_descriptor.hpp"

namespace digestkit::convert {

// The folder `relative`'s parent names under `root` (created as needed;
// `root` itself, named by the user, may be a link), open; or why not.
// Its path for writing is folder_path(fd): through /proc/self/fd, so that
// the folder cannot be swapped for a link between the check and the write.
[[nodiscard]] std::variant<std::unique_ptr<support::FileDescriptor>, std::string> open_output_folder(
    const std::filesystem::path& root, const std::filesystem::path& relative);
[[nodiscard]] std::filesystem::path folder_path(const support::FileDescriptor& folder);

}  // namespace digestkit::convert
