// `digest extract` as library calls: the digest a full web page holds (the
// HTML as served, or a text dump of it) recovered into a Document and printed
// as canonical digest text or digestkit/1 JSON with an "extracted" object.
//
// Pages are read with a layout description (src/extract/layouts.cpp): what
// marks the post title, site chrome, the LLM summaries after each entry and
// the footer. A page that matches no known layout is "no digest found", never
// a guessed digest; an entry that cannot be recovered whole fails its page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digestkit/content_kind.hpp"
#include "digestkit/convert.hpp"
#include "digestkit/diagnostic.hpp"
#include "digestkit/extraction.hpp"
#include "digestkit/format.hpp"
#include "digestkit/inputs.hpp"
#include "digestkit/parse.hpp"

namespace digestkit::extract {

enum class PageKind : std::uint8_t { Html, TextDump };

// How a page is read: by --as, or for Auto by content (markup at its start)
// and then by name (.html, .htm).
enum class PageSource : std::uint8_t { Auto, Html, TextDump };

// Whether bytes look like an HTML page (digestkit/content_kind.hpp, shared
// with validate's not-a-digest check).
using digestkit::looks_like_html;
// Whether bytes look like a text dump of a page of a known layout (chrome and
// a post-meta line before a "YYYY-MM-DD 更新" heading); the layout's name.
[[nodiscard]] std::optional<std::string_view> text_dump_layout(std::string_view bytes);
// The names of the known layouts, for messages ("looked for ...").
[[nodiscard]] std::vector<std::string_view> layout_names();

// One page recovered: the digest as a parsed file of its canonical text (so
// that its JSON is exactly what `digest convert` makes of that text), or the
// page's diagnostics.
struct ExtractedPage {
  PageKind kind = PageKind::TextDump;
  ParsedFile digest;                    // ok() when recovered; its source holds the canonical text
  std::string text;                     // the canonical text (as `digest fmt` prints it)
  ExtractionFacts facts;                // what was recognised and dropped
  std::vector<Diagnostic> diagnostics;  // why the page gave no digest
  const SourceText* page = nullptr;     // the decoded page, for rendering diagnostics
  [[nodiscard]] bool ok() const { return diagnostics.empty(); }
};

struct PageOptions {
  PageSource as = PageSource::Auto;
  DecodeOptions decode;
  FormatOptions format;
};

// Recovers the digest of one page; `path` names it in diagnostics.
// Diagnostics are at line:col of the dump, or of the HTML source.
class PageExtractor {
 public:
  PageExtractor();
  ~PageExtractor();
  PageExtractor(const PageExtractor&) = delete;
  PageExtractor& operator=(const PageExtractor&) = delete;
  [[nodiscard]] ExtractedPage extract(std::string_view bytes, std::string path,
                                      const PageOptions& options = {});

 private:
  std::unique_ptr<SourceText> page_;  // the page of the last call (diagnostics point into it)
};

// A whole run: one input in, its part of the output (or its rendered errors) out.
enum class Target : std::uint8_t { Text, Json, JsonLines };

struct Settings {
  std::vector<std::string> inputs;
  InputOptions input_options;  // extensions default to .html, .htm, .txt
  unsigned jobs = 1;
  Target to = Target::Text;
  PageOptions page;
  RenderOptions render;
  std::function<bool()> should_stop;  // --fail-fast
};

struct ExtractedInput {
  std::string name;       // InputFile::name
  std::string container;  // InputFile::container
  std::string output;     // this input's part, joined as convert joins its target (convert::Joining)
  std::string errors;     // rendered diagnostics; empty when the page gave its digest
  std::uint64_t input_bytes = 0;
  bool no_digest = false;  // the page held no digest of a known layout
  [[nodiscard]] bool failed() const { return !errors.empty(); }
};

// Receives results in input order.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void page(ExtractedInput&& input) = 0;
  virtual void input_error(InputError&& error) = 0;
};

[[nodiscard]] ConvertTarget convert_target(Target to);
[[nodiscard]] std::vector<std::string> default_extensions();
// One input (thread-safe: a per-thread extractor and JSON writer).
[[nodiscard]] ExtractedInput extract_input(InputFile&& input, const Settings& settings);
// Walks the inputs (files, directories, archives, "-") and extracts them on
// `jobs` threads; the sink sees them in input order.
void run(const Settings& settings, Sink& sink);

}  // namespace digestkit::extract
