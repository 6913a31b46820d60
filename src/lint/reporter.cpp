// Locating findings and quoting text safely in messages.
#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "checks.hpp"
#include "digestkit/visible_text.hpp"

namespace digestkit::lint::detail {
namespace {

// The one spelling of invisible characters every report uses (src/text).
void append_quoted(std::string& out, std::string_view text, std::size_t max_chars) {
  VisibleTextOptions options;
  options.max_chars = max_chars;
  append_visible_text(out, text, options);
}

}  // namespace

void Reporter::report(RuleId rule, std::size_t offset, std::size_t length, std::string message) {
  if (!policy_.enabled(rule)) return;
  if (++reported_[rule.index()] > kMaxPerRule) return;
  Diagnostic diagnostic;
  diagnostic.code = std::string(rule.code());
  diagnostic.severity = policy_.severity(rule);
  diagnostic.path = source_.path();
  diagnostic.location = source_.locate(offset);
  diagnostic.length = length;
  diagnostic.input_offset = source_.input_offset(offset);
  diagnostic.message = std::move(message);
  out_.push_back(std::move(diagnostic));
}

void Reporter::finish() {
  const auto all = rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (reported_[i] <= kMaxPerRule) continue;
    // Placed after the last shown finding of the rule so that it sorts there.
    const auto last =
        std::find_if(out_.rbegin(), out_.rend(), [&](const Diagnostic& d) { return d.code == all[i].code; });
    Diagnostic more = *last;
    more.length = 0;
    more.message = fmt::format("{} more findings of {} in this file are not shown",
                               reported_[i] - kMaxPerRule, all[i].code);
    out_.push_back(std::move(more));
  }
}

std::string quote(std::string_view text, std::size_t max_chars) {
  std::string out = "\"";
  append_quoted(out, text, max_chars);
  out += '"';
  return out;
}

std::string context(std::string_view text, std::size_t offset, std::size_t length) {
  constexpr int kAround = 16;  // code points shown on each side
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  const auto is_eol = [&](int32_t i) {
    return text[static_cast<std::size_t>(i)] == '\n' || text[static_cast<std::size_t>(i)] == '\r';
  };

  auto begin = static_cast<int32_t>(offset);
  for (int n = 0; n < kAround && begin > 0 && !is_eol(begin - 1); ++n) U8_BACK_1(bytes, 0, begin);
  auto end = static_cast<int32_t>(std::min(offset + length, text.size()));
  for (int n = 0; n < kAround && end < size && !is_eol(end); ++n) U8_FWD_1(bytes, end, size);

  std::string out = "\"";
  if (begin > 0 && !is_eol(begin - 1)) out += "…";
  append_quoted(out, text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)),
                static_cast<std::size_t>(-1));
  if (end < size && !is_eol(end)) out += "…";
  out += '"';
  return out;
}

std::string context_before(std::string_view text, std::size_t offset) {
  constexpr int kBefore = 24;  // code points shown
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto begin = static_cast<int32_t>(offset);
  const auto is_eol = [&](int32_t i) {
    return text[static_cast<std::size_t>(i)] == '\n' || text[static_cast<std::size_t>(i)] == '\r';
  };
  for (int n = 0; n < kBefore && begin > 0 && !is_eol(begin - 1); ++n) U8_BACK_1(bytes, 0, begin);
  std::string out = "\"";
  if (begin > 0 && !is_eol(begin - 1)) out += "…";
  append_quoted(out, text.substr(static_cast<std::size_t>(begin), offset - static_cast<std::size_t>(begin)),
                static_cast<std::size_t>(-1));
  out += '"';
  return out;
}

}  // namespace digestkit::lint::detail
