// DG401, DG402: rules across all inputs. add() only records fingerprints;
// finish() groups the copies of each paper and of each digest and reports
// a group once, so that what is found does not depend on the order the
// files came in: the copies are ordered by path and position, the finding
// goes to the last one, and the others are its related locations.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "checks.hpp"
#include "digestkit/lint_archive.hpp"
#include "digestkit/title_key.hpp"

namespace digestkit::lint {
namespace {

// At most this many related locations on one finding; a paper copied into
// hundreds of digests is still one finding, naming the first ones.
constexpr std::size_t kMaxRelated = 10;

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (const std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += detail::quote(name);
  }
  return out;
}

// Names in `a` that `b` lacks, each as often as `a` has it more often.
std::vector<std::string_view> names_missing_from(std::vector<std::string_view> a,
                                                 std::vector<std::string_view> b) {
  std::vector<std::string_view> missing;
  std::sort(b.begin(), b.end());
  std::vector<bool> used(b.size(), false);
  for (const std::string_view name : a) {
    auto [from, to] = std::equal_range(b.begin(), b.end(), name);
    bool found = false;
    for (auto it = from; it != to; ++it) {
      const auto index = static_cast<std::size_t>(it - b.begin());
      if (!used[index]) {
        used[index] = found = true;
        break;
      }
    }
    if (!found) missing.push_back(name);
  }
  return missing;
}

std::uint32_t narrow(std::size_t value) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(value, UINT32_MAX));
}

}  // namespace

void ArchiveIndex::grow_if_full(std::size_t adding) {
  // Keep the table at most three quarters full, re-placing every key. It
  // grows fourfold: an archive of a million papers re-places each about
  // once instead of twice, on a table far larger than the cache.
  const std::size_t count = first_copies_.size();
  if (4 * (count + adding) <= 3 * entry_slots_.size()) return;
  std::size_t size = std::max<std::size_t>(std::size_t{1} << 14, 4 * entry_slots_.size());
  while (4 * (count + adding) > 3 * size) size *= 2;
  std::vector<EntrySlot> slots(size, EntrySlot{0, 0});
  for (const EntrySlot& old : entry_slots_) {
    if (old.key == 0) continue;
    std::size_t slot = old.key & (size - 1);
    while (slots[slot].key != 0) slot = (slot + 1) & (size - 1);
    slots[slot] = old;
  }
  entry_slots_ = std::move(slots);
}

std::uint32_t ArchiveIndex::find_or_insert(std::uint64_t key, std::uint32_t next, bool& inserted) {
  const std::size_t mask = entry_slots_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    EntrySlot& here = entry_slots_[slot];
    if (here.key == key) {
      inserted = false;
      return here.first;
    }
    if (here.key == 0) {
      here = EntrySlot{key, next};
      inserted = true;
      return next;
    }
  }
}

ArchiveIndex::PaperCopy ArchiveIndex::copy_of(const EntryFingerprint& entry, std::uint32_t file,
                                              bool keep_text) {
  PaperCopy copy{file,
                 narrow(entry.digest),
                 narrow(entry.where.line),
                 narrow(entry.where.column),
                 entry.authors_hash,
                 entry.abstract_hash,
                 entry.input_offset,
                 narrow(entry.length),
                 narrow(entry.end_column),
                 narrow(text_.size()),
                 0,
                 0};
  if (!keep_text) return copy;
  text_ += entry.title;
  copy.title_length = narrow(entry.title.size());
  const std::size_t names_begin = text_.size();
  for (std::size_t i = 0; i < entry.authors.size(); ++i) {
    if (i != 0) text_ += '\n';
    text_ += entry.authors[i];
  }
  copy.authors_length = narrow(text_.size() - names_begin);
  return copy;
}

std::string_view ArchiveIndex::title_of(const PaperCopy& copy) const {
  return std::string_view(text_).substr(copy.text, copy.title_length);
}

std::vector<std::string_view> ArchiveIndex::authors_of(const PaperCopy& copy) const {
  std::vector<std::string_view> names;
  std::string_view rest = std::string_view(text_).substr(copy.text + copy.title_length, copy.authors_length);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    names.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return names;
}

