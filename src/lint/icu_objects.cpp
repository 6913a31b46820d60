#include "icu_objects.hpp"

#include <unicode/locid.h>

#include <stdexcept>
#include <string>

namespace digestkit::lint::detail {
namespace {

void require(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU: cannot create ") + what + ": " + u_errorName(status));
}

}  // namespace

IcuObjects::IcuObjects() {
  UErrorCode status = U_ZERO_ERROR;
  nfc = icu::Normalizer2::getNFCInstance(status);
  require(status, "the NFC normalizer");

  spoof = uspoof_open(&status);
  require(status, "the spoof checker");
  uspoof_setChecks(spoof, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS, &status);
  uspoof_setRestrictionLevel(spoof, USPOOF_HIGHLY_RESTRICTIVE);
  require(status, "the spoof checker");
  spoof_result = uspoof_openCheckResult(&status);
  require(status, "the spoof check result");

  windows_1252 = ucnv_open("windows-1252", &status);
  require(status, "the windows-1252 converter");
  ucnv_setFromUCallBack(windows_1252, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  require(status, "the windows-1252 converter");

  words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  require(status, "the word break iterator");
}

IcuObjects::~IcuObjects() {
  if (windows_1252 != nullptr) ucnv_close(windows_1252);
  if (spoof_result != nullptr) uspoof_closeCheckResult(spoof_result);
  if (spoof != nullptr) uspoof_close(spoof);
}

void IcuObjects::fill_inert_block(std::size_t block) {
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 64; ++k) {
    if (nfc->isInert(static_cast<UChar32>((block << 6) | k))) bits |= std::uint64_t{1} << k;
  }
  inert_bits_[block] = bits;
  inert_known_[block] = true;
}

IcuObjects& icu_objects() {
  thread_local IcuObjects objects;
  return objects;
}

}  // namespace digestkit::lint::detail
