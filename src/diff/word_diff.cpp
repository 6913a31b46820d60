#include "diff/word_diff.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

#include <dtl/dtl.hpp>

#include "diff/words.hpp"

namespace digestkit::diff_detail {
namespace {

// Maps each distinct comparison key to a small integer so that dtl compares
// integers, not strings.
class KeyInterner {
 public:
  std::uint32_t id(std::string_view key) {
    auto found = ids_.find(key);
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(ids_.size());
    ids_.emplace(key, id);
    return id;
  }
  std::uint32_t id(std::string&& key) {
    auto found = ids_.find(key);
    if (found != ids_.end()) return found->second;
    return id(std::string_view(owned_.emplace_back(std::move(key))));
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> ids_;
  std::deque<std::string> owned_;  // folded keys; a deque keeps their addresses
};

struct Side {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<std::uint32_t> ids;
  [[nodiscard]] std::string_view token_text(std::size_t i) const {
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
};

void prepare(Side& side, std::string_view text, const DiffOptions& options, KeyInterner& keys) {
  side.text = text;
  split_words(text, side.tokens);
  if (options.ignore_whitespace) {
    // Leading and trailing white space does not count: drop it.
    while (!side.tokens.empty() && side.tokens.back().is_space) side.tokens.pop_back();
    std::size_t lead = 0;
    while (lead < side.tokens.size() && side.tokens[lead].is_space) ++lead;
    side.tokens.erase(side.tokens.begin(), side.tokens.begin() + static_cast<std::ptrdiff_t>(lead));
  }
  side.ids.reserve(side.tokens.size());
  for (std::size_t i = 0; i < side.tokens.size(); ++i) {
    const auto& token = side.tokens[i];
    if (options.ignore_whitespace && token.is_space) {
      side.ids.push_back(keys.id(std::string_view(" ")));
    } else if (options.ignore_case && token.is_word) {
      std::string folded;
      append_case_folded(side.token_text(i), folded);
      side.ids.push_back(keys.id(std::move(folded)));
    } else {
      side.ids.push_back(keys.id(side.token_text(i)));
    }
  }
}

// Appends token i of side to the edit list, extending the last run when it
// has the same op and continues it in the text.
class EditBuilder {
 public:
  void add(WordOp op, const Side& side, std::size_t i) {
    const auto& token = side.tokens[i];
    add(op, side.text.substr(token.begin, token.end - token.begin));
  }
  void add(WordOp op, std::string_view text) {
    if (text.empty()) return;
    if (!edits_.empty() && edits_.back().op == op &&
        edits_.back().text.data() + edits_.back().text.size() == text.data()) {
      auto& last = edits_.back().text;
      last = std::string_view(last.data(), last.size() + text.size());
      return;
    }
    edits_.push_back({op, text});
  }
  std::vector<WordEdit> take() { return std::move(edits_); }

