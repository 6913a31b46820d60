#include "post_records.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <system_error>

#include "support/file_descriptor.hpp"

namespace digestkit::convert {

namespace {

std::string errno_message() { return std::error_code(errno, std::generic_category()).message(); }

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// Splits one descriptor into lines, holding at most one line (up to the
// limit) and one read buffer at a time.
class RecordReader {
 public:
  RecordReader(int fd, std::string name, const InputOptions& options,
               const std::function<void(InputFile&&)>& visit)
      : fd_(fd), name_(std::move(name)), limit_(options.max_member_size), visit_(visit) {}

  // False with errno set when a read failed.
  bool run() {
    std::array<char, 1 << 16> buffer{};
    for (;;) {
      const auto n = ::read(fd_, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return false;
      if (n == 0) break;
      std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
      while (!chunk.empty()) {
        const std::size_t newline = chunk.find('\n');
        append(chunk.substr(0, newline));
        if (newline == std::string_view::npos) break;
        end_line();
        chunk.remove_prefix(newline + 1);
      }
    }
    if (!line_.empty() || too_long_) end_line();  // a last line without '\n'
    return true;
  }

 private:
  void append(std::string_view part) {
    if (too_long_) return;
    // The limit counts the line without its CR LF; one byte of slack for the CR.
    if (line_.size() + part.size() > limit_ + 1) {
      too_long_ = true;
      std::string().swap(line_);
      return;
    }
    line_.append(part);
  }

  void end_line() {
    ++number_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (!too_long_ && line_.size() > limit_) too_long_ = true;
    if (too_long_ || !is_blank(line_)) {
      InputFile record;
      record.name = fmt::format("{}:{}", name_, number_);
      record.container = name_;
      if (!too_long_) record.bytes = std::move(line_);
      visit_(std::move(record));
    }
    line_.clear();
    too_long_ = false;
  }

  int fd_;
  std::string name_;
  std::uint64_t limit_;
  const std::function<void(InputFile&&)>& visit_;
  std::string line_;
  bool too_long_ = false;
  std::uint64_t number_ = 0;
};

std::string_view json_type_name(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "a boolean";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      break;
  }
  return "a number";
}

}  // namespace

void for_each_post_record(const std::vector<std::string>& paths, const InputOptions& options,
                          const std::function<void(InputFile&&)>& visit,
                          const std::function<void(InputError&&)>& on_error) {
  for (const std::string& path : paths) {
    if (path == "-") {
      RecordReader reader(STDIN_FILENO, options.stdin_name == "-" ? "<stdin>" : options.stdin_name, options,
                          visit);
      if (!reader.run()) on_error(InputError{path, "cannot read standard input: " + errno_message()});
      continue;
    }
    support::FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
      on_error(InputError{path, "cannot open: " + errno_message()});
      continue;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) == 0 && S_ISDIR(info.st_mode)) {
      on_error(InputError{path, "is a directory (--from jsonl-posts reads files of JSON lines or -)"});
      continue;
    }
    RecordReader reader(fd.get(), path, options, visit);
    if (!reader.run()) on_error(InputError{path, "cannot read: " + errno_message()});
  }
}

std::string decode_post_record(InputFile& record, const InputOptions& options, std::string& kind) {
  if (record.bytes.empty()) {
    kind = "too-long";
    return fmt::format("line longer than the member size limit of {} bytes (--max-member-size)",
                       options.max_member_size);
  }
  // Strict: only blanks may follow the string, and its UTF-8 must be valid
  // (the post is then decoded as the UTF-8 it is).
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(record.bytes.data(), record.bytes.size());
  if (json.HasParseError()) {
    kind = "json";
    return fmt::format("not a JSON line: {} (at byte {})", rapidjson::GetParseError_En(json.GetParseError()),
                       json.GetErrorOffset() + 1);
  }
  if (!json.IsString()) {
    kind = "type";
    return fmt::format("the line is {}, not a JSON string holding a post's text", json_type_name(json));
  }
  std::string text(json.GetString(), json.GetStringLength());
  record.bytes = std::move(text);
  return {};
}

std::uint64_t record_line(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  std::uint64_t line = 0;
  if (colon != std::string_view::npos) {
    std::from_chars(name.data() + colon + 1, name.data() + name.size(), line);
  }
  return line;
}

void append_error_record(const ConvertedInput& input, std::string_view kind, std::string& out) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  const auto string = [&writer](std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  writer.StartObject();
  writer.Key("error");
  writer.StartObject();
  writer.Key("source");
  string(input.name);
  writer.Key("line");
  writer.Uint64(record_line(input.name));
  writer.Key("kind");
  string(kind);
  writer.Key("message");
  string(input.problem.empty() && !input.diagnostics.empty() ? input.diagnostics.front().message
                                                             : input.problem);
  writer.Key("diagnostics");
  writer.StartArray();
  for (const Diagnostic& diagnostic : input.diagnostics) {
    writer.StartObject();
    writer.Key("code");
    string(diagnostic.code);
    writer.Key("severity");
    string(to_string(diagnostic.severity));
    writer.Key("line");
    writer.Uint64(diagnostic.location.line);
    writer.Key("column");
    writer.Uint64(diagnostic.location.column);
    writer.Key("message");
    string(diagnostic.message);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();
  out.append(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
}

}  // namespace digestkit::convert
