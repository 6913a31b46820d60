// The linter's part of digest.toml ([validate] and [[per-file]]; see
// digestkit/config.hpp for the whole file): rule codes, names and severities
// are checked against the catalogue, each error placed at its value.
#include <fmt/format.h>

#include <stdexcept>

#include "digestkit/lint.hpp"

namespace digestkit::lint {
namespace {

class Converter {
 public:
  explicit Converter(const ConfigFile& file) : file_(file) {}

  RuleSelection selection(const RuleLists& lists) const {
    RuleSelection selection;
    if (lists.select) selection.select = selectors(*lists.select);
    selection.extend_select = selectors(lists.extend_select);
    selection.ignore = selectors(lists.ignore);
    for (const auto& [code, level] : lists.severity) {
      if (find_rule(code.text) == nullptr && find_rule(upper(code.text)) == nullptr) {
        fail(code, fmt::format("unknown rule \"{}\"", code.text));
      }
      try {
        selection.severity[code.text] = parse_severity(level.text, true);
      } catch (const std::invalid_argument& error) {
        fail(level, error.what());
      }
    }
    return selection;
  }

 private:
  static std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return out;
  }

  std::vector<std::string> selectors(const std::vector<ConfigValue>& values) const {
    std::vector<std::string> out;
    for (const ConfigValue& value : values) {
      if (!selector_is_known(value.text))
        fail(value, fmt::format("unknown rule code or prefix \"{}\"", value.text));
      out.push_back(value.text);
    }
    return out;
  }

  [[noreturn]] void fail(const ConfigValue& where, std::string_view message) const {
    throw ConfigError(config_error_at(file_.path, where.line, where.column, message));
  }

  const ConfigFile& file_;
};

}  // namespace

Config lint_config(const ConfigFile& file) {
  const Converter converter(file);
  Config config;
  config.path = file.path;
  config.folder = file.folder;
  config.selection = converter.selection(file.validate);
  config.max_warnings = file.max_warnings;
  for (const PerFileSettings& entry : file.per_file) {
    config.per_file.push_back({entry.glob, converter.selection(entry.rules)});
  }
  return config;
}

Config parse_config(std::string_view toml_text, const std::filesystem::path& path) {
  return lint_config(parse_config_file(toml_text, path));
}

Config load_config(const std::filesystem::path& path) { return lint_config(load_config_file(path)); }

}  // namespace digestkit::lint
