// Compiles: DG401 is in the catalogue (the control for unknown_code.cpp).
#include "digestkit/rule_id.hpp"

constexpr digestkit::lint::RuleId kRule = digestkit::lint::rule<"DG401">;
static_assert(kRule.code() == "DG401");
