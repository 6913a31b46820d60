// digestkit/1 objects as Python dicts, lists and strings, built from the
// same write_document() that prints `digest convert --to json`, so the two
// can never disagree on a field.
//
// In two steps, so that threads parse in parallel: record_documents() takes
// the writer's calls (StartObject, Key, String, ...) onto a tape, with every
// string already decoded into the code unit width CPython stores it in; it
// needs no GIL. build_documents() then only allocates the objects and copies
// the prepared characters, with the GIL held.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

#include "digestkit/diagnostic.hpp"
#include "digestkit/parse.hpp"

namespace digestkit::python {

namespace py = pybind11;

class DocumentTape {
 public:
  enum class Op : std::uint8_t {
    StartObject,
    StartArray,
    End,
    Key,
    String,
    Null,
    True,
    False,
    Uint,
    Document
  };
  struct Step {
    Op op;
    std::uint8_t width = 1;    // String: bytes per character (1, 2 or 4)
    std::uint32_t max = 0;     // String: its largest code point
    std::uint64_t value = 0;   // String: offset in chars; Uint: the number; Key: its literal's address
    std::uint64_t length = 0;  // String: characters; Key: bytes
  };

  std::vector<Step> steps;
  std::string chars;  // the strings' characters, each at its own width
};

// Call without the GIL.
[[nodiscard]] DocumentTape record_documents(const ParsedFile& file);
// Call with the GIL: one dict per digest.
[[nodiscard]] py::list build_documents(const DocumentTape& tape);

// A diagnostic as the tuple digestkit.Diagnostic is made from:
// (code, severity, path, line, column, message).
[[nodiscard]] py::tuple diagnostic_to_python(const Diagnostic& diagnostic);
[[nodiscard]] py::list diagnostics_to_python(const std::vector<Diagnostic>& diagnostics);

}  // namespace digestkit::python
