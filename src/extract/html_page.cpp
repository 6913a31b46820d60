// HTML pages through libxml2's HTML parser, read as SAX events: the
// layout's post title, article and footer as blocks.
#include "html_page.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace digestkit::extract_detail {
namespace {

struct ContextFree {
  void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view attribute(const xmlChar** attributes, std::string_view name) {
  if (attributes == nullptr) return {};
  for (const xmlChar** a = attributes; a[0] != nullptr; a += 2) {
    if (reinterpret_cast<const char*>(a[0]) == name)
      return a[1] != nullptr ? reinterpret_cast<const char*>(a[1]) : "";
  }
  return {};
}

bool has_class(const xmlChar** attributes, std::string_view wanted) {
  std::string_view classes = attribute(attributes, "class");
  while (!classes.empty()) {
    while (!classes.empty() && is_html_space(classes.front())) classes.remove_prefix(1);
    std::size_t end = 0;
    while (end < classes.size() && !is_html_space(classes[end])) ++end;
    if (classes.substr(0, end) == wanted) return true;
    classes.remove_prefix(end);
  }
  return false;
}

bool is_block_element(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",      "div", "li",    "ul",         "ol",      "h1",      "h2",        "h3",
      "h4",     "h5",  "h6",    "blockquote", "details", "summary", "table",     "tr",
      "td",     "th",  "thead", "tbody",      "tfoot",   "section", "article",   "header",
      "footer", "nav", "aside", "pre",        "dl",      "dt",      "dd",        "figure",
      "hr",     "br",  "main",  "form",       "caption", "address", "figcaption"};
  for (const std::string_view block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

bool is_skipped_element(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "head" ||
         name == "svg" || name == "button" || name == "textarea" || name == "select";
}

bool is_entry_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
}

// The page read as SAX events, in one pass and without a DOM: memory holds
// the open elements and the blocks' text, never the tree. The layout's regions
// (post title, article, footer) are found from the start tags; text inside
// them is laid out as a browser does (runs of HTML white space as one space),
// and a block-level element starts and ends a block.
class PageReader {
 public:
  PageReader(const SourceText& page, const PageLayout& layout, std::deque<std::string>& arena)
      : page_(page), layout_(layout), arena_(arena) {}

