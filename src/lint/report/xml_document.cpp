// XmlDocument: libxml2's text writer over a memory buffer, emptied into the
// stream on flush(); indented two spaces, UTF-8.
#include "xml_document.hpp"

#include <new>
#include <stdexcept>
#include <string>

namespace digestkit::lint {
namespace {

const xmlChar* xml(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

void check(int status, const char* what) {
  if (status < 0) throw std::runtime_error(std::string("libxml2 could not write the report: ") + what);
}

}  // namespace

XmlDocument::XmlDocument(std::ostream& out) : out_(out), buffer_(xmlBufferCreate()), writer_(nullptr) {
  if (buffer_ == nullptr) throw std::bad_alloc();
  writer_ = xmlNewTextWriterMemory(buffer_, 0);
  if (writer_ == nullptr) {
    xmlBufferFree(buffer_);
    throw std::bad_alloc();
  }
  check(xmlTextWriterSetIndent(writer_, 1), "indent");
  check(xmlTextWriterSetIndentString(writer_, reinterpret_cast<const xmlChar*>("  ")), "indent");
  check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr), "declaration");
}

XmlDocument::~XmlDocument() {
  xmlFreeTextWriter(writer_);
  xmlBufferFree(buffer_);
}

void XmlDocument::start(std::string_view element) {
  check(xmlTextWriterStartElement(writer_, xml(std::string(element))), "element");
}

void XmlDocument::attribute(std::string_view name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(writer_, xml(std::string(name)), xml(std::string(value))), "attribute");
}

void XmlDocument::text(std::string_view text) {
  check(xmlTextWriterWriteString(writer_, xml(std::string(text))), "text");
}

void XmlDocument::end() { check(xmlTextWriterEndElement(writer_), "end of element"); }

void XmlDocument::flush() {
  check(xmlTextWriterFlush(writer_), "flush");
  out_.write(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
  xmlBufferEmpty(buffer_);
}

void XmlDocument::finish() {
  check(xmlTextWriterEndDocument(writer_), "end of document");
  flush();
}

}  // namespace digestkit::lint
