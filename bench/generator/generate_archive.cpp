// Writes a large, deterministic archive of digest posts for the end-to-end
// benchmarks, or a second version of one with a share of its entries edited:
//
//   generate_archive --out DIR --megabytes 300 --seed 1
//   generate_archive --from DIR --out DIR2 --edit-percent 5 --seed 1
//
// The second form regenerates DIR's model from its manifest (no parsing of
// the text) and checks it against DIR's files before editing.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "synthetic_digest.hpp"

namespace fs = std::filesystem;
using digestkit::bench::DigestGenerator;
using digestkit::bench::Random;
using digestkit::bench::SyntheticDigest;

namespace {

constexpr const char* manifest_name = "digestkit-generator.manifest";

struct Manifest {
  std::uint64_t seed = 0;
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  double edit_percent = 0;
};

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_manifest(const fs::path& dir, const Manifest& m) {
  write_text(dir / manifest_name, fmt::format("seed={}\nfiles={}\nbytes={}\nedit_percent={}\n", m.seed,
                                              m.files, m.bytes, m.edit_percent));
}

Manifest read_manifest(const fs::path& dir) {
  std::istringstream in(read_text(dir / manifest_name));
  std::map<std::string, std::string> fields;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
  }
  Manifest m;
  m.seed = std::stoull(fields.at("seed"));
  m.files = std::stoull(fields.at("files"));
  m.bytes = std::stoull(fields.at("bytes"));
  return m;
}

// A fresh directory, or one this program wrote before (rewritten in place).
void prepare_output(const fs::path& dir) {
  if (fs::exists(dir) && !fs::is_empty(dir) && !fs::exists(dir / manifest_name)) {
    throw std::runtime_error(dir.string() + " exists and was not written by generate_archive");
  }
  fs::create_directories(dir);
}

void generate(const fs::path& out, double megabytes, std::uint64_t seed) {
  prepare_output(out);
  const DigestGenerator generator(seed);
  const auto target = static_cast<std::uint64_t>(megabytes * 1e6);
  Manifest m{seed, 0, 0, 0};
  while (m.bytes < target) {
    const SyntheticDigest digest = generator.digest(m.files);
    const std::string text = render(digest);
    write_text(out / digest.relative_path, text);
    m.bytes += text.size();
    ++m.files;
  }
  write_manifest(out, m);
  std::cout << fmt::format("wrote {} files, {} bytes ({:.1f} MB) to {} (seed {})\n", m.files, m.bytes,
                           static_cast<double>(m.bytes) / 1e6, out.string(), seed);
}

struct EditCounts {
  std::uint64_t entries = 0, abstracts = 0, authors = 0, removed = 0, added = 0, comments = 0;
};

void edit_digest(SyntheticDigest& digest, const DigestGenerator& generator, Random& random, double percent,
                 EditCounts& counts) {
  std::vector<digestkit::bench::SyntheticEntry> edited;
  edited.reserve(digest.entries.size() + 4);
  for (auto& entry : digest.entries) {
    ++counts.entries;
    if (!random.chance(percent / 100)) {
      edited.push_back(std::move(entry));
      continue;
    }
    const auto kind = random.below(100);
    if (kind < 40) {
      generator.edit_abstract(entry, random);
      ++counts.abstracts;
    } else if (kind < 60) {
      const auto at = static_cast<std::ptrdiff_t>(random.below(entry.authors.size() + 1));
      std::string name = generator.author(random);
      while (std::find(entry.authors.begin(), entry.authors.end(), name) != entry.authors.end()) {
        name = generator.author(random);
      }
      entry.authors.insert(entry.authors.begin() + at, std::move(name));
      ++counts.authors;
    } else if (kind < 75) {
      ++counts.removed;
      continue;
    } else if (kind < 90) {
      edited.push_back(std::move(entry));
      edited.push_back(generator.entry(random));
      ++counts.added;
      continue;
    } else {
      entry.comments = entry.comments.empty() ? "Accepted at an invented workshop" : std::string();
      ++counts.comments;
    }
    edited.push_back(std::move(entry));
  }
  digest.entries = std::move(edited);
}

void generate_edited(const fs::path& from, const fs::path& out, double percent, std::uint64_t edit_seed) {
  if (fs::weakly_canonical(from) == fs::weakly_canonical(out))
    throw std::runtime_error("--out must differ from --from");
  const Manifest original = read_manifest(from);
  const DigestGenerator generator(original.seed);
  prepare_output(out);
  Manifest m{original.seed, original.files, 0, percent};
  EditCounts counts;
  for (std::uint64_t index = 0; index < original.files; ++index) {
    SyntheticDigest digest = generator.digest(index);
    // The model must be the one DIR was written from; the first and last
    // files are enough to catch another seed or another generator version.
    if ((index == 0 || index + 1 == original.files) &&
        render(digest) != read_text(from / digest.relative_path)) {
      throw std::runtime_error(fmt::format("{} does not match its manifest (regenerate it)", from.string()));
    }
    Random random(edit_seed * 0x2545f4914f6cdd1dULL + index);
    edit_digest(digest, generator, random, percent, counts);
    const std::string text = render(digest);
    write_text(out / digest.relative_path, text);
    m.bytes += text.size();
  }
  write_manifest(out, m);
  std::cout << fmt::format(
      "wrote {} files, {} bytes to {}: of {} entries {} abstracts edited, {} authors added, {} removed, {} "
      "added, "
      "{} comments changed\n",
      m.files, m.bytes, out.string(), counts.entries, counts.abstracts, counts.authors, counts.removed,
      counts.added, counts.comments);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"generate_archive: a deterministic archive of invented digest posts for benchmarks"};
  std::string out;
  std::string from;
  double megabytes = 300;
  double edit_percent = 5;
  std::uint64_t seed = 1;
  app.add_option("--out", out, "directory to write")->required();
  app.add_option("--megabytes", megabytes, "stop once this many megabytes (10^6 bytes) are written")
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", seed, "seed of the generator (and of the edits with --from)");
  auto* from_option = app.add_option("--from", from, "write an edited version of this generated directory");
  app.add_option("--edit-percent", edit_percent, "share of entries edited with --from")
      ->check(CLI::Range(0.0, 100.0))
      ->needs(from_option);
  app.footer(
      "Examples:\n"
      "  generate_archive --out build/bench/v1 --megabytes 300 --seed 1\n"
      "  generate_archive --from build/bench/v1 --out build/bench/v2 --edit-percent 5 --seed 1");
  CLI11_PARSE(app, argc, argv);
  try {
    if (from.empty()) {
      generate(out, megabytes, seed);
    } else {
      generate_edited(from, out, edit_percent, seed);
    }
  } catch (const std::exception& e) {
    std::cerr << "generate_archive: error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
