// title_key(): NFKC case folding (ICU's NFKC_Casefold, which also removes
// default-ignorable characters) and white space collapsed. ASCII titles, the
// common case, and titles whose other characters NFKC_Casefold leaves alone
// (accented letters, CJK) take a path without ICU's normalizer that gives
// the same result.
#include "digestkit/title_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "support/ascii_scan.hpp"
#include "support/code_point_cache.hpp"
#include "support/code_points.hpp"

namespace digestkit {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFKC_Casefold data is missing");
  return *folding;
}

// A non-ASCII character that NFKC_Casefold maps to itself whatever stands
// around it (a normalization boundary before it, normalized on its own)
// and that is not white space. ASCII characters are boundaries too and map
// to their lower case, so a title made of these and ASCII is normalized
// piece by piece: its key is ascii_key() of it.
struct KeyInert {
  bool operator()(UChar32 c) const {
    if (c < 0x80 || u_isUWhiteSpace(c)) return false;
    const icu::Normalizer2& folding = nfkc_casefold();
    UErrorCode status = U_ZERO_ERROR;
    return folding.hasBoundaryBefore(c) && folding.isNormalized(icu::UnicodeString(c), status) &&
           U_SUCCESS(status);
  }
};

bool all_key_inert(std::string_view title) {
  thread_local support::CodePointCache<KeyInert> inert;
  return support::every_code_point(title, [](UChar32 c) { return c >= 0 && (c < 0x80 || inert(c)); });
}

std::string collapse_white_space(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  bool pending_space = false;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    // ASCII needs no property lookup: its White_Space characters are these.
    const bool white_space =
        c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : (c >= 0 && u_isUWhiteSpace(c));
    if (white_space) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key.append(folded.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
  }
  return key;
}

std::string ascii_key(std::string_view title) {
  std::string key;
  key.reserve(title.size());
  bool pending_space = false;
  for (char c : title) {
    // The ASCII white space characters of Unicode's White_Space property.
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += support::to_lower_ascii(c);
  }
  return key;
}

// Hashes the bytes of a key as a stream of little-endian 64-bit words, so
// that whole words of a title can be fed at once and single bytes where
// spacing collapses; both give the same hash for the same key bytes.
class KeyHash {
 public:
  void byte(unsigned char b) {
    pending_ |= std::uint64_t{b} << (8 * filled_);
    ++total_;
    if (++filled_ == 8) {
      mix(pending_);
      pending_ = 0;
      filled_ = 0;
    }
  }
  void word(std::uint64_t w) {  // eight key bytes, first byte lowest
    total_ += 8;
    if (filled_ == 0) {
      mix(w);
    } else {
      mix(pending_ | (w << (8 * filled_)));
      pending_ = w >> (64 - 8 * filled_);
    }
  }
  [[nodiscard]] std::uint64_t value() const {
    std::uint64_t h = hash_ ^ pending_ ^ (total_ * 0x9e3779b97f4a7c15ULL);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
  }

 private:
  void mix(std::uint64_t w) {
    hash_ ^= w * 0xff51afd7ed558ccdULL;
    hash_ = ((hash_ << 27) | (hash_ >> 37)) * 0x9e3779b97f4a7c15ULL + 0x52dce729ULL;
  }

  std::uint64_t hash_ = 0x243f6a8885a308d3ULL;
  std::uint64_t pending_ = 0;
  unsigned filled_ = 0;
  std::uint64_t total_ = 0;
};

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

std::uint64_t load_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;  // little-endian targets: the first byte is the lowest
}

// Any byte below 0x21 (white space, controls) in an ASCII word.
bool has_space_or_control(std::uint64_t w) { return ((w - kOnes * 0x21) & ~w & kHigh) != 0; }

// One pass over a title decides how its key is made: most titles and names
// are ASCII with single spaces between words, and then their key is just
// their lower case.
struct KeyShape {
  bool ascii = true;
  bool regular = false;  // no controls, single inner spaces only, none at either end
};

