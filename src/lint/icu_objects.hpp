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

namespace digestkit::lint::detail {

struct IcuObjects {
  const icu::Normalizer2* nfc = nullptr;
  USpoofChecker* spoof = nullptr;  // restriction level: highly restrictive
  USpoofCheckResult* spoof_result = nullptr;
  UConverter* windows_1252 = nullptr;  // stops at unmappable characters
  std::unique_ptr<icu::BreakIterator> words;

  // nfc->isInert(c), remembered per block of 64 BMP code points: almost every
  // non-ASCII character of a digest is CJK or an accented letter, and asking
  // ICU once per block instead of once per run keeps DG208 off the profile.
  [[nodiscard]] bool nfc_inert(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return nfc->isInert(c);
    const auto block = static_cast<std::size_t>(c) >> 6;
    if (!inert_known_[block]) fill_inert_block(block);
    return ((inert_bits_[block] >> (static_cast<unsigned>(c) & 63U)) & 1U) != 0;
  }

  IcuObjects();
  ~IcuObjects();
  IcuObjects(const IcuObjects&) = delete;
  IcuObjects& operator=(const IcuObjects&) = delete;

 private:
  void fill_inert_block(std::size_t block);

  std::array<std::uint64_t, 1024> inert_bits_{};
  std::array<bool, 1024> inert_known_{};
};

// This thread's objects. Throws std::runtime_error when ICU cannot create
// them (missing ICU data), which the caller reports as an internal error.
[[nodiscard]] IcuObjects& icu_objects();

}  // namespace digestkit::lint::detail
