// Parse-error codes and messages for the grammar's points of no return.
// Codes DG101..DG119 belong to the parser; the linter's catalogue lists them.
#pragma once

#include <string_view>

#include "digestkit/grammar/document.hpp"

namespace digestkit::grammar {

template <typename Rule>
struct error {
  static constexpr std::string_view code{};
  static constexpr std::string_view message{};
};

#define DIGESTKIT_GRAMMAR_ERROR(rule, error_code, error_message) \
  template <>                                                    \
  struct error<rule> {                                           \
    static constexpr std::string_view code = error_code;         \
    static constexpr std::string_view message = error_message;   \
  }

DIGESTKIT_GRAMMAR_ERROR(empty_file, "DG101", "empty file: expected a category line");
DIGESTKIT_GRAMMAR_ERROR(date_line, "DG102",
                        "expected the update date line \"YYYY-MM-DD 更新\" after the category line");
DIGESTKIT_GRAMMAR_ERROR(authors_part, "DG103", "expected \"Authors:\" line after the title");
DIGESTKIT_GRAMMAR_ERROR(wrapped_title, "DG104",
                        "title is wrapped onto a second line; expected \"Authors:\" line after the title");
DIGESTKIT_GRAMMAR_ERROR(abstract_part, "DG105", "expected the abstract line after the \"Authors:\" line");
DIGESTKIT_GRAMMAR_ERROR(missing_abstract, "DG105",
                        "entry has no abstract: expected the abstract line before the \"PDF\" line");
DIGESTKIT_GRAMMAR_ERROR(wrapped_abstract, "DG106",
                        "abstract is wrapped onto several lines; expected \"PDF\" line after the abstract");
DIGESTKIT_GRAMMAR_ERROR(pdf_part, "DG107", "expected \"PDF\" line after the abstract");
DIGESTKIT_GRAMMAR_ERROR(missing_pdf, "DG107",
                        "entry has no \"PDF\" line: expected it before the screenshot marker");
DIGESTKIT_GRAMMAR_ERROR(
    unknown_marker, "DG108",
    "expected screenshot marker \"论文截图\" or \"点此查看论文截图\" after the \"PDF\" line");
DIGESTKIT_GRAMMAR_ERROR(truncated_entry, "DG109", "file ends in the middle of an entry (cut off?)");
DIGESTKIT_GRAMMAR_ERROR(notice_part, "DG110",
                        "expected the licence line \"版权声明: …\" after the footer author");
DIGESTKIT_GRAMMAR_ERROR(trailing_text, "DG111",
                        "unexpected text: expected an entry title, the footer \"文章作者: …\", another "
                        "digest or the end of the file");
DIGESTKIT_GRAMMAR_ERROR(nul_byte, "DG112", "NUL byte in text");
DIGESTKIT_GRAMMAR_ERROR(missing_title, "DG113",
                        "entry has no title: found \"Authors:\" line where a title was expected");

#undef DIGESTKIT_GRAMMAR_ERROR

}  // namespace digestkit::grammar
