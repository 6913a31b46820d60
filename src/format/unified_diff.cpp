// A unified diff printed from dtl's shortest edit script. Lines keep their
// "\n" so that a change of the final newline alone is a change (the
// canonical form ends without one), as in GNU diff.
#include <fmt/format.h>

#include <string>
#include <vector>

#include <dtl/dtl.hpp>

#include "digestkit/format.hpp"
#include "digestkit/visible_text.hpp"

namespace digestkit {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

struct Edit {
  dtl::edit_t type;
  std::string_view line;
  std::size_t old_line;  // lines of the old text before this edit
  std::size_t new_line;
};

std::vector<Edit> edit_script(const std::vector<std::string_view>& old_lines,
                              const std::vector<std::string_view>& new_lines) {
  dtl::Diff<std::string_view, std::vector<std::string_view>> diff(old_lines, new_lines);
  diff.compose();
  std::vector<Edit> edits;
  std::size_t old_line = 0, new_line = 0;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    edits.push_back({info.type, line, old_line, new_line});
    if (info.type != dtl::SES_ADD) ++old_line;
    if (info.type != dtl::SES_DELETE) ++new_line;
  }
  return edits;
}

// GNU notation: "start,count", "start" alone for one line, and for an empty
// range the line before it.
std::string range(std::size_t before, std::size_t count) {
  if (count == 1) return fmt::format("{}", before + 1);
  return fmt::format("{},{}", count == 0 ? before : before + 1, count);
}

class Printer {
 public:
  explicit Printer(const UnifiedDiffOptions& options)
      : color_(options.color), spell_invisible_(options.spell_invisible) {}

  void headers(std::string_view old_name, std::string_view new_name) {
    styled("\x1b[1m", fmt::format("--- {}\n+++ {}\n", old_name, new_name));
  }

  void hunk(const std::vector<Edit>& edits, std::size_t begin, std::size_t end) {
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (edits[i].type != dtl::SES_ADD) ++old_count;
      if (edits[i].type != dtl::SES_DELETE) ++new_count;
    }
    styled("\x1b[36m", fmt::format("@@ -{} +{} @@\n", range(edits[begin].old_line, old_count),
                                   range(edits[begin].new_line, new_count)));
    // Within a block of changes, removed lines come before added ones (as
    // GNU diff prints them), whatever order the edit script has.
    std::size_t i = begin;
    while (i < end) {
      if (edits[i].type == dtl::SES_COMMON) {
        line(edits[i++]);
        continue;
      }
      std::size_t block_end = i;
      while (block_end < end && edits[block_end].type != dtl::SES_COMMON) ++block_end;
      for (std::size_t j = i; j < block_end; ++j) {
        if (edits[j].type == dtl::SES_DELETE) line(edits[j]);
      }
      for (std::size_t j = i; j < block_end; ++j) {
        if (edits[j].type == dtl::SES_ADD) line(edits[j]);
      }
      i = block_end;
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void line(const Edit& edit) {
    const char mark = edit.type == dtl::SES_ADD ? '+' : edit.type == dtl::SES_DELETE ? '-' : ' ';
    std::string text(1, mark);
    if (spell_invisible_ && mark != ' ') {
      const bool newline = !edit.line.empty() && edit.line.back() == '\n';
      append_visible_text(text, newline ? edit.line.substr(0, edit.line.size() - 1) : edit.line);
      if (newline) text += '\n';
    } else {
      text += edit.line;
    }
    if (text.back() != '\n') text += "\n\\ No newline at end of file\n";
    styled(mark == '+' ? "\x1b[32m" : mark == '-' ? "\x1b[31m" : "", text);
  }

  void styled(std::string_view style, std::string_view text) {
    if (!color_ || style.empty()) {
      out_ += text;
      return;
    }
    // Colour each line separately so that pagers keep it across lines.
    while (!text.empty()) {
      const std::size_t end = text.find('\n');
      const std::size_t length = end == std::string_view::npos ? text.size() : end;
      out_ += style;
      out_ += text.substr(0, length);
      out_ += "\x1b[0m";
      if (end != std::string_view::npos) out_ += '\n';
      text.remove_prefix(std::min(text.size(), length + 1));
    }
  }

  bool color_;
  bool spell_invisible_;
  std::string out_;
};

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_name,
                         std::string_view new_name, const UnifiedDiffOptions& options) {
  if (old_text == new_text) return {};
  const std::vector<std::string_view> old_lines = split_lines(old_text);
  const std::vector<std::string_view> new_lines = split_lines(new_text);
  const std::vector<Edit> edits = edit_script(old_lines, new_lines);

  Printer printer(options);
  printer.headers(old_name, new_name);
  const std::size_t context = options.context;
  std::size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].type == dtl::SES_COMMON) {
      ++i;
      continue;
    }
    const std::size_t begin = i >= context ? i - context : 0;
    std::size_t last_change = i;
    // Extend the hunk while the next change is close enough for the two
    // context blocks to touch.
    for (std::size_t j = i + 1; j < edits.size() && j <= last_change + 2 * context + 1; ++j) {
      if (edits[j].type != dtl::SES_COMMON) last_change = j;
    }
    const std::size_t end = std::min(edits.size(), last_change + context + 1);
    printer.hunk(edits, begin, end);
    i = end;
  }
  return printer.take();
}

}  // namespace digestkit
