// Text shown to people (diffs, messages) with the characters that would be
// invisible there, or mistaken for another, spelled out as <U+200B>: a
// zero-width space, a no-break space and a combining accent on an unaccented
// letter look like nothing, a plain space and a precomposed letter. Every
// module that prints document text into a report uses this one spelling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace digestkit {

struct VisibleTextOptions {
  // "<U+200B ZERO WIDTH SPACE>" instead of "<U+200B>" (--explain-chars).
  bool names = false;
  // At most this many code points are shown, then "…".
  std::size_t max_chars = static_cast<std::size_t>(-1);
};

// Controls, format characters (ZWSP, bidi controls, BOM), line and paragraph
// separators, spaces other than U+0020, private-use, unassigned and
// default-ignorable code points.
[[nodiscard]] bool is_invisible_code_point(std::int32_t code_point);

// True when text holds a character visible_text() would spell, so callers
// can skip copying the common case.
[[nodiscard]] bool needs_spelling(std::string_view text);

// Appends text with invisible characters, and combining marks that compose
// with the character before them (text not in NFC: "e<U+0301>"), spelled
// <U+XXXX>; bytes that are not UTF-8 are shown as <?>.
void append_visible_text(std::string& out, std::string_view text, const VisibleTextOptions& options = {});
[[nodiscard]] std::string visible_text(std::string_view text, const VisibleTextOptions& options = {});

// Every non-ASCII code point spelled, for two spellings that would look the
// same on screen even with invisible characters spelled (Latin "a" and
// Cyrillic "а").
void append_spelled_non_ascii(std::string& out, std::string_view text,
                              const VisibleTextOptions& options = {});

// Two texts a reader would take for the same (ICU's confusable skeletons,
// UTS #39, are equal) although their code points differ.
[[nodiscard]] bool look_alike(std::string_view a, std::string_view b);

// "<U+200B>" or, with names, "<U+200B ZERO WIDTH SPACE>" (ICU u_charName).
[[nodiscard]] std::string spelled_code_point(std::int32_t code_point, bool names = false);

// "U+202E RIGHT-TO-LEFT OVERRIDE"
[[nodiscard]] std::string describe_code_point(std::int32_t code_point);

}  // namespace digestkit
