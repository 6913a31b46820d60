// Field-by-field comparison of two versions of one entry.
#pragma once

#include <optional>
#include <vector>

#include "digestkit/diff.hpp"
#include "digestkit/document.hpp"

namespace digestkit::diff_detail {

// Added, removed and reordered names; nullopt when the lists are equal
// under the options.
[[nodiscard]] std::optional<AuthorsChange> authors_change(const std::vector<Author>& old_authors,
                                                          const std::vector<Author>& new_authors,
                                                          const DiffOptions& options);

// Fills change.title/authors/abstract/comments with the fields that differ.
// A retitled pair always gets its title change.
void compare_fields(const Entry& old_entry, const Entry& new_entry, bool retitled, const DiffOptions& options,
                    EntryChange& change);

}  // namespace digestkit::diff_detail