  void parse() {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    const std::string_view text = page_.text();
    if (text.size() > static_cast<std::size_t>(INT_MAX)) return;
    htmlSAXHandler handler{};
    handler.startElement = &PageReader::on_start;
    handler.endElement = &PageReader::on_end;
    handler.characters = &PageReader::on_characters;
    handler.cdataBlock = &PageReader::on_characters;
    handler.ignorableWhitespace = &PageReader::on_characters;
    std::unique_ptr<htmlParserCtxt, ContextFree> context(
        htmlCreateMemoryParserCtxt(text.data(), static_cast<int>(text.size())));
    if (!context) return;
    // Our handler replaces the tree builder (ctxt->sax is the context's own copy).
    *context->sax = handler;
    context->userData = this;
    context_ = context.get();
    // The text is already decoded to UTF-8 (src/text/): a <meta charset> must
    // not switch the parser to another encoding.
    htmlCtxtUseOptions(context.get(), HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                          HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
    xmlSwitchEncoding(context.get(), XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context.get());
    if (context->myDoc != nullptr) {
      xmlFreeDoc(context->myDoc);
      context->myDoc = nullptr;
    }
    flush();
  }

  HtmlBlocks result() {
    HtmlBlocks out;
    if (!saw_article_ || !title_) return out;
    out.layout = &layout_;
    out.title = title_;
    out.blocks = std::move(article_blocks_);
    out.blocks.insert(out.blocks.end(), footer_blocks_.begin(), footer_blocks_.end());
    return out;
  }

 private:
  enum Region : std::uint8_t { None, Title, Article, Footer };
  struct Open {
    Region starts = None;  // the region this element opens
    bool block = false;
    bool heading = false;
    bool skipped = false;
  };

  static PageReader& self(void* user) { return *static_cast<PageReader*>(user); }

  static void on_start(void* user, const xmlChar* name_chars, const xmlChar** attributes) {
    PageReader& r = self(user);
    const std::string_view name = reinterpret_cast<const char*>(name_chars);
    Open open;
    open.skipped = is_skipped_element(name);
    open.block = is_block_element(name);
    open.heading = is_entry_heading(name);
    if (r.region_ == None && !r.skipping()) {
      if (!r.saw_article_ && attribute(attributes, "id") == r.layout_.article_id) {
        open.starts = Article;
      } else if (!r.title_ && name == r.layout_.title_tag && has_class(attributes, r.layout_.title_class)) {
        open.starts = Title;
      } else if (r.saw_article_ && !r.saw_footer_ && has_class(attributes, r.layout_.footer_class)) {
        open.starts = Footer;
      }
    }
    if (r.region_ != None && open.block) r.flush();
    if (open.starts != None) r.enter(open.starts);
    if (open.skipped) ++r.skipped_;
    if (open.heading) ++r.headings_;
    r.open_.push_back(open);
  }

  static void on_end(void* user, const xmlChar* /*name*/) {
    PageReader& r = self(user);
    if (r.open_.empty()) return;
    const Open open = r.open_.back();
    r.open_.pop_back();
    if (r.region_ != None && open.block) r.flush();
    if (open.skipped) --r.skipped_;
    if (open.heading) --r.headings_;
    if (open.starts != None) r.leave();
  }

  static void on_characters(void* user, const xmlChar* chars, int length) {
    PageReader& r = self(user);
    if (r.region_ == None || r.skipping() || length <= 0) return;
    const auto size = static_cast<std::size_t>(length);
    const std::size_t end = r.current_offset();
    r.add_text(std::string_view(reinterpret_cast<const char*>(chars), size), end >= size ? end - size : 0);
  }

  [[nodiscard]] bool skipping() const { return skipped_ > 0; }

  void enter(Region region) {
    flush();
    region_ = region;
    if (region == Article) saw_article_ = true;
    if (region == Footer) saw_footer_ = true;
  }

  void leave() {
    flush();
    region_ = None;
  }

  // `start`: where the text begins in the page (as near as the parser tells).
  void add_text(std::string_view content, std::size_t start) {
    for (const char c : content) {
      if (is_html_space(c)) {
        space_ = true;
        continue;
      }
      if (text_.empty()) {
        offset_ = start;
      } else if (space_) {
        text_.push_back(' ');
      }
      space_ = false;
      text_.push_back(c);
    }
  }

  // Where the parser is in the page: the text being reported ends here.
  std::size_t current_offset() const {
    const long consumed = xmlByteConsumed(context_);
    if (consumed < 0) return 0;
    return std::min(static_cast<std::size_t>(consumed), page_.text().size());
  }

  void flush() {
    if (!text_.empty()) {
      Block block;
      block.kind = headings_ > 0 ? BlockKind::Heading : BlockKind::Text;
      block.text = arena_.emplace_back(std::move(text_));
      block.offset = offset_;
      block.first_line = block.last_line = line_of(offset_);
      classify(block);
      switch (region_) {
        case Title:
          if (!title_) title_ = block.text;
          break;
        case Article:
          article_blocks_.push_back(block);
          break;
        case Footer:
          footer_blocks_.push_back(block);
          break;
        case None:
          break;
      }
    }
    text_.clear();
    space_ = false;
  }

  std::size_t line_of(std::size_t offset) const {
    std::size_t low = 1, high = page_.line_count();
    while (low < high) {
      const std::size_t mid = (low + high + 1) / 2;
      if (page_.line_start(mid) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  const SourceText& page_;
  const PageLayout& layout_;
  std::deque<std::string>& arena_;
  htmlParserCtxt* context_ = nullptr;
  std::vector<Open> open_;
  Region region_ = None;
  int skipped_ = 0;
  int headings_ = 0;
  bool saw_article_ = false;
  bool saw_footer_ = false;
  std::optional<std::string_view> title_;
  std::vector<Block> article_blocks_;
  std::vector<Block> footer_blocks_;
  std::string text_;
  std::size_t offset_ = 0;
  bool space_ = false;
};

}  // namespace

HtmlBlocks read_html_blocks(const SourceText& page, std::span<const PageLayout> layouts,
                            std::deque<std::string>& arena) {
  for (const PageLayout& layout : layouts) {
    PageReader reader(page, layout, arena);
    reader.parse();
    HtmlBlocks blocks = reader.result();
    if (blocks.layout != nullptr) return blocks;
  }
  return {};
}

}  // namespace digestkit::extract_detail
