// ICU objects the checks need, created once per thread (not per file): the
// spoof checker, the Windows-1252 converter and the word break iterator hold
// state, so each worker thread gets its own.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uspoof.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace digestkit::lint::detail {

// A yes/no property of code points, asked of ICU once per block of 64 BMP
// code points and then read from a bitmap: almost every non-ASCII character
// of a digest is CJK or an accented letter, so a few blocks answer for a
// whole archive. `Ask` is a callable bool(UChar32).
template <class Ask>
class CodePointCache {
 public:
  explicit CodePointCache(Ask ask = {}) : ask_(std::move(ask)) {}

  [[nodiscard]] bool operator()(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return ask_(c);
    const auto block = static_cast<std::size_t>(c) >> 6;
    if (!known_[block]) fill(block);
    return ((bits_[block] >> (static_cast<unsigned>(c) & 63U)) & 1U) != 0;
  }

 private:
  void fill(std::size_t block) {
    std::uint64_t bits = 0;
    for (unsigned k = 0; k < 64; ++k) {
      if (ask_(static_cast<UChar32>((block << 6) | k))) bits |= std::uint64_t{1} << k;
    }
    bits_[block] = bits;
    known_[block] = true;
  }

  Ask ask_;
  std::array<std::uint64_t, 1024> bits_{};
  std::array<bool, 1024> known_{};
};

// NFC_Quick_Check=Yes with combining class 0. Text of such characters is in
// NFC: nothing in it can compose (the second of a composing pair is Maybe)
// or reorder.
struct NfcStable {
  bool operator()(UChar32 c) const;
};

// A letter of the Latin script that the spoof checker allows: a word of
// ASCII letters and digits and such letters is single-script, so the script
// rules (DG210, DG211) have nothing to say about it.
struct AllowedLatin {
  const USet* allowed = nullptr;  // the spoof checker's allowed characters
  bool operator()(UChar32 c) const;
};

struct IcuObjects {
  const icu::Normalizer2* nfc = nullptr;
  USpoofChecker* spoof = nullptr;  // restriction level: highly restrictive
  USpoofCheckResult* spoof_result = nullptr;
  UConverter* windows_1252 = nullptr;  // stops at unmappable characters
  std::unique_ptr<icu::BreakIterator> words;
  CodePointCache<NfcStable> nfc_stable;        // DG208 skips runs of these
  CodePointCache<AllowedLatin> allowed_latin;  // DG210/DG211 skip fields of these

  IcuObjects();
  ~IcuObjects();
  IcuObjects(const IcuObjects&) = delete;
  IcuObjects& operator=(const IcuObjects&) = delete;
};

// This thread's objects. Throws std::runtime_error when ICU cannot create
// them (missing ICU data), which the caller reports as an internal error.
[[nodiscard]] IcuObjects& icu_objects();

}  // namespace digestkit::lint::detail
