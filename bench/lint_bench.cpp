// Throughput of linting (decode, parse with recovery, every rule, the
// archive-wide index) on files of the generated benchmark archive, held in
// memory so that only the library's work is timed.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "digestkit/lint.hpp"
#include "digestkit/lint_archive.hpp"
#include "generator/synthetic_digest.hpp"

namespace {

constexpr std::uint64_t kSeed = 1;
constexpr std::uint64_t kFiles = 64;

const std::vector<std::string>& sample_files() {
  static const std::vector<std::string> files = [] {
    const digestkit::bench::DigestGenerator generator(kSeed);
    std::vector<std::string> out;
    for (std::uint64_t i = 0; i < kFiles; ++i) out.push_back(digestkit::bench::render(generator.digest(i)));
    return out;
  }();
  return files;
}

std::int64_t total_bytes(const std::vector<std::string>& files) {
  std::int64_t total = 0;
  for (const std::string& file : files) total += static_cast<std::int64_t>(file.size());
  return total;
}

void BM_LintBytes(benchmark::State& state) {
  const auto& files = sample_files();
  const digestkit::lint::Policy policy;
  const digestkit::lint::Options options{digestkit::lint::today_utc()};
  const std::string path = "bench.txt";
  for (auto _ : state) {
    for (const std::string& file : files) {
      auto result = digestkit::lint::lint_bytes(file, path, policy, options);
      benchmark::DoNotOptimize(result.diagnostics.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(files));
}
BENCHMARK(BM_LintBytes);

void BM_LintWithArchiveIndex(benchmark::State& state) {
  const auto& files = sample_files();
  const digestkit::lint::Policy policy;
  const digestkit::lint::Options options{digestkit::lint::today_utc()};
  const std::string path = "bench.txt";
  for (auto _ : state) {
    digestkit::lint::ArchiveIndex index;
    for (const std::string& file : files) {
      auto result = digestkit::lint::lint_bytes(file, path, policy, options);
      index.add(result.summary, policy);
    }
    auto across = index.finish();
    benchmark::DoNotOptimize(across.data());
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(files));
}
BENCHMARK(BM_LintWithArchiveIndex);

}  // namespace

BENCHMARK_MAIN();
