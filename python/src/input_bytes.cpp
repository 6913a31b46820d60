#include "input_bytes.hpp"

namespace digestkit::python {

InputBytes::InputBytes(const py::handle& data) : keep_(py::reinterpret_borrow<py::object>(data)) {
  if (PyUnicode_Check(data.ptr())) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(data.ptr(), &size);
    if (utf8 == nullptr) throw py::error_already_set();  // lone surrogates
    view_ = std::string_view(utf8, static_cast<std::size_t>(size));
  } else if (PyBytes_Check(data.ptr())) {
    char* bytes = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(data.ptr(), &bytes, &size) != 0) throw py::error_already_set();
    view_ = std::string_view(bytes, static_cast<std::size_t>(size));
  } else if (PyObject_CheckBuffer(data.ptr())) {
    const py::buffer_info info = py::reinterpret_borrow<py::buffer>(data).request();
    copy_.assign(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
    view_ = copy_;
  } else {
    throw py::type_error(std::string("expected bytes or str, not ") + Py_TYPE(data.ptr())->tp_name);
  }
}

}  // namespace digestkit::python
