#include "diff/entry_diff.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <dtl/dtl.hpp>

#include "diff/word_diff.hpp"
#include "diff/words.hpp"

namespace digestkit::diff_detail {
namespace {

// A name the normaliser would drop (empty, or empty once repaired: "A, , B")
// is no author; a comment it would print as a bare "PDF" is no comment.
bool is_dropped(std::string_view text) {
  thread_local std::string form;
  return content_form(text, form).empty();
}

std::vector<const Author*> named(const std::vector<Author>& authors) {
  std::vector<const Author*> out;
  out.reserve(authors.size());
  for (const Author& author : authors) {
    if (!is_dropped(author.name)) out.push_back(&author);
  }
  return out;
}

bool same_names(const std::vector<Author>& a, const std::vector<Author>& b, const DiffOptions& options) {
  if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                         [](const Author& x, const Author& y) { return x.name == y.name; }))
    return true;
  const auto named_a = named(a);
  const auto named_b = named(b);
  if (named_a.size() != named_b.size()) return false;
  for (std::size_t i = 0; i < named_a.size(); ++i) {
    if (!same_text(named_a[i]->name, named_b[i]->name, options)) return false;
  }
  return true;
}

std::optional<std::string_view> comment_of(const std::optional<Text>& comments) {
  if (!comments || is_dropped(comments->value)) return std::nullopt;
  return comments->value;
}

bool same_optional(const std::optional<Text>& a, const std::optional<Text>& b, const DiffOptions& options) {
  const auto text_a = comment_of(a);
  const auto text_b = comment_of(b);
  if (text_a.has_value() != text_b.has_value()) return false;
  return !text_a || same_text(*text_a, *text_b, options);
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
  const auto old_named = named(old_authors);
  const auto new_named = named(new_authors);
  std::vector<std::uint32_t> old_ids;
  std::vector<std::uint32_t> new_ids;
  for (const Author* author : old_named) old_ids.push_back(id_of(author->name));
  for (const Author* author : new_named) new_ids.push_back(id_of(author->name));

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
      change.removed.push_back(old_named[i]->name);
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
      change.added.push_back(new_named[j]->name);
    }
  }
  if (old_common != new_common) {
    dtl::Diff<std::uint32_t> myers(old_common, new_common);
    myers.compose();
    for (const auto& [id, info] : myers.getSes().getSequence()) {
      (void)id;
      if (info.type == dtl::SES_DELETE) {
        change.moved.push_back(
            old_named[old_common_positions[static_cast<std::size_t>(info.beforeIdx - 1)]]->name);
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
    change.comments = text_change(comment_of(old_entry.comments), comment_of(new_entry.comments), options);
  }
}

}  // namespace digestkit::diff_detail
