#include "synthetic_digest.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace digestkit::bench {

namespace {

constexpr std::array<std::string_view, 40> syllables{
    "ka",  "lo",  "mi",  "ren", "tor", "vash", "el",  "qui", "dra", "mon", "sef", "pla", "ur", "zen",
    "bri", "tal", "nox", "fe",  "gor", "is",   "ven", "cal", "ox",  "thi", "mar", "sul", "pe", "rag",
    "dol", "an",  "ste", "vi",  "cor", "ly",   "hun", "ba",  "tes", "ri",  "wen", "ju"};

// Categories in the style of the real posts (Chinese tags joined by '/').
constexpr std::array<std::string_view, 8> categories{"自监督/表征学习", "图神经网络",    "强化学习/机器人",
                                                     "医学图像/分割",   "扩散模型/生成", "三维重建/NeRF",
                                                     "语音合成",        "多模态/大模型"};
constexpr std::array<std::string_view, 8> category_slugs{"self-supervised", "graph-networks", "rl-robotics",
                                                         "medical-seg",     "diffusion",      "3d-nerf",
                                                         "speech",          "multimodal"};
constexpr std::array<std::string_view, 6> venues{"ICLR", "NeurIPS", "CVPR", "ICML", "AAAI", "MICCAI"};
constexpr std::array<std::string_view, 6> diacritic_vowels{"é", "ö", "á", "ü", "ø", "í"};

std::string capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

std::string syllable_word(Random& random, int low, int high) {
  std::string word;
  const int count = random.between(low, high);
  for (int i = 0; i < count; ++i) word += syllables[random.below(syllables.size())];
  return word;
}

std::string date_after(int days) {
  // Days after 2020-01-01 in the proleptic Gregorian calendar (civil_from_days).
  const long z = 18262 + days + 719468;  // 18262: days from 1970-01-01 to 2020-01-01
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace

DigestGenerator::DigestGenerator(std::uint64_t seed) : seed_(seed) {
  Random random(seed ^ 0x5eed'0f'd16e57ULL);
  for (int i = 0; i < 6000; ++i) words_.push_back(syllable_word(random, 1, 4));
  for (int i = 0; i < 800; ++i) {
    std::string name = capitalised(syllable_word(random, 2, 3));
    if (random.chance(0.08))
      name.replace(name.size() - 1, 1, diacritic_vowels[random.below(diacritic_vowels.size())]);
    given_names_.push_back(std::move(name));
  }
  for (int i = 0; i < 2000; ++i) {
    std::string name = capitalised(syllable_word(random, 2, 4));
    if (random.chance(0.05)) name.append("-").append(capitalised(syllable_word(random, 2, 3)));
    family_names_.push_back(std::move(name));
  }
}

std::string DigestGenerator::word(Random& random) const { return words_[random.skewed(words_.size())]; }

std::string DigestGenerator::author(Random& random) const {
  std::string name = given_names_[random.below(given_names_.size())];
  if (random.chance(0.12)) name += std::string(" ") + static_cast<char>('A' + random.below(26)) + ".";
  return name + " " + family_names_[random.below(family_names_.size())];
}

std::string DigestGenerator::title(Random& random) const {
  std::string text;
  if (random.chance(0.3)) {
    std::string acronym;
    for (int i = random.between(3, 6); i > 0; --i) acronym += static_cast<char>('A' + random.below(26));
    text = acronym + ": ";
  }
  const int words = random.between(5, 14);
  for (int i = 0; i < words; ++i) {
    if (i > 0) text += ' ';
    text += i == 0 || random.chance(0.7) ? capitalised(word(random)) : word(random);
  }
  return text;
}

std::string DigestGenerator::abstract(Random& random) const {
  std::string text;
  const int sentences = random.between(5, 14);
  for (int s = 0; s < sentences; ++s) {
    if (s > 0) text += ' ';
    const int words = random.between(10, 32);
    for (int i = 0; i < words; ++i) {
      if (i > 0) text += random.chance(0.06) ? ", " : " ";
      text += i == 0 ? capitalised(word(random)) : word(random);
      if (random.chance(0.015)) text.append(" (").append(capitalised(word(random))).append(")");
      if (random.chance(0.01)) text.append(" ").append(std::to_string(random.between(1, 99))).append("%");
    }
    text += '.';
  }
  if (random.chance(0.2)) {
    const std::string owner = word(random);
    text.append(" Code: https://github.com/").append(owner).append("/").append(word(random)).append(".");
  }
  return text;
}

// Each draw is its own statement: the operands of + are evaluated in an
// unspecified order, and the output must not depend on the compiler.
std::string DigestGenerator::comments(Random& random) const {
  switch (random.below(6)) {
    case 0:
    case 1:
      return {};
    case 2: {
      const int pages = random.between(4, 40);
      const int figures = random.between(1, 20);
      return fmt::format("{} pages, {} figures", pages, figures);
    }
    case 3: {
      const auto venue = venues[random.below(venues.size())];
      const int year = random.between(2019, 2024);
      return fmt::format("Accepted at {} {}", venue, year);
    }
    case 4: {
      const std::string site = word(random);
      const std::string project = word(random);
      return fmt::format("Project page: https://{}.github.io/{}/", site, project);
    }
    default:
      return fmt::format("{} pages; 代码已开源", random.between(4, 40));
  }
}

SyntheticEntry DigestGenerator::entry(Random& random) const {
  SyntheticEntry entry;
  entry.title = title(random);
  const int authors = random.chance(0.9) ? random.between(1, 12) : random.between(13, 30);
  // Distinct names: a name listed twice in one entry is a fault the linter reports (DG307).
  while (entry.authors.size() < static_cast<std::size_t>(authors)) {
    std::string name = author(random);
    if (std::find(entry.authors.begin(), entry.authors.end(), name) == entry.authors.end()) {
      entry.authors.push_back(std::move(name));
    }
  }
  entry.abstract = abstract(random);
  entry.comments = comments(random);
  return entry;
}

void DigestGenerator::edit_abstract(SyntheticEntry& entry, Random& random) const {
  for (int edits = random.between(1, 5); edits > 0; --edits) {
    const auto at = entry.abstract.find(' ', random.below(entry.abstract.size()));
    if (at == std::string::npos) continue;
    const auto end = entry.abstract.find_first_of(" ,.", at + 1);
    entry.abstract.replace(at + 1, (end == std::string::npos ? entry.abstract.size() : end) - at - 1,
                           word(random));
  }
}

SyntheticDigest DigestGenerator::digest(std::uint64_t index) const {
  Random random(seed_ * 0x9e3779b97f4a7c15ULL + index);
  SyntheticDigest digest;
  // Category and date advance together so that no two files share both.
  const auto category = index % categories.size();
  digest.category = categories[category];
  digest.date = date_after(static_cast<int>(index / categories.size()));
  digest.marker = random.chance(0.5) ? "论文截图" : "点此查看论文截图";
  digest.footer_author = "Mirelle";
  const int entries = random.between(20, 60);
  for (int i = 0; i < entries; ++i) digest.entries.push_back(entry(random));
  digest.relative_path = std::string(category_slugs[category]) + "/" + digest.date + "__" +
                         std::string(category_slugs[category]) + ".txt";
  return digest;
}

std::string render(const SyntheticDigest& digest) {
  std::string text;
  text += digest.category + "\n\n\n" + digest.date + " 更新\n\n";
  for (const auto& entry : digest.entries) {
    text += entry.title + "\n\nAuthors:";
    for (std::size_t i = 0; i < entry.authors.size(); ++i) {
      if (i > 0) text += ", ";
      text += entry.authors[i];
    }
    text += "\n\n" + entry.abstract + "\nPDF";
    if (!entry.comments.empty()) text += " " + entry.comments;
    text += "\n\n" + digest.marker + "\n\n";
  }
  text += "文章作者: " + digest.footer_author + "\n";
  text += "版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 " +
          digest.footer_author + " !\n";
  text += "\u00a0\u00a0目录";
  return text;
}

}  // namespace digestkit::bench
