#include <algorithm>

#include <fmt/format.h>

#include "diff/render.hpp"
#include "diff/words.hpp"

namespace digestkit::diff_detail {
namespace {

struct Palette {
  std::string_view added, removed, changed, moved, heading, reset;
};

Palette palette_for(bool color) {
  if (!color) return {};
  return {"\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[m"};
}

// Cuts a run of unchanged text (already split into tokens) to its first or
// last few words, at word boundaries, so that long abstracts show only the
// context of a change.
std::string_view head_words(std::string_view text, const std::vector<Token>& tokens, std::size_t words) {
  std::size_t seen = 0;
  for (const auto& token : tokens) {
    if (token.is_word && ++seen == words) return text.substr(0, token.end);
  }
  return text;
}

std::string_view tail_words(std::string_view text, const std::vector<Token>& tokens, std::size_t words) {
  std::size_t seen = 0;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    if (it->is_word && ++seen == words) return text.substr(it->begin);
  }
  return text;
}

// git --word-diff style: [-removed-]{+added+}, unchanged text around. With
// a context limit, unchanged stretches longer than twice the context are
// elided with "…".
void append_words(std::string& out, const std::vector<WordEdit>& words, const Palette& colors,
                  std::size_t context) {
  std::vector<Token> tokens;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const auto& edit = words[k];
    if (edit.op == WordOp::Removed) {
      fmt::format_to(std::back_inserter(out), "{}[-{}-]{}", colors.removed, edit.text, colors.reset);
      continue;
    }
    if (edit.op == WordOp::Added) {
      fmt::format_to(std::back_inserter(out), "{}{{+{}+}}{}", colors.added, edit.text, colors.reset);
      continue;
    }
    const bool first = k == 0;
    const bool last = k + 1 == words.size();
    const std::size_t keep = first || last ? context : 2 * context;
    // A run shorter in bytes than `keep` words of one byte each cannot need cutting.
    if (context == 0 || edit.text.size() <= keep) {
      out.append(edit.text);
      continue;
    }
    split_words(edit.text, tokens);
    const auto word_count = static_cast<std::size_t>(
        std::count_if(tokens.begin(), tokens.end(), [](const Token& token) { return token.is_word; }));
    if (word_count <= keep) {
      out.append(edit.text);
    } else if (first) {
      out.append("… ").append(tail_words(edit.text, tokens, context));
    } else if (last) {
      out.append(head_words(edit.text, tokens, context)).append(" …");
    } else {
      out.append(head_words(edit.text, tokens, context))
          .append(" … ")
          .append(tail_words(edit.text, tokens, context));
    }
  }
}

void append_text_change(std::string& out, std::string_view label, const TextChange& change,
                        const Palette& colors, std::size_t context) {
  fmt::format_to(std::back_inserter(out), "    {}: ", label);
  if (!change.old_text) {
    fmt::format_to(std::back_inserter(out), "(absent → present) ");
  } else if (!change.new_text) {
    fmt::format_to(std::back_inserter(out), "(present → absent) ");
  }
  append_words(out, change.words, colors, context);
  out.push_back('\n');
}

void append_names(std::string& out, std::string_view label, const std::vector<std::string_view>& names) {
  if (names.empty()) return;
  if (out.back() != ' ') out.append("; ");
  fmt::format_to(std::back_inserter(out), "{} {}", label, fmt::join(names, ", "));
}

void append_authors(std::string& out, const AuthorsChange& change, const Palette& colors) {
  std::string line = "    authors: ";
  std::string removed;
  std::string added;
  for (const auto name : change.removed)
    removed += fmt::format("{}{}[-{}-]{}", removed.empty() ? "" : ", ", colors.removed, name, colors.reset);
  for (const auto name : change.added)
    added += fmt::format("{}{}{{+{}+}}{}", added.empty() ? "" : ", ", colors.added, name, colors.reset);
  if (!removed.empty()) line += "removed " + removed;
  if (!added.empty()) line += (removed.empty() ? "" : "; ") + std::string("added ") + added;
  append_names(line, "reordered", change.moved);
  out.append(line).push_back('\n');
}

void append_entry(std::string& out, const EntryChange& change, const Palette& colors,
                  const DiffReportOptions& options) {
  const auto title = change.display_title();
  switch (change.kind) {
    case EntryChangeKind::Added:
      fmt::format_to(std::back_inserter(out), "{}+ {}{}\n", colors.added, title, colors.reset);
      return;
    case EntryChangeKind::Removed:
      fmt::format_to(std::back_inserter(out), "{}- {}{}\n", colors.removed, title, colors.reset);
      return;
    case EntryChangeKind::Moved:
      fmt::format_to(std::back_inserter(out), "{}↕ {}{} (moved {} → {})\n", colors.moved, title, colors.reset,
                     change.old_index + 1, change.new_index + 1);
      return;
    case EntryChangeKind::Changed:
    case EntryChangeKind::Retitled:
      break;
  }
  fmt::format_to(std::back_inserter(out), "{}~ {}{}", colors.changed, title, colors.reset);
  if (change.kind == EntryChangeKind::Retitled) {
    fmt::format_to(std::back_inserter(out), " (retitled, {:.0f}% similar)", change.title_similarity * 100.0);
  }
  if (change.moved) {
    fmt::format_to(std::back_inserter(out), " (moved {} → {})", change.old_index + 1, change.new_index + 1);
  }
  out.push_back('\n');
  if (change.title) append_text_change(out, "title", *change.title, colors, 0);
  if (change.authors) append_authors(out, *change.authors, colors);
  if (change.abstract) append_text_change(out, "abstract", *change.abstract, colors, options.context_words);
  if (change.comments) append_text_change(out, "comments", *change.comments, colors, 0);
}

void append_digest(std::string& out, const DigestDiff& digest, bool several, const Palette& colors,
                   const DiffReportOptions& options) {
  if (several || digest.old_document == nullptr || digest.new_document == nullptr) {
    std::string_view note;
    if (digest.old_document == nullptr) note = " (only in new)";
    if (digest.new_document == nullptr) note = " (only in old)";
    fmt::format_to(std::back_inserter(out), "{}@@ digest {}{} @@{}\n", colors.heading, digest.index + 1, note,
                   colors.reset);
  }
  if (digest.category) {
    out.append("category:\n");
    append_text_change(out, "line", *digest.category, colors, 0);
  }
  if (digest.date) {
    out.append("date:\n");
    append_text_change(out, "written", *digest.date, colors, 0);
  }
  for (const auto& change : digest.entries) append_entry(out, change, colors, options);
  if (digest.footer) {
    out.append("footer:\n");
    if (digest.footer->author) append_text_change(out, "author", *digest.footer->author, colors, 0);
    if (digest.footer->notice) append_text_change(out, "notice", *digest.footer->notice, colors, 0);
  }
}

}  // namespace

std::string summary_line(const DiffCounts& counts) {
  auto line = fmt::format("+{} −{} ~{} entries", counts.added, counts.removed, counts.changed);
  if (counts.moved != 0) line += fmt::format(", {} moved", counts.moved);
  return line;
}

std::string render_file_text(const FileDiff& file, const DiffReportOptions& options) {
  std::string out;
  const auto colors = palette_for(options.color);
  const bool several = file.digests.size() > 1;
  for (const auto& digest : file.digests) {
    if (digest.has_differences()) append_digest(out, digest, several, colors, options);
  }
  return out;
}

}  // namespace digestkit::diff_detail
