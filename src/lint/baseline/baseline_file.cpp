// The baseline file (docs/ci.md, schema/digestkit-baseline-1.schema.json):
//   {"version": "digestkit-baseline/1",
//    "findings": [{"file": "posts/a.txt", "category": "...", "date": "2023-03-14",
//                  "part": "entry", "entry": "<title key>", "code": "DG203",
//                  "text": "...", "count": 1}, ...]}
// Findings are sorted by their fields (byte order), so that the same
// findings always give the same bytes and a re-recorded baseline diffs well.
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "digestkit/lint_baseline.hpp"

namespace digestkit::lint {
namespace {

constexpr std::string_view kVersion = "digestkit-baseline/1";

std::filesystem::path absolute_folder_of(const std::filesystem::path& file) {
  return std::filesystem::absolute(file).lexically_normal().parent_path();
}

std::optional<PostPart> part_named(std::string_view name) {
  for (const PostPart part : {PostPart::File, PostPart::Header, PostPart::Entry, PostPart::Footer}) {
    if (to_string(part) == name) return part;
  }
  return std::nullopt;
}

// "line:column" of a byte offset, for JSON syntax errors.
std::string position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return fmt::format("{}:{}", line, column);
}

}  // namespace

Baseline::Baseline(const std::filesystem::path& file) : root_(absolute_folder_of(file)) {}

Baseline Baseline::read(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BaselineError(fmt::format("{}: cannot read the baseline: {}", name, std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();

  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (json.HasParseError()) {
    throw BaselineError(fmt::format("{}:{}: not JSON: {}", name, position_of(text, json.GetErrorOffset()),
                                    rapidjson::GetParseError_En(json.GetParseError())));
  }
  const auto fail = [&](std::string_view why) {
    return BaselineError(fmt::format("{}: not a digestkit baseline: {}", name, why));
  };
  if (!json.IsObject()) throw fail("the top level is not an object");
  const auto version = json.FindMember("version");
  if (version == json.MemberEnd() || !version->value.IsString() ||
      std::string_view(version->value.GetString(), version->value.GetStringLength()) != kVersion) {
    throw fail(fmt::format("\"version\" must be \"{}\"", kVersion));
  }
  const auto findings = json.FindMember("findings");
  if (findings == json.MemberEnd() || !findings->value.IsArray()) throw fail("\"findings\" must be an array");

  Baseline baseline(file);
  std::size_t index = 0;
  for (const auto& finding : findings->value.GetArray()) {
    const auto at = [&](std::string_view why) { return fail(fmt::format("findings[{}]: {}", index, why)); };
    if (!finding.IsObject()) throw at("not an object");
    const auto string_field = [&](const char* key) {
      const auto member = finding.FindMember(key);
      if (member == finding.MemberEnd() || !member->value.IsString()) {
        throw at(fmt::format("\"{}\" must be a string", key));
      }
      return std::string(member->value.GetString(), member->value.GetStringLength());
    };
    FindingIdentity identity;
    identity.file = string_field("file");
    identity.category = string_field("category");
    identity.date = string_field("date");
    const std::string part = string_field("part");
    const auto parsed_part = part_named(part);
    if (!parsed_part) throw at(fmt::format("\"part\" \"{}\" is not file, header, entry or footer", part));
    identity.part = *parsed_part;
    identity.entry = string_field("entry");
    identity.code = string_field("code");
    identity.text = string_field("text");
    const auto count = finding.FindMember("count");
    if (count == finding.MemberEnd() || !count->value.IsUint64() || count->value.GetUint64() == 0) {
      throw at("\"count\" must be a positive integer");
    }
    baseline.entries_[std::move(identity)].held += count->value.GetUint64();
    ++index;
  }
  return baseline;
}

void Baseline::add(const FindingIdentity& identity) { ++entries_[identity].held; }

bool Baseline::absorb(const FindingIdentity& identity) {
  const auto found = entries_.find(identity);
  if (found == entries_.end() || found->second.absorbed == found->second.held) return false;
  ++found->second.absorbed;
  return true;
}

Baseline Baseline::pruned() const {
  Baseline kept(*this);
  kept.seen_files_.clear();
  for (auto it = kept.entries_.begin(); it != kept.entries_.end();) {
    Occurrences& occurrences = it->second;
    if (seen_files_.contains(it->first.file)) occurrences.held = occurrences.absorbed;
    occurrences.absorbed = 0;
    it = occurrences.held == 0 ? kept.entries_.erase(it) : std::next(it);
  }
  return kept;
}

std::size_t Baseline::size() const {
  std::size_t total = 0;
  for (const auto& [identity, occurrences] : entries_) total += occurrences.held;
  return total;
}

std::string Baseline::to_json() const {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> json(buffer);
  json.SetIndent(' ', 2);
  const auto string = [&](const char* key, std::string_view value) {
    json.Key(key);
    json.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  json.StartObject();
  string("version", kVersion);
  json.Key("findings");
  json.StartArray();
  for (const auto& [identity, occurrences] : entries_) {
    json.StartObject();
    string("file", identity.file);
    string("category", identity.category);
    string("date", identity.date);
    string("part", to_string(identity.part));
    string("entry", identity.entry);
    string("code", identity.code);
    string("text", identity.text);
    json.Key("count");
    json.Uint64(occurrences.held);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

void Baseline::write(const std::filesystem::path& file) const {
  const std::string text = to_json();
  std::filesystem::path temporary = file;
  temporary += fmt::format(".tmp-{}", ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw BaselineError(
          fmt::format("{}: cannot write the baseline: {}", temporary.string(), std::strerror(errno)));
    }
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw BaselineError(fmt::format("{}: cannot write the baseline", temporary.string()));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, file, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw BaselineError(fmt::format("{}: cannot write the baseline: {}", file.string(), error.message()));
  }
}

}  // namespace digestkit::lint
