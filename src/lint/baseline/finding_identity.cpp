// The identity of a finding (lint_baseline.hpp): its post, its part of the
// post, its code and its text; and the fingerprint reports derive from it.
#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "digestkit/inputs.hpp"
#include "digestkit/lint_baseline.hpp"
#include "digestkit/title_key.hpp"

namespace digestkit::lint {
namespace {

// Offending texts longer than this are kept as their first kKeptBytes
// (cut at a character boundary), "…" and a hash of the whole: an identity
// stays readable in the baseline file without carrying whole abstracts.
constexpr std::size_t kLongText = 200;
constexpr std::size_t kKeptBytes = 100;

std::string offending_text(const Diagnostic& diagnostic, const SourceText* source) {
  if (source == nullptr || diagnostic.length == 0) return {};
  const std::string_view all = source->text();
  const std::size_t begin = std::min(diagnostic.location.offset, all.size());
  const std::string_view raw = all.substr(begin, diagnostic.length);
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    // CR LF and LF are the same line break: converting a file's line
    // endings must not make its findings new.
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    text += raw[i];
  }
  if (text.size() <= kLongText) return text;
  const std::uint64_t whole = XXH3_64bits(text.data(), text.size());
  std::int32_t cut = static_cast<std::int32_t>(kKeptBytes);
  U8_SET_CP_START(reinterpret_cast<const std::uint8_t*>(text.data()), 0, cut);
  text.resize(static_cast<std::size_t>(cut));
  return fmt::format("{}\u2026{:016x}", text, whole);
}

// The digest holding `offset`: the last one that begins at or before it.
const DigestOutline* digest_at(const FileSummary& summary, std::size_t offset, std::size_t& index) {
  const DigestOutline* found = nullptr;
  for (std::size_t d = 0; d < summary.outlines.size() && summary.outlines[d].begin <= offset; ++d) {
    found = &summary.outlines[d];
    index = d;
  }
  return found;
}

// The entry of digest `digest` holding `offset`: the last one whose title
// begins at or before it.
const EntryFingerprint* entry_at(const FileSummary& summary, std::size_t digest, std::size_t offset) {
  // Entries are in file order: by digest, then by offset.
  const auto after =
      std::upper_bound(summary.entries.begin(), summary.entries.end(), std::pair{digest, offset},
                       [](const std::pair<std::size_t, std::size_t>& at, const EntryFingerprint& e) {
                         return at.first < e.digest || (at.first == e.digest && at.second < e.where.offset);
                       });
  if (after == summary.entries.begin()) return nullptr;
  const EntryFingerprint& entry = *std::prev(after);
  return entry.digest == digest ? &entry : nullptr;
}

}  // namespace

std::string_view to_string(PostPart part) {
  switch (part) {
    case PostPart::File:
      return "file";
    case PostPart::Header:
      return "header";
    case PostPart::Entry:
      return "entry";
    case PostPart::Footer:
      return "footer";
  }
  return "file";
}

std::string path_relative_to(const std::string& path, const std::filesystem::path& root) {
  if (path == "-") return path;
  // An archive member "posts.tgz:a/b.txt": the archive's path is relative,
  // the member's name stays as it is inside the archive.
  std::string container = path;
  std::string member;
  for (std::size_t colon = path.find(':'); colon != std::string::npos; colon = path.find(':', colon + 1)) {
    if (is_archive_path(path.substr(0, colon))) {
      container = path.substr(0, colon);
      member = path.substr(colon);
      break;
    }
  }
  std::filesystem::path absolute = std::filesystem::path(container);
  if (!absolute.is_absolute()) absolute = std::filesystem::current_path() / absolute;
  absolute = absolute.lexically_normal();
  std::filesystem::path relative = absolute.lexically_relative(root.lexically_normal());
  if (relative.empty()) relative = absolute;
  return relative.generic_string() + member;
}

FindingIdentity identify(const Diagnostic& diagnostic, const SourceText* source, const FileSummary* summary,
                         const std::string& file) {
  FindingIdentity identity;
  identity.file = file;
  identity.code = diagnostic.code;
  identity.text = offending_text(diagnostic, source);
  if (source == nullptr || summary == nullptr) return identity;
  const std::size_t offset = diagnostic.location.offset;
  std::size_t index = 0;
  const DigestOutline* digest = digest_at(*summary, offset, index);
  if (digest == nullptr) return identity;
  identity.category = std::string(digest->category);
  identity.date = digest->date;
  if (digest->footer != std::string_view::npos && offset >= digest->footer) {
    identity.part = PostPart::Footer;
  } else if (const EntryFingerprint* entry = entry_at(*summary, index, offset)) {
    identity.part = PostPart::Entry;
    identity.entry = title_key(entry->title);
  } else {
    identity.part = PostPart::Header;
  }
  return identity;
}

std::string fingerprint(const FindingIdentity& identity, std::size_t occurrence) {
  // Each field preceded by its length, so that no two identities give the
  // same bytes.
  std::string key;
  for (const std::string_view field :
       {std::string_view(identity.file), std::string_view(identity.category), std::string_view(identity.date),
        to_string(identity.part), std::string_view(identity.entry), std::string_view(identity.code),
        std::string_view(identity.text)}) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
  }
  key += std::to_string(occurrence);
  const XXH128_hash_t hash = XXH3_128bits(key.data(), key.size());
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

}  // namespace digestkit::lint
