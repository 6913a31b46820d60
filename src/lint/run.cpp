// lint::run(): inputs -> (threads) config lookup, policy, lint -> (input
// order) archive-wide rules -> report.
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "digestkit/config.hpp"
#include "digestkit/lint_run.hpp"
#include "digestkit/parallel.hpp"

namespace digestkit::lint {
namespace {

// digest.toml files by folder, shared by the worker threads. Each file is
// read once; a bad one is an error for every input under it.
class ConfigCache {
 public:
  explicit ConfigCache(const std::optional<std::filesystem::path>& forced) {
    if (forced) forced_ = std::make_unique<Config>(load_config(*forced));
  }

  // The config for a file (an input file, an archive, or "-" in the folder
  // standard input stands for): null when no digest.toml applies. Called
  // once per input, so it asks the file system nothing once the file's
  // folder has been seen. Throws ConfigError.
  const Config* for_file(const std::filesystem::path& file) {
    if (forced_) return forced_.get();
    const std::filesystem::path absolute = file.is_absolute() ? file : working_folder_ / file;
    const std::string folder = absolute.parent_path().native();
    std::lock_guard lock(mutex_);
    auto cached = by_folder_.find(folder);
    if (cached == by_folder_.end()) {
      const auto found = find_config_file(folder);
      cached = by_folder_.emplace(folder, found ? load(*found) : nullptr).first;
    }
    if (cached->second != nullptr && !cached->second->error.empty()) throw ConfigError(cached->second->error);
    return cached->second != nullptr ? &cached->second->config : nullptr;
  }

  [[nodiscard]] const Config* forced() const { return forced_.get(); }

 private:
  struct Loaded {
    Config config;
    std::string error;
  };

  const Loaded* load(const std::filesystem::path& path) {
    auto& slot = by_file_[path];
    if (!slot) {
      slot = std::make_unique<Loaded>();
      try {
        slot->config = load_config(path);
      } catch (const ConfigError& error) {
        slot->error = error.what();
      }
    }
    return slot.get();
  }

  std::unique_ptr<Config> forced_;
  std::mutex mutex_;
  const std::filesystem::path working_folder_ = std::filesystem::current_path();
  std::unordered_map<std::string, const Loaded*> by_folder_;
  std::map<std::filesystem::path, std::unique_ptr<Loaded>> by_file_;
};

struct Linted {
  FileResult result;
  Policy policy;
  std::string config_error;
};

// The path a config is searched from: the archive for its members, the
// --stdin-filename (or the current folder) for standard input.
std::filesystem::path config_anchor(const InputFile& input) {
  if (!input.container.empty()) return input.container;
  if (input.name == "-") return std::filesystem::current_path() / "-";
  return input.name;
}

}  // namespace

RunResult run(const RunSettings& settings, Report& report, std::ostream& errors) {
  ConfigCache configs(settings.config_file);
  RunResult outcome;
  if (configs.forced() != nullptr) {
    outcome.config_max_warnings = configs.forced()->max_warnings;
  } else {
    try {
      if (const Config* here = configs.for_file(std::filesystem::current_path() / "-")) {
        outcome.config_max_warnings = here->max_warnings;
      }
    } catch (const ConfigError&) {
      // Reported with the inputs it applies to.
    }
  }

  ArchiveIndex archive;
  OrderedRunOptions run_options;
  run_options.jobs = std::max(1u, settings.jobs);
  run_options.progress = settings.progress;
  const auto clear_progress = [&] {
    if (settings.progress != nullptr) settings.progress->finish();
  };

  const std::function<Linted(InputFile &&)> work = [&](InputFile&& input) {
    Linted linted;
    const Config* config = nullptr;
    try {
      config = configs.for_file(config_anchor(input));
    } catch (const ConfigError& error) {
      linted.config_error = error.what();
      linted.result.path = input.name;
      return linted;
    }
    linted.policy = policy_for(config, settings.command_line, input.name);
    ParseOptions parse_options;
    parse_options.recover = true;
    linted.result =
        lint_file(parse_owned_bytes(std::move(input.bytes), input.name, settings.decode, parse_options),
                  input.name, linted.policy, settings.options);
    return linted;
  };
  const std::function<void(Linted &&)> emit = [&](Linted&& linted) {
    if (!linted.config_error.empty()) {
      clear_progress();
      errors << linted.config_error << '\n';
      ++outcome.config_errors;
      report.input_error(linted.result.path, linted.config_error);
      return;
    }
    FileResult& result = linted.result;
    std::vector<Diagnostic> across = archive.add(result.summary, linted.policy);
    if (!across.empty()) {
      result.diagnostics.insert(result.diagnostics.end(), across.begin(), across.end());
      sort_diagnostics(result.diagnostics);
    }
    if (settings.report_on_terminal && !result.diagnostics.empty()) clear_progress();
    report.add(result.path, result.source.get(), result.diagnostics, &result.summary);
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    clear_progress();
    errors << error.name << ": " << error.message << '\n';
    ++outcome.input_errors;
    report.input_error(error.name, error.message);
  };
  run_ordered<Linted>(settings.inputs, settings.input_options, run_options, work, emit, on_error);
  return outcome;
}

}  // namespace digestkit::lint
