// Repairs must not change how a line reads. Removing a zero-width space or
// turning an NBSP into a space can make an abstract read as a "PDF" line, a
// title as an "Authors:" line or a footer, or leave a field empty. Each
// repaired field is tried against the grammar's own rule for what may come
// in its place; a file with such a field is refused rather than guessed at.
#include <fmt/format.h>

#include <cstring>

#include <tao/pegtl.hpp>

#include "digestkit/format.hpp"
#include "digestkit/grammar/entry.hpp"
#include "digestkit/grammar/footer.hpp"
#include "digestkit/grammar/header.hpp"
#include "repairs.hpp"

namespace digestkit {
namespace {

namespace pegtl = tao::pegtl;
namespace g = digestkit::grammar;

// Whether `Rule` matches at the start of `text` (read as a line of its own).
template <typename Rule>
bool reads_as(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.data() + text.size(), "");
  try {
    return pegtl::parse<Rule>(in);
  } catch (const pegtl::parse_error&) {
    return true;  // a NUL byte: the line cannot be printed as it is either
  }
}

// A character that cannot be part of a printed field (CR, LF, NUL; also ','
// in an author name). Parsed fields never hold them; fields of documents
// built from JSON may. One memchr per character (vectorised in libc) beats
// a byte loop testing all of them.
bool contains_any(std::string_view text, std::string_view characters) {
  for (const char c : characters) {
    if (std::memchr(text.data(), c, text.size()) != nullptr) return true;
  }
  return false;
}

constexpr std::string_view kLineBreaksAndNul{"\r\n\0", 3};
constexpr std::string_view kSeparatorsAndNul{",\r\n\0", 4};

class FieldChecker {
 public:
  FieldChecker(const FormatOptions& options, std::vector<FormatRefusal>& refusals)
      : repairer_(format_detail::field_repairs(options)), refusals_(refusals) {}

  void document(const Document& document, const Document* previous) {
    const Entry* last_entry =
        previous != nullptr && !previous->entries.empty() ? &previous->entries.back() : nullptr;
    const bool after_missing_marker = previous != nullptr && !previous->footer && last_entry != nullptr &&
                                      last_entry->marker == Marker::Missing;
    document_has_date_ = document.date.has_value();
    category(document.category, previous, after_missing_marker);

    bool first = true;
    bool previous_marker_missing = false;
    for (const Entry& e : document.entries) {
      entry(e, first && !document.date, previous_marker_missing);
      previous_marker_missing = e.marker == Marker::Missing;
      first = false;
    }
    if (document.footer) {
      required("footer author", document.footer->author);
      required("licence notice", document.footer->notice);
    }
  }

 private:
  void refuse(Span span, std::string message) { refusals_.push_back({span, std::move(message)}); }

  // Repairs `text` and refuses it when it would be empty or span lines.
  std::string_view required(std::string_view what, const Text& text) {
    const std::string_view repaired = repairer_.repaired(text.value);
    if (repaired.empty()) {
      refuse(
          text.span,
          fmt::format("{} would be empty once repaired (only blank, zero-width or space characters)", what));
    } else if (contains_any(repaired, kLineBreaksAndNul)) {
      refuse(text.span,
             fmt::format("{} contains a line break or NUL and cannot be printed on one line", what));
    } else {
      return repaired;
    }
    return {};
  }

  void category(const Category& category, const Document* previous, bool after_missing_marker) {
    Text whole = category.line;
    std::string joined;
    if (!category.tags.empty()) {
      for (std::size_t i = 0; i < category.tags.size(); ++i) {
        if (i != 0) joined += '/';
        joined += repairer_.repaired(category.tags[i].value);
      }
      if (joined.empty()) return refuse(whole.span, "category line would be empty once repaired");
      whole.value = joined;
    }
    const std::string_view repaired = required("category line", whole);
    if (repaired.empty()) return;
    if (previous == nullptr) {
      // U+FEFF kept (--keep-zero-width) at the very start of the output
      // would be read back as a byte-order mark and dropped.
      if (repaired.starts_with("\xEF\xBB\xBF")) {
        refuse(whole.span,
               "category line would start the file with U+FEFF, which reads as a byte-order mark");
      }
      return;
    }
    // After a digest without footer the next category line must not read
    // as a footer or a marker; after one without "  目录" not as that line.
    // A digest there without a date line parsed only because blanks before
    // an "Authors:"-like category line kept it from reading as an entry:
    // trimmed, it would.
    if (!previous->footer && !document_has_date_) {
      refuse(whole.span,
             "category line of a digest without date, after a digest without footer, would read as an entry "
             "once its leading blanks are trimmed");
    } else if (!previous->footer && reads_as<g::footer_start>(repaired)) {
      refuse(whole.span, "category line would read as the footer \"文章作者: …\" of the digest before it");
    } else if (after_missing_marker && reads_as<g::marker_line>(repaired)) {
      refuse(whole.span, "category line would read as the screenshot marker of the entry before it");
    } else if (previous->footer && !previous->footer->has_toc && reads_as<g::toc_line>(repaired)) {
      refuse(whole.span, "category line would read as the \"  目录\" line of the digest before it");
    }
  }

  void entry(const Entry& entry, bool in_place_of_date, bool after_missing_marker) {
    const std::string_view title = required("title", entry.title);
    if (!title.empty()) {
      if (reads_as<g::authors_label>(title)) {
        refuse(entry.title.span, "title would read as an \"Authors:\" line once repaired");
      } else if (reads_as<g::footer_start>(title)) {
        refuse(entry.title.span, "title would read as the footer \"文章作者: …\" once repaired");
      } else if (after_missing_marker && reads_as<g::marker_line>(title)) {
        refuse(entry.title.span, "title would read as the screenshot marker of the entry before it");
      } else if (in_place_of_date && reads_as<g::date_line>(title)) {
        refuse(entry.title.span, "title would read as the missing date line once repaired");
      }
    }
    const std::string_view abstract = required("abstract", entry.abstract);
    if (!abstract.empty()) {
      if (reads_as<g::pdf_line>(abstract)) {
        refuse(entry.abstract.span, "abstract would read as a \"PDF\" line once repaired");
      } else if (reads_as<g::marker_line>(abstract)) {
        refuse(entry.abstract.span, "abstract would read as a screenshot marker once repaired");
      }
    }
    for (const Author& author : entry.authors) {
      const std::string_view name = repairer_.repaired(author.name);
      if (contains_any(name, kSeparatorsAndNul)) {
        refuse(author.span,
               "author name contains a comma, line break or NUL and cannot be printed as one name");
      }
    }
    if (entry.comments) {
      const std::string_view comment = repairer_.repaired(entry.comments->value);
      if (contains_any(comment, kLineBreaksAndNul)) {
        refuse(entry.comments->span,
               "comment contains a line break or NUL and cannot be printed on one line");
      }
    }
  }

  format_detail::FieldRepairer repairer_;
  std::vector<FormatRefusal>& refusals_;
  bool document_has_date_ = false;
};

}  // namespace

std::vector<FormatRefusal> unformattable_fields(const std::vector<Document>& documents,
                                                const FormatOptions& options) {
  std::vector<FormatRefusal> refusals;
  FieldChecker checker(options, refusals);
  const Document* previous = nullptr;
  for (const Document& document : documents) {
    checker.document(document, previous);
    previous = &document;
  }
  return refusals;
}

}  // namespace digestkit
