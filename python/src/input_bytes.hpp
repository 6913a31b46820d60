// The text argument of the module's functions: bytes (decoded as `digest`
// decodes files: BOM, charset detection), str (its UTF-8), or any object with
// the buffer protocol (copied, since it may change while the GIL is released).
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

namespace digestkit::python {

namespace py = pybind11;

class InputBytes {
 public:
  // Throws TypeError for anything else. Call with the GIL held; view() stays
  // valid without it, as the object is kept alive and bytes/str are immutable.
  explicit InputBytes(const py::handle& data);
  [[nodiscard]] std::string_view view() const { return view_; }

 private:
  py::object keep_;
  std::string copy_;
  std::string_view view_;
};

}  // namespace digestkit::python
