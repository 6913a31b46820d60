#include "digestkit/parse.hpp"

#include <tao/pegtl.hpp>

#include "actions.hpp"
#include "control.hpp"
#include "digestkit/grammar/document.hpp"

namespace digestkit {
namespace {

namespace pegtl = tao::pegtl;
using parse_detail::BuildState;
using parse_detail::SyntaxError;

// Lazy tracking: positions are resolved from our own line index, and only
// for diagnostics, so the parser never counts lines.
using Input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

template <typename Rule>
bool matches_at(const SourceText& source, std::size_t offset) {
  const std::string_view text = source.text();
  Input in(text.data(), text.data() + text.size(), source.path().c_str());
  in.bump(offset);
  try {
    return pegtl::parse<Rule>(in);
  } catch (const pegtl::parse_error&) {
    return false;  // a NUL byte inside the candidate: not a place to resume
  }
}

// The first line after the one holding `offset` where an entry, a footer or
// a new digest starts.
std::optional<std::size_t> find_resync_point(const SourceText& source, std::size_t offset) {
  for (std::size_t line = source.locate(offset).line + 1; line <= source.line_count(); ++line) {
    const std::size_t start = source.line_start(line);
    if (matches_at<grammar::resync_point>(source, start)) return start;
  }
  return std::nullopt;
}

template <typename Rule>
void run(const SourceText& source, std::size_t offset, BuildState& state) {
  const std::string_view text = source.text();
  Input in(text.data(), text.data() + text.size(), source.path().c_str());
  in.bump(offset);
  // Both entry rules end in must<trailing_text>: they either match or raise.
  if (!pegtl::parse<Rule, parse_detail::action, parse_detail::control>(in, state)) {
    parse_detail::control<grammar::trailing_text>::raise(in);
  }
}

// Gaps recorded inside an entry that then failed describe nothing that will
// be reported or repaired: the entry is dropped with them.
void discard_partial_entry(BuildState& state) {
  if (state.documents.empty() || state.entry.title.span.end == 0) return;
  auto& runs = state.document().blank_runs;
  const std::size_t entry_begin = state.entry.title.span.begin;
  std::erase_if(runs, [&](const BlankRun& run) { return run.span.begin >= entry_begin; });
}

// A digest ends where the next one begins (or at the end of the text).
void close_spans(std::vector<Document>& documents, std::size_t text_size) {
  for (std::size_t i = 0; i < documents.size(); ++i) {
    documents[i].span.end = i + 1 < documents.size() ? documents[i + 1].span.begin : text_size;
  }
}

}  // namespace

ParsedFile parse(std::unique_ptr<SourceText> source, const ParseOptions& options) {
  ParsedFile result;
  result.path = source->path();
  result.source = std::move(source);
  const SourceText& text = *result.source;
  BuildState state{text.text(), result.documents, {}, {}, {}, {}};

  std::optional<std::size_t> resume_at;
  for (;;) {
    try {
      if (!resume_at) {
        run<grammar::file>(text, 0, state);
      } else {
        run<grammar::resume>(text, *resume_at, state);
      }
      break;
    } catch (const SyntaxError& error) {
      result.errors.push_back(ParseError{error.code, std::string(error.message), error.offset});
      discard_partial_entry(state);
      if (!options.recover || result.documents.empty()) break;
      resume_at = find_resync_point(text, error.offset);
      if (!resume_at) break;
      state.entry = Entry{};
      state.footer = Footer{};
      state.tags.clear();
    }
  }
  close_spans(result.documents, text.text().size());
  return result;
}

namespace {

ParsedFile parse_decoded(Decoded decoded, std::string path, const ParseOptions& options) {
  if (decoded.error) {
    ParsedFile result;
    result.path = std::move(path);
    result.decode_error = std::move(decoded.error);
    return result;
  }
  return parse(std::move(decoded.source), options);
}

}  // namespace

ParsedFile parse_bytes(std::string_view bytes, std::string path, const DecodeOptions& decode_options,
                       const ParseOptions& options) {
  return parse_decoded(decode(bytes, path, decode_options), path, options);
}

ParsedFile parse_owned_bytes(std::string&& bytes, std::string path, const DecodeOptions& decode_options,
                             const ParseOptions& options) {
  return parse_decoded(decode_owned_bytes(std::move(bytes), path, decode_options), path, options);
}

}  // namespace digestkit
