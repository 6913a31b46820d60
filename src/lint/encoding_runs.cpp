// DG208 (not NFC) and DG212 (mojibake) for one run of non-ASCII text. Both
// are checked per run so that pure-ASCII text never reaches ICU.
#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/utf8.h>

#include <string>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "icu_objects.hpp"

namespace digestkit::lint::detail {
namespace {

// The first normalisation segment of [begin, end) that NFC would change.
void report_first_unnormalized(Reporter& reporter, const icu::Normalizer2& nfc, std::size_t begin,
                               std::size_t end) {
  const std::string_view text = reporter.text();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto limit = static_cast<int32_t>(end);
  auto i = static_cast<int32_t>(begin);
  while (i < limit) {
    const int32_t segment_begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, limit, c);
    // A segment runs from a character with a boundary before it to the next one.
    int32_t segment_end = i;
    while (segment_end < limit) {
      int32_t next = segment_end;
      UChar32 d = 0;
      U8_NEXT(bytes, next, limit, d);
      if (d >= 0 && nfc.hasBoundaryBefore(d)) break;
      segment_end = next;
    }
    const std::string_view segment = text.substr(static_cast<std::size_t>(segment_begin),
                                                 static_cast<std::size_t>(segment_end - segment_begin));
    UErrorCode status = U_ZERO_ERROR;
    if (!nfc.isNormalizedUTF8(icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())),
                              status) &&
        U_SUCCESS(status)) {
      std::string normalized;
      icu::StringByteSink<std::string> sink(&normalized);
      nfc.normalizeUTF8(0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), sink,
                        nullptr, status);
      reporter.report(rule<"DG208">, static_cast<std::size_t>(segment_begin), segment.size(),
                      fmt::format("text is not in NFC: {} should be {}", quote(segment), quote(normalized)));
      return;
    }
    i = segment_end;
  }
}

// The Windows-1252 byte of a code point, or -1 when it has none.
int windows_1252_byte(UConverter* converter, UChar32 c) {
  UChar units[2];
  int32_t length = 0;
  U16_APPEND_UNSAFE(units, length, c);
  char out[4];
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(converter);
  const int32_t written = ucnv_fromUChars(converter, out, sizeof out, units, length, &status);
  if (U_FAILURE(status) || written != 1) return -1;
  return static_cast<unsigned char>(out[0]);
}

// Could c, written in Windows-1252, start or continue a UTF-8 sequence? Leads
// are U+00C2..U+00F4; continuations are U+00A0..U+00BF or a character of
// the 0x80..0x9F block (all above U+00FF). Used to skip ICU for other runs.
bool may_lead(UChar32 c) { return c >= 0xC2 && c <= 0xF4; }
bool may_continue(UChar32 c) { return (c >= 0xA0 && c <= 0xBF) || c > 0xFF || (c >= 0x80 && c <= 0x9F); }

// Called only for runs in which a possible lead is followed by a possible
// continuation (CJK and plain accented text never are).
void check_mojibake(Reporter& reporter, std::size_t begin, std::size_t end) {
  const std::string_view text = reporter.text();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto limit = static_cast<int32_t>(end);

  std::vector<std::pair<UChar32, int32_t>> chars;  // code points with their offsets
  for (int32_t i = static_cast<int32_t>(begin); i < limit;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, limit, c);
    chars.emplace_back(c, at);
  }

  UConverter* converter = icu_objects().windows_1252;
  std::vector<int> legacy(chars.size());
  for (std::size_t k = 0; k < chars.size(); ++k)
    legacy[k] = chars[k].first < 0 ? -1 : windows_1252_byte(converter, chars[k].first);

  for (std::size_t k = 0; k < chars.size(); ++k) {
    if (legacy[k] < 0xC2 || legacy[k] > 0xF4) continue;
    // Gather the bytes that would follow and try to read one UTF-8 character.
    uint8_t sequence[4];
    int32_t count = 0;
    for (std::size_t j = k; j < chars.size() && count < 4 && legacy[j] >= 0; ++j)
      sequence[count++] = static_cast<uint8_t>(legacy[j]);
    int32_t read = 0;
    UChar32 decoded = 0;
    U8_NEXT(sequence, read, count, decoded);
    if (decoded < 0 || read < 2) continue;
    const std::size_t from = static_cast<std::size_t>(chars[k].second);
    const std::size_t to = k + static_cast<std::size_t>(read) < chars.size()
                               ? static_cast<std::size_t>(chars[k + static_cast<std::size_t>(read)].second)
                               : end;
    std::string original(reinterpret_cast<const char*>(sequence), static_cast<std::size_t>(read));
    reporter.report(rule<"DG212">, from, to - from,
                    fmt::format("{} looks like UTF-8 read as Windows-1252 (mojibake) for {}",
                                quote(text.substr(from, to - from)), quote(original)));
    k += static_cast<std::size_t>(read) - 1;
  }
}

}  // namespace

NonAsciiRun::NonAsciiRun(Reporter& reporter)
    : reporter_(reporter),
      icu_(icu_objects()),
      check_nfc_(reporter.on(rule<"DG208">)),
      check_mojibake_(reporter.on(rule<"DG212">)) {}

void NonAsciiRun::add(int code_point) {
  if (check_nfc_ && all_stable_) all_stable_ = code_point >= 0 && icu_.nfc_stable(code_point);
  mojibake_candidate_ = mojibake_candidate_ || (may_lead(previous_) && may_continue(code_point));
  previous_ = code_point;
}

void NonAsciiRun::check(std::size_t begin, std::size_t end) {
  const std::string_view text = reporter_.text();
  if (check_nfc_ && !all_stable_) {
    // Include the character before the run: an ASCII base letter composes
    // with a combining mark that starts the run (e + U+0301).
    const std::size_t from =
        begin > 0 && text[begin - 1] != '\n' && text[begin - 1] != '\r' ? begin - 1 : begin;
    const icu::Normalizer2& nfc = *icu_.nfc;
    UErrorCode status = U_ZERO_ERROR;
    const std::string_view run = text.substr(from, end - from);
    if (!nfc.isNormalizedUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())), status) &&
        U_SUCCESS(status)) {
      report_first_unnormalized(reporter_, nfc, from, end);
    }
  }
  if (check_mojibake_ && mojibake_candidate_) check_mojibake(reporter_, begin, end);
  all_stable_ = true;
  mojibake_candidate_ = false;
  previous_ = -1;
}

}  // namespace digestkit::lint::detail
