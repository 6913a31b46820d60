// The fixed text of the canonical layout (FORMAT.md, the seed posts).
#pragma once

#include <string_view>

#include "digestkit/document.hpp"

namespace digestkit::format_detail {

inline constexpr std::string_view kDateLabel = " 更新";
inline constexpr std::string_view kAuthorsLabel = "Authors:";
inline constexpr std::string_view kAuthorSeparator = ", ";
inline constexpr std::string_view kPdfLabel = "PDF";
inline constexpr std::string_view kShortMarker = "论文截图";
inline constexpr std::string_view kLongMarker = "点此查看论文截图";
inline constexpr std::string_view kFooterAuthorLabel = "文章作者: ";
inline constexpr std::string_view kFooterNoticeLabel = "版权声明: ";
inline constexpr std::string_view kTableOfContents = "\u00a0\u00a0目录";
inline constexpr char kTagSeparator = '/';

[[nodiscard]] constexpr std::string_view marker_text(Marker marker) {
  return marker == Marker::Long ? kLongMarker : kShortMarker;
}

}  // namespace digestkit::format_detail
