// The known site layouts.
#include <fmt/format.h>

#include "layout.hpp"

namespace digestkit::extract_detail {
namespace {

constexpr std::string_view kButterflySummaryHeads[] = {
    "Summary", "摘要", "Key Takeaways", "要点", "ChatPaperFree",
};

// The blog's newer theme: Hexo with the Butterfly theme. Posts are
// <article id="article-container"> under <h1 class="post-title">, the footer
// is <div class="post-copyright">; w3m dumps show the post meta
// ("发表于…|更新于…|字数总计…") right under the title.
constexpr PageLayout kLayouts[] = {
    {
        .name = "hexo-butterfly",
        .description = "Hexo blog, Butterfly theme",
        .article_id = "article-container",
        .title_tag = "h1",
        .title_class = "post-title",
        .footer_class = "post-copyright",
        .meta_prefix = "发表于",
        .summary_heads = kButterflySummaryHeads,
    },
};

}  // namespace

std::span<const PageLayout> known_layouts() { return kLayouts; }

std::string describe_html_marks(const PageLayout& layout) {
  return fmt::format("{}: <{} class=\"{}\"> and <article id=\"{}\"> holding a \"YYYY-MM-DD 更新\" heading",
                     layout.name, layout.title_tag, layout.title_class, layout.article_id);
}

std::string describe_dump_marks(const PageLayout& layout) {
  return fmt::format("{}: a post-meta line starting with \"{}\" before a \"YYYY-MM-DD 更新\" heading",
                     layout.name, layout.meta_prefix);
}

}  // namespace digestkit::extract_detail
