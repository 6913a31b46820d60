// Text dumps of full web pages (w3m -dump, lynx -dump, a browser's "save as
// text"): a recovery grammar that reads every line and recognises the
// anchors a digest leaves in any page layout -- the "YYYY-MM-DD 更新"
// heading, "Authors:" lines, "PDF" link lines, screenshot marker lines and
// the footer labels. Everything else is an ordinary text line; which of those
// are titles, abstracts, summaries or site chrome is decided by src/extract/
// with the page's layout description. The same line rules classify the
// blocks of text that src/extract/ takes out of an HTML page.
//
// The raw-Markdown entry rules read an entry the site failed to render:
//   ## Title **Authors:A, B** abstract [PDF](http://arxiv.org/abs/…) comment **摘要** …
#pragma once

#include <string_view>

#include <tao/pegtl.hpp>

#include "digestkit/grammar/entry.hpp"
#include "digestkit/grammar/footer.hpp"
#include "digestkit/grammar/header.hpp"
#include "digestkit/grammar/lines.hpp"

namespace digestkit::grammar::page_dump {

// Page dumps indent blocks with spaces; zero-width spaces are left where the
// page's Markdown had them.
struct zero_width_space : TAO_PEGTL_STRING("\u200b") {};
struct indent : pegtl::star<pegtl::sor<blank, zero_width_space>> {};
// A NUL byte ends a line of a dump like a line break (never an error here).
struct dump_line_end : pegtl::sor<eol, pegtl::one<'\0'>, pegtl::eof> {};

// "2024-01-30 更新": the heading that opens the digest.
struct date_heading : pegtl::seq<indent, date_iso, pegtl::not_at<pegtl::digit>, pegtl::plus<blank>,
                                 updated_label, pegtl::star<blank>, pegtl::at<dump_line_end>> {};

// "Authors:A, B" at the start of a line (inside a summary the same words are
// indented or numbered, and so are ordinary text).
struct authors_names : line_chars {};
struct authors_line : pegtl::seq<label_authors, authors_names> {};

// "PDF" alone, or "PDF" and the comment, at the start of a line.
struct pdf_comment : line_chars {};
struct pdf_link_line
    : pegtl::seq<pdf_label, pegtl::sor<pegtl::seq<pegtl::star<blank>, pegtl::at<dump_line_end>>,
                                       pegtl::seq<pegtl::plus<blank>, pdf_comment>>> {};

// The screenshot marker, then the page's image placeholders ("[yH5BAEAAAA]":
// a dump shows an image as its name in brackets), then whatever the page
// put on the same line (a raw-Markdown entry).
struct placeholder_char : pegtl::sor<pegtl::alnum, pegtl::one<'+', '/', '=', '_', '-', '.'>> {};
struct image_placeholder : pegtl::seq<pegtl::one<'['>, pegtl::star<placeholder_char>, pegtl::one<']'>> {};
struct marker_long_spelling : marker_long {};
struct marker_short_spelling : marker_short {};
struct marker_tail : line_chars {};
struct marker_line
    : pegtl::seq<indent, pegtl::sor<marker_long_spelling, marker_short_spelling>,
                 pegtl::star<pegtl::sor<image_placeholder, blank, zero_width_space>>, marker_tail> {};

// The footer: "文章作者: NAME", "文章链接: URL", "版权声明: NOTICE".
struct footer_value : line_chars {};
struct link_label : pegtl::seq<TAO_PEGTL_STRING("文章链接"), colon> {};
struct footer_author_field : pegtl::seq<footer_author_label, pegtl::star<blank>, footer_value> {};
struct footer_link_field : pegtl::seq<link_label, pegtl::star<blank>, footer_value> {};
struct footer_notice_field : pegtl::seq<notice_label, pegtl::star<blank>, footer_value> {};

struct blank_text : pegtl::seq<pegtl::star<blank>, pegtl::at<dump_line_end>> {};
struct other_text : line_chars {};

// One line: the first anchor that matches it, else ordinary text.
struct line_kind : pegtl::sor<blank_text, date_heading, authors_line, pdf_link_line, marker_line,
                              footer_author_field, footer_link_field, footer_notice_field, other_text> {};
// A line with its line break; the last line may have none (and then must
// not be empty, or the end of the page would read as one more blank line).
struct line_break : pegtl::sor<eol, pegtl::one<'\0'>> {};
struct page_line : pegtl::seq<line_kind, line_chars, line_break> {};
struct last_line : pegtl::seq<pegtl::at<pegtl::any>, line_kind, line_chars, pegtl::eof> {};
struct page : pegtl::seq<pegtl::star<page_line>, pegtl::opt<last_line>, pegtl::eof> {};

// One block of text (from HTML, or a paragraph of a dump): the anchor it
// starts with; the rest is its value.
struct block : line_kind {};

// A raw-Markdown entry, read from a block of text whose wrapped lines are
// already joined. After "## " and " **Authors:" each part must follow: an
// entry that stops short is an error, never half an entry.
struct raw_title_end : pegtl::seq<pegtl::star<blank>, TAO_PEGTL_STRING("**"), label_authors> {};
struct raw_title : pegtl::plus<pegtl::not_at<raw_title_end>, pegtl::any> {};
struct raw_authors : pegtl::star<pegtl::not_at<TAO_PEGTL_STRING("**")>, pegtl::any> {};
struct raw_authors_end : TAO_PEGTL_STRING("**") {};
struct raw_pdf_start : pegtl::seq<pegtl::star<blank>, TAO_PEGTL_STRING("[PDF](")> {};
struct raw_abstract : pegtl::star<pegtl::not_at<raw_pdf_start>, pegtl::any> {};
struct raw_url : pegtl::plus<pegtl::not_one<')', ' '>> {};
struct raw_pdf_link : pegtl::seq<raw_pdf_start, raw_url, pegtl::one<')'>> {};
struct raw_comment_end : pegtl::sor<pegtl::seq<pegtl::star<blank>, TAO_PEGTL_STRING("**")>,
                                    pegtl::seq<pegtl::star<blank>, pegtl::eof>> {};
struct raw_comment : pegtl::star<pegtl::not_at<raw_comment_end>, pegtl::any> {};
struct raw_summary : pegtl::star<pegtl::any> {};
struct raw_heading : pegtl::seq<indent, TAO_PEGTL_STRING("## ")> {};
struct raw_entry
    : pegtl::seq<raw_heading, pegtl::star<blank>, pegtl::must<raw_title, raw_title_end>, raw_authors,
                 pegtl::must<raw_authors_end>, pegtl::star<blank>, raw_abstract, pegtl::must<raw_pdf_link>,
                 pegtl::star<blank>, raw_comment, raw_summary, pegtl::eof> {};
// Whether a block starts a raw-Markdown entry at all (then raw_entry must match).
struct raw_entry_start : pegtl::seq<raw_heading, pegtl::until<raw_title_end, pegtl::any>> {};

// Messages for the raw-Markdown entry's points of no return.
template <typename Rule>
struct error {
  static constexpr std::string_view message{};
};
template <>
struct error<raw_title> {
  static constexpr std::string_view message = "raw-Markdown entry has no title after \"## \"";
};
template <>
struct error<raw_title_end> {
  static constexpr std::string_view message = "raw-Markdown entry: expected \"**Authors:\" after the title";
};
template <>
struct error<raw_authors_end> {
  static constexpr std::string_view message =
      "raw-Markdown entry: the \"**Authors:\" names are not closed by \"**\"";
};
template <>
struct error<raw_pdf_link> {
  static constexpr std::string_view message =
      "raw-Markdown entry has no \"[PDF](…)\" link after its abstract";
};

}  // namespace digestkit::grammar::page_dump
