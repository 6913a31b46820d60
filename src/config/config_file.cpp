// Reading digest.toml with toml++ into ConfigFile. Every table and key has
// one meaning for every command, so every key is checked here: a typo is an
// error at its line whichever command reads the file.
#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <system_error>

#include "digestkit/config.hpp"

namespace digestkit {
namespace {

class Reader {
 public:
  explicit Reader(std::filesystem::path path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::source_region& where, std::string_view message) const {
    throw ConfigError(config_error_at(path_, where.begin.line, where.begin.column, message));
  }

  // Unknown keys of a table are errors that list the known ones.
  void check_keys(const toml::table& table, std::string_view where,
                  std::initializer_list<std::string_view> known) const {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string list;
      for (std::string_view name : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", name);
      fail(key.source(), fmt::format("unknown key \"{}\" in {} (known keys: {})", key.str(), where, list));
    }
  }

  const toml::table& table(const toml::node& node, std::string_view what) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) fail(node.source(), fmt::format("{} must be a table", what));
    return *table;
  }

  std::vector<ConfigValue> strings(const toml::node& node, std::string_view key) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) fail(node.source(), fmt::format("\"{}\" must be an array of strings", key));
    std::vector<ConfigValue> out;
    for (const toml::node& item : *array) {
      const auto value = item.value<std::string>();
      if (!item.is_string() || !value) fail(item.source(), fmt::format("\"{}\" must hold strings", key));
      out.push_back(located(*value, item.source()));
    }
    return out;
  }

  RuleLists rules(const toml::table& table, std::string_view where,
                  std::initializer_list<std::string_view> known) const {
    check_keys(table, where, known);
    RuleLists lists;
    if (const toml::node* node = table.get("select")) lists.select = strings(*node, "select");
    if (const toml::node* node = table.get("extend-select"))
      lists.extend_select = strings(*node, "extend-select");
    if (const toml::node* node = table.get("ignore")) lists.ignore = strings(*node, "ignore");
    if (const toml::node* node = table.get("severity")) {
      const toml::table* levels = node->as_table();
      if (levels == nullptr) fail(node->source(), "\"severity\" must be a table of CODE = \"level\"");
      for (const auto& [code, level] : *levels) {
        const auto text = level.value<std::string>();
        if (!level.is_string() || !text)
          fail(level.source(), "a severity must be \"error\", \"warning\", \"info\" or \"off\"");
        lists.severity.emplace_back(located(std::string(code.str()), code.source()),
                                    located(*text, level.source()));
      }
    }
    return lists;
  }

  std::optional<bool> flag(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_boolean()) fail(node->source(), fmt::format("[fmt] {} must be true or false", key));
    return node->value<bool>();
  }

 private:
  static ConfigValue located(std::string text, const toml::source_region& where) {
    return ConfigValue{std::move(text), static_cast<unsigned>(where.begin.line),
                       static_cast<unsigned>(where.begin.column)};
  }

  std::filesystem::path path_;
};

}  // namespace

std::string config_error_at(const std::filesystem::path& path, unsigned line, unsigned column,
                            std::string_view message) {
  return fmt::format("{}:{}:{}: error: {}", path.string(), line, column, message);
}

ConfigFile parse_config_file(std::string_view toml_text, const std::filesystem::path& path) {
  std::error_code ec;
  ConfigFile config;
  config.path = path;
  config.folder = std::filesystem::absolute(path, ec).lexically_normal().parent_path();
  if (ec) config.folder = path.parent_path();
  const Reader reader(path);

  toml::table root;
  try {
    root = toml::parse(toml_text, path.string());
  } catch (const toml::parse_error& error) {
    reader.fail(error.source(), error.description());
  }
  reader.check_keys(root, "digest.toml", {"exclude", "extend-exclude", "validate", "per-file", "fmt"});
  if (const toml::node* node = root.get("exclude")) config.exclude = reader.strings(*node, "exclude");
  if (const toml::node* node = root.get("extend-exclude"))
    config.extend_exclude = reader.strings(*node, "extend-exclude");

  if (const toml::node* node = root.get("validate")) {
    const toml::table& table = reader.table(*node, "[validate]");
    config.validate =
        reader.rules(table, "[validate]", {"select", "extend-select", "ignore", "severity", "max-warnings"});
    if (const toml::node* limit = table.get("max-warnings")) {
      const auto value = limit->value<std::int64_t>();
      if (!limit->is_integer() || !value || *value < -1)
        reader.fail(limit->source(), "\"max-warnings\" must be an integer >= -1");
      config.max_warnings = static_cast<long>(*value);
    }
  }

  if (const toml::node* node = root.get("per-file")) {
    const toml::array* entries = node->as_array();
    if (entries == nullptr) reader.fail(node->source(), "per-file must be an array of tables: [[per-file]]");
    for (const toml::node& item : *entries) {
      const toml::table& table = reader.table(item, "each [[per-file]] entry");
      PerFileSettings entry;
      entry.rules =
          reader.rules(table, "[[per-file]]", {"glob", "select", "extend-select", "ignore", "severity"});
      const toml::node* glob = table.get("glob");
      const auto text = glob != nullptr ? glob->value<std::string>() : std::nullopt;
      if (!text || text->empty() || !glob->is_string())
        reader.fail(item.source(), "[[per-file]] needs a non-empty glob = \"...\"");
      entry.glob = *text;
      config.per_file.push_back(std::move(entry));
    }
  }

  if (const toml::node* node = root.get("fmt")) {
    const toml::table& table = reader.table(*node, "[fmt]");
    reader.check_keys(table, "[fmt]",
                      {"nfc", "collapse-spaces", "replace-tabs", "replace-nbsp", "remove-zero-width"});
    config.fmt.nfc = reader.flag(table, "nfc");
    config.fmt.collapse_spaces = reader.flag(table, "collapse-spaces");
    config.fmt.replace_tabs = reader.flag(table, "replace-tabs");
    config.fmt.replace_nbsp = reader.flag(table, "replace-nbsp");
    config.fmt.remove_zero_width = reader.flag(table, "remove-zero-width");
  }
  return config;
}

ConfigFile load_config_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: error: cannot read the config file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(fmt::format("{}: error: cannot read the config file", path.string()));
  return parse_config_file(text.str(), path);
}

}  // namespace digestkit
