// A deterministic model of an archive of digest posts for the benchmarks:
// invented words and names in the real layout (FORMAT.md), the same bytes
// for the same seed on every platform (std::mt19937_64 is fully specified;
// the standard distributions are not, so none are used).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace digestkit::bench {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // In [0, n), n > 0; the modulo bias is below 2^-40 for the small n used here.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  int between(int low, int high) {
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
  }
  bool chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
  // Skewed towards small indices, like word frequencies.
  std::size_t skewed(std::size_t n) {
    const double u = static_cast<double>(engine_() >> 11) * 0x1.0p-53;
    return static_cast<std::size_t>(static_cast<double>(n) * u * u * u);
  }

 private:
  std::mt19937_64 engine_;
};

struct SyntheticEntry {
  std::string title;
  std::vector<std::string> authors;
  std::string abstract;
  std::string comments;  // empty: a bare "PDF" line
};

struct SyntheticDigest {
  std::string category;
  std::string date;    // YYYY-MM-DD
  std::string marker;  // 论文截图 or 点此查看论文截图
  std::string footer_author;
  std::vector<SyntheticEntry> entries;
  std::string relative_path;  // where it goes under the output directory
};

class DigestGenerator {
 public:
  explicit DigestGenerator(std::uint64_t seed);
  // File `index` of the archive; depends only on the seed and the index.
  [[nodiscard]] SyntheticDigest digest(std::uint64_t index) const;
  // A new entry for an edited version, drawn from `random`.
  [[nodiscard]] SyntheticEntry entry(Random& random) const;
  // Replaces a few words of the abstract.
  void edit_abstract(SyntheticEntry& entry, Random& random) const;
  [[nodiscard]] std::string author(Random& random) const;

 private:
  [[nodiscard]] std::string word(Random& random) const;
  [[nodiscard]] std::string title(Random& random) const;
  [[nodiscard]] std::string abstract(Random& random) const;
  [[nodiscard]] std::string comments(Random& random) const;

  std::uint64_t seed_;
  std::vector<std::string> words_;
  std::vector<std::string> given_names_;
  std::vector<std::string> family_names_;
};

// The digest in the canonical layout of the seeds, byte for byte.
[[nodiscard]] std::string render(const SyntheticDigest& digest);

}  // namespace digestkit::bench
