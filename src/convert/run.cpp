// convert::run(): inputs -> (threads) convert_input -> (input order) one
// Output (standard output, -o FILE) or one Output per input (-o DIR/).
#include <fmt/format.h>
#include <optional>

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <utility>
#include <variant>

#include "digestkit/convert.hpp"
#include "digestkit/parallel.hpp"
#include "output_folders.hpp"
#include "post_records.hpp"

namespace digestkit::convert {
namespace {

namespace fs = std::filesystem;

// Where the converted inputs go, as -o says.
class Destinations {
 public:
  Destinations(const RunSettings& settings, const TargetSpec& target) : target_(target) {
    const std::string& output = settings.output;
    if (output.empty() || output == "-") {
      single_ = target.open(target, Destination{settings.standard_output, {}, "standard output"});
    } else if (output.back() == '/' || fs::is_directory(output)) {
      directory_ = fs::path(output);
    } else {
      single_ = target.open(target, Destination{nullptr, output, output});
    }
  }

  // Writes a converted input; returns why this input may not be written
  // ("" when written or when the output failed: see error()).
  std::string add(const ConvertedInput& input) {
    if (single_) {
      single_->add(input);
      return {};
    }
    const auto relative = output_relative_path(input.name, input.container, target_.target);
    if (!relative) {
      return fmt::format("unsafe member name (absolute or with \"..\"): not written under {}",
                         directory_->string());
    }
    const fs::path path = *directory_ / *relative;
    if (!written_.insert(*relative).second) {
      return fmt::format("{} was already written for an earlier input: not overwritten", path.string());
    }
    // A member whose output cannot be written (a name over NAME_MAX, a file
    // where a folder must go, a symbolic link on the way) fails alone and the
    // run goes on, as bsdtar does.
    auto folder = open_output_folder(*directory_, fs::path(*relative));
    if (auto* problem = std::get_if<std::string>(&folder)) {
      ++unwritable_;
      return *problem;
    }
    const auto& open_folder = *std::get<std::unique_ptr<support::FileDescriptor>>(folder);
    Destination destination{nullptr, folder_path(open_folder) / fs::path(*relative).filename(),
                            path.string()};
    destination.follow_symlink = false;
    const auto output = target_.open(target_, destination);
    output->add(input);
    if (auto failed = output->finish()) {
      ++unwritable_;
      return *failed;
    }
    return {};
  }

  [[nodiscard]] std::size_t unwritable() const { return unwritable_; }

  [[nodiscard]] std::optional<std::string> error() const {
    if (error_) return error_;
    return single_ ? single_->error() : std::nullopt;
  }

  std::optional<std::string> finish() {
    if (error_) return error_;
    return single_ ? single_->finish() : std::nullopt;
  }

  [[nodiscard]] std::string summary() const { return single_ ? single_->summary() : std::string(); }