 private:
  std::vector<WordEdit> edits_;
};

struct Step {
  WordOp op = WordOp::Same;
  std::size_t index = 0;      // token on the new side (old side for Removed)
  std::size_t old_index = 0;  // for Same: the matching old token
};

// Readability of the script: a short unchanged stretch of white space and
// punctuation kept between two changes is folded into them, so adjacent
// edits read as one ("[-Indoor  Scene, Completion-]{+indoor scene,
// completion+}" rather than interleaved pieces), and within each change
// every removed token comes before every added one, so that each side's
// tokens form one run of text.
constexpr std::size_t kFoldedSameTokens = 3;

std::vector<Step> group_changes(const std::vector<Step>& script, const Side& new_side) {
  std::vector<Step> folded;
  folded.reserve(script.size() + 8);
  for (std::size_t k = 0; k < script.size();) {
    if (script[k].op != WordOp::Same) {
      folded.push_back(script[k++]);
      continue;
    }
    std::size_t end = k;
    bool has_word = false;
    while (end < script.size() && script[end].op == WordOp::Same) {
      has_word = has_word || new_side.tokens[script[end].index].is_word;
      ++end;
    }
    const bool between_changes = k > 0 && end < script.size();
    if (between_changes && !has_word && end - k <= kFoldedSameTokens) {
      for (std::size_t j = k; j < end; ++j) {
        folded.push_back({WordOp::Removed, script[j].old_index});
        folded.push_back({WordOp::Added, script[j].index});
      }
    } else {
      folded.insert(folded.end(), script.begin() + static_cast<std::ptrdiff_t>(k),
                    script.begin() + static_cast<std::ptrdiff_t>(end));
    }
    k = end;
  }
  std::vector<Step> grouped;
  grouped.reserve(folded.size());
  for (std::size_t k = 0; k < folded.size();) {
    if (folded[k].op == WordOp::Same) {
      grouped.push_back(folded[k++]);
      continue;
    }
    std::size_t end = k;
    while (end < folded.size() && folded[end].op != WordOp::Same) ++end;
    for (std::size_t j = k; j < end; ++j) {
      if (folded[j].op == WordOp::Removed) grouped.push_back(folded[j]);
    }
    for (std::size_t j = k; j < end; ++j) {
      if (folded[j].op == WordOp::Added) grouped.push_back(folded[j]);
    }
    k = end;
  }
  return grouped;
}

// Unchanged ends of the two values, in bytes, cut back to an ASCII space so
// that the tokens of the middle start and end where a word does. Only the
// middle is handed to ICU and Myers: a one-word edit in a long abstract costs
// the words around it, not the whole abstract. Text without spaces (Chinese)
// keeps its ends in the middle and is split whole.
struct CommonEnds {
  std::size_t head = 0;
  std::size_t tail = 0;
};

CommonEnds common_ends(std::string_view a, std::string_view b) {
  const std::size_t shorter = std::min(a.size(), b.size());
  std::size_t head = 0;
  while (head < shorter && a[head] == b[head]) ++head;
  if (head == a.size() && head == b.size()) return {head, 0};
  while (head > 0 && a[head - 1] != ' ') --head;
  std::size_t tail = 0;
  while (tail < shorter - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  while (tail > 0 && a[a.size() - tail] != ' ') --tail;
  return {head, tail};
}

void diff_tokens(std::string_view old_text, std::string_view new_text, const DiffOptions& options,
                 EditBuilder& edits) {
  KeyInterner keys;
  Side old_side;
  Side new_side;
  prepare(old_side, old_text, options, keys);
  prepare(new_side, new_text, options, keys);

  // Myers is O((N+M)·D); trimming the common ends first keeps N and M to
  // the edited middle of a long abstract.
  const std::size_t old_size = old_side.ids.size();
  const std::size_t new_size = new_side.ids.size();
  std::size_t prefix = 0;
  while (prefix < old_size && prefix < new_size && old_side.ids[prefix] == new_side.ids[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < old_size - prefix && suffix < new_size - prefix &&
         old_side.ids[old_size - 1 - suffix] == new_side.ids[new_size - 1 - suffix])
    ++suffix;

  for (std::size_t i = 0; i < prefix; ++i) edits.add(WordOp::Same, new_side, i);

  const std::vector<std::uint32_t> old_middle(old_side.ids.begin() + static_cast<std::ptrdiff_t>(prefix),
                                              old_side.ids.end() - static_cast<std::ptrdiff_t>(suffix));
  const std::vector<std::uint32_t> new_middle(new_side.ids.begin() + static_cast<std::ptrdiff_t>(prefix),
                                              new_side.ids.end() - static_cast<std::ptrdiff_t>(suffix));
  if (!old_middle.empty() || !new_middle.empty()) {
    dtl::Diff<std::uint32_t> myers(old_middle, new_middle, /*deletesFirst=*/true);
    myers.compose();
    std::vector<Step> script;
    for (const auto& [id, info] : myers.getSes().getSequence()) {
      (void)id;
      // dtl's indices are 1-based positions in the middle sequences.
      const auto old_index = prefix + static_cast<std::size_t>(info.beforeIdx - 1);
      const auto new_index = prefix + static_cast<std::size_t>(info.afterIdx - 1);
      if (info.type == dtl::SES_DELETE) {
        script.push_back({WordOp::Removed, old_index});
      } else if (info.type == dtl::SES_ADD) {
        script.push_back({WordOp::Added, new_index});
      } else {
        script.push_back({WordOp::Same, new_index, old_index});
      }
    }
    for (const auto& step : group_changes(script, new_side)) {
      edits.add(step.op, step.op == WordOp::Removed ? old_side : new_side, step.index);
    }
  }
  for (std::size_t i = new_size - suffix; i < new_size; ++i) edits.add(WordOp::Same, new_side, i);
}

}  // namespace

std::vector<WordEdit> word_diff(std::string_view old_text, std::string_view new_text,
                                const DiffOptions& options) {
  EditBuilder edits;
  if (options.ignore_whitespace || options.ignore_case) {
    // Equal under the options is not equal in bytes: split whole values.
    diff_tokens(old_text, new_text, options, edits);
    return edits.take();
  }
  const auto ends = common_ends(old_text, new_text);
  edits.add(WordOp::Same, new_text.substr(0, ends.head));
  diff_tokens(old_text.substr(ends.head, old_text.size() - ends.head - ends.tail),
              new_text.substr(ends.head, new_text.size() - ends.head - ends.tail), options, edits);
  edits.add(WordOp::Same, new_text.substr(new_text.size() - ends.tail));
  return edits.take();
}

TextChange text_change(std::optional<std::string_view> old_text, std::optional<std::string_view> new_text,
                       const DiffOptions& options) {
  TextChange change;
  change.old_text = old_text;
  change.new_text = new_text;
  change.words =
      word_diff(old_text.value_or(std::string_view{}), new_text.value_or(std::string_view{}), options);
  return change;
}

double lcs_similarity(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  const std::size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  dtl::Diff<std::uint32_t> myers(a, b);
  myers.onOnlyEditDistance();
  myers.compose();
  // Edit distance D = |a| + |b| − 2·LCS.
  const auto distance = static_cast<std::size_t>(myers.getEditDistance());
  return static_cast<double>(total - distance) / static_cast<double>(total);
}

}  // namespace digestkit::diff_detail
