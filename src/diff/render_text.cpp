// The text view of a FileDiff: one line per changed entry, its fields below
// it as a word diff. What is printed is what a reader can tell apart:
// invisible characters are spelled (<U+200B>), a replacement whose two
// sides would look the same has every non-ASCII character spelled, and
// pieces that only change runs of spaces read as the new text unless
// --whitespace asks for them.
#include <algorithm>

#include <fmt/format.h>

#include "diff/field_view.hpp"
#include "diff/render.hpp"
#include "diff/words.hpp"
#include "digestkit/visible_text.hpp"

namespace digestkit::diff_detail {
namespace {

struct Palette {
  std::string_view added, removed, changed, moved, heading, reset;
  // White space alone is invisible in a foreground colour.
  std::string_view added_space, removed_space;
};

Palette palette_for(bool color) {
  if (!color) return {};
  return {"\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[m", "\x1b[42m", "\x1b[41m"};
}

struct Symbols {
  std::string_view arrow, ellipsis, moved;
};

struct Style {
  Palette colors;
  bool color = false;
  bool whitespace = false;
  Symbols symbols;
  VisibleTextOptions visible;
};

Style style_for(const DiffReportOptions& options) {
  Style style;
  style.colors = palette_for(options.color);
  style.color = options.color;
  style.whitespace = options.whitespace;
  style.symbols = options.ascii ? Symbols{"->", "...", "^"} : Symbols{"→", "…", "↕"};
  style.visible.names = options.explain_chars;
  return style;
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

void append_marked(std::string& out, bool added, std::string_view shown, bool only_space,
                   const Style& style) {
  if (shown.empty()) return;
  if (style.color) {
    const auto& c = style.colors;
    out.append(added ? (only_space ? c.added_space : c.added) : (only_space ? c.removed_space : c.removed))
        .append(shown)
        .append(c.reset);
    return;
  }
  out.append(added ? "{+" : "[-").append(shown).append(added ? "+}" : "-]");
}

// A replacement as [-old-]{+new+} (coloured without the markers), spelled
// as shown_replacement decides.
void append_replacement(std::string& out, const Segment& segment, const Style& style) {
  const auto [removed, added] = shown_replacement(segment, style.visible);
  append_marked(out, false, removed, plain_white_space(segment.removed), style);
  append_marked(out, true, added, plain_white_space(segment.added), style);
}

// git --word-diff style: [-removed-]{+added+}, unchanged text around. With
// a context limit, unchanged stretches longer than twice the context are
// elided with "…".
void append_segments(std::string& out, const std::vector<Segment>& segments, const Style& style,
                     std::size_t context) {
  std::vector<Token> tokens;
  const std::string ellipsis(style.symbols.ellipsis);
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const auto& segment = segments[k];
    if (segment.changed) {
      append_replacement(out, segment, style);
      continue;
    }
    const std::string_view text = segment.same;
    const bool first = k == 0;
    const bool last = k + 1 == segments.size();
    const std::size_t keep = first || last ? context : 2 * context;
    // A run shorter in bytes than `keep` words of one byte each cannot need cutting.
    if (context == 0 || text.size() <= keep) {
      append_visible_text(out, text, style.visible);
      continue;
    }
    split_words(text, tokens);
    const auto word_count = static_cast<std::size_t>(
        std::count_if(tokens.begin(), tokens.end(), [](const Token& token) { return token.is_word; }));
    std::string cut;
    if (word_count <= keep) {
      cut = text;
    } else if (first) {
      cut = ellipsis + " " + std::string(tail_words(text, tokens, context));
    } else if (last) {
      cut = std::string(head_words(text, tokens, context)) + " " + ellipsis;
    } else {
      cut = std::string(head_words(text, tokens, context)) + " " + ellipsis + " " +
            std::string(tail_words(text, tokens, context));
    }
    append_visible_text(out, cut, style.visible);
  }
}

void append_text_change(std::string& out, std::string_view label, const TextChange& change,
                        const Style& style, std::size_t context) {
  fmt::format_to(std::back_inserter(out), "    {}: ", label);
  if (!change.old_text) {
    fmt::format_to(std::back_inserter(out), "(absent {} present) ", style.symbols.arrow);
  } else if (!change.new_text) {
    fmt::format_to(std::back_inserter(out), "(present {} absent) ", style.symbols.arrow);
  }
  const auto segments = segments_of(change.words, style.whitespace);
  if (std::none_of(segments.begin(), segments.end(), [](const Segment& s) { return s.changed; })) {
    out.append("white space only (--whitespace shows it)\n");
    return;
  }
  append_segments(out, segments, style, context);
  out.push_back('\n');
}

// A date reads best whole: "date: 2024-01-24 → 2024-01-27".
void append_date(std::string& out, const TextChange& change, const Style& style) {
  auto side = [&](const std::optional<std::string_view>& text) {
    return text ? visible_text(*text, style.visible) : std::string("(none)");
  };
  fmt::format_to(std::back_inserter(out), "date: {}{}{} {} {}{}{}\n", style.colors.removed,
                 side(change.old_text), style.colors.reset, style.symbols.arrow, style.colors.added,
                 side(change.new_text), style.colors.reset);
}

void append_authors(std::string& out, const AuthorsChange& change, const Style& style) {
  std::string line = "    authors: ";
  // A name removed and one added that look alike on screen are spelled.
  auto names = [&](const std::vector<std::string_view>& list, const std::vector<std::string_view>& others,
                   bool added) {
    std::string text;
    for (const auto name : list) {
      if (!text.empty()) text += ", ";
      append_marked(text, added, shown_author(name, others, style.visible), false, style);
    }
    return text;
  };
  const auto removed = names(change.removed, change.added, false);
  const auto added = names(change.added, change.removed, true);
  if (!removed.empty()) line += "removed " + removed;
  if (!added.empty()) line += (removed.empty() ? "" : "; ") + std::string("added ") + added;
  if (!change.moved.empty()) {
    if (line.back() != ' ') line += "; ";
    line += "reordered ";
    for (std::size_t k = 0; k < change.moved.size(); ++k) {
      if (k != 0) line += ", ";
      append_visible_text(line, change.moved[k], style.visible);
    }
  }
  out.append(line).push_back('\n');
}

void append_entry(std::string& out, const EntryChange& change, const Style& style,
                  const DiffReportOptions& options) {
  const auto title = visible_text(change.display_title(), style.visible);
  const auto& colors = style.colors;
  switch (change.kind) {
    case EntryChangeKind::Added:
      fmt::format_to(std::back_inserter(out), "{}+ {}{}\n", colors.added, title, colors.reset);
      return;
    case EntryChangeKind::Removed:
      fmt::format_to(std::back_inserter(out), "{}- {}{}\n", colors.removed, title, colors.reset);
      return;
    case EntryChangeKind::Moved:
      fmt::format_to(std::back_inserter(out), "{}{} {}{} (moved {} {} {})\n", colors.moved,
                     style.symbols.moved, title, colors.reset, change.old_index + 1, style.symbols.arrow,
                     change.new_index + 1);
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
    fmt::format_to(std::back_inserter(out), " (moved {} {} {})", change.old_index + 1, style.symbols.arrow,
                   change.new_index + 1);
  }
  out.push_back('\n');
  if (change.title) append_text_change(out, "title", *change.title, style, 0);
  if (change.authors) append_authors(out, *change.authors, style);
  if (change.abstract) append_text_change(out, "abstract", *change.abstract, style, options.context_words);
  if (change.comments) append_text_change(out, "comments", *change.comments, style, 0);
}

void append_digest(std::string& out, const DigestDiff& digest, bool several, const Style& style,
                   const DiffReportOptions& options) {
  if (several || digest.old_document == nullptr || digest.new_document == nullptr) {
    std::string_view note;
    if (digest.old_document == nullptr) note = " (only in new)";
    if (digest.new_document == nullptr) note = " (only in old)";
    fmt::format_to(std::back_inserter(out), "{}@@ digest {}{} @@{}\n", style.colors.heading, digest.index + 1,
                   note, style.colors.reset);
  }
  if (digest.category) {
    std::string line;
    append_text_change(line, "category", *digest.category, style, 0);
    out.append(line.substr(4));  // a digest-level line: not indented under an entry
  }
  if (digest.date) append_date(out, *digest.date, style);
  for (const auto& change : digest.entries) append_entry(out, change, style, options);
  if (digest.footer) {
    out.append("footer:\n");
    if (digest.footer->author) append_text_change(out, "author", *digest.footer->author, style, 0);
    if (digest.footer->notice) append_text_change(out, "notice", *digest.footer->notice, style, 0);
  }
}

}  // namespace

std::string summary_line(const DiffCounts& counts) {
  auto line =
      fmt::format("+{} -{} ~{} ={} entries", counts.added, counts.removed, counts.changed, counts.unchanged);
  if (counts.moved != 0) line += fmt::format(", {} moved", counts.moved);
  return line;
}

std::string render_file_text(const FileDiff& file, const DiffReportOptions& options) {
  std::string out;
  const auto style = style_for(options);
  const bool several = file.digests.size() > 1;
  for (const auto& digest : file.digests) {
    if (digest.has_differences()) append_digest(out, digest, several, style, options);
  }
  return out;
}

}  // namespace digestkit::diff_detail
