// The rapidjson writer interface onto a DocumentTape, and the tape into
// Python objects (see python_objects.hpp).
#include "python_objects.hpp"

#include <rapidjson/rapidjson.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "digestkit/json.hpp"
#include "json/write_document.hpp"

namespace digestkit::python {
namespace {

using Op = DocumentTape::Op;

class TapeRecorder {
 public:
  using Ch = char;
  explicit TapeRecorder(DocumentTape& tape) : tape_(tape) {}

  bool StartObject() { return push(Op::StartObject); }
  bool StartArray() { return push(Op::StartArray); }
  bool EndObject(rapidjson::SizeType = 0) { return push(Op::End); }
  bool EndArray(rapidjson::SizeType = 0) { return push(Op::End); }
  bool Null() { return push(Op::Null); }
  bool Bool(bool value) { return push(value ? Op::True : Op::False); }
  bool Uint64(std::uint64_t value) {
    tape_.steps.push_back({Op::Uint, 1, 0, value, 0});
    return true;
  }
  // write_document() names its keys with string literals, so the tape
  // keeps their address.
  bool Key(const char* text, rapidjson::SizeType length, bool = false) {
    tape_.steps.push_back({Op::Key, 1, 0, reinterpret_cast<std::uintptr_t>(text), length});
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool = false) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text);
    const auto size = static_cast<int32_t>(length);
    // One pass for the count and the widest character, one to store them.
    UChar32 max = 0;
    std::uint64_t count = 0;
    for (int32_t i = 0; i < size; ++count) {
      UChar32 c = 0;
      U8_NEXT(bytes, i, size, c);
      if (c < 0) c = 0xFFFD;  // not reached: the text was checked when decoded
      if (c > max) max = c;
    }
    const std::uint8_t width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    const std::size_t offset = tape_.chars.size();
    if (max < 0x80) {
      tape_.chars.append(text, length);
    } else {
      tape_.chars.resize(offset + count * width);
      char* out = tape_.chars.data() + offset;
      for (int32_t i = 0; i < size;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, size, c);
        if (c < 0) c = 0xFFFD;
        if (width == 1) {
          *out++ = static_cast<char>(static_cast<unsigned char>(c));
        } else if (width == 2) {
          const auto unit = static_cast<std::uint16_t>(c);
          std::memcpy(out, &unit, 2);
          out += 2;
        } else {
          const auto unit = static_cast<std::uint32_t>(c);
          std::memcpy(out, &unit, 4);
          out += 4;
        }
      }
    }
    tape_.steps.push_back({Op::String, width, static_cast<std::uint32_t>(max), offset, count});
    return true;
  }

 private:
  bool push(Op op) {
    tape_.steps.push_back({op});
    return true;
  }
  DocumentTape& tape_;
};

// The handful of keys, each one interned str shared by every dict (as
// json.loads' memo does); found by the literal's address, or its text.
// Used under the GIL only; kept until exit.
PyObject* key_object(const DocumentTape::Step& step) {
  struct Key {
    const char* address;
    std::string_view text;
    PyObject* object;
  };
  static auto* keys = new std::vector<Key>();
  const auto* address = reinterpret_cast<const char*>(step.value);
  for (const Key& key : *keys) {
    if (key.address == address) return key.object;
  }
  const std::string_view text(address, step.length);
  for (const Key& key : *keys) {
    if (key.text == text) return key.object;
  }
  PyObject* made = PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
  if (made == nullptr) throw py::error_already_set();
  PyUnicode_InternInPlace(&made);
  keys->push_back({address, text, made});
  return made;
}

py::object make_string(const DocumentTape& tape, const DocumentTape::Step& step) {
  PyObject* object = PyUnicode_New(static_cast<Py_ssize_t>(step.length), static_cast<Py_UCS4>(step.max));
  if (object == nullptr) throw py::error_already_set();
  std::memcpy(PyUnicode_DATA(object), tape.chars.data() + step.value, step.length * step.width);
  return py::reinterpret_steal<py::object>(object);
}

}  // namespace

DocumentTape record_documents(const ParsedFile& file) {
  const JsonSource source = json_source_of(file);
  DocumentTape tape;
  TapeRecorder recorder(tape);
  for (const Document& document : file.documents) {
    tape.steps.push_back({Op::Document});
    json_detail::write_document(recorder, document, source);
  }
  return tape;
}

py::list build_documents(const DocumentTape& tape) {
  struct Open {
    PyObject* container;  // borrowed: owned by `held` below
    PyObject* key;
  };
  py::list documents;
  std::vector<py::object> held;  // the open containers
  std::vector<Open> stack;
  const auto add = [&](py::object value) {
    if (stack.empty()) {
      if (PyList_Append(documents.ptr(), value.ptr()) != 0) throw py::error_already_set();
      return;
    }
    Open& top = stack.back();
    const int status = PyDict_CheckExact(top.container) ? PyDict_SetItem(top.container, top.key, value.ptr())
                                                        : PyList_Append(top.container, value.ptr());
    if (status != 0) throw py::error_already_set();
  };
  for (const DocumentTape::Step& step : tape.steps) {
    switch (step.op) {
      case Op::Document:
        break;
      case Op::StartObject:
      case Op::StartArray: {
        py::object container = step.op == Op::StartObject ? py::object(py::dict()) : py::object(py::list());
        stack.push_back({container.ptr(), nullptr});
        held.push_back(std::move(container));
        break;
      }
      case Op::End: {
        py::object done = std::move(held.back());
        held.pop_back();
        stack.pop_back();
        add(std::move(done));
        break;
      }
      case Op::Key:
        stack.back().key = key_object(step);
        break;
      case Op::String:
        add(make_string(tape, step));
        break;
      case Op::Null:
        add(py::none());
        break;
      case Op::True:
        add(py::bool_(true));
        break;
      case Op::False:
        add(py::bool_(false));
        break;
      case Op::Uint:
        add(py::int_(step.value));
        break;
    }
  }
  return documents;
}

py::tuple diagnostic_to_python(const Diagnostic& diagnostic) {
  return py::make_tuple(diagnostic.code, std::string(to_string(diagnostic.severity)), diagnostic.path,
                        diagnostic.location.line, diagnostic.location.column, diagnostic.message);
}

py::list diagnostics_to_python(const std::vector<Diagnostic>& diagnostics) {
  py::list out;
  for (const Diagnostic& diagnostic : diagnostics) out.append(diagnostic_to_python(diagnostic));
  return out;
}

}  // namespace digestkit::python
