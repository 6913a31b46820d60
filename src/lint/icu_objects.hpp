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

  // Whether c can be part of text that NFC changes, remembered per block of
  // 64 BMP code points: almost every non-ASCII character of a digest is CJK
  // or an accented letter, and asking ICU once per block instead of once per
  // run keeps DG208 off the profile. Text of characters that are all
  // NFC_Quick_Check=Yes with combining class 0 is in NFC: nothing in it can
  // compose (the second of a composing pair is Maybe) or reorder.
  [[nodiscard]] bool nfc_stable(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return is_nfc_stable(c);
    const auto block = static_cast<std::size_t>(c) >> 6;
    if (!stable_known_[block]) fill_stable_block(block);
    return ((stable_bits_[block] >> (static_cast<unsigned>(c) & 63U)) & 1U) != 0;
  }

  // Whether c is a letter of the Latin script that the spoof checker allows:
  // a word of ASCII letters and digits and such letters is single-script,
  // so the script rules (DG210, DG211) have nothing to say about it.
  [[nodiscard]] bool allowed_latin(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return is_allowed_latin(c);
    const auto block = static_cast<std::size_t>(c) >> 6;
    if (!latin_known_[block]) fill_latin_block(block);
    return ((latin_bits_[block] >> (static_cast<unsigned>(c) & 63U)) & 1U) != 0;
  }

  IcuObjects();
  ~IcuObjects();
  IcuObjects(const IcuObjects&) = delete;
  IcuObjects& operator=(const IcuObjects&) = delete;

 private:
  [[nodiscard]] bool is_nfc_stable(UChar32 c) const;
  void fill_stable_block(std::size_t block);

  [[nodiscard]] bool is_allowed_latin(UChar32 c) const;
  void fill_latin_block(std::size_t block);

  std::array<std::uint64_t, 1024> stable_bits_{};
  std::array<bool, 1024> stable_known_{};
  const USet* allowed_ = nullptr;  // the spoof checker's allowed characters
  std::array<std::uint64_t, 1024> latin_bits_{};
  std::array<bool, 1024> latin_known_{};
};

// This thread's objects. Throws std::runtime_error when ICU cannot create
// them (missing ICU data), which the caller reports as an internal error.
[[nodiscard]] IcuObjects& icu_objects();

}  // namespace digestkit::lint::detail
