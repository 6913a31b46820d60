// PEGTL actions for the page_dump line rules: they record which anchor a
// line (or an HTML block) starts with and where its value lies. No semantic
// work beyond that: blocks are grouped and read in assemble.cpp.
#pragma once

#include <charconv>
#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>

#include "block.hpp"
#include "digestkit/grammar/page_dump.hpp"

namespace digestkit::extract_detail {

namespace pd = grammar::page_dump;

// What the rules found in the current line.
struct LineFacts {
  BlockKind kind = BlockKind::Text;
  const char* value_begin = nullptr;
  const char* value_end = nullptr;
  bool has_value = false;
  Marker marker = Marker::Missing;
  int year = 0, month = 0, day = 0;
  void reset() { *this = LineFacts{}; }
};

inline int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

template <typename Rule>
struct line_action : tao::pegtl::nothing<Rule> {};

template <BlockKind Kind>
struct value_action {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    facts.kind = Kind;
    facts.value_begin = in.begin();
    facts.value_end = in.end();
    facts.has_value = true;
  }
};

template <>
struct line_action<pd::authors_names> : value_action<BlockKind::Authors> {};
template <>
struct line_action<pd::pdf_comment> : value_action<BlockKind::Pdf> {};
template <>
struct line_action<pd::marker_tail> : value_action<BlockKind::Marker> {};
template <>
struct line_action<pd::footer_author_field> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& /*in*/, LineFacts& facts, Rest&... /*rest*/) {
    facts.kind = BlockKind::FooterAuthor;
  }
};
template <>
struct line_action<pd::footer_link_field> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& /*in*/, LineFacts& facts, Rest&... /*rest*/) {
    facts.kind = BlockKind::FooterLink;
  }
};
template <>
struct line_action<pd::footer_notice_field> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& /*in*/, LineFacts& facts, Rest&... /*rest*/) {
    facts.kind = BlockKind::FooterNotice;
  }
};
template <>
struct line_action<pd::footer_value> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    facts.value_begin = in.begin();
    facts.value_end = in.end();
    facts.has_value = true;
  }
};
// The footer fields' actions run after their value's, so they set only the kind.

template <>
struct line_action<pd::pdf_link_line> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    if (facts.kind != BlockKind::Pdf) {  // bare "PDF"
      facts.kind = BlockKind::Pdf;
      facts.value_begin = facts.value_end = in.end();
      facts.has_value = false;
    }
  }
};
template <>
struct line_action<pd::marker_long_spelling> {
  template <typename... Rest>
  static void apply0(LineFacts& facts, Rest&... /*rest*/) {
    facts.marker = Marker::Long;
  }
};
template <>
struct line_action<pd::marker_short_spelling> {
  template <typename... Rest>
  static void apply0(LineFacts& facts, Rest&... /*rest*/) {
    facts.marker = Marker::Short;
  }
};
template <>
struct line_action<grammar::year> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    facts.year = to_int(in.string_view());
  }
};
template <>
struct line_action<grammar::month> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    facts.month = to_int(in.string_view());
  }
};
template <>
struct line_action<grammar::day> {
  template <typename ActionInput, typename... Rest>
  static void apply(const ActionInput& in, LineFacts& facts, Rest&... /*rest*/) {
    facts.day = to_int(in.string_view());
  }
};
template <>
struct line_action<pd::date_heading> {
  template <typename... Rest>
  static void apply0(LineFacts& facts, Rest&... /*rest*/) {
    facts.kind = BlockKind::DateHeading;
  }
};

}  // namespace digestkit::extract_detail
