// Text dumps: lines -> paragraphs -> blocks.
#include "text_dump.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <tao/pegtl.hpp>

#include "line_actions.hpp"

namespace digestkit::extract_detail {
namespace {

struct LineSpan {
  const char* begin;
  const char* end;  // before the line ending
};

// A paragraph being collected: its lines and the facts of its first line.
struct Paragraph {
  LineFacts first;
  std::size_t first_line = 0;
  std::size_t first_span = 0;  // index into DumpState::spans
  bool open = false;
};

struct DumpState {
  LineFacts facts;
  std::size_t line = 0;
  std::vector<LineSpan> spans;  // lines of the open paragraph
  Paragraph paragraph;
  const SourceText* page = nullptr;
  std::deque<std::string>* arena = nullptr;
  DumpBlocks out;

  void close() {
    if (!paragraph.open) return;
    paragraph.open = false;
    Block block;
    block.kind = paragraph.first.kind;
    block.first_line = paragraph.first_line;
    block.last_line = paragraph.first_line + spans.size() - 1;
    block.offset = static_cast<std::size_t>(spans.front().begin - page->text().data());
    block.marker = paragraph.first.marker;
    block.has_value = paragraph.first.has_value;
    block.date_year = paragraph.first.year;
    block.date_month = paragraph.first.month;
    block.date_day = paragraph.first.day;
    const char* value_begin =
        paragraph.first.value_begin != nullptr ? paragraph.first.value_begin : spans.front().begin;
    if (spans.size() == 1) {
      block.text = std::string_view(spans.front().begin,
                                    static_cast<std::size_t>(spans.front().end - spans.front().begin));
      block.value = std::string_view(value_begin, static_cast<std::size_t>(spans.front().end - value_begin));
    } else {
      std::string& joined = arena->emplace_back(spans.front().begin, spans.front().end);
      for (std::size_t i = 1; i < spans.size(); ++i) {
        join_wrapped(joined, std::string_view(spans[i].begin,
                                              static_cast<std::size_t>(spans[i].end - spans[i].begin)));
      }
      block.joined_lines = spans.size() - 1;
      block.text = joined;
      block.value =
          std::string_view(joined).substr(static_cast<std::size_t>(value_begin - spans.front().begin));
    }
    if (block.kind == BlockKind::Pdf && !block.has_value) block.value = {};
    out.blocks.push_back(block);
    spans.clear();
  }

  void line_done(const char* begin, const char* end) {
    ++line;
    while (end != begin && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\0')) --end;
    if (facts.kind == BlockKind::Text && facts.value_begin == nullptr && is_blank(begin, end)) {
      close();
    } else if (facts.kind != BlockKind::Text || !paragraph.open || is_single_line(paragraph.first.kind)) {
      close();
      paragraph.open = true;
      paragraph.first = facts;
      paragraph.first_line = line;
      spans.push_back({begin, end});
    } else {
      spans.push_back({begin, end});
    }
    facts.reset();
  }

  // The footer fields and the date heading are one line each: what follows
  // them without a blank line (the page's tag list, a button) is not theirs.
  static bool is_single_line(BlockKind kind) {
    return kind == BlockKind::FooterAuthor || kind == BlockKind::FooterLink ||
           kind == BlockKind::FooterNotice || kind == BlockKind::DateHeading;
  }

  static bool is_blank(const char* begin, const char* end) {
    for (; begin != end; ++begin) {
      if (*begin != ' ' && *begin != '\t') return false;
    }
    return true;
  }
};

template <typename Rule>
struct dump_action : line_action<Rule> {};

struct line_done_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LineFacts& /*facts*/, DumpState& state) {
    state.line_done(in.begin(), in.end());
  }
};
template <>
struct dump_action<pd::page_line> : line_done_action {};
template <>
struct dump_action<pd::last_line> : line_done_action {};

bool is_wide(UChar32 c) {
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

}  // namespace

void join_wrapped(std::string& joined, std::string_view next) {
  if (joined.empty() || next.empty()) {
    joined += next;
    return;
  }
  UChar32 last = 0;
  auto end = static_cast<int32_t>(joined.size());
  U8_PREV(reinterpret_cast<const uint8_t*>(joined.data()), 0, end, last);
  UChar32 first = 0;
  int32_t at = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(next.data()), at, static_cast<int32_t>(next.size()), first);
  // w3m breaks a long line at a space (and drops it), inside CJK text, and
  // after the '/' or '?' of a URL (where no space was).
  const bool no_space = (is_wide(last) && is_wide(first)) || last == '/' || last == '?';
  if (!no_space) joined.push_back(' ');
  joined += next;
}

DumpBlocks read_dump_blocks(const SourceText& page, std::deque<std::string>& arena) {
  DumpState state;
  state.page = &page;
  state.arena = &arena;
  const std::string_view text = page.text();
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data(), text.data() + text.size(),
                                                               page.path());
  tao::pegtl::parse<pd::page, dump_action>(in, state.facts, state);
  state.close();
  return std::move(state.out);
}

}  // namespace digestkit::extract_detail
