// File and member names as shown to users: a name can hold any bytes but
// '\0' (not UTF-8, newlines, terminal escapes), and must neither forge an
// output line nor drive the terminal.
#pragma once

#include <string>
#include <string_view>

namespace digestkit {

// For text: as git shows paths (core.quotePath=false): a name with a control
// character, '"', '\\' or bytes that are not UTF-8 is put in double quotes,
// those bytes as C escapes (\t, \n, \", \\, \033 octal); others as they are.
[[nodiscard]] std::string quoted_name(std::string_view name);
// For JSON and SARIF (which must be UTF-8): each byte that is not part of
// valid UTF-8 becomes U+FFFD; the writers escape control characters.
[[nodiscard]] std::string utf8_name(std::string_view name);

}  // namespace digestkit
