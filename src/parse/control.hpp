// Turns the grammar's points of no return into SyntaxError exceptions that
// carry the rule's code, message and the byte offset where it failed.
#pragma once

#include <cstddef>
#include <string_view>

#include <tao/pegtl.hpp>

#include "digestkit/grammar/errors.hpp"

namespace digestkit::parse_detail {

struct SyntaxError {
  std::string_view code;
  std::string_view message;
  std::size_t offset = 0;
};

template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(!grammar::error<Rule>::message.empty(), "every point of no return needs an error message");
    throw SyntaxError{grammar::error<Rule>::code, grammar::error<Rule>::message,
                      static_cast<std::size_t>(in.current() - in.begin())};
  }
};

}  // namespace digestkit::parse_detail
