// Legacy charset detection with ICU's charset detector.
#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <climits>
#include <memory>
#include <string_view>

#include "text_detail.hpp"

namespace digestkit::text_detail {

namespace {

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

UCharsetDetector* thread_detector() {
  thread_local std::unique_ptr<UCharsetDetector, DetectorCloser> detector = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> opened(ucsdet_open(&status));
    if (U_FAILURE(status)) opened.reset();
    return opened;
  }();
  return detector.get();
}

// Single-byte charsets decode any byte string, so the detector naming one
// says nothing about whether the file really is in it: a Latin-1 file must
// stay an invalid-UTF-8 error, not become silent mojibake. Multi-byte CJK
// charsets and UTF-16/32 have structure that a clean full conversion confirms.
bool is_structured_charset(std::string_view name) {
  static constexpr std::string_view kExact[] = {"GB18030", "Big5", "EUC-JP", "Shift_JIS", "EUC-KR"};
  static constexpr std::string_view kPrefixes[] = {"ISO-2022-", "UTF-16", "UTF-32"};
  if (std::find(std::begin(kExact), std::end(kExact), name) != std::end(kExact)) return true;
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view prefix) { return name.substr(0, prefix.size()) == prefix; });
}

// ICU scores 10 when it has seen no evidence either way (no or very few
// multi-byte characters, or UTF-16 without a BOM and without NUL-padded
// ASCII): such a guess turns any even-length or lightly accented Latin-1
// input into plausible-looking CJK, so only scores above it count.
constexpr int kNoEvidence = 10;
// The detector's statistics settle long before this; the full conversion
// afterwards still checks every byte.
constexpr std::size_t kMaxSample = std::size_t{1} << 20;

// A right guess yields text; a wrong one that still converts tends to yield
// controls, private-use or unassigned code points.
bool looks_like_text(std::string_view utf8) {
  const char* s = utf8.data();
  const auto length = static_cast<std::int64_t>(utf8.size());
  for (std::int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
      continue;
    }
    const auto category = static_cast<UCharCategory>(u_charType(c));
    if (category == U_CONTROL_CHAR || category == U_PRIVATE_USE_CHAR || category == U_UNASSIGNED)
      return false;
  }
  return true;
}

}  // namespace

std::optional<Detected> detect_legacy(std::string_view bytes) {
  UCharsetDetector* detector = thread_detector();
  if (detector == nullptr || bytes.empty()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const std::size_t sample = std::min(bytes.size(), kMaxSample);
  ucsdet_setText(detector, bytes.data(), static_cast<std::int32_t>(sample), &status);
  std::int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
  if (U_FAILURE(status)) return std::nullopt;
  for (std::int32_t i = 0; i < count; ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_status);
    const std::int32_t confidence = ucsdet_getConfidence(matches[i], &match_status);
    if (U_FAILURE(match_status) || confidence <= kNoEvidence || !is_structured_charset(name)) continue;
    Transcoded converted = transcode_to_utf8(bytes, name);
    if (!converted.fault && looks_like_text(converted.utf8))
      return Detected{std::move(converted.utf8), std::move(converted.charset), confidence};
  }
  return std::nullopt;
}

}  // namespace digestkit::text_detail