void ArchiveIndex::add(const FileSummary& summary, const Policy& policy) {
  const auto file = narrow(files_.size());
  FileInfo& info = files_.emplace_back();
  info.path = summary.path;
  const auto setting = [&](RuleId rule) { return RuleSetting{policy.enabled(rule), policy.severity(rule)}; };
  info.conflicting_paper = setting(rule<"DG401">);
  info.duplicate_digest = setting(rule<"DG402">);
  for (const DigestOutline& outline : summary.outlines)
    info.digests.emplace_back(std::string(outline.category), outline.date);

  if (info.duplicate_digest.enabled) {
    // A digest's content: its papers' titles, authors and abstracts, so that
    // a re-scrape with another layout counts as the same.
    std::vector<std::uint64_t> content(summary.outlines.size(), 0);
    for (const EntryFingerprint& entry : summary.entries) {
      if (entry.digest >= content.size()) continue;
      const std::uint64_t parts[] = {content[entry.digest], entry.key_hash, entry.authors_hash,
                                     entry.abstract_hash};
      content[entry.digest] = XXH3_64bits(parts, sizeof parts);
    }
    for (const DigestFingerprint& digest : summary.digests) {
      const std::uint64_t hash = digest.digest < content.size() ? content[digest.digest] : 0;
      digests_[std::string(digest.category) + '\n' + digest.date].push_back(
          DigestCopy{file, narrow(digest.where.line), narrow(digest.where.column), narrow(digest.length),
                     narrow(digest.end_column), digest.input_offset, hash});
    }
  }

  if (!info.conflicting_paper.enabled) return;
  grow_if_full(summary.entries.size());
  // 0 marks a free slot.
  const auto key_of = [](const EntryFingerprint& entry) { return entry.key_hash == 0 ? 1 : entry.key_hash; };
  // The slots of a file's papers are scattered over a table far larger than
  // the cache: ask for all of them before reading any.
  for (const EntryFingerprint& entry : summary.entries) {
    __builtin_prefetch(&entry_slots_[key_of(entry) & (entry_slots_.size() - 1)]);
  }
  for (const EntryFingerprint& entry : summary.entries) {
    bool inserted = false;
    const std::uint32_t first = find_or_insert(key_of(entry), narrow(first_copies_.size()), inserted);
    if (inserted) {
      first_copies_.push_back(copy_of(entry, file, true));
      continue;
    }
    const PaperCopy& earlier = first_copies_[first];
    const bool same =
        earlier.authors_hash == entry.authors_hash && earlier.abstract_hash == entry.abstract_hash;
    auto& more = more_copies_[first];
    // An identical copy needs no text: it is never the one a message names
    // for what differs, and its title is the first copy's.
    more.push_back(copy_of(entry, file, !same));
    if (same) {
      more.back().text = earlier.text;
      more.back().title_length = earlier.title_length;
      more.back().authors_length = earlier.authors_length;
    }
  }
}

// The steps both rules share, for PaperCopy and DigestCopy alike.
template <class Copy>
const Copy* ArchiveIndex::last_reporting_copy(std::vector<Copy>& copies, RuleSetting FileInfo::*rule) const {
  const auto position = [&](const Copy& c) {
    return std::make_tuple(std::string_view(files_[c.file].path), c.line, c.column);
  };
  std::sort(copies.begin(), copies.end(),
            [&](const Copy& a, const Copy& b) { return position(a) < position(b); });
  for (auto it = copies.rbegin(); it != copies.rend(); ++it) {
    if ((files_[it->file].*rule).enabled) return &*it;
  }
  return nullptr;
}

template <class Copy>
ArchiveFinding ArchiveIndex::finding_at(const Copy& primary, RuleId rule,
                                        RuleSetting FileInfo::*setting) const {
  ArchiveFinding finding;
  Diagnostic& d = finding.diagnostic;
  d.code = std::string(rule.code());
  d.severity = (files_[primary.file].*setting).severity;
  d.path = files_[primary.file].path;
  d.location.line = primary.line;
  d.location.column = primary.column;
  d.length = primary.length;
  d.end_column = primary.end_column;
  d.input_offset = primary.input_offset;
  finding.identity.code = d.code;
  finding.file = primary.file;
  return finding;
}

template <class Copy>
void ArchiveIndex::add_related(Diagnostic& diagnostic, const Copy& copy, std::string message) const {
  if (diagnostic.related.size() == kMaxRelated) return;
  RelatedLocation related;
  related.path = files_[copy.file].path;
  related.location.line = copy.line;
  related.location.column = copy.column;
  related.message = std::move(message);
  diagnostic.related.push_back(std::move(related));
}