 private:
  const TargetSpec& target_;
  std::unique_ptr<Output> single_;
  std::optional<fs::path> directory_;
  std::set<std::string> written_;
  std::optional<std::string> error_;
  std::size_t unwritable_ = 0;
};

// -o FILE must not be one of the inputs (same device and inode): it would
// be replaced before it is read.
std::optional<std::string> output_is_an_input(const RunSettings& settings) {
  struct stat output {};
  if (settings.output.empty() || settings.output == "-" || ::stat(settings.output.c_str(), &output) != 0 ||
      !S_ISREG(output.st_mode)) {
    return std::nullopt;
  }
  for (const std::string& input : settings.inputs) {
    struct stat info {};
    if (input != "-" && ::stat(input.c_str(), &info) == 0 && info.st_dev == output.st_dev &&
        info.st_ino == output.st_ino) {
      return fmt::format("-o {} is also the input {}: refused (it would be overwritten before it is read)",
                         settings.output, input);
    }
  }
  return std::nullopt;
}

}  // namespace

RunResult run(const RunSettings& settings, ConvertSink& sink) {
  RunResult result;
  const TargetSpec& target = target_spec(settings.options.to);
  if (!target.to_standard_output && (settings.output.empty() || settings.output == "-")) {
    result.output_error =
        fmt::format("--to {} writes a file: give -o FILE{} or -o DIR/", target.name, target.extension);
    return result;
  }
  const bool records = settings.options.from == ConvertSource::JsonlPosts;
  if (records && !settings.output.empty() &&
      (settings.output.back() == '/' || fs::is_directory(settings.output))) {
    result.output_error =
        "--from jsonl-posts writes one stream: give -o FILE or standard output, not -o DIR/";
    return result;
  }
  if (settings.inline_errors && (!records || settings.options.to != ConvertTarget::JsonLines)) {
    result.output_error = "--errors inline needs --from jsonl-posts --to jsonl";
    return result;
  }
  if (auto same = output_is_an_input(settings)) {
    result.output_error = std::move(same);
    return result;
  }
  Destinations destinations(settings, target);
  if (auto error = destinations.error()) {
    result.output_error = std::move(error);
    return result;
  }

  // --to text applies each input's [fmt], found as `digest fmt` finds it.
  ConvertOptions options = settings.options;
  std::optional<ConfigLocator> configs;
  if (options.to == ConvertTarget::Text) {
    try {
      configs.emplace(settings.config);
    } catch (const ConfigError& error) {
      result.output_error = error.what();
      return result;
    }
    options.configs = &*configs;
  }

  InputOptions input_options = settings.input_options;
  input_options.extensions = input_extensions(settings.options.from);
  // digest.toml's exclude lists apply to the walk whatever the target; for
  // targets other than text a --config that cannot be read only loses them.
  if (!configs) {
    try {
      configs.emplace(settings.config);
    } catch (const ConfigError&) {
    }
  }
  if (configs) input_options.configs = &*configs;
  bool stop = false;
  OrderedRunOptions run_options;
  run_options.jobs = std::max(1u, settings.jobs);
  run_options.progress = settings.progress;
  run_options.should_stop = [&] { return stop; };

  const std::function<ConvertedInput(InputFile &&)> convert_file = [&](InputFile&& file) {
    return convert_input(std::move(file), options);
  };
  // A record of --from jsonl-posts: its JSON string decoded, then converted as
  // a file; with inline_errors a failure renders its error record.
  const std::function<ConvertedInput(InputFile &&)> convert_record = [&](InputFile&& record) {
    std::string kind;
    std::string problem = decode_post_record(record, input_options, kind);
    ConvertedInput converted;
    if (problem.empty()) {
      kind = "parse";
      converted = convert_input(std::move(record), options);
    } else {
      converted.name = std::move(record.name);
      converted.container = std::move(record.container);
      converted.problem = std::move(problem);
    }
    if (converted.failed() && settings.inline_errors) {
      converted.output.clear();
      std::string record_text;
      append_error_record(converted, kind, record_text);
      converted.output += record_text;
      converted.error_written = true;
    }
    return converted;
  };
  const std::function<ConvertedInput(InputFile &&)>& work = records ? convert_record : convert_file;
  const std::function<void(ConvertedInput &&)> emit = [&](ConvertedInput&& input) {
    ++result.inputs;
    if (!input.failed()) {
      input.problem = destinations.add(input);
    } else if (input.error_written) {
      destinations.add(input);
      ++result.written_errors;
    }
    if (destinations.error()) stop = true;
    if (input.failed()) {
      ++result.failed;
      if (settings.fail_fast) stop = result.stopped = true;
    }
    sink.converted(input);
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    if (error.warning) {  // skipped on purpose: reported, not failed
      sink.input_error(error);
      return;
    }
    ++result.inputs;
    ++result.failed;
    ++result.unreadable;
    if (settings.fail_fast) stop = result.stopped = true;
    sink.input_error(error);
  };
  if (records) {
    const InputWalk walk = [&settings](const InputOptions& walk_options,
                                       const std::function<void(InputFile &&)>& visit,
                                       const std::function<void(InputError &&)>& failed) {
      for_each_post_record(settings.inputs, walk_options, visit, failed);
    };
    run_ordered<ConvertedInput>(walk, input_options, run_options, work, emit, on_error);
  } else {
    run_ordered<ConvertedInput>(settings.inputs, input_options, run_options, work, emit, on_error);
  }
  result.output_error = destinations.finish();
  result.summary = destinations.summary();
  result.unwritable = destinations.unwritable();
  return result;
}

}  // namespace digestkit::convert
