// The Output of --to sqlite (a TargetSpec row in targets.cpp).
#pragma once

#include "digestkit/convert.hpp"

namespace digestkit::convert {

[[nodiscard]] std::unique_ptr<Output> open_sqlite(const TargetSpec& spec, const Destination& destination);

}  // namespace digestkit::convert
