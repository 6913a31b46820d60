// What a file holds when it is not text at all, or is text of another kind
// than a digest post: shared by validate (DG100, not-a-digest) and extract
// (which reads HTML pages), so both judge a file alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace digestkit {

// Whether bytes look like an HTML page: after a BOM and blanks, "<!DOCTYPE
// html", "<html", "<head", "<meta", "<!--" or "<body" (ASCII case ignored).
[[nodiscard]] bool looks_like_html(std::string_view bytes);

// What the bytes are when they are plainly not a digest post, for a message
// ("an HTML page", "gzip-compressed data", "a PDF document", "JSON", "binary
// data", text with no line of a digest at all: a LICENSE...); nullopt for
// anything that may be digest text, damaged or not. Looks at the first
// bytes (magic numbers, markup, NUL bytes), the last for JSON, and for text
// the lines up to the first that a digest has (a date, Authors:, PDF line);
// text in UTF-16 or UTF-32 is text.
[[nodiscard]] std::optional<std::string> non_digest_kind(std::string_view bytes);

}  // namespace digestkit
