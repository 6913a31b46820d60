// Rule codes checked when the program is compiled: a RuleId can only be made
// from a code of the catalogue, so a mistyped "DG4O1" in a check is a
// compile error instead of a finding of an unknown rule.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace digestkit::lint {

// Every code of the catalogue, in its order (src/lint/catalogue.cpp
// static_asserts that the two agree).
inline constexpr std::array<std::string_view, 55> kRuleCodes{
    "DG100", "DG101", "DG102", "DG103", "DG104", "DG105", "DG106", "DG107", "DG108", "DG109", "DG110",
    "DG111", "DG112", "DG113", "DG114", "DG120", "DG121", "DG122", "DG123", "DG124", "DG125", "DG201",
    "DG202", "DG203", "DG204", "DG205", "DG206", "DG207", "DG208", "DG209", "DG210", "DG211", "DG212",
    "DG213", "DG214", "DG215", "DG216", "DG301", "DG302", "DG303", "DG304", "DG305", "DG306", "DG307",
    "DG308", "DG309", "DG310", "DG311", "DG312", "DG313", "DG314", "DG316", "DG317", "DG401", "DG402"};

// A string literal as a template argument: rule<"DG203">.
template <std::size_t N>
struct RuleCode {
  consteval RuleCode(const char (&text)[N]) {  // NOLINT: implicit by design
    for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
  }
  char chars[N]{};
};

template <RuleCode code>
struct RuleOf;

// Made only by rule<"DGnnn">, a constant initialised when the program is
// compiled: a code that is not in the catalogue does not compile. (Not a
// consteval constructor: clang 14 destroys the other temporaries of a
// run-time expression twice when it holds an immediate invocation, and
// rejects one in a template.)
class RuleId {
 public:
  // Position in rules() and kRuleCodes.
  [[nodiscard]] constexpr std::size_t index() const { return index_; }
  [[nodiscard]] constexpr std::string_view code() const { return kRuleCodes[index_]; }
  friend constexpr bool operator==(RuleId, RuleId) = default;

 private:
  template <RuleCode>
  friend struct RuleOf;
  constexpr explicit RuleId(std::size_t index) : index_(index) {}

  static constexpr std::size_t index_of(std::string_view code) {
    for (std::size_t i = 0; i < kRuleCodes.size(); ++i) {
      if (kRuleCodes[i] == code) return i;
    }
    // Not a constant expression: the compile error names this line.
    throw "unknown rule code: not in the catalogue";
  }

  std::size_t index_;
};

template <RuleCode code>
struct RuleOf {
  static constexpr RuleId value{RuleId::index_of(std::string_view(code.chars, sizeof(code.chars) - 1))};
};

template <RuleCode code>
inline constexpr RuleId rule = RuleOf<code>::value;

}  // namespace digestkit::lint
