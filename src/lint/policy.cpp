// Which rules run on a file and at what severity: the [validate] table of
// digest.toml, then command-line options (which replace the config's select
// and ignore lists and override its severities), then the [[per-file]]
// entries whose glob matches the input.
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "digestkit/lint.hpp"

namespace digestkit::lint {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A selector is "ALL", a rule name, or a prefix of codes ("DG2", "DG203").
bool matches(std::string_view selector, const Rule& rule) {
  if (selector == rule.name) return true;
  const std::string code_prefix = upper(selector);
  return code_prefix == "ALL" || rule.code.starts_with(code_prefix);
}

bool any_matches(const std::vector<std::string>& selectors, const Rule& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& selector) { return matches(selector, rule); });
}

const Rule& exact_rule(std::string_view code_or_name) {
  const Rule* rule = find_rule(upper(code_or_name));
  if (rule == nullptr) rule = find_rule(code_or_name);
  if (rule == nullptr) throw std::invalid_argument("unknown rule \"" + std::string(code_or_name) + "\"");
  return *rule;
}

void check_selectors(const std::optional<std::vector<std::string>>& selectors) {
  if (!selectors) return;
  for (const std::string& selector : *selectors) {
    const bool known = std::any_of(rules().begin(), rules().end(),
                                   [&](const Rule& rule) { return matches(selector, rule); });
    if (!known) throw std::invalid_argument("unknown rule code or prefix \"" + selector + "\"");
  }
}

// A glob without a slash matches the file name anywhere (like .gitignore);
// with one it matches the path relative to the config file's folder. '*'
// crosses '/', so "legacy/**" takes everything below legacy/.
bool glob_matches(const std::string& glob, const std::filesystem::path& relative) {
  const std::string target =
      glob.find('/') == std::string::npos ? relative.filename().string() : relative.generic_string();
  return fnmatch(glob.c_str(), target.c_str(), 0) == 0;
}

std::filesystem::path relative_to_config(const Config& config, const std::filesystem::path& input) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(input, ec);
  if (ec) return input;
  const std::filesystem::path relative = absolute.lexically_relative(config.path.parent_path());
  return relative.empty() ? input : relative;
}

}  // namespace

void check_codes(const RuleSelection& selection) {
  check_selectors(selection.select);
  check_selectors(selection.ignore);
  for (const auto& entry : selection.severity) (void)exact_rule(entry.first);
}

Policy::Policy() {
  for (const Rule& rule : rules()) {
    enabled_.push_back(true);
    severity_.push_back(rule.severity);
  }
}

bool Policy::enabled(std::string_view code) const {
  const Rule* rule = find_rule(code);
  return rule == nullptr || enabled_[rule_index(*rule)];
}

void Policy::apply(const RuleSelection& selection) {
  const auto all = rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (selection.select) enabled_[i] = any_matches(*selection.select, all[i]);
    if (selection.ignore && any_matches(*selection.ignore, all[i])) enabled_[i] = false;
  }
  for (const auto& [code, severity] : selection.severity) {
    const std::size_t index = rule_index(exact_rule(code));
    if (severity) {
      severity_[index] = *severity;
    } else {
      enabled_[index] = false;
    }
  }
}

Policy policy_for(const Config* config, const RuleSelection& command_line,
                  const std::filesystem::path& input_path) {
  RuleSelection base;
  if (config != nullptr) base = config->selection;
  if (command_line.select) base.select = command_line.select;
  if (command_line.ignore) base.ignore = command_line.ignore;
  for (const auto& [code, severity] : command_line.severity) base.severity[code] = severity;

  Policy policy;
  policy.apply(base);
  if (config == nullptr || config->per_file.empty()) return policy;

  // Per-file entries add to the selection: their select turns rules on for
  // the matching files, their ignore turns them off.
  const std::filesystem::path relative = relative_to_config(*config, input_path);
  for (const PerFileSelection& entry : config->per_file) {
    if (!glob_matches(entry.glob, relative)) continue;
    RuleSelection extra = entry.selection;
    if (extra.select) {
      std::vector<std::string> widened = *extra.select;
      const auto all = rules();
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (policy.enabled(i)) widened.emplace_back(all[i].code);
      }
      extra.select = std::move(widened);
    }
    policy.apply(extra);
  }
  return policy;
}

}  // namespace digestkit::lint
