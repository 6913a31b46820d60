// Internal: an XML document written with libxml2's xmlTextWriter (escaping,
// encoding declaration), handed to an ostream piece by piece so that a
// streamed report never holds more than the current element.
#pragma once

#include <libxml/xmlwriter.h>

#include <ostream>
#include <string_view>

namespace digestkit::lint {

class XmlDocument {
 public:
  explicit XmlDocument(std::ostream& out);
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  void start(std::string_view element);
  void attribute(std::string_view name, std::string_view value);
  void text(std::string_view text);
  void end();
  // Writes what is buffered so far to the stream.
  void flush();
  // Closes every open element and writes the rest, with a final newline.
  void finish();

 private:
  std::ostream& out_;
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
};

}  // namespace digestkit::lint