KeyShape key_shape(std::string_view title) {
  KeyShape shape;
  bool ascii = true;
  bool regular = !title.empty() && title.front() != ' ' && title.back() != ' ';
  bool previous_space = false;
  std::size_t at = 0;
  // Bytes >= 0x80 are neither controls nor spaces to these formulas.
  for (; at + 8 <= title.size(); at += 8) {
    const std::uint64_t w = load_word(title.data() + at);
    ascii = ascii && (w & kHigh) == 0;
    // Exactly the bytes below 0x20, and exactly the spaces.
    const std::uint64_t controls = ~((w & (kOnes * 0x7f)) + kOnes * 0x60) & ~w & kHigh;
    const std::uint64_t t = w ^ (kOnes * 0x20);
    const std::uint64_t spaces = ~(((t & (kOnes * 0x7f)) + kOnes * 0x7f) | t | (kOnes * 0x7f));
    if (controls != 0 || (spaces & (spaces << 8)) != 0 || (previous_space && (spaces & 0x80) != 0))
      regular = false;
    previous_space = (spaces >> 63) != 0;
  }
  for (; at < title.size(); ++at) {
    const auto byte = static_cast<unsigned char>(title[at]);
    ascii = ascii && byte < 0x80;
    if (byte < 0x20 || (byte == ' ' && previous_space)) regular = false;
    previous_space = byte == ' ';
  }
  shape.ascii = ascii;
  shape.regular = regular;
  return shape;
}

}  // namespace

std::uint64_t title_key_hash(std::string_view title) {
  KeyHash hash;
  const auto [ascii, regular] = key_shape(title);
  // Text of ASCII and characters NFKC_Casefold leaves alone hashes like ASCII.
  if (!ascii && !all_key_inert(title)) {
    const std::string key = title_key(title);
    std::size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) hash.word(load_word(key.data() + i));
    for (; i < key.size(); ++i) hash.byte(static_cast<unsigned char>(key[i]));
    return hash.value();
  }
  if (regular) {
    std::size_t i = 0;
    for (; i + 8 <= title.size(); i += 8) hash.word(support::to_lower_ascii(load_word(title.data() + i)));
    for (; i < title.size(); ++i) {
      const char c = title[i];
      hash.byte(static_cast<unsigned char>(support::to_lower_ascii(c)));
    }
    return hash.value();
  }
  // The bytes ascii_key() would produce, without producing them.
  bool pending_space = false;
  bool started = false;
  std::size_t i = 0;
  while (i < title.size()) {
    if (i + 8 <= title.size()) {
      const std::uint64_t w = load_word(title.data() + i);
      if (!has_space_or_control(w)) {
        if (pending_space) hash.byte(' ');
        pending_space = false;
        started = true;
        hash.word(support::to_lower_ascii(w));
        i += 8;
        continue;
      }
    }
    const char c = title[i++];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = started;
      continue;
    }
    if (pending_space) hash.byte(' ');
    pending_space = false;
    started = true;
    hash.byte(static_cast<unsigned char>(support::to_lower_ascii(c)));
  }
  return hash.value();
}

bool key_is_lower_case(std::string_view text) {
  const KeyShape shape = key_shape(text);
  return shape.regular && (shape.ascii || all_key_inert(text));
}

std::string title_key(std::string_view title) {
  // ascii_key() copies bytes >= 0x80 as they are.
  if (support::is_ascii(title) || all_key_inert(title)) return ascii_key(title);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& folding = nfkc_casefold();
  std::string folded;
  icu::StringByteSink<std::string> sink(&folded);
  folding.normalizeUTF8(0, icu::StringPiece(title.data(), static_cast<int32_t>(title.size())), sink, nullptr,
                        status);
  if (U_FAILURE(status)) folded.assign(title);  // invalid UTF-8 cannot reach here from decoded text
  return collapse_white_space(folded);
}

}  // namespace digestkit
