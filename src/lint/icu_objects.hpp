// ICU objects the checks need, created once per thread (not per file): the
// spoof checker, the Windows-1252 converter and the word break iterator hold
// state, so each worker thread gets its own.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uspoof.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "support/code_point_cache.hpp"

namespace digestkit::lint::detail {

using support::CodePointCache;

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
