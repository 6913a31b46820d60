#include <algorithm>
#include <string>

#include "diff/entry_diff.hpp"
#include "diff/match.hpp"
#include "diff/word_diff.hpp"
#include "diff/words.hpp"
#include "digestkit/diff.hpp"

namespace digestkit {
namespace {

using diff_detail::same_text;
using diff_detail::text_change;

std::optional<TextChange> compare_dates(const std::optional<Date>& old_date,
                                        const std::optional<Date>& new_date, const DiffOptions& options) {
  if (!old_date && !new_date) return std::nullopt;
  if (old_date && new_date) {
    // 2022/02/19 and 2022-02-19 are the same date spelled two ways (the
    // normaliser's business, not a change); dates that are not calendar
    // dates compare as written.
    const bool both_real = old_date->is_calendar_date && new_date->is_calendar_date;
    if (both_real && old_date->year == new_date->year && old_date->month == new_date->month &&
        old_date->day == new_date->day)
      return std::nullopt;
    if (!both_real && same_text(old_date->written.value, new_date->written.value, options))
      return std::nullopt;
  }
  auto written = [](const std::optional<Date>& date) -> std::optional<std::string_view> {
    if (!date) return std::nullopt;
    return date->written.value;
  };
  return text_change(written(old_date), written(new_date), options);
}

std::optional<FooterChange> compare_footers(const std::optional<Footer>& old_footer,
                                            const std::optional<Footer>& new_footer,
                                            const DiffOptions& options) {
  if (!old_footer && !new_footer) return std::nullopt;
  FooterChange change;
  change.old_present = old_footer.has_value();
  change.new_present = new_footer.has_value();
  auto author = [](const std::optional<Footer>& footer) -> std::optional<std::string_view> {
    if (!footer) return std::nullopt;
    return footer->author.value;
  };
  auto notice = [](const std::optional<Footer>& footer) -> std::optional<std::string_view> {
    if (!footer) return std::nullopt;
    return footer->notice.value;
  };
  if (!old_footer || !new_footer || !same_text(old_footer->author.value, new_footer->author.value, options)) {
    change.author = text_change(author(old_footer), author(new_footer), options);
  }
  if (!old_footer || !new_footer || !same_text(old_footer->notice.value, new_footer->notice.value, options)) {
    change.notice = text_change(notice(old_footer), notice(new_footer), options);
  }
  if (!change.author && !change.notice) return std::nullopt;
  return change;
}

// The category as the normaliser prints it: its tags, each repaired,
// joined by "/" ("A / B" and "A/B" are one category).
std::string category_form(const Category& category) {
  if (category.tags.empty()) return std::string(category.line.value);
  std::string out;
  std::string tag;
  for (std::size_t i = 0; i < category.tags.size(); ++i) {
    if (i != 0) out += '/';
    out += diff_detail::content_form(category.tags[i].value, tag);
  }
  return out;
}

// Reading order of the report: entries of the new digest in order, each
// removed entry right after the new position of the entry that preceded it
// in the old digest.
struct Placed {
  std::size_t rank = 0;
  EntryChange change;
};

}  // namespace

DigestDiff diff_documents(const Document& old_document, const Document& new_document,
                          const DiffOptions& options) {
  DigestDiff result;
  result.index = new_document.index;
  result.old_document = &old_document;
  result.new_document = &new_document;
  if (old_document.category.line.value != new_document.category.line.value &&
      !same_text(category_form(old_document.category), category_form(new_document.category), options)) {
    result.category =
        text_change(old_document.category.line.value, new_document.category.line.value, options);
  }
  result.date = compare_dates(old_document.date, new_document.date, options);
  result.footer = compare_footers(old_document.footer, new_document.footer, options);

  const auto& old_entries = old_document.entries;
  const auto& new_entries = new_document.entries;
  const auto matching = diff_detail::match_entries(old_entries, new_entries, options);
  std::vector<bool> moved;
  if (options.moves) moved = diff_detail::moved_pairs(matching.pairs);

  std::vector<Placed> placed;
  // new position (+1) of the last paired entry at or before each old index
  std::vector<std::size_t> anchor_after_old(old_entries.size(), 0);
  for (const auto& pair : matching.pairs) anchor_after_old[pair.old_index] = pair.new_index + 1;
  for (std::size_t i = 1; i < anchor_after_old.size(); ++i) {
    if (anchor_after_old[i] == 0) anchor_after_old[i] = anchor_after_old[i - 1];
  }

  for (std::size_t p = 0; p < matching.pairs.size(); ++p) {
    const auto& pair = matching.pairs[p];
    EntryChange change;
    change.old_entry = &old_entries[pair.old_index];
    change.new_entry = &new_entries[pair.new_index];
    change.old_index = pair.old_index;
    change.new_index = pair.new_index;
    change.moved = options.moves && moved[p];
    change.title_similarity = pair.similarity;
    diff_detail::compare_fields(*change.old_entry, *change.new_entry, pair.retitled, options, change);
    const bool fields_differ = change.title || change.authors || change.abstract || change.comments;
    if (change.moved) ++result.counts.moved;
    if (fields_differ) {
      ++result.counts.changed;
      if (pair.retitled) ++result.counts.retitled;
      change.kind = pair.retitled ? EntryChangeKind::Retitled : EntryChangeKind::Changed;
    } else {
      ++result.counts.unchanged;
      if (!change.moved) continue;
      change.kind = EntryChangeKind::Moved;
    }
    placed.push_back({2 * pair.new_index + 1, std::move(change)});
  }
  for (const auto j : matching.added) {
    EntryChange change;
    change.kind = EntryChangeKind::Added;
    change.new_entry = &new_entries[j];
    change.new_index = j;
    placed.push_back({2 * j + 1, std::move(change)});
    ++result.counts.added;
  }
  for (const auto i : matching.removed) {
    EntryChange change;
    change.kind = EntryChangeKind::Removed;
    change.old_entry = &old_entries[i];
    change.old_index = i;
    // Rank 2k sorts after new entry k−1 (rank 2k−1) and before new entry k.
    placed.push_back({2 * anchor_after_old[i], std::move(change)});
    ++result.counts.removed;
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const Placed& a, const Placed& b) { return a.rank < b.rank; });
  result.entries.reserve(placed.size());
  for (auto& item : placed) result.entries.push_back(std::move(item.change));
  return result;
}

