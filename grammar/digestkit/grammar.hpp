// The digest grammar (PEGTL rules only; the AST is built by src/parse/).
#pragma once

#include "digestkit/grammar/document.hpp"
#include "digestkit/grammar/entry.hpp"
#include "digestkit/grammar/errors.hpp"
#include "digestkit/grammar/footer.hpp"
#include "digestkit/grammar/header.hpp"
#include "digestkit/grammar/lines.hpp"
