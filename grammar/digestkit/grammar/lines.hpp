// Lines, line endings and blank lines: the vocabulary every other part of the
// grammar is written in.
#pragma once

#include <tao/pegtl.hpp>

#include "digestkit/grammar/line_scan.hpp"

namespace digestkit::grammar {

namespace pegtl = tao::pegtl;

// CRLF and lone CR are read like LF; validate reports them, fmt repairs them.
struct eol : pegtl::sor<pegtl::string<'\r', '\n'>, pegtl::one<'\n'>, pegtl::one<'\r'>> {};
// Horizontal blanks tolerated around fields (reported and repaired elsewhere).
struct blank : pegtl::one<' ', '\t'> {};
struct nul_byte : pegtl::one<'\0'> {};
struct line_char : pegtl::not_one<'\r', '\n', '\0'> {};

// A NUL byte can never be part of a field: it ends the line with an error.
struct line_end : pegtl::sor<eol, pegtl::eof, pegtl::seq<pegtl::at<nul_byte>, pegtl::raise<nul_byte>>> {};

// A whitespace-only line counts as blank.
struct blank_line : pegtl::seq<pegtl::star<blank>, eol> {};
struct blank_lines : pegtl::star<blank_line> {};
struct blank_lines_to_eof : pegtl::seq<blank_lines, pegtl::star<blank>, pegtl::eof> {};

// Any non-blank line, as a shape for look-ahead checks.
struct text_line : pegtl::seq<pegtl::star<blank>, line_char, line_chars, line_end> {};

// The gaps of blank lines between the parts of a digest. Each is its own
// type so that the parser can compare its length with the canonical one.
struct head_gap : blank_lines {};     // category -> date (2)
struct item_gap : blank_lines {};     // date or marker -> next entry or footer (1)
struct title_gap : blank_lines {};    // title -> Authors (1)
struct authors_gap : blank_lines {};  // Authors -> abstract (1)
struct pdf_gap : blank_lines {};      // abstract -> PDF (0)
struct marker_gap : blank_lines {};   // PDF -> marker (1)
struct notice_gap : blank_lines {};   // footer author -> licence line (0)
struct toc_gap : blank_lines {};      // licence line -> "  目录" (0)

}  // namespace digestkit::grammar
