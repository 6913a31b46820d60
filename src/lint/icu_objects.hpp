// ICU objects the checks need, created once per thread (not per file): the
// spoof checker, the Windows-1252 converter and the word break iterator hold
// state, so each worker thread gets its own.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uspoof.h>

#include <memory>

namespace digestkit::lint::detail {

struct IcuObjects {
  const icu::Normalizer2* nfc = nullptr;
  USpoofChecker* spoof = nullptr;  // restriction level: highly restrictive
  USpoofCheckResult* spoof_result = nullptr;
  UConverter* windows_1252 = nullptr;  // stops at unmappable characters
  std::unique_ptr<icu::BreakIterator> words;

  IcuObjects();
  ~IcuObjects();
  IcuObjects(const IcuObjects&) = delete;
  IcuObjects& operator=(const IcuObjects&) = delete;
};

// This thread's objects. Throws std::runtime_error when ICU cannot create
// them (missing ICU data), which the caller reports as an internal error.
[[nodiscard]] IcuObjects& icu_objects();

}  // namespace digestkit::lint::detail
