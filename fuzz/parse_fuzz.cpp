// decode + parse (with and without recovery) + JSON export on arbitrary
// bytes: must never crash, hang or read out of bounds, and every span and
// error offset must lie inside the decoded text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digestkit/diagnostic.hpp"
#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"

namespace {

void check_span(const digestkit::Span& span, std::size_t size) {
  if (span.begin > span.end || span.end > size) std::abort();
}

void check(const digestkit::ParsedFile& file) {
  if (!file.source) return;
  const std::size_t size = file.source->text().size();
  for (const auto& error : file.errors) {
    if (error.offset > size) std::abort();
  }
  for (const auto& d : digestkit::errors_of(file)) (void)digestkit::render_text(d, file.source.get());
  for (const auto& document : file.documents) {
    check_span(document.span, size);
    check_span(document.category.line.span, size);
    for (const auto& entry : document.entries) {
      check_span(entry.span, size);
      check_span(entry.title.span, size);
      check_span(entry.abstract.span, size);
      for (const auto& author : entry.authors) check_span(author.span, size);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto strict = digestkit::parse_bytes(bytes, "fuzz.txt");
  check(strict);
  const auto recovered = digestkit::parse_bytes(bytes, "fuzz.txt", {}, {.recover = true});
  check(recovered);
  if (strict.ok() != recovered.ok()) std::abort();
  if (strict.ok()) {
    const std::string lines = digestkit::to_json_lines(strict);
    std::size_t records = 0;
    for (const char c : lines) records += c == '\n';
    if (records != strict.documents.size()) std::abort();
  }
  return 0;
}
