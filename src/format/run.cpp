// format::run(): inputs -> (threads) [fmt] settings, format with the safety
// check, diff or atomic rewrite -> (input order) the sink.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>

#include "digestkit/config.hpp"
#include "digestkit/format_run.hpp"
#include "digestkit/parallel.hpp"
#include "digestkit/parse.hpp"

namespace digestkit::format {
namespace {

namespace fs = std::filesystem;

// The [fmt] settings of each input, through the one ConfigLocator (shared by
// the worker threads; each digest.toml is read once, and a bad one is an
// error for every input under it).
class FormatConfigs {
 public:
  // Options from the settings' defaults, or the error of the file to use.
  using Found = std::variant<FormatOptions, std::string>;

  explicit FormatConfigs(const RunSettings& settings) {
    try {
      locator_.emplace(ConfigChoice{settings.config_file, !settings.use_config});
    } catch (const ConfigError& error) {
      forced_error_ = error.what();  // --config cannot be used: an error for every input
    }
  }

  // For the walk: digest.toml's exclude lists (null when --config is unusable).
  ConfigLocator* locator() { return locator_ ? &*locator_ : nullptr; }

  Found for_input(const InputFile& input) {
    if (!locator_) return forced_error_;
    try {
      return format_options_for(locator_->for_input(input.name, input.container));
    } catch (const ConfigError& error) {
      return std::string(error.what());
    }
  }

 private:
  std::optional<ConfigLocator> locator_;
  std::string forced_error_;
};

void fail(FileOutcome& outcome, std::string problem) {
  outcome.status = FileStatus::Failed;
  outcome.problem = std::move(problem);
}

// Rewrites a changed plain file; returns why it cannot be, or "".
std::string rewrite(const InputFile& input, const Spool& text, std::vector<std::string>& warnings) {
  if (!input.container.empty()) return "cannot rewrite a member of an archive in place; nothing was written";
  if (input.standard_input) {
    return "cannot rewrite standard input in place (use `digest fmt -` to print the result)";
  }
  ReplaceOptions options;
  options.expected = input.stamp;
  options.warnings = &warnings;
  if (auto error = replace_file_atomically(input.name, text, options)) {
    return "cannot rewrite: " + *error + "; the original is untouched";
  }
  return {};
}

FileOutcome format_input(InputFile&& input, const RunSettings& settings, FormatConfigs& configs) {
  FileOutcome outcome;
  outcome.name = input.name;
  outcome.input_bytes = input.bytes.size();

  FormatConfigs::Found found = configs.for_input(input);
  if (auto* error = std::get_if<std::string>(&found)) {
    outcome.config_error = *error;
    fail(outcome, "not formatted: its digest.toml cannot be used");
    return outcome;
  }
  FormatOptions options = std::get<FormatOptions>(found);
  settings.command_line.apply(options);

  // The parse takes over the bytes: the input's text, its AST and the output
  // (spooled to disk when large, and only when it is printed or written)
  // are all that is held, a digest of output at a time.
  ParsedFile parsed = parse_owned_bytes(std::move(input.bytes), input.name, settings.decode);
  const bool keep_text = !settings.check || settings.diff;
  Spool text;
  FormattedFile result;
  try {
    result = format_file_to(parsed, unchanged_input_bytes(parsed), options, [&](std::string_view piece) {
      if (keep_text) text += piece;
    });
  } catch (const SpoolError& error) {
    fail(outcome, std::string(error.what()) + "; nothing was written");
    return outcome;
  }
  switch (result.status) {
    case FormatStatus::Unparsable:
    case FormatStatus::Refused:
      outcome.diagnostics = std::move(result.diagnostics);
      outcome.source = std::move(parsed.source);
      fail(outcome, result.status == FormatStatus::Unparsable
                        ? "not formatted: it does not parse (see above); the file is left as it is"
                        : "not formatted: a repair would change what a line is (see above); the file is "
                          "left as it is");
      return outcome;
    case FormatStatus::Unsafe:
      fail(outcome, result.problem + "; nothing was written");
      return outcome;
    case FormatStatus::Formatted:
      break;
  }

  const bool transcoded = parsed.source && parsed.source->transcoded;
  if (transcoded) outcome.transcoded_from = parsed.source->encoding;
  outcome.status = result.changed ? FileStatus::Reformatted : FileStatus::Unchanged;
  try {
    if (settings.diff && result.changed) {
      // A transcoded file is compared as decoded text: its old bytes are not
      // UTF-8 and would only show as noise. (The diff needs both texts whole.)
      const std::string old_name =
          transcoded ? fmt::format("{} ({})", input.name, parsed.source->encoding) : input.name;
      std::string_view old_text = parsed.source->text();
      std::string with_bom;
      if (!transcoded && parsed.source->had_bom) old_text = with_bom = "\xEF\xBB\xBF" + std::string(old_text);
      outcome.diff =
          unified_diff(old_text, text.str(), old_name, input.name + " (formatted)", settings.diff_options);
    }
    if (settings.in_place && result.changed) {
      parsed = ParsedFile{};  // the source is no longer needed: give its memory back before the write
      if (std::string problem = rewrite(input, text, outcome.warnings); !problem.empty())
        fail(outcome, std::move(problem));
    }
  } catch (const SpoolError& error) {
    fail(outcome, std::string(error.what()) + "; nothing was written");
    return outcome;
  }
  if (!settings.check && !settings.diff && !settings.in_place) outcome.text = std::move(text);
  return outcome;
}

}  // namespace

void RepairOverrides::apply(FormatOptions& options) const {
  if (nfc) options.nfc = *nfc;
  if (collapse_spaces) options.collapse_spaces = *collapse_spaces;
  if (replace_tabs) options.replace_tabs = *replace_tabs;
  if (replace_nbsp) options.replace_nbsp = *replace_nbsp;
  if (remove_zero_width) options.remove_zero_width = *remove_zero_width;
}

RunResult run(const RunSettings& settings, FormatSink& sink) {
  FormatConfigs configs(settings);
  RunResult result;
  std::set<std::string> reported_config_errors;

  OrderedRunOptions run_options;
  run_options.jobs = std::max(1u, settings.jobs);
  run_options.progress = settings.progress;
  const std::function<FileOutcome(InputFile &&)> work = [&](InputFile&& input) {
    return format_input(std::move(input), settings, configs);
  };
  const std::function<void(FileOutcome &&)> emit = [&](FileOutcome&& outcome) {
    ++result.files;
    switch (outcome.status) {
      case FileStatus::Unchanged:
        ++result.unchanged;
        break;
      case FileStatus::Reformatted:
        ++result.reformatted;
        break;
      case FileStatus::Failed:
        ++result.failed;
        break;
    }
    // Reported in input order, so the same inputs give the same messages
    // however many threads ran.
    if (!outcome.config_error.empty() && reported_config_errors.insert(outcome.config_error).second) {
      sink.config_error(outcome.config_error);
    }
    sink.file(std::move(outcome));
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    if (!error.warning) ++result.input_errors;
    sink.input_error(std::move(error));
  };
  InputOptions input_options = settings.input_options;
  input_options.configs = configs.locator();
  run_ordered<FileOutcome>(settings.inputs, input_options, run_options, work, emit, on_error);
  return result;
}

}  // namespace digestkit::format
