// digest extract's text-dump path (the page_dump grammar, paragraphs, hard
// wraps, raw-Markdown entries) on arbitrary bytes: must never crash, hang or
// read out of bounds; every diagnostic lies inside the page, and a recovered
// digest is one that parses back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digestkit/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static digestkit::extract::PageExtractor extractor;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  digestkit::extract::PageOptions options;
  options.as = digestkit::extract::PageSource::TextDump;
  const auto page = extractor.extract(bytes, "fuzz.txt", options);
  for (const auto& d : page.diagnostics) {
    if (page.page != nullptr && d.location.offset > page.page->text().size()) std::abort();
    (void)digestkit::render_text(d, page.page);
  }
  if (page.ok() && (!page.digest.ok() || page.digest.documents.size() != 1)) std::abort();
  return 0;
}
