#include "text/field_repairer.hpp"

#include "support/code_points.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace digestkit::text_detail {
namespace {

const icu::Normalizer2* nfc_instance() {
  // ICU caches the instance itself; asking once keeps the error handling in
  // one place and the lookup out of the per-field path.
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) {
      throw std::runtime_error(std::string("ICU NFC normalizer unavailable: ") + u_errorName(status));
    }
    return nfc;
  }();
  return instance;
}

// What a field holds that a repair may change. The loop has no early exit
// and no carried state beyond OR-reductions, so the compiler vectorises it:
// most fields are plain ASCII with single spaces and are copied as they are.
struct FieldTraits {
  bool non_ascii = false;
  bool tab = false;
  bool double_space = false;
};

FieldTraits scan(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  unsigned char high = 0, tab = 0, double_space = 0;
  for (std::size_t i = 0; i < n; ++i) {
    high |= bytes[i];
    tab |= static_cast<unsigned char>(bytes[i] == '\t');
  }
  for (std::size_t i = 1; i < n; ++i) {
    double_space |= static_cast<unsigned char>((bytes[i] == ' ') & (bytes[i - 1] == ' '));
  }
  return {(high & 0x80) != 0, tab != 0, double_space != 0};
}

bool is_ascii_white_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_white_space_at_start(std::string_view text, std::size_t& length) {
  if ((static_cast<unsigned char>(text.front()) & 0x80) == 0) {
    length = 1;
    return is_ascii_white_space(text.front());
  }
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<std::int32_t>(text.size()), c);
  length = static_cast<std::size_t>(i);
  return c >= 0 && u_isUWhiteSpace(c);
}

bool is_white_space_at_end(std::string_view text, std::size_t& length) {
  if ((static_cast<unsigned char>(text.back()) & 0x80) == 0) {
    length = 1;
    return is_ascii_white_space(text.back());
  }
  auto i = static_cast<std::int32_t>(text.size());
  UChar32 c;
  U8_PREV(text.data(), 0, i, c);
  length = text.size() - static_cast<std::size_t>(i);
  return c >= 0 && u_isUWhiteSpace(c);
}

std::string_view trim_white_space(std::string_view text) {
  std::size_t length = 0;
  while (!text.empty() && is_white_space_at_start(text, length)) text.remove_prefix(length);
  while (!text.empty() && is_white_space_at_end(text, length)) text.remove_suffix(length);
  return text;
}

}  // namespace

FieldRepairer::FieldRepairer(const FieldRepairs& repairs) : repairs_(repairs), nfc_(nfc_instance()) {}

std::string_view FieldRepairer::map_code_points(std::string_view field) {
  mapped_.clear();
  const char* s = field.data();
  const auto length = static_cast<std::int32_t>(field.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\t') {
      mapped_ += repairs_.replace_tabs ? ' ' : '\t';
    } else if (c < 0x80) {
      // ASCII, and ill-formed bytes (c < 0), which are kept as they are:
      // decoding has rejected them already for text read from files.
      mapped_.append(s + start, static_cast<std::size_t>(i - start));
    } else if (repairs_.remove_zero_width && support::is_invisible_format_character(c)) {
      continue;
    } else if (repairs_.replace_nbsp && u_charType(c) == U_SPACE_SEPARATOR) {
      mapped_ += ' ';
    } else {
      mapped_.append(s + start, static_cast<std::size_t>(i - start));
    }
  }
  return mapped_;
}

std::string_view FieldRepairer::normalize(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
  if (nfc_->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  normalized_.clear();
  icu::StringByteSink<std::string> sink(&normalized_, static_cast<std::int32_t>(text.size()));
  nfc_->normalizeUTF8(0, piece, sink, nullptr, status);
  // On failure (ill-formed input that decoding would have rejected) the
  // field is kept as it is rather than truncated.
  if (U_FAILURE(status)) return text;
  return normalized_;
}

void FieldRepairer::append_trimmed(std::string& out, std::string_view text, bool may_have_runs) const {
  text = trim_white_space(text);
  if (!repairs_.collapse_spaces || !may_have_runs) {
    out.append(text);
    return;
  }
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* write = out.data() + start;
  char before = '\0';
  for (const char c : text) {
    if (c == ' ' && before == ' ') continue;
    *write++ = c;
    before = c;
  }
  out.resize(static_cast<std::size_t>(write - out.data()));
}

void FieldRepairer::append(std::string& out, std::string_view field) {
  const FieldTraits traits = scan(field);
  if (!traits.non_ascii && !(traits.tab && repairs_.replace_tabs)) {
    append_trimmed(out, field, traits.double_space);
    return;
  }
  std::string_view text = map_code_points(field);
  if (traits.non_ascii && repairs_.nfc) text = normalize(text);
  // Replacements can make new runs of spaces: collapse by the slow path.
  append_trimmed(out, text, true);
}

std::string_view FieldRepairer::repaired(std::string_view field) {
  result_.clear();
  append(result_, field);
  return result_;
}

}  // namespace digestkit::text_detail
