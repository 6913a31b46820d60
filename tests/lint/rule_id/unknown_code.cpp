// Must not compile: DG4O1 (letter O) is no rule of the catalogue.
#include "digestkit/rule_id.hpp"

constexpr digestkit::lint::RuleId kRule = digestkit::lint::rule<"DG4O1">;
