// Throughput of decode + parse (and of the JSON Lines writer) on a synthetic digest of realistic shape
// (long one-line abstracts, Chinese header and footer), in bytes per second.
#include <benchmark/benchmark.h>

#include <string>

#include "digestkit/json.hpp"
#include "digestkit/parse.hpp"

namespace {

std::string make_digest(std::size_t entries) {
  std::string text = "神经辐射场/NeRF\n\n\n2024-03-14 更新\n\n";
  const std::string abstract_sentence =
      "We propose a lattice of sparse radiance probes that interpolates lighting across a scene with a "
      "learned "
      "kernel, reducing flicker while keeping memory small. ";
  for (std::size_t i = 0; i < entries; ++i) {
    text += "Lattice Lanterns " + std::to_string(i) + ": Sparse Radiance Caches for   Night-Time Scenes\n\n";
    text +=
        "Authors:Maren Oyelaran, Tobias Quell, Iñes Varga-Holm, Jun-Ho Park, Adaeze Nwosu, Saoirse "
        "Lindqvist\n\n";
    for (int s = 0; s < 8; ++s) text += abstract_sentence;
    text += (i % 3 == 0) ? "\nPDF\n\n" : "\nPDF 12 pages, 7 figures, accepted at an imaginary workshop\n\n";
    text += (i % 2 == 0) ? "论文截图\n\n" : "点此查看论文截图\n\n";
  }
  text +=
      "文章作者: Ilse\n版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Ilse "
      "!\n\u00a0\u00a0目录";
  return text;
}

void BM_DecodeAndParse(benchmark::State& state) {
  const std::string text = make_digest(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto file = digestkit::parse_bytes(text, "bench.txt");
    benchmark::DoNotOptimize(file.documents.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_DecodeAndParse)->Arg(30)->Arg(3000);

void BM_DecodeOnly(benchmark::State& state) {
  const std::string text = make_digest(3000);
  for (auto _ : state) {
    auto decoded = digestkit::decode(text, "bench.txt");
    benchmark::DoNotOptimize(decoded.source.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_DecodeOnly);

void BM_ParseWithRecovery(benchmark::State& state) {
  const std::string text = make_digest(3000);
  for (auto _ : state) {
    auto file = digestkit::parse_bytes(text, "bench.txt", {}, {.recover = true});
    benchmark::DoNotOptimize(file.documents.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseWithRecovery);

// The JSON Lines writer alone (the output half of `convert --to jsonl`),
// per byte of digest text.
void BM_ToJsonLines(benchmark::State& state) {
  const std::string text = make_digest(3000);
  const auto file = digestkit::parse_bytes(text, "bench.txt");
  for (auto _ : state) {
    auto lines = digestkit::to_json_lines(file);
    benchmark::DoNotOptimize(lines.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ToJsonLines);

}  // namespace

BENCHMARK_MAIN();
