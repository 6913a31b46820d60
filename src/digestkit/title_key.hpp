// The key two titles are "the same paper" by: ICU NFKC case folding (which
// also drops default-ignorable characters such as zero-width spaces) and
// white space collapsed to single spaces, trimmed. Used by validate (the same
// entry twice) and diff (matching entries across versions).
#pragma once

#include <string>
#include <string_view>

namespace digestkit {

[[nodiscard]] std::string title_key(std::string_view title);

}  // namespace digestkit
