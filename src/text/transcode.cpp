// Legacy charsets -> UTF-8 with ICU converters in STOP mode: the first
// illegal, unmapped or truncated sequence ends the conversion with its offset.
#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <memory>
#include <utility>
#include <vector>

#include "text_detail.hpp"

namespace digestkit::text_detail {

namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Opening a converter costs more than converting a small file, so each
// thread keeps the few it has used.
UConverter* cached_converter(const char* name, UErrorCode& status) {
  constexpr std::size_t kMaxCached = 16;
  thread_local std::vector<std::pair<std::string, ConverterPtr>> cache;
  for (auto& [cached_name, converter] : cache) {
    if (cached_name == name) {
      ucnv_reset(converter.get());
      return converter.get();
    }
  }
  ConverterPtr converter(ucnv_open(name, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return nullptr;
  if (cache.size() == kMaxCached) cache.erase(cache.begin());
  cache.emplace_back(name, std::move(converter));
  return cache.back().second.get();
}

std::string standard_name(UConverter* converter, const char* requested) {
  UErrorCode status = U_ZERO_ERROR;
  const char* internal = ucnv_getName(converter, &status);
  if (U_FAILURE(status)) return requested;
  for (const char* standard : {"MIME", "IANA"}) {
    status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal, standard, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
  }
  return requested;
}

const char* fault_kind(UErrorCode status) {
  switch (status) {
    case U_INVALID_CHAR_FOUND:
      return "unmapped sequence";
    case U_TRUNCATED_CHAR_FOUND:
      return "truncated sequence";
    default:
      return "illegal sequence";
  }
}

// Appends UTF-16 units to UTF-8 output; false on an unpaired surrogate.
bool append_utf8(std::string& out, const UChar* units, std::int32_t count) {
  if (count == 0) return true;
  const std::size_t old_size = out.size();
  out.resize(old_size + static_cast<std::size_t>(count) * 3);
  std::int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(out.data() + old_size, count * 3, &written, units, count, &status);
  out.resize(old_size + static_cast<std::size_t>(U_SUCCESS(status) ? written : 0));
  return U_SUCCESS(status);
}

}  // namespace

Transcoded transcode_to_utf8(std::string_view bytes, const char* charset, std::size_t skipped) {
  Transcoded result;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = cached_converter(charset, status);
  if (converter == nullptr) {
    result.charset = charset;
    result.fault =
        TranscodeFault{fmt::format("unknown encoding \"{}\" ({})", charset, u_errorName(status)), 0, 0};
    return result;
  }
  result.charset = standard_name(converter, charset);
  result.utf8.reserve(bytes.size() + bytes.size() / 2);

  constexpr std::int32_t kChunk = 16384;
  UChar chunk[kChunk];
  std::int32_t carried = 0;  // a lead surrogate held back from the previous chunk
  const char* source = bytes.data();
  const char* const source_limit = source + bytes.size();
  for (;;) {
    UChar* target = chunk + carried;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, chunk + kChunk, &source, source_limit, nullptr, true, &status);
    auto produced = static_cast<std::int32_t>(target - chunk);
    carried = 0;
    if (status == U_BUFFER_OVERFLOW_ERROR && produced > 0 && U16_IS_LEAD(chunk[produced - 1])) carried = 1;
    const bool whole = append_utf8(result.utf8, chunk, produced - carried);
    if (carried != 0) chunk[0] = chunk[produced - 1];
    const std::size_t consumed = static_cast<std::size_t>(source - bytes.data());
    const std::size_t input_consumed = skipped + consumed;
    if (!whole) {
      result.fault =
          TranscodeFault{fmt::format("cannot decode as {}: unpaired surrogate before byte offset {}",
                                     result.charset, input_consumed),
                         input_consumed, result.utf8.size()};
      return result;
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      std::int8_t invalid_length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter, invalid, &invalid_length, &ignored);
      if (U_FAILURE(ignored)) invalid_length = 0;
      const std::size_t offset =
          input_consumed - std::min<std::size_t>(consumed, static_cast<std::size_t>(invalid_length));
      result.fault = TranscodeFault{
          fmt::format("cannot decode as {}: {} {} at byte offset {}", result.charset, fault_kind(status),
                      hex_bytes({invalid, static_cast<std::size_t>(invalid_length)}), offset),
          offset, result.utf8.size()};
    }
    return result;
  }
}

}  // namespace digestkit::text_detail
