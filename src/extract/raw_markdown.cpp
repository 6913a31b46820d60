// Raw-Markdown entries: the raw_entry grammar, its actions and error messages.
#include "raw_markdown.hpp"

#include <tao/pegtl.hpp>

#include "digestkit/grammar/page_dump.hpp"

namespace digestkit::extract_detail {
namespace {

namespace pegtl = tao::pegtl;
namespace pd = grammar::page_dump;

struct RaisedAt {
  std::size_t offset;
  std::string_view message;
};

template <typename Rule>
struct raw_control : pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(!pd::error<Rule>::message.empty(), "every point of no return needs an error message");
    throw RaisedAt{static_cast<std::size_t>(in.current() - in.begin()), pd::error<Rule>::message};
  }
};

template <typename Rule>
struct raw_action : pegtl::nothing<Rule> {};

template <std::string_view RawEntry::*Field>
struct capture {
  template <typename ActionInput>
  static void apply(const ActionInput& in, RawEntry& entry) {
    entry.*Field = in.string_view();
  }
};

template <>
struct raw_action<pd::raw_title> : capture<&RawEntry::title> {};
template <>
struct raw_action<pd::raw_authors> : capture<&RawEntry::authors> {};
template <>
struct raw_action<pd::raw_abstract> : capture<&RawEntry::abstract> {};
template <>
struct raw_action<pd::raw_comment> : capture<&RawEntry::comment> {};

}  // namespace

bool starts_raw_entry(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.data() + text.size(), "");
  return pegtl::parse<pd::raw_entry_start>(in);
}

std::optional<RawEntry> read_raw_entry(std::string_view text, RawEntryError& error) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.data() + text.size(), "");
  RawEntry entry;
  try {
    if (pegtl::parse<pd::raw_entry, raw_action, raw_control>(in, entry)) return entry;
    error = {0, "not a raw-Markdown entry"};
  } catch (const RaisedAt& raised) {
    error = {raised.offset, std::string(raised.message)};
  }
  return std::nullopt;
}

}  // namespace digestkit::extract_detail
