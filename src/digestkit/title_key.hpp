// The key two titles are "the same paper" by: ICU NFKC case folding (which
// also drops default-ignorable characters such as zero-width spaces) and
// white space collapsed to single spaces, trimmed. Used by validate (the same
// entry twice) and diff (matching entries across versions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace digestkit {

[[nodiscard]] std::string title_key(std::string_view title);

// A 64-bit hash of title_key(title), computed without building the key for
// ASCII text: equal keys give equal hashes. For hash tables and duplicate
// searches over many titles or names; confirm matches with title_key().
[[nodiscard]] std::uint64_t title_key_hash(std::string_view title);

// Whether title_key(text) is text itself with its ASCII letters in lower
// case: no control characters, single spaces between words and none at
// either end, and no character NFKC case folding would change (accented
// lower-case letters and CJK qualify). Such keys compare without being built.
[[nodiscard]] bool key_is_lower_case(std::string_view text);

}  // namespace digestkit
