// A whole file: one or more digests back to back.
#pragma once

#include <tao/pegtl.hpp>

#include "digestkit/grammar/entry.hpp"
#include "digestkit/grammar/footer.hpp"
#include "digestkit/grammar/header.hpp"
#include "digestkit/grammar/lines.hpp"

namespace digestkit::grammar {

// A new digest starts where a line is followed by blank lines and a date
// (only ever used as a look-ahead, so the line is not split into tags here).
struct document_start : pegtl::seq<text_line, blank_lines, date_line> {};

// A missing date is read (and reported) when an entry follows the category.
struct date_missing : pegtl::at<entry_start> {};
struct date_part : pegtl::sor<date_line, date_missing, pegtl::raise<date_line>> {};

// A missing marker is read when what follows is clearly the next entry, the
// footer, another digest or the end of the file; anything else is an
// unknown marker.
struct after_marker : pegtl::sor<entry_start, footer_start, document_start, blank_lines_to_eof> {};
struct marker_missing : pegtl::at<blank_lines, after_marker> {};
struct marker_part : pegtl::sor<pegtl::seq<pegtl::at<marker_gap, marker_line>, marker_gap, marker_line>,
                                marker_missing, pegtl::seq<marker_gap, pegtl::raise<unknown_marker>>> {};

struct entry : pegtl::seq<title_line, after_title, after_authors, after_abstract, marker_part> {};

// Whatever comes after a gap that is neither the footer, a new digest nor
// the end of the file is read as an entry.
struct entry_guard
    : pegtl::seq<pegtl::not_at<footer_start>, pegtl::not_at<document_start>, pegtl::not_at<pegtl::eof>,
                 pegtl::not_at<pegtl::star<blank>, pegtl::at<line_end>>> {};
struct misplaced_authors : pegtl::seq<pegtl::at<item_gap, missing_title>, pegtl::raise<missing_title>> {};
struct next_entry
    : pegtl::seq<pegtl::at<item_gap, entry_guard>, item_gap, pegtl::sor<misplaced_authors, entry>> {};
struct entries : pegtl::star<next_entry> {};

struct footer_part : pegtl::opt<pegtl::at<item_gap, footer_start>, item_gap, footer> {};

struct empty_file : blank_lines_to_eof {};
struct document_head : pegtl::seq<category_line, head_gap, date_part> {};
struct document : pegtl::seq<document_head, entries, footer_part> {};

// A further digest must show its head (category, then a date or an entry)
// before it is committed to; anything else is trailing text.
struct headless_start : pegtl::seq<text_line, blank_lines, entry_start> {};
struct next_document
    : pegtl::seq<pegtl::at<blank_lines, pegtl::sor<document_start, headless_start>>, blank_lines, document> {
};

struct trailing_text : pegtl::eof {};
struct file
    : pegtl::seq<blank_lines,
                 pegtl::sor<pegtl::seq<pegtl::at<empty_file>, pegtl::raise<empty_file>>, document,
                            pegtl::seq<pegtl::star<blank>, pegtl::raise<nul_byte>>>,
                 pegtl::star<next_document>, blank_lines, pegtl::star<blank>, pegtl::must<trailing_text>> {};

// Where parsing resumes after an error (validate's recovery): the rest of a
// digest from an entry or its footer, then any further digests.
struct resync_point : pegtl::sor<document_start, entry_start, footer_start> {};
struct rest_of_document : pegtl::seq<pegtl::sor<pegtl::seq<pegtl::at<entry_start>, entry>, pegtl::success>,
                                     entries, footer_part> {};
struct resume
    : pegtl::seq<pegtl::sor<pegtl::seq<pegtl::at<document_start>, document>, rest_of_document>,
                 pegtl::star<next_document>, blank_lines, pegtl::star<blank>, pegtl::must<trailing_text>> {};

}  // namespace digestkit::grammar
