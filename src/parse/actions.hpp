// PEGTL actions: turn matched rules into AST nodes. No validation happens
// here beyond what the AST records (calendar validity, spellings, gaps).
#pragma once

#include <chrono>
#include <string_view>

#include <tao/pegtl.hpp>

#include "build_state.hpp"
#include "digestkit/grammar/document.hpp"

namespace digestkit::parse_detail {

namespace pegtl = tao::pegtl;
namespace g = digestkit::grammar;

[[nodiscard]] inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
[[nodiscard]] inline bool is_blank_or_eol(char c) { return is_blank(c) || c == '\r' || c == '\n'; }

// The matched text without the blanks around it.
template <typename ActionInput>
[[nodiscard]] Text trimmed(const ActionInput& in, const BuildState& state) {
  const char* begin = in.begin();
  const char* end = in.end();
  while (begin != end && is_blank(*begin)) ++begin;
  while (end != begin && is_blank_or_eol(*(end - 1))) --end;
  return {std::string_view(begin, static_cast<std::size_t>(end - begin)), state.span_of(begin, end)};
}

template <typename ActionInput>
[[nodiscard]] int to_int(const ActionInput& in) {
  int value = 0;
  for (const char c : in.string_view()) value = value * 10 + (c - '0');
  return value;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// --- head -------------------------------------------------------------------

template <>
struct action<g::tag> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.tags.push_back(trimmed(in, state));
  }
};
template <>
struct action<g::first_tag> : action<g::tag> {};
template <>
struct action<g::empty_first_tag> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.tags.push_back(Text{{}, state.span_of(in.begin(), in.begin())});
  }
};

template <>
struct action<g::category_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    Document& document = state.documents.emplace_back();
    document.index = state.documents.size() - 1;
    document.category.line = trimmed(in, state);
    document.category.tags = std::move(state.tags);
    document.span.begin = document.category.line.span.begin;
    state.tags.clear();
  }
};

template <>
struct action<g::year> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.date.year = to_int(in);
  }
};
template <>
struct action<g::month> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.date.month = to_int(in);
  }
};
template <>
struct action<g::day> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.date.day = to_int(in);
  }
};
template <>
struct action<g::date_iso> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.date.style = DateStyle::Iso;
    state.date.written = trimmed(in, state);
  }
};
template <>
struct action<g::date_slashed> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.date.style = DateStyle::Slashed;
    state.date.written = trimmed(in, state);
  }
};
template <>
struct action<g::date_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    Date& date = state.date;
    date.line = trimmed(in, state).span;
    const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                          std::chrono::month{static_cast<unsigned>(date.month)},
                                          std::chrono::day{static_cast<unsigned>(date.day)}};
    date.is_calendar_date = ymd.ok();
    state.document().date = date;
  }
};

// --- entry ------------------------------------------------------------------

template <>
struct action<g::title_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry = Entry{};
    state.entry.title = trimmed(in, state);
  }
};

template <AuthorsLabel Label>
struct label_action {
  template <typename ActionInput>
  static void apply(const ActionInput&, BuildState& state) {
    state.entry.label = Label;
  }
};
template <>
struct action<g::label_authors> : label_action<AuthorsLabel::Authors> {};
template <>
struct action<g::label_authors_spaced> : label_action<AuthorsLabel::AuthorsSpaced> {};
template <>
struct action<g::label_author> : label_action<AuthorsLabel::Author> {};
template <>
struct action<g::label_chinese> : label_action<AuthorsLabel::Chinese> {};

