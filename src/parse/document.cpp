#include "digestkit/document.hpp"

#include <fmt/format.h>

namespace digestkit {

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string_view to_string(AuthorsLabel label) {
  switch (label) {
    case AuthorsLabel::Authors:
      return "Authors:";
    case AuthorsLabel::AuthorsSpaced:
      return "Authors :";
    case AuthorsLabel::Author:
      return "Author:";
    case AuthorsLabel::Chinese:
      return "作者:";
  }
  return "Authors:";
}

std::string_view to_string(Marker marker) {
  switch (marker) {
    case Marker::Short:
      return "论文截图";
    case Marker::Long:
      return "点此查看论文截图";
    case Marker::Missing:
      return "";
  }
  return "";
}

std::string_view to_string(DateStyle style) { return style == DateStyle::Iso ? "YYYY-MM-DD" : "YYYY/MM/DD"; }

}  // namespace digestkit
