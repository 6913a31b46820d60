// Site layouts as data: one description per theme says how its pages mark
// the post title, the article, the footer and the LLM summaries. Supporting a
// second theme means adding a description here (and fixtures), not code.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace digestkit::extract_detail {

struct PageLayout {
  std::string_view name;         // reported as extracted.layout
  std::string_view description;  // for docs and messages

  // HTML: the element holding the digest (by id), the post title (an element
  // of this tag and class; its text is the category), the footer (by class).
  std::string_view article_id;
  std::string_view title_tag;
  std::string_view title_class;
  std::string_view footer_class;

  // Text dumps: the post-meta line that follows the post title
  // ("发表于2024-01-30|更新于…"); the title is the paragraph before it.
  std::string_view meta_prefix;

  // The heads of the summary blocks written after each entry; a summary
  // block is whatever lies between an entry's PDF line and its marker, and
  // these heads count how many of them the page had.
  std::span<const std::string_view> summary_heads;
};

[[nodiscard]] std::span<const PageLayout> known_layouts();
// "hexo-butterfly (<article id=\"article-container\">, …)", for "looked for …".
[[nodiscard]] std::string describe_html_marks(const PageLayout& layout);
[[nodiscard]] std::string describe_dump_marks(const PageLayout& layout);

}  // namespace digestkit::extract_detail