template <>
struct action<g::authors_label> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.label_span = state.span_of(in.begin(), in.end());
  }
};
template <>
struct action<g::author_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    const Text name = trimmed(in, state);
    std::string_view separator;
    if (!state.entry.authors.empty()) {
      const std::size_t after_previous = state.entry.authors.back().span.end;
      separator = state.text.substr(after_previous, name.span.begin - after_previous);
    }
    state.entry.authors.push_back(Author{name.value, name.span, separator});
  }
};
template <>
struct action<g::authors_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.authors_line = trimmed(in, state).span;
  }
};
template <>
struct action<g::abstract_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.abstract = trimmed(in, state);
  }
};
template <>
struct action<g::pdf_comments> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    // Leading blanks beyond the single separator are part of the comment as
    // written (arXiv wraps); only the line's trailing blanks are dropped.
    const char* end = in.end();
    while (end != in.begin() && is_blank(*(end - 1))) --end;
    if (end == in.begin()) return;
    state.entry.comments = Text{std::string_view(in.begin(), static_cast<std::size_t>(end - in.begin())),
                                state.span_of(in.begin(), end)};
  }
};
template <>
struct action<g::pdf_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.pdf_line = trimmed(in, state).span;
  }
};
template <>
struct action<g::marker_short> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.marker = Marker::Short;
    state.entry.marker_span = state.span_of(in.begin(), in.end());
  }
};
template <>
struct action<g::marker_long> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.marker = Marker::Long;
    state.entry.marker_span = state.span_of(in.begin(), in.end());
  }
};
template <>
struct action<g::marker_missing> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.entry.marker = Marker::Missing;
    state.entry.marker_span = state.span_of(in.begin(), in.begin());
  }
};
template <>
struct action<g::entry> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    Entry& entry = state.entry;
    entry.span = {entry.title.span.begin, trimmed(in, state).span.end};
    state.document().entries.push_back(std::move(entry));
    state.entry = Entry{};
  }
};

// --- footer -----------------------------------------------------------------

template <>
struct action<g::footer_author> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.footer = Footer{};
    state.footer.has_toc = false;
    state.footer.author = trimmed(in, state);
  }
};
template <>
struct action<g::licence_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.footer.licence = trimmed(in, state);
  }
};
template <>
struct action<g::notice_author> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.footer.notice_author = trimmed(in, state);
  }
};
template <>
struct action<g::notice_body> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.footer.notice = trimmed(in, state);
  }
};
template <>
struct action<g::toc_line> {
  template <typename ActionInput>
  static void apply(const ActionInput&, BuildState& state) {
    state.footer.has_toc = true;
  }
};
template <>
struct action<g::footer> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    state.footer.span = trimmed(in, state).span;
    state.document().footer = std::move(state.footer);
    state.footer = Footer{};
  }
};

// --- blank-line gaps ----------------------------------------------------------

template <std::uint16_t Expected, bool AfterHead = false>
struct gap_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, BuildState& state) {
    if (state.documents.empty()) return;
    std::uint16_t found = 0;
    const std::string_view gap = in.string_view();
    for (std::size_t i = 0; i < gap.size(); ++i) {
      if (gap[i] == '\n' || (gap[i] == '\r' && (i + 1 == gap.size() || gap[i + 1] != '\n'))) ++found;
    }
    if (found == Expected) return;
    Document& document = state.document();
    // After a missing date the head gap already holds the blank lines before
    // the first entry; that is reported as the missing date, not as a gap.
    if (AfterHead && !document.date && document.entries.empty()) return;
    document.blank_runs.push_back(BlankRun{state.span_of(in.begin(), in.end()), found, Expected});
  }
};
template <>
struct action<g::head_gap> : gap_action<2> {};
template <>
struct action<g::item_gap> : gap_action<1, true> {};
template <>
struct action<g::title_gap> : gap_action<1> {};
template <>
struct action<g::authors_gap> : gap_action<1> {};
template <>
struct action<g::pdf_gap> : gap_action<0> {};
template <>
struct action<g::marker_gap> : gap_action<1> {};
template <>
struct action<g::notice_gap> : gap_action<0> {};
template <>
struct action<g::toc_gap> : gap_action<0> {};

}  // namespace digestkit::parse_detail