void ArchiveIndex::paper_findings(std::vector<PaperCopy> copies, std::vector<ArchiveFinding>& out) const {
  // The finding goes to the last copy (by path and position) whose file runs DG401.
  const PaperCopy* primary = last_reporting_copy(copies, &FileInfo::conflicting_paper);
  if (primary == nullptr) return;
  const auto variant = [](const PaperCopy& c) { return std::make_pair(c.authors_hash, c.abstract_hash); };
  const bool one_variant = std::all_of(copies.begin(), copies.end(),
                                       [&](const PaperCopy& c) { return variant(c) == variant(copies[0]); });
  if (one_variant) return;
  // Copies in one digest are DG317's business.
  const bool one_digest = std::all_of(copies.begin(), copies.end(), [&](const PaperCopy& c) {
    return c.file == copies[0].file && c.digest == copies[0].digest;
  });
  if (one_digest) return;

  // Compared with the first copy of another version; every other version's
  // first copy is a related location.
  std::vector<const PaperCopy*> others;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> seen{variant(*primary)};
  for (const PaperCopy& copy : copies) {
    if (std::find(seen.begin(), seen.end(), variant(copy)) != seen.end()) continue;
    seen.push_back(variant(copy));
    others.push_back(&copy);
  }
  const PaperCopy& other = *others.front();
  const std::string& other_path = files_[other.file].path;

  std::vector<std::string> differences;
  if (primary->authors_hash != other.authors_hash) {
    const auto mine = authors_of(*primary);
    const auto theirs = authors_of(other);
    const auto added = names_missing_from(mine, theirs);
    const auto removed = names_missing_from(theirs, mine);
    if (!added.empty()) differences.push_back("authors added: " + quoted_list(added));
    if (!removed.empty()) differences.push_back("authors removed: " + quoted_list(removed));
    if (added.empty() && removed.empty()) differences.emplace_back("the authors in another order");
  }
  if (primary->abstract_hash != other.abstract_hash) differences.emplace_back("a different abstract");
  std::string what;
  for (const std::string& difference : differences) what += (what.empty() ? "" : "; ") + difference;

  ArchiveFinding finding = finding_at(*primary, rule<"DG401">, &FileInfo::conflicting_paper);
  Diagnostic& d = finding.diagnostic;
  const std::string title(title_of(*primary));
  d.message = fmt::format("paper {} differs from its copy at {}:{}:{}: {}", detail::quote(title), other_path,
                          other.line, other.column, what);
  if (seen.size() > 2) {
    d.message += fmt::format(" ({} versions in {} places)", seen.size(), copies.size());
  }
  for (const PaperCopy* copy : others)
    add_related(d, *copy, copy == &other ? "the copy compared with" : "another version of this paper");
  FindingIdentity& identity = finding.identity;
  identity.text = title;
  identity.part = PostPart::Entry;
  identity.entry = title_key(title);
  const auto& digests = files_[primary->file].digests;
  if (primary->digest < digests.size()) {
    identity.category = digests[primary->digest].first;
    identity.date = digests[primary->digest].second;
  }
  out.push_back(std::move(finding));
}

void ArchiveIndex::digest_findings(const std::string& key, std::vector<DigestCopy> copies,
                                   std::vector<ArchiveFinding>& out) const {
  const DigestCopy* primary = last_reporting_copy(copies, &FileInfo::duplicate_digest);
  if (primary == nullptr) return;
  // Two digests of one day in one file are another rule's business.
  std::vector<const DigestCopy*> others;
  for (const DigestCopy& copy : copies) {
    if (copy.file != primary->file) others.push_back(&copy);
  }
  if (others.empty()) return;
  const DigestCopy& other = *others.front();
  const std::size_t newline = key.find('\n');
  const std::string category = key.substr(0, newline);
  const std::string date = key.substr(newline + 1);
  const std::size_t identical =
      static_cast<std::size_t>(std::count_if(others.begin(), others.end(), [&](const DigestCopy* c) {
        return c->content_hash == primary->content_hash;
      }));

  ArchiveFinding finding = finding_at(*primary, rule<"DG402">, &FileInfo::duplicate_digest);
  Diagnostic& d = finding.diagnostic;
  d.message = fmt::format("digest {} of {} is also in {}:{}", detail::quote(category), date,
                          files_[other.file].path, other.line);
  if (others.size() > 1) d.message += fmt::format(" and {} more files", others.size() - 1);
  d.message += identical == others.size() ? " with the same papers (a re-scrape)"
               : identical == 0           ? " with other papers"
                                : fmt::format(" ({} of {} with the same papers)", identical, others.size());
  for (const DigestCopy* copy : others)
    add_related(d, *copy,
                copy->content_hash == primary->content_hash ? "the same digest" : "a digest of the same day");
  FindingIdentity& identity = finding.identity;
  identity.category = category;
  identity.date = date;
  identity.part = PostPart::Header;
  identity.text = date;
  out.push_back(std::move(finding));
}

std::vector<ArchiveFinding> ArchiveIndex::finish() {
  std::vector<ArchiveFinding> found;
  for (auto& [first, more] : more_copies_) {
    std::vector<PaperCopy> copies = std::move(more);
    copies.push_back(first_copies_[first]);
    paper_findings(std::move(copies), found);
  }
  for (auto& [key, copies] : digests_) {
    if (copies.size() > 1) digest_findings(key, std::move(copies), found);
  }
  std::sort(found.begin(), found.end(), [](const ArchiveFinding& a, const ArchiveFinding& b) {
    const Diagnostic& x = a.diagnostic;
    const Diagnostic& y = b.diagnostic;
    return std::tie(x.path, x.location.line, x.location.column, x.code, x.message) <
           std::tie(y.path, y.location.line, y.location.column, y.code, y.message);
  });
  more_copies_.clear();
  digests_.clear();
  return found;
}

}  // namespace digestkit::lint
