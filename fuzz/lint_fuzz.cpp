// validate on arbitrary bytes: every rule enabled (a digest.toml selecting
// ALL, severities varied by the first byte), two files through one
// ArchiveIndex so that the archive-wide rules (DG4xx) run too. Asserts that
// every diagnostic has a known code, lies inside its file, renders, and
// that the diagnostics come sorted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digestkit/lint.hpp"
#include "digestkit/lint_archive.hpp"
#include "fuzz_util.hpp"

namespace {

using digestkit::fuzz::require;
namespace lint = digestkit::lint;

lint::Policy policy_from(std::uint8_t bits) {
  // Severities are set per rule (digest.toml takes exact codes there).
  static const lint::Config config = lint::parse_config(
      "[validate]\nselect = [\"ALL\"]\n\n[validate.severity]\nDG203 = \"error\"\nDG310 = \"warning\"\n"
      "DG401 = \"warning\"\n",
      "digest.toml");
  lint::Policy policy = lint::policy_for(&config, {}, "posts/fuzz.txt");
  if ((bits & 1) != 0) {
    lint::RuleSelection info;
    for (const lint::Rule& rule : lint::rules())
      info.severity[std::string(rule.code)] = digestkit::Severity::Info;
    policy.apply(info);
  }
  return policy;
}

void check(const lint::FileResult& result) {
  const auto* source = result.source.get();
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    const auto& d = result.diagnostics[i];
    require(lint::find_rule(d.code) != nullptr || d.code.starts_with("DG1"),
            "diagnostic with an unknown code");
    require(d.location.line >= 1 && d.location.column >= 1, "diagnostic before line 1, column 1");
    if (source != nullptr) {
      require(d.location.line <= source->line_count() + 1, "diagnostic past the last line");
      require(d.location.offset <= source->text().size(), "diagnostic past the end of the text");
      require(d.location.offset + d.length <= source->text().size() + 1,
              "highlight past the end of the text");
    }
    require(!digestkit::render_text(d, source).empty(), "empty rendering");
    if (i > 0) {
      const auto& p = result.diagnostics[i - 1];
      require(p.location.line < d.location.line ||
                  (p.location.line == d.location.line && p.location.column <= d.location.column),
              "diagnostics out of order");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const lint::Options options{
      std::chrono::year_month_day{std::chrono::year{2024}, std::chrono::month{6}, std::chrono::day{1}}};
  const lint::Policy policy = policy_from(data[0]);
  const auto [first, second] = digestkit::fuzz::split_in_two(data + 1, size - 1);
  lint::ArchiveIndex archive;
  for (const auto part : {first, second}) {
    lint::FileResult result = lint::lint_bytes(part, "posts/fuzz.txt", policy, options);
    check(result);
    archive.add(result.summary, policy);
  }
  for (const auto& finding : archive.finish()) {
    const auto& d = finding.diagnostic;
    require(!d.code.empty() && !d.message.empty(), "empty archive-wide diagnostic");
    require(!d.related.empty(), "an archive-wide finding without the other place");
  }
  return 0;
}