DigestDiff diff_one_sided(const Document* old_document, const Document* new_document, std::size_t index) {
  DigestDiff result;
  result.index = index;
  result.old_document = old_document;
  result.new_document = new_document;
  const Document* present = old_document != nullptr ? old_document : new_document;
  if (present == nullptr) return result;
  for (std::size_t i = 0; i < present->entries.size(); ++i) {
    EntryChange change;
    if (old_document != nullptr) {
      change.kind = EntryChangeKind::Removed;
      change.old_entry = &present->entries[i];
      change.old_index = i;
      ++result.counts.removed;
    } else {
      change.kind = EntryChangeKind::Added;
      change.new_entry = &present->entries[i];
      change.new_index = i;
      ++result.counts.added;
    }
    result.entries.push_back(std::move(change));
  }
  return result;
}

bool DigestDiff::has_differences() const {
  return old_document == nullptr || new_document == nullptr || category || date || footer || !entries.empty();
}

DiffCounts& DiffCounts::operator+=(const DiffCounts& other) {
  added += other.added;
  removed += other.removed;
  changed += other.changed;
  retitled += other.retitled;
  moved += other.moved;
  unchanged += other.unchanged;
  return *this;
}

std::string_view to_string(EntryChangeKind kind) {
  switch (kind) {
    case EntryChangeKind::Added:
      return "added";
    case EntryChangeKind::Removed:
      return "removed";
    case EntryChangeKind::Changed:
      return "changed";
    case EntryChangeKind::Retitled:
      return "retitled";
    case EntryChangeKind::Moved:
      return "moved";
  }
  return "changed";
}

std::string_view EntryChange::display_title() const {
  if (new_entry != nullptr) return new_entry->title.value;
  if (old_entry != nullptr) return old_entry->title.value;
  return {};
}

std::vector<std::string_view> EntryChange::changed_fields() const {
  std::vector<std::string_view> fields;
  if (title) fields.emplace_back("title");
  if (authors) fields.emplace_back("authors");
  if (abstract) fields.emplace_back("abstract");
  if (comments) fields.emplace_back("comments");
  return fields;
}

}  // namespace digestkit
