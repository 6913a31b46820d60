// The reading of a page's blocks, as a small state machine:
//   chrome .. date heading { title Authors abstract.. PDF summary.. marker [raw entries] }.. footer chrome..
// Entries start only where an entry may start (after the date heading or a
// marker); inside a summary an "Authors:" block is summary text unless it is
// followed by an abstract and a PDF line (then the marker was missing).
#include "assemble.hpp"

#include <fmt/format.h>

#include "raw_markdown.hpp"

namespace digestkit::extract_detail {
namespace {

std::string_view trim(std::string_view text) {
  static constexpr std::string_view kZeroWidthSpace = "\u200b";
  for (;;) {
    const std::size_t before = text.size();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.starts_with(kZeroWidthSpace)) text.remove_prefix(kZeroWidthSpace.size());
    if (text.ends_with(kZeroWidthSpace)) text.remove_suffix(kZeroWidthSpace.size());
    if (text.size() == before) return text;
  }
}

std::vector<std::string_view> split_authors(std::string_view names) {
  std::vector<std::string_view> authors;
  if (trim(names).empty()) return authors;
  for (;;) {
    const std::size_t comma = names.find(',');
    authors.push_back(trim(names.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  return authors;
}

bool is_title_block(const Block& block) {
  return block.kind == BlockKind::Text || block.kind == BlockKind::Heading;
}

enum class State { BeforeDate, BetweenEntries, AfterAuthors, Summary, Footer, Done };

class Reader {
 public:
  Reader(const AssembleInput& input, std::deque<std::string>& arena) : in_(input), arena_(arena) {
    out_.facts.layout = input.layout->name;
  }

  Assembly read() {
    const auto& blocks = in_.blocks;
    for (i_ = 0; i_ < blocks.size(); ++i_) step(blocks[i_]);
    finish();
    return std::move(out_);
  }

 private:
  void step(const Block& block) {
    switch (state_) {
      case State::BeforeDate:
        return before_date(block);
      case State::BetweenEntries:
        return between_entries(block);
      case State::AfterAuthors:
        return after_authors(block);
      case State::Summary:
        return summary(block);
      case State::Footer:
        return footer(block);
      case State::Done:
        return add_lines(out_.facts.chrome, block.first_line, block.last_line);
    }
  }

  void before_date(const Block& block) {
    if (block.kind != BlockKind::DateHeading) return;
    std::optional<std::string_view> category = in_.category;
    if (!category) {
      // The post title is the paragraph before the post-meta line.
      for (std::size_t k = i_; k-- > 1;) {
        if (trim(in_.blocks[k].text).starts_with(in_.layout->meta_prefix)) {
          category = trim(in_.blocks[k - 1].text);
          break;
        }
      }
    }
    if (!category || category->empty()) {
      no_digest(block.offset);
      state_ = State::Done;
      return;
    }
    digest_.category = *category;
    digest_.year = block.date_year;
    digest_.month = block.date_month;
    digest_.day = block.date_day;
    if (block.first_line > 1) add_lines(out_.facts.chrome, 1, block.first_line - 1);
    dated_ = true;
    state_ = State::BetweenEntries;
  }

  void between_entries(const Block& block) {
    switch (block.kind) {
      case BlockKind::Authors:
        if (pending_title_) return start_entry(block);
        return problem(block.offset, fmt::format("\"Authors:\" line without a title before it (line {})",
                                                 block.first_line));
      case BlockKind::Text:
      case BlockKind::Heading:
        drop_pending_title();
        if (starts_raw_entry(block.text)) return raw_entry(block, block.text);
        pending_title_ = &block;
        return;
      case BlockKind::Marker:
        drop_pending_title();
        add_lines(out_.facts.chrome, block.first_line, block.last_line);
        if (starts_raw_entry(block.value)) raw_entry(block, block.value);
        return;
      case BlockKind::FooterAuthor:
        drop_pending_title();
        return start_footer(block);
      case BlockKind::DateHeading:
        return problem(block.offset,
                       fmt::format("a second \"YYYY-MM-DD 更新\" heading (line {}): a page holding "
                                   "several dates is not read",
                                   block.first_line));
      case BlockKind::Pdf:
      case BlockKind::FooterLink:
      case BlockKind::FooterNotice:
        drop_pending_title();
        return add_lines(out_.facts.chrome, block.first_line, block.last_line);
    }
  }

  void after_authors(const Block& block) {
    if (is_title_block(block)) {
      out_.facts.rejoined_lines += block.joined_lines;
      abstract_.push_back(trim(block.text));
      return;
    }
    if (block.kind == BlockKind::Pdf) {
      if (abstract_.empty()) {
        entry_failed(block, "has no abstract before its \"PDF\" line");
        return;
      }
      const std::string_view comment = trim(block.value);
      entry_.comments = block.has_value && !comment.empty() ? std::optional(comment) : std::nullopt;
      entry_.abstract = join_abstract();
      out_.facts.rejoined_lines += block.joined_lines;
      state_ = State::Summary;
      summary_first_ = 0;
      return;
    }
    entry_failed(block, "has no \"PDF\" line after its abstract");
    --i_;  // read the block again between entries
  }

  void summary(const Block& block) {
    switch (block.kind) {
      case BlockKind::Marker:
        entry_.marker = block.marker;
        close_entry();
        if (starts_raw_entry(block.value)) raw_entry(block, block.value);
        return;
      case BlockKind::FooterAuthor:
        close_entry();
        return start_footer(block);
      case BlockKind::Authors:
        if (starts_entry_after_missing_marker()) {
          const Block* title = &in_.blocks[i_ - 1];
          summary_last_ = i_ >= 2 ? in_.blocks[i_ - 2].last_line : 0;
          if (summary_first_ > summary_last_) summary_first_ = 0;
          close_entry();
          pending_title_ = title;
          return start_entry(block);
        }
        break;
      case BlockKind::Text:
        if (starts_raw_entry(block.text)) {
          close_entry();
          return raw_entry(block, block.text);
        }
        break;
      default:
        break;
    }
    if (summary_first_ == 0) {
      summary_first_ = block.first_line;
      ++out_.facts.summaries.count;
    }
    summary_last_ = block.last_line;
  }

  void footer(const Block& block) {
    if (block.kind == BlockKind::FooterNotice) {
      digest_.footer_notice = trim(block.value);
      state_ = State::Done;
      return;
    }
    add_lines(out_.facts.chrome, block.first_line, block.last_line);
  }

  // An "Authors:" block inside a summary starts an entry when it reads like
  // one: "Authors:" with the names right after it, a title before it, and
  // a "PDF" line after at most a few paragraphs of abstract.
  [[nodiscard]] bool starts_entry_after_missing_marker() const {
    const Block& authors = in_.blocks[i_];
    if (authors.value.empty() || authors.value.front() == ' ' || i_ == 0 ||
        !is_title_block(in_.blocks[i_ - 1])) {
      return false;
    }
    for (std::size_t k = i_ + 1; k < in_.blocks.size() && k <= i_ + 4; ++k) {
      if (in_.blocks[k].kind == BlockKind::Pdf) return k > i_ + 1;
      if (!is_title_block(in_.blocks[k])) return false;
    }
    return false;
  }

  void start_entry(const Block& authors) {
    entry_ = RecoveredEntry{};
    entry_.title = trim(pending_title_->text);
    out_.facts.rejoined_lines += pending_title_->joined_lines + authors.joined_lines;
    entry_.authors = split_authors(authors.value);
    entry_start_ = pending_title_;
    pending_title_ = nullptr;
    abstract_.clear();
    if (entry_.title.empty()) {
      entry_failed(authors, "has an empty title");
      return;
    }
    state_ = State::AfterAuthors;
  }

  void raw_entry(const Block& block, std::string_view text) {
    RawEntryError error;
    const auto raw = read_raw_entry(text, error);
    const std::size_t offset = block.offset + static_cast<std::size_t>(text.data() - block.text.data());
    if (!raw) {
      problem(offset + error.offset,
              fmt::format("{} (line {}): the entry is not emitted", error.message, block.first_line));
      state_ = State::BetweenEntries;
      return;
    }
    entry_ = RecoveredEntry{};
    entry_.title = trim(raw->title);
    entry_.authors = split_authors(raw->authors);
    entry_.abstract = trim(raw->abstract);
    const std::string_view comment = trim(raw->comment);
    if (!comment.empty()) entry_.comments = comment;
    entry_.raw_markdown = true;
    out_.facts.rejoined_lines += block.joined_lines;
    ++out_.facts.raw_markdown_entries;
    if (entry_.title.empty() || entry_.abstract.empty()) {
      problem(offset, fmt::format("raw-Markdown entry (line {}) has an empty {}: the entry is not emitted",
                                  block.first_line, entry_.title.empty() ? "title" : "abstract"));
      state_ = State::BetweenEntries;
      return;
    }
    state_ = State::Summary;
    summary_first_ = 0;
  }

  void close_entry() {
    if (summary_first_ != 0) add_lines(out_.facts.summaries, summary_first_, summary_last_);
    summary_first_ = 0;
    digest_.entries.push_back(entry_);
    state_ = State::BetweenEntries;
  }

  void start_footer(const Block& block) {
    digest_.footer_author = trim(block.value);
    state_ = State::Footer;
  }

  void drop_pending_title() {
    if (pending_title_ != nullptr)
      add_lines(out_.facts.chrome, pending_title_->first_line, pending_title_->last_line);
    pending_title_ = nullptr;
  }

  std::string_view join_abstract() {
    if (abstract_.size() == 1) return abstract_.front();
    std::string& joined = arena_.emplace_back();
    for (const std::string_view part : abstract_) {
      if (!joined.empty()) joined.push_back(' ');
      joined += part;
    }
    return joined;
  }

  void entry_failed(const Block& at, std::string_view what) {
    const Block& start = entry_start_ != nullptr ? *entry_start_ : at;
    problem(start.offset, fmt::format("entry \"{}\" (line {}) {} (line {}): the entry is not emitted",
                                      entry_.title, start.first_line, what, at.first_line));
    state_ = State::BetweenEntries;
  }

  void problem(std::size_t offset, std::string message) {
    out_.problems.push_back(Problem{offset, "DE002", std::move(message)});
  }

  void no_digest(std::size_t offset) {
    out_.no_digest = true;
    out_.problems.push_back(Problem{
        offset, "DE001", fmt::format("no digest found in {} (looked for {})", in_.path, in_.looked_for)});
  }

  void finish() {
    if (state_ == State::AfterAuthors) {
      entry_failed(in_.blocks.back(), "is cut off before its \"PDF\" line");
    } else if (state_ == State::Summary) {
      close_entry();
    } else {
      drop_pending_title();
    }
    if (!in_.blocks.empty() && in_.blocks.back().last_line < in_.line_count) {
      add_lines(out_.facts.chrome, in_.blocks.back().last_line + 1, in_.line_count);
    }
    auto& chrome = out_.facts.chrome;
    chrome.count = 0;
    for (const LineRange& range : chrome.ranges) chrome.count += range.last - range.first + 1;
    if (!dated_) {
      if (!out_.no_digest) no_digest(0);
      return;
    }
    if (digest_.entries.empty() && out_.problems.empty()) no_digest(0);
    if (out_.problems.empty()) out_.digest = std::move(digest_);
  }

  const AssembleInput& in_;
  std::deque<std::string>& arena_;
  Assembly out_;
  RecoveredDigest digest_;
  State state_ = State::BeforeDate;
  bool dated_ = false;
  std::size_t i_ = 0;
  const Block* pending_title_ = nullptr;
  const Block* entry_start_ = nullptr;
  RecoveredEntry entry_;
  std::vector<std::string_view> abstract_;
  std::size_t summary_first_ = 0;
  std::size_t summary_last_ = 0;
};

}  // namespace

void add_lines(DroppedText& dropped, std::size_t first, std::size_t last) {
  if (first == 0 || last < first) return;
  if (!dropped.ranges.empty() && first <= dropped.ranges.back().last + 2) {
    // Ranges separated by one blank line at most read as one.
    dropped.ranges.back().last = std::max(dropped.ranges.back().last, last);
    return;
  }
  dropped.ranges.push_back({first, last});
}

Assembly assemble(const AssembleInput& input, std::deque<std::string>& arena) {
  return Reader(input, arena).read();
}

}  // namespace digestkit::extract_detail
