// title_key(): NFKC case folding (ICU's NFKC_Casefold, which also removes
// default-ignorable characters) and white space collapsed. ASCII titles, the
// common case, take a path without ICU that gives the same result.
#include "digestkit/title_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace digestkit {
namespace {

std::string collapse_white_space(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  bool pending_space = false;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key.append(folded.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
  }
  return key;
}

std::string ascii_key(std::string_view title) {
  std::string key;
  key.reserve(title.size());
  bool pending_space = false;
  for (char c : title) {
    // The ASCII white space characters of Unicode's White_Space property.
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return key;
}

}  // namespace

std::string title_key(std::string_view title) {
  if (std::all_of(title.begin(), title.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return ascii_key(title);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFKC_Casefold data is missing");
  std::string folded;
  icu::StringByteSink<std::string> sink(&folded);
  folding->normalizeUTF8(0, icu::StringPiece(title.data(), static_cast<int32_t>(title.size())), sink, nullptr,
                         status);
  if (U_FAILURE(status)) folded.assign(title);  // invalid UTF-8 cannot reach here from decoded text
  return collapse_white_space(folded);
}

}  // namespace digestkit
