// Spelling invisible and look-alike characters for reports: ICU character
// properties decide what is invisible, u_charName names it, the NFC
// normalizer tells a combining mark that should have been precomposed, and
// the UTS #39 spoof checker tells two spellings that look the same.
#include "digestkit/visible_text.hpp"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <memory>

namespace digestkit {
namespace {

bool is_variation_selector(UChar32 c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180D);
}

const icu::Normalizer2* nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

// A combining mark written after a character it composes with: "e" + U+0301
// renders as "é" but is not the precomposed "é" the other side may have.
bool composes_with(UChar32 previous, UChar32 c) {
  if (previous < 0 || u_getCombiningClass(c) == 0) return false;
  if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES) return false;
  const auto* normalizer = nfc();
  return normalizer != nullptr && normalizer->composePair(previous, c) >= 0;
}

std::string_view unicode_name(UChar32 c, char (&buffer)[128]) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = u_charName(c, U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &status);
  if (U_FAILURE(status) || length <= 0) {
    // Controls have no Unicode name; ICU's extended name "<control-0009>"
    // says what they are: "control".
    status = U_ZERO_ERROR;
    length = u_charName(c, U_EXTENDED_CHAR_NAME, buffer, sizeof buffer, &status);
    if (U_FAILURE(status) || length <= 2) return {};
    std::string_view name(buffer + 1, static_cast<std::size_t>(length - 2));  // without < >
    return name.substr(0, name.rfind('-'));
  }
  return {buffer, static_cast<std::size_t>(length)};
}

struct SpoofCheckerDeleter {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

template <typename Spell>
void append_with(std::string& out, std::string_view text, const VisibleTextOptions& options, Spell spell) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  std::size_t shown = 0;
  UChar32 previous = -1;
  while (i < length) {
    if (shown == options.max_chars) {
      out += "…";
      return;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "<?>";
    } else if (spell(c, previous)) {
      out += spelled_code_point(c, options.names);
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    previous = c;
    ++shown;
  }
}

bool spelled_as_invisible(UChar32 c, UChar32 previous) {
  if (c < 0x80) return c < 0x20 || c == 0x7f;
  return is_invisible_code_point(c) || composes_with(previous, c);
}

}  // namespace

bool is_invisible_code_point(std::int32_t c) {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  if (c < 0xa0) return false;
  switch (u_charType(c)) {
    case U_FORMAT_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
    case U_SPACE_SEPARATOR:
      return true;
    default:
      break;
  }
  // Hangul fillers, U+034F COMBINING GRAPHEME JOINER...; variation
  // selectors are left alone: they choose how the character before them
  // looks (emoji presentation) and are visible through it.
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) && !is_variation_selector(c);
}

bool needs_spelling(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  UChar32 previous = -1;
  while (i < length) {
    if (bytes[i] >= 0x20 && bytes[i] < 0x7f) {
      previous = bytes[i++];
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || spelled_as_invisible(c, previous)) return true;
    previous = c;
  }
  return false;
}

void append_visible_text(std::string& out, std::string_view text, const VisibleTextOptions& options) {
  if (options.max_chars == static_cast<std::size_t>(-1) && !needs_spelling(text)) {
    out.append(text);
    return;
  }
  append_with(out, text, options, spelled_as_invisible);
}

std::string visible_text(std::string_view text, const VisibleTextOptions& options) {
  std::string out;
  append_visible_text(out, text, options);
  return out;
}

void append_spelled_non_ascii(std::string& out, std::string_view text, const VisibleTextOptions& options) {
  append_with(out, text, options,
              [](UChar32 c, UChar32 previous) { return c >= 0x80 || spelled_as_invisible(c, previous); });
}

bool look_alike(std::string_view a, std::string_view b) {
  if (a == b) return false;
  thread_local std::unique_ptr<USpoofChecker, SpoofCheckerDeleter> checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCheckerDeleter> made(uspoof_open(&status));
    if (U_FAILURE(status)) return std::unique_ptr<USpoofChecker, SpoofCheckerDeleter>();
    uspoof_setChecks(made.get(), USPOOF_CONFUSABLE, &status);
    if (U_FAILURE(status)) return std::unique_ptr<USpoofChecker, SpoofCheckerDeleter>();
    return made;
  }();
  if (!checker) return false;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t result = uspoof_areConfusableUTF8(checker.get(), a.data(), static_cast<int32_t>(a.size()),
                                                  b.data(), static_cast<int32_t>(b.size()), &status);
  return U_SUCCESS(status) && result != 0;
}

std::string spelled_code_point(std::int32_t code_point, bool names) {
  if (!names) return fmt::format("<U+{:04X}>", static_cast<unsigned>(code_point));
  char buffer[128];
  const auto name = unicode_name(code_point, buffer);
  if (name.empty()) return fmt::format("<U+{:04X}>", static_cast<unsigned>(code_point));
  return fmt::format("<U+{:04X} {}>", static_cast<unsigned>(code_point), name);
}

std::string describe_code_point(std::int32_t code_point) {
  char buffer[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(code_point, U_UNICODE_CHAR_NAME, buffer, sizeof buffer, &status);
  if (U_FAILURE(status) || length <= 0) return fmt::format("U+{:04X}", static_cast<unsigned>(code_point));
  return fmt::format("U+{:04X} {}", static_cast<unsigned>(code_point),
                     std::string_view(buffer, static_cast<std::size_t>(length)));
}

}  // namespace digestkit
