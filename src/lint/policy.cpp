// Which rules run on a file and at what severity: the [validate] table of
// digest.toml, then command-line options, then the [[per-file]] entries whose
// glob matches the input, each applied on top of the one before (see
// RuleSelection): --select restarts the selection, --extend-select and
// --ignore add to what the config chose, as in ruff.
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

void check_selectors(const std::vector<std::string>& selectors) {
  for (const std::string& selector : selectors) {
    if (!selector_is_known(selector))
      throw std::invalid_argument("unknown rule code or prefix \"" + selector + "\"");
  }
}

std::filesystem::path relative_to_config(const Config& config, const std::filesystem::path& input) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(input, ec).lexically_normal();
  if (ec) return input;
  const std::filesystem::path relative = absolute.lexically_relative(config.folder);
  return relative.empty() ? input : relative;
}

}  // namespace

bool selector_is_known(std::string_view selector) {
  return std::any_of(rules().begin(), rules().end(),
                     [&](const Rule& rule) { return matches(selector, rule); });
}

void check_codes(const RuleSelection& selection) {
  if (selection.select) check_selectors(*selection.select);
  check_selectors(selection.extend_select);
  check_selectors(selection.ignore);
  for (const auto& entry : selection.severity) (void)exact_rule(entry.first);
}

Policy::Policy() {
  for (const Rule& rule : rules()) {
    selected_.push_back(true);
    off_.push_back(false);
    enabled_.push_back(true);
    severity_.push_back(rule.severity);
  }
}

void Policy::apply(const RuleSelection& selection, Select select) {
  const auto all = rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (selection.select) {
      const bool chosen = any_matches(*selection.select, all[i]);
      selected_[i] = select == Select::restarts ? chosen : selected_[i] && chosen;
    }
    if (any_matches(selection.extend_select, all[i])) selected_[i] = true;
    if (any_matches(selection.ignore, all[i])) selected_[i] = false;
  }
  for (const auto& [code, severity] : selection.severity) {
    const std::size_t index = rule_index(exact_rule(code));
    off_[index] = !severity;
    if (severity) severity_[index] = *severity;
  }
  for (std::size_t i = 0; i < all.size(); ++i) enabled_[i] = selected_[i] && !off_[i];
}

Policy policy_for(const Config* config, const RuleSelection& command_line,
                  const std::filesystem::path& input_path) {
  Policy policy;
  if (config != nullptr) policy.apply(config->selection);
  policy.apply(command_line);
  if (config == nullptr || config->per_file.empty()) return policy;

  const std::filesystem::path relative = relative_to_config(*config, input_path);
  for (const PerFileSelection& entry : config->per_file) {
    if (path_matches_glob(entry.glob, relative, false))
      policy.apply(entry.selection, Policy::Select::restricts);
  }
  return policy;
}

}  // namespace digestkit::lint
