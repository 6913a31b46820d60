// Reading the linter's part of digest.toml with toml++:
//
//   [validate]
//   select = ["DG"]              # codes, prefixes, rule names or "ALL"
//   ignore = ["DG310"]
//   severity = { DG203 = "error", DG316 = "off" }
//   max-warnings = 10
//
//   [[per-file]]
//   glob = "legacy/**"
//   ignore = ["DG201"]
//
// Other tables ([fmt], ...) belong to other commands and are left alone.
// Unknown keys in [validate] are errors, so that typos do not pass silently.
#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "digestkit/lint.hpp"

namespace digestkit::lint {
namespace {

[[noreturn]] void fail_at(const std::filesystem::path& path, const toml::source_region& where,
                          const std::string& message) {
  throw ConfigError(
      fmt::format("{}:{}:{}: {}", path.string(), where.begin.line, where.begin.column, message));
}

std::vector<std::string> string_list(const std::filesystem::path& path, const toml::node& node,
                                     std::string_view key) {
  const toml::array* array = node.as_array();
  if (array == nullptr) fail_at(path, node.source(), fmt::format("\"{}\" must be an array of strings", key));
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) fail_at(path, item.source(), fmt::format("\"{}\" must hold strings", key));
    out.push_back(*value);
  }
  return out;
}

// strict: unknown keys are errors ([validate] is ours alone; [[per-file]]
// entries may carry keys of other commands).
RuleSelection read_selection(const std::filesystem::path& path, const toml::table& table,
                             std::initializer_list<std::string_view> extra_keys, bool strict) {
  RuleSelection selection;
  for (const auto& [key, node] : table) {
    const std::string_view name = key.str();
    if (name == "select") {
      selection.select = string_list(path, node, name);
    } else if (name == "ignore") {
      selection.ignore = string_list(path, node, name);
    } else if (name == "severity") {
      const toml::table* severities = node.as_table();
      if (severities == nullptr)
        fail_at(path, node.source(), "\"severity\" must be a table of CODE = \"level\"");
      for (const auto& [code, level] : *severities) {
        const auto text = level.value<std::string>();
        if (!text)
          fail_at(path, level.source(), "a severity must be \"error\", \"warning\", \"info\" or \"off\"");
        try {
          selection.severity[std::string(code.str())] = parse_severity(*text, true);
        } catch (const std::invalid_argument& error) {
          fail_at(path, level.source(), error.what());
        }
      }
    } else if (strict && std::find(extra_keys.begin(), extra_keys.end(), name) == extra_keys.end()) {
      fail_at(path, key.source(), fmt::format("unknown key \"{}\"", name));
    }
  }
  try {
    check_codes(selection);
  } catch (const std::invalid_argument& error) {
    fail_at(path, table.source(), error.what());
  }
  return selection;
}

}  // namespace

Config parse_config(std::string_view toml_text, const std::filesystem::path& path) {
  toml::table root;
  try {
    root = toml::parse(toml_text, path.string());
  } catch (const toml::parse_error& error) {
    fail_at(path, error.source(), std::string(error.description()));
  }

  Config config;
  config.path = path;
  if (const toml::node* node = root.get("validate")) {
    const toml::table* table = node->as_table();
    if (table == nullptr) fail_at(path, node->source(), "[validate] must be a table");
    config.selection = read_selection(path, *table, {"max-warnings"}, true);
    if (const toml::node* limit = table->get("max-warnings")) {
      const auto value = limit->value<std::int64_t>();
      if (!value || *value < -1) fail_at(path, limit->source(), "\"max-warnings\" must be an integer >= -1");
      config.max_warnings = static_cast<long>(*value);
    }
  }
  if (const toml::node* node = root.get("per-file")) {
    const toml::array* entries = node->as_array();
    if (entries == nullptr)
      fail_at(path, node->source(), "per-file must be an array of tables: [[per-file]]");
    for (const toml::node& item : *entries) {
      const toml::table* table = item.as_table();
      if (table == nullptr) fail_at(path, item.source(), "each [[per-file]] entry must be a table");
      const auto glob = (*table)["glob"].value<std::string>();
      if (!glob || glob->empty())
        fail_at(path, item.source(), "[[per-file]] needs a non-empty glob = \"...\"");
      config.per_file.push_back({*glob, read_selection(path, *table, {"glob"}, false)});
    }
  }
  return config;
}

Config load_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot read the config file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

}  // namespace digestkit::lint
