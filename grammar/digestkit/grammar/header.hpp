// The head of a digest: the category line and the "YYYY-MM-DD 更新" line.
#pragma once

#include <tao/pegtl.hpp>

#include "digestkit/grammar/lines.hpp"

namespace digestkit::grammar {

// Category: tags joined by '/'.
// A line starting with '/' has an empty first tag (reported by validate).
struct tag_char : pegtl::not_one<'/', '\r', '\n', '\0'> {};
struct tag : pegtl::star<tag_char> {};
struct first_tag : pegtl::plus<tag_char> {};
struct empty_first_tag : pegtl::success {};
struct tag_separator : pegtl::one<'/'> {};
struct category_text : pegtl::sor<pegtl::seq<first_tag, pegtl::star<tag_separator, tag>>,
                                  pegtl::seq<empty_first_tag, pegtl::plus<tag_separator, tag>>> {};
struct category_line : pegtl::seq<pegtl::star<blank>, category_text, line_end> {};

// Date: ISO with '-' (canonical) or with '/'; month and day may lack the
// leading zero. Whether it is a real calendar date is decided by the parser.
struct year : pegtl::rep<4, pegtl::digit> {};
struct month : pegtl::rep_min_max<1, 2, pegtl::digit> {};
struct day : pegtl::rep_min_max<1, 2, pegtl::digit> {};
struct date_iso : pegtl::seq<year, pegtl::one<'-'>, month, pegtl::one<'-'>, day> {};
struct date_slashed : pegtl::seq<year, pegtl::one<'/'>, month, pegtl::one<'/'>, day> {};
struct date_value : pegtl::sor<date_iso, date_slashed> {};
struct updated_label : TAO_PEGTL_STRING("更新") {};
struct date_line : pegtl::seq<pegtl::star<blank>, date_value, pegtl::not_at<pegtl::digit>, pegtl::star<blank>,
                              updated_label, pegtl::star<blank>, line_end> {};

}  // namespace digestkit::grammar
