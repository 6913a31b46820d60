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
  const USet* allowed = uspoof_getAllowedChars(spoof, &status);
  require(status, "the spoof checker's allowed characters");
  allowed_latin = CodePointCache<AllowedLatin>(AllowedLatin{allowed});

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

bool NfcStable::operator()(UChar32 c) const {
  return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
}

bool AllowedLatin::operator()(UChar32 c) const {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status) &&
         uset_contains(allowed, c) != 0;
}

IcuObjects& icu_objects() {
  thread_local IcuObjects objects;
  return objects;
}

}  // namespace digestkit::lint::detail
