// A whole `digest extract` run: inputs walked and extracted on the ordered
// parallel runner, each page's output part rendered for the sink.
#include <fmt/format.h>

#include "digestkit/extract.hpp"
#include "digestkit/json.hpp"
#include "digestkit/parallel.hpp"

namespace digestkit::extract {
namespace {

std::string render(const ExtractedPage& page, const RenderOptions& options) {
  RenderOptions shown = options;
  // An HTML page is a few very long lines: the location says enough.
  if (page.kind == PageKind::Html) shown.show_source = false;
  std::string out;
  for (const Diagnostic& diagnostic : page.diagnostics) {
    out += render_text(diagnostic, page.page, shown);
    if (out.back() != '\n') out.push_back('\n');
  }
  return out;
}

}  // namespace

ConvertTarget convert_target(Target to) {
  switch (to) {
    case Target::Json:
      return ConvertTarget::Json;
    case Target::JsonLines:
      return ConvertTarget::JsonLines;
    case Target::Text:
      break;
  }
  return ConvertTarget::Text;
}

std::vector<std::string> default_extensions() { return {".html", ".htm", ".txt"}; }

ExtractedInput extract_input(InputFile&& input, const Settings& settings) {
  thread_local PageExtractor extractor;
  thread_local JsonWriter writer;
  ExtractedInput result;
  result.name = std::move(input.name);
  result.container = std::move(input.container);
  result.input_bytes = input.bytes.size();
  const ExtractedPage page = extractor.extract(input.bytes, result.name, settings.page);
  std::string().swap(input.bytes);
  if (!page.ok()) {
    result.errors = render(page, settings.render);
    result.no_digest = !page.diagnostics.empty() && page.diagnostics.front().code == "DE001";
    return result;
  }
  JsonSource source;
  source.path = result.name;
  if (page.page != nullptr) {
    source.encoding = page.page->encoding;
    source.bom = page.page->had_bom;
    source.line_endings = line_endings_name(page.page->line_endings);
  }
  source.extracted = &page.facts;
  switch (settings.to) {
    case Target::Text:
      result.output = page.text;
      break;
    case Target::Json:
      writer.append_pretty(page.digest.documents.front(), source, result.output, 2);
      break;
    case Target::JsonLines:
      writer.append_line(page.digest.documents.front(), source, result.output);
      break;
  }
  return result;
}

void run(const Settings& settings, Sink& sink) {
  OrderedRunOptions run_options;
  run_options.jobs = settings.jobs == 0 ? 1 : settings.jobs;
  run_options.should_stop = settings.should_stop;
  InputOptions input_options = settings.input_options;
  input_options.defer_plain_files = true;
  const std::function<ExtractedInput(InputFile &&)> work = [&](InputFile&& file) {
    if (auto error = load_input(file, input_options)) {
      ExtractedInput failed;
      failed.name = std::move(error->name);
      failed.container = std::move(file.container);
      failed.errors = fmt::format("{}: error: {}\n", failed.name, error->message);
      return failed;
    }
    return extract_input(std::move(file), settings);
  };
  const std::function<void(ExtractedInput &&)> emit = [&](ExtractedInput&& result) {
    sink.page(std::move(result));
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    sink.input_error(std::move(error));
  };
  run_ordered<ExtractedInput>(settings.inputs, input_options, run_options, work, emit, on_error);
}

}  // namespace digestkit::extract
