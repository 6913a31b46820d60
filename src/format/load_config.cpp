// The [fmt] table of digest.toml: each key turns one repair on or off.
#include <fmt/format.h>

#include <array>
#include <string_view>

#include <toml++/toml.h>

#include "digestkit/format.hpp"

namespace digestkit {
namespace {

struct ConfigKey {
  std::string_view name;
  bool FormatOptions::*field;
};

constexpr std::array<ConfigKey, 5> kKeys{{
    {"nfc", &FormatOptions::nfc},
    {"collapse-spaces", &FormatOptions::collapse_spaces},
    {"replace-tabs", &FormatOptions::replace_tabs},
    {"replace-nbsp", &FormatOptions::replace_nbsp},
    {"remove-zero-width", &FormatOptions::remove_zero_width},
}};

std::string at(const std::filesystem::path& file, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", file.string(), region.begin.line, region.begin.column);
}

std::string known_keys() {
  std::string list;
  for (const ConfigKey& key : kKeys) {
    if (!list.empty()) list += ", ";
    list += key.name;
  }
  return list;
}

}  // namespace

std::optional<std::string> load_format_config(const std::filesystem::path& config_file,
                                              FormatOptions& options) {
  toml::table config;
  try {
    config = toml::parse_file(config_file.string());
  } catch (const toml::parse_error& error) {
    return fmt::format("{}: error: {}", at(config_file, error.source()), error.description());
  }
  const toml::node* section = config.get("fmt");
  if (section == nullptr) return std::nullopt;
  const toml::table* table = section->as_table();
  if (table == nullptr) {
    return fmt::format("{}: error: [fmt] must be a table", at(config_file, section->source()));
  }
  FormatOptions result = options;
  for (const auto& [key, value] : *table) {
    const ConfigKey* known = nullptr;
    for (const ConfigKey& candidate : kKeys) {
      if (candidate.name == key.str()) known = &candidate;
    }
    if (known == nullptr) {
      return fmt::format("{}: error: unknown key \"{}\" in [fmt] (known keys: {})",
                         at(config_file, key.source()), key.str(), known_keys());
    }
    const auto flag = value.value<bool>();
    if (!value.is_boolean() || !flag) {
      return fmt::format("{}: error: [fmt] {} must be true or false", at(config_file, value.source()),
                         key.str());
    }
    result.*(known->field) = *flag;
  }
  options = result;
  return std::nullopt;
}

}  // namespace digestkit
