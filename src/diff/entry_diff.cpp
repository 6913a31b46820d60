#include "diff/entry_diff.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <dtl/dtl.hpp>

#include "diff/word_diff.hpp"
#include "diff/words.hpp"

namespace digestkit::diff_detail {
namespace {

bool same_names(const std::vector<Author>& a, const std::vector<Author>& b, const DiffOptions& options) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same_text(a[i].name, b[i].name, options)) return false;
  }
  return true;
}

bool same_optional(const std::optional<Text>& a, const std::optional<Text>& b, const DiffOptions& options) {
  if (a.has_value() != b.has_value()) return false;
  return !a || same_text(a->value, b->value, options);
}

std::optional<std::string_view> value_of(const std::optional<Text>& text) {
  if (!text) return std::nullopt;
  return text->value;
}

}  // namespace

std::optional<AuthorsChange> authors_change(const std::vector<Author>& old_authors,
                                            const std::vector<Author>& new_authors,
                                            const DiffOptions& options) {
  if (same_names(old_authors, new_authors, options)) return std::nullopt;

  // Names become ids of their comparison form; then a multiset difference
  // gives the added and removed names, and the LCS of the names on both
  // sides tells which of them changed place.
  std::unordered_map<std::string, std::uint32_t> ids;
  std::string form;
  auto id_of = [&](std::string_view name) {
    const auto key = comparison_form(name, options, form);
    return ids.try_emplace(std::string(key), static_cast<std::uint32_t>(ids.size())).first->second;
  };
  std::vector<std::uint32_t> old_ids;
  std::vector<std::uint32_t> new_ids;
  for (const auto& author : old_authors) old_ids.push_back(id_of(author.name));
  for (const auto& author : new_authors) new_ids.push_back(id_of(author.name));

  std::vector<int> balance(ids.size(), 0);  // occurrences in new minus those in old, consumed in order
  for (const auto id : new_ids) ++balance[id];
  AuthorsChange change;
  std::vector<std::uint32_t> old_common;
  std::vector<std::size_t> old_common_positions;
  for (std::size_t i = 0; i < old_ids.size(); ++i) {
    if (balance[old_ids[i]] > 0) {
      --balance[old_ids[i]];
      old_common.push_back(old_ids[i]);
      old_common_positions.push_back(i);
    } else {
      change.removed.push_back(old_authors[i].name);
    }
  }
  std::fill(balance.begin(), balance.end(), 0);
  for (const auto id : old_ids) ++balance[id];
  std::vector<std::uint32_t> new_common;
  for (std::size_t j = 0; j < new_ids.size(); ++j) {
    if (balance[new_ids[j]] > 0) {
      --balance[new_ids[j]];
      new_common.push_back(new_ids[j]);
    } else {
      change.added.push_back(new_authors[j].name);
    }
  }
  if (old_common != new_common) {
    dtl::Diff<std::uint32_t> myers(old_common, new_common);
    myers.compose();
    for (const auto& [id, info] : myers.getSes().getSequence()) {
      (void)id;
      if (info.type == dtl::SES_DELETE) {
        change.moved.push_back(
            old_authors[old_common_positions[static_cast<std::size_t>(info.beforeIdx - 1)]].name);
      }
    }
  }
  if (change.removed.empty() && change.added.empty() && change.moved.empty()) return std::nullopt;
  return change;
}

void compare_fields(const Entry& old_entry, const Entry& new_entry, bool retitled, const DiffOptions& options,
                    EntryChange& change) {
  if (retitled || !same_text(old_entry.title.value, new_entry.title.value, options)) {
    change.title = text_change(old_entry.title.value, new_entry.title.value, options);
  }
  change.authors = authors_change(old_entry.authors, new_entry.authors, options);
  if (!same_text(old_entry.abstract.value, new_entry.abstract.value, options)) {
    change.abstract = text_change(old_entry.abstract.value, new_entry.abstract.value, options);
  }
  if (!same_optional(old_entry.comments, new_entry.comments, options)) {
    change.comments = text_change(value_of(old_entry.comments), value_of(new_entry.comments), options);
  }
}

}  // namespace digestkit::diff_detail
