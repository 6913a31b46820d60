// digest.toml: what a settings file may hold, and which one applies to an
// input. The whole file is read here, so that an unknown key anywhere is an
// error at its line; each command then turns its part ([validate] and
// [[per-file]] for the linter, [fmt] for the formatter)
// into its own options.
//
//   exclude = ["/legacy/"]           # skipped by directory walks
//   extend-exclude = ["*.draft.txt"] # added to exclude
//
//   [validate]
//   select = ["DG"]                  # restarts the selection
//   extend-select = ["DG316"]        # adds to it
//   ignore = ["DG310"]               # removes from it
//   severity = { DG203 = "error" }
//   max-warnings = 10
//
//   [[per-file]]
//   glob = "legacy/**"
//   select = ["DG1"]                 # restricts the selection for these files
//   extend-select = [], ignore = [], severity = {}
//
//   [fmt]
//   collapse-spaces = true           # nfc, replace-tabs, replace-nbsp, remove-zero-width
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace digestkit {

// A bad settings file or --config: the message starts "path:line:col: error:"
// when the problem has a place in the file.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A value as written, with where it was written (for messages that commands
// give later, such as an unknown rule code).
struct ConfigValue {
  std::string text;
  unsigned line = 0;
  unsigned column = 0;
};

// select / extend-select / ignore / severity, of [validate] or one [[per-file]].
struct RuleLists {
  std::optional<std::vector<ConfigValue>> select;
  std::vector<ConfigValue> extend_select;
  std::vector<ConfigValue> ignore;
  std::vector<std::pair<ConfigValue, ConfigValue>> severity;  // code or name -> level
};

struct PerFileSettings {
  std::string glob;  // see path_matches_glob()
  RuleLists rules;
};

// [fmt]: each repair on (true) or off (false); unset keys keep the default.
struct FmtSettings {
  std::optional<bool> nfc;
  std::optional<bool> collapse_spaces;
  std::optional<bool> replace_tabs;
  std::optional<bool> replace_nbsp;
  std::optional<bool> remove_zero_width;
};

struct ConfigFile {
  std::filesystem::path path;    // as given, for messages
  std::filesystem::path folder;  // absolute: the globs and exclude are relative to it
  RuleLists validate;
  std::optional<long> max_warnings;
  std::vector<PerFileSettings> per_file;  // in file order
  FmtSettings fmt;
  // Top-level exclude / extend-exclude: files and folders directory walks
  // skip (path_matches_glob() against the path relative to `folder`).
  // Nothing is excluded by default, so both add; exclude replaces the
  // (empty) default list as in ruff, extend-exclude extends it.
  std::vector<ConfigValue> exclude;
  std::vector<ConfigValue> extend_exclude;
};

// Parses a digest.toml; `path` names it in messages and places it. Throws
// ConfigError for bad TOML, unknown tables or keys, and values of the wrong type.
[[nodiscard]] ConfigFile parse_config_file(std::string_view toml_text, const std::filesystem::path& path);
[[nodiscard]] ConfigFile load_config_file(const std::filesystem::path& path);

// "path:line:col: error: message", the form of every located config problem.
[[nodiscard]] std::string config_error_at(const std::filesystem::path& path, unsigned line, unsigned column,
                                          std::string_view message);

// The glob rule of [[per-file]]: a glob without "/" matches a
// file or folder name at any depth (as in .gitignore); with one it matches
// the whole relative path ("*" and "**" cross "/"); a trailing "/" matches
// folders only.
[[nodiscard]] bool path_matches_glob(std::string_view glob, const std::filesystem::path& relative,
                                     bool is_folder);

// How a command finds its settings: --config FILE (for every input),
// --no-config (none), or the nearest digest.toml of each input.
struct ConfigChoice {
  std::optional<std::filesystem::path> file;  // --config
  bool disabled = false;                      // --no-config
};

// The nearest digest.toml of every folder asked about, each file read once.
// Safe to call from several threads. The one anchoring rule: an input is
// configured from its own folder; an archive's member from the archive's
// folder; standard input from the folder of its --stdin-filename, or the
// current folder when it has none.
class ConfigLocator {
 public:
  // Reads --config now; throws ConfigError when it cannot be used.
  explicit ConfigLocator(ConfigChoice choice = {});
  ConfigLocator(const ConfigLocator&) = delete;
  ConfigLocator& operator=(const ConfigLocator&) = delete;
  ~ConfigLocator();

  // The settings of an input (InputFile::name and ::container); null when
  // none apply. Throws ConfigError when the file that applies is bad.
  [[nodiscard]] const ConfigFile* for_input(std::string_view name, std::string_view container);
  // The settings of a folder (relative to the current folder or absolute).
  [[nodiscard]] const ConfigFile* for_folder(const std::filesystem::path& folder);
  // The folder an input is configured from (absolute, lexically normal).
  [[nodiscard]] std::filesystem::path anchor_folder(std::string_view name, std::string_view container) const;

  // --config, if given.
  [[nodiscard]] const ConfigFile* forced() const { return forced_.get(); }
  [[nodiscard]] bool disabled() const { return disabled_; }

 private:
  struct Loaded {
    std::unique_ptr<ConfigFile> file;  // null when the folder has none
    std::string error;                 // a bad file: thrown for every input under it
  };
  const Loaded* lookup(const std::string& folder);
  const ConfigFile* checked(const Loaded* loaded) const;

  std::unique_ptr<ConfigFile> forced_;
  bool disabled_ = false;
  std::filesystem::path working_folder_;
  std::mutex mutex_;
  // Folder -> the entry of the nearest folder with a digest.toml (or of the
  // root, without one); entries are owned by files_.
  std::unordered_map<std::string, const Loaded*> by_folder_;
  std::map<std::string, std::unique_ptr<Loaded>> files_;
};

}  // namespace digestkit
