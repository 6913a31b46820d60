// One paper: title, Authors line, abstract, PDF line, screenshot marker.
#pragma once

#include <tao/pegtl.hpp>

#include "digestkit/grammar/lines.hpp"

namespace digestkit::grammar {

// Authors line. Label spellings other than "Authors:" are read and recorded.
struct label_authors : TAO_PEGTL_STRING("Authors:") {};
struct label_authors_spaced : pegtl::seq<TAO_PEGTL_STRING("Authors"), pegtl::plus<blank>, pegtl::one<':'>> {};
struct label_author : TAO_PEGTL_STRING("Author:") {};
struct label_chinese
    : pegtl::seq<TAO_PEGTL_STRING("作者"), pegtl::sor<pegtl::one<':'>, TAO_PEGTL_STRING("：")>> {};
struct authors_label : pegtl::sor<label_authors, label_authors_spaced, label_author, label_chinese> {};

struct author_name : chars_until_break<','> {};
struct author_separator : pegtl::one<','> {};
struct no_authors : pegtl::seq<pegtl::star<blank>, pegtl::at<line_end>> {};
struct author_list : pegtl::seq<author_name, pegtl::star<author_separator, author_name>> {};
struct authors_line : pegtl::seq<authors_label, pegtl::sor<no_authors, author_list>, line_end> {};

// "PDF" alone, or "PDF" + one space + arXiv's comments field.
struct pdf_label : TAO_PEGTL_STRING("PDF") {};
struct pdf_comments : line_chars {};
struct pdf_line
    : pegtl::seq<
          pdf_label,
          pegtl::sor<pegtl::seq<pegtl::star<blank>, pegtl::at<line_end>>, pegtl::seq<blank, pdf_comments>>,
          line_end> {};

// Screenshot marker, in either spelling.
struct marker_short : TAO_PEGTL_STRING("论文截图") {};
struct marker_long : TAO_PEGTL_STRING("点此查看论文截图") {};
struct marker_line
    : pegtl::seq<pegtl::star<blank>, pegtl::sor<marker_long, marker_short>, pegtl::star<blank>, line_end> {};

// Title and abstract: one line each, recognised by position.
struct title_text : pegtl::seq<line_char, line_chars> {};
struct title_line : pegtl::seq<pegtl::star<blank>, pegtl::not_at<authors_label>, title_text, line_end> {};
struct abstract_text : pegtl::seq<line_char, line_chars> {};
struct abstract_line : pegtl::seq<pegtl::star<blank>, pegtl::not_at<pdf_line>, pegtl::not_at<marker_line>,
                                  abstract_text, line_end> {};

// Shapes used to tell one fault from another once the layout breaks.
struct entry_start : pegtl::seq<title_line, blank_lines, authors_label> {};
struct wrapped_title : pegtl::seq<text_line, blank_lines, authors_label> {};
struct wrapped_abstract
    : pegtl::seq<text_line, pegtl::star<pegtl::not_at<pdf_line>, text_line>, blank_lines, pdf_line> {};
struct truncated_entry : blank_lines_to_eof {};
struct missing_abstract : pegtl::seq<blank_lines, pdf_line> {};
struct missing_pdf : pegtl::seq<blank_lines, marker_line> {};
struct missing_title : authors_label {};
struct unknown_marker : text_line {};

// The parts after the title; each is a point of no return with its own message.
struct authors_part : pegtl::seq<title_gap, authors_line> {};
struct after_title
    : pegtl::sor<authors_part, pegtl::seq<pegtl::at<wrapped_title>, pegtl::raise<wrapped_title>>,
                 pegtl::seq<pegtl::at<truncated_entry>, pegtl::raise<truncated_entry>>,
                 pegtl::seq<blank_lines, pegtl::raise<authors_part>>> {};

struct abstract_part : pegtl::seq<authors_gap, abstract_line> {};
struct after_authors
    : pegtl::sor<abstract_part,
                 pegtl::seq<pegtl::at<missing_abstract>, blank_lines, pegtl::raise<missing_abstract>>,
                 pegtl::seq<pegtl::at<truncated_entry>, pegtl::raise<truncated_entry>>,
                 pegtl::seq<blank_lines, pegtl::raise<abstract_part>>> {};

struct pdf_part : pegtl::seq<pdf_gap, pdf_line> {};
struct after_abstract
    : pegtl::sor<pdf_part, pegtl::seq<pegtl::at<truncated_entry>, pegtl::raise<truncated_entry>>,
                 pegtl::seq<pegtl::at<missing_pdf>, blank_lines, pegtl::raise<missing_pdf>>,
                 pegtl::seq<pegtl::at<wrapped_abstract>, pegtl::raise<wrapped_abstract>>,
                 pegtl::seq<blank_lines, pegtl::raise<pdf_part>>> {};

}  // namespace digestkit::grammar
