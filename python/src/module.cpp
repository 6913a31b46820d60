// digestkit._core: the library's parse, lint, format and diff calls for the
// Python package (python/digestkit/__init__.py gives them their Python
// shape: dataclasses, exceptions, docstrings). Each call does its work with
// the GIL released and takes it back only to build the result objects.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

#include "archive_stream.hpp"
#include "digestkit/diff.hpp"
#include "digestkit/format.hpp"
#include "digestkit/lint.hpp"
#include "digestkit/lint_archive.hpp"
#include "digestkit/parse.hpp"
#include "input_bytes.hpp"
#include "python_objects.hpp"

namespace digestkit::python {
namespace {

// (documents, errors): the list of digestkit/1 dicts, or the parse and
// decode errors as diagnostic tuples.
py::tuple parse_text(const py::handle& data, const std::string& path) {
  const InputBytes input(data);
  ParsedFile file;
  DocumentTape tape;
  {
    py::gil_scoped_release unlocked;
    file = parse_bytes(input.view(), path);
    if (file.ok()) tape = record_documents(file);
  }
  if (!file.ok()) return py::make_tuple(py::list(), diagnostics_to_python(errors_of(file)));
  return py::make_tuple(build_documents(tape), py::list());
}

// Every finding of `digest validate` on this one text: its rules at the
// policy of `config` (a digest.toml; none: every rule at its default
// severity), the archive-wide rules over the digests of this text.
py::list validate_text(const py::handle& data, const std::string& path,
                       const std::optional<std::string>& config) {
  const InputBytes input(data);
  std::vector<Diagnostic> diagnostics;
  {
    py::gil_scoped_release unlocked;
    std::unique_ptr<lint::Config> loaded;
    if (config) loaded = std::make_unique<lint::Config>(lint::load_config(*config));
    const lint::Policy policy = lint::policy_for(loaded.get(), {}, path);
    lint::FileResult result = lint::lint_bytes(input.view(), path, policy, lint::Options{lint::today_utc()});
    lint::ArchiveIndex archive;
    archive.add(result.summary, policy);
    diagnostics = std::move(result.diagnostics);
    const std::vector<lint::ArchiveFinding> across = archive.finish();
    if (!across.empty()) {
      for (const lint::ArchiveFinding& finding : across) diagnostics.push_back(finding.diagnostic);
      lint::sort_diagnostics(diagnostics);
    }
  }
  return diagnostics_to_python(diagnostics);
}

std::string_view status_name(FormatStatus status) {
  switch (status) {
    case FormatStatus::Formatted:
      return "formatted";
    case FormatStatus::Unparsable:
      return "unparsable";
    case FormatStatus::Refused:
      return "refused";
    case FormatStatus::Unsafe:
      break;
  }
  return "unsafe";
}

// (text, status, diagnostics, problem): the canonical text, or None with
// why not.
py::tuple format_text(const py::handle& data, const std::string& path) {
  const InputBytes input(data);
  FormattedFile formatted;
  {
    py::gil_scoped_release unlocked;
    const ParsedFile file = parse_bytes(input.view(), path);
    formatted = format_file(file, input.view());
  }
  py::object text = py::none();
  if (formatted.status == FormatStatus::Formatted) text = py::str(formatted.text);
  return py::make_tuple(text, status_name(formatted.status), diagnostics_to_python(formatted.diagnostics),
                        formatted.problem);
}

// (report, errors): the digestkit-diff/1 JSON text as `digest diff --format
// json OLD NEW` prints it, or the parse errors of either side.
py::tuple diff_texts(const py::handle& old_data, const py::handle& new_data, const std::string& old_path,
                     const std::string& new_path) {
  const InputBytes old_input(old_data);
  const InputBytes new_input(new_data);
  std::string report_json;
  std::vector<Diagnostic> errors;
  {
    py::gil_scoped_release unlocked;
    FileDiff file =
        diff_files(parse_bytes(old_input.view(), old_path), parse_bytes(new_input.view(), new_path));
    if (file.status == FileDiffStatus::Failed) {
      errors = errors_of(file.old_file);
      for (Diagnostic& d : errors_of(file.new_file)) errors.push_back(std::move(d));
    } else {
      DiffReport report(DiffReportOptions{.format = DiffFormat::Json}, old_path, new_path);
      report.add(file);
      report_json = report.finish();
    }
  }
  if (!errors.empty()) return py::make_tuple(py::none(), diagnostics_to_python(errors));
  return py::make_tuple(py::str(report_json), py::list());
}

// Iterates (name, documents, errors) per file of a folder or archive; an
// input problem (unreadable member, corrupt archive) comes as (name, None,
// message).
class ArchiveIterator {
 public:
  explicit ArchiveIterator(std::string path)
      : stream_(std::make_unique<ArchiveStream>(std::move(path), InputOptions{})) {}

