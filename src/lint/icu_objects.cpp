#include "icu_objects.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

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
  allowed_ = uspoof_getAllowedChars(spoof, &status);
  require(status, "the spoof checker's allowed characters");

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

bool IcuObjects::is_nfc_stable(UChar32 c) const {
  return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
}

void IcuObjects::fill_stable_block(std::size_t block) {
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 64; ++k) {
    if (is_nfc_stable(static_cast<UChar32>((block << 6) | k))) bits |= std::uint64_t{1} << k;
  }
  stable_bits_[block] = bits;
  stable_known_[block] = true;
}

bool IcuObjects::is_allowed_latin(UChar32 c) const {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status) &&
         uset_contains(allowed_, c) != 0;
}

void IcuObjects::fill_latin_block(std::size_t block) {
  std::uint64_t bits = 0;
  for (unsigned k = 0; k < 64; ++k) {
    if (is_allowed_latin(static_cast<UChar32>((block << 6) | k))) bits |= std::uint64_t{1} << k;
  }
  latin_bits_[block] = bits;
  latin_known_[block] = true;
}

IcuObjects& icu_objects() {
  thread_local IcuObjects objects;
  return objects;
}

}  // namespace digestkit::lint::detail