  py::tuple next() {
    if (!stream_) throw py::stop_iteration();
    std::optional<ArchiveStream::Item> item;
    ParsedFile file;
    DocumentTape tape;
    {
      py::gil_scoped_release unlocked;
      item = stream_->next();
      if (item && std::holds_alternative<InputFile>(*item)) {
        InputFile& input = std::get<InputFile>(*item);
        file = parse_owned_bytes(std::move(input.bytes), input.name);
        if (file.ok()) tape = record_documents(file);
      }
    }
    if (!item) throw py::stop_iteration();
    if (const auto* error = std::get_if<InputError>(&*item)) {
      return py::make_tuple(error->name, py::none(), error->message);
    }
    const std::string& name = std::get<InputFile>(*item).name;
    if (!file.ok()) return py::make_tuple(name, py::list(), diagnostics_to_python(errors_of(file)));
    return py::make_tuple(name, build_documents(tape), py::list());
  }

  void close() {
    py::gil_scoped_release unlocked;
    stream_.reset();
  }

  ~ArchiveIterator() {
    if (stream_) {
      py::gil_scoped_release unlocked;
      stream_.reset();
    }
  }

 private:
  std::unique_ptr<ArchiveStream> stream_;
};

// Iterates (name, data, problem) per file of a folder or archive without
// parsing: data is an archive member's bytes, or None for a plain file that
// the caller reads from `name` (the listing of a folder reads nothing); an
// input problem comes as (name, None, message). For callers that parse
// elsewhere: the workers of a cluster.
class InputIterator {
 public:
  explicit InputIterator(std::string path) {
    InputOptions options;
    options.defer_plain_files = true;
    stream_ = std::make_unique<ArchiveStream>(std::move(path), options);
  }

  py::tuple next() {
    if (!stream_) throw py::stop_iteration();
    std::optional<ArchiveStream::Item> item;
    {
      py::gil_scoped_release unlocked;
      item = stream_->next();
    }
    if (!item) throw py::stop_iteration();
    if (const auto* error = std::get_if<InputError>(&*item)) {
      return py::make_tuple(error->name, py::none(), error->message);
    }
    const InputFile& input = std::get<InputFile>(*item);
    if (input.deferred) return py::make_tuple(input.name, py::none(), py::none());
    return py::make_tuple(input.name, py::bytes(input.bytes), py::none());
  }

  void close() {
    py::gil_scoped_release unlocked;
    stream_.reset();
  }

  ~InputIterator() {
    if (stream_) {
      py::gil_scoped_release unlocked;
      stream_.reset();
    }
  }

 private:
  std::unique_ptr<ArchiveStream> stream_;
};

}  // namespace
}  // namespace digestkit::python

PYBIND11_MODULE(_core, m) {
  using namespace digestkit;
  using namespace digestkit::python;
  m.doc() = "digestkit's C++ library; use the digestkit package, which wraps this module.";
  py::register_exception<lint::ConfigError>(m, "ConfigError", PyExc_ValueError);
  m.def("parse", &parse_text, py::arg("data"), py::arg("path"));
  m.def("validate", &validate_text, py::arg("data"), py::arg("path"), py::arg("config"));
  m.def("format", &format_text, py::arg("data"), py::arg("path"));
  m.def("diff", &diff_texts, py::arg("old"), py::arg("new"), py::arg("old_path"), py::arg("new_path"));
  py::class_<ArchiveIterator>(m, "ArchiveIterator")
      .def(py::init<std::string>(), py::arg("path"))
      .def("__iter__", [](ArchiveIterator& self) -> ArchiveIterator& { return self; })
      .def("__next__", &ArchiveIterator::next)
      .def("close", &ArchiveIterator::close);
  py::class_<InputIterator>(m, "InputIterator")
      .def(py::init<std::string>(), py::arg("path"))
      .def("__iter__", [](InputIterator& self) -> InputIterator& { return self; })
      .def("__next__", &InputIterator::next)
      .def("close", &InputIterator::close);
}
