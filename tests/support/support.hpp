// Shared helpers for the test suite: reading fixtures, running the `digest`
// program, and validating JSON against the committed schemas.
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace digestkit::testing {

inline std::filesystem::path testdata(const std::string& relative) {
  return std::filesystem::path(DIGESTKIT_TESTDATA_DIR) / relative;
}

inline std::filesystem::path shared_dir() { return std::filesystem::path(DIGESTKIT_SHARED_DIR); }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A fresh empty directory under the system temp dir, removed by the caller
// (or left for inspection on failure).
inline std::filesystem::path make_temp_dir(const std::string& stem) {
  std::string pattern = (std::filesystem::temp_directory_path() / (stem + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

// Runs a shell command line, capturing stdout and stderr separately. stdin
// comes from `input` (written to a temp file) or /dev/null.
inline CommandResult run_command(const std::string& command, const std::string* input = nullptr) {
  const auto dir = make_temp_dir("digest-run");
  const auto out_path = dir / "out", err_path = dir / "err", in_path = dir / "in";
  std::string redirect_in = "/dev/null";
  if (input != nullptr) {
    write_file(in_path, *input);
    redirect_in = in_path.string();
  }
  const std::string line = command + " <" + shell_quote(redirect_in) + " >" + shell_quote(out_path.string()) +
                           " 2>" + shell_quote(err_path.string());
  const int status = std::system(line.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

// Runs `digest` with arguments already quoted for the shell as needed.
inline CommandResult run_digest(const std::string& args, const std::string* input = nullptr) {
  return run_command(std::string("NO_COLOR=1 ") + DIGEST_EXE + " " + args, input);
}

// Validates a JSON text against a schema file in schema/ with Debian's
// python3-jsonschema. Returns an empty string when valid, the validator's
// complaint otherwise.
inline std::string schema_errors(const std::string& json_text, const std::string& schema_file) {
  const auto dir = make_temp_dir("digest-schema");
  const auto doc = dir / "doc.json";
  write_file(doc, json_text);
  const std::string script =
      "import json,sys,jsonschema\n"
      "schema=json.load(open(sys.argv[1]))\n"
      "cls=jsonschema.validators.validator_for(schema)\n"
      "cls.check_schema(schema)\n"
      "doc=json.load(open(sys.argv[2]))\n"
      "errs=sorted(cls(schema).iter_errors(doc),key=lambda e:list(e.path))\n"
      "print('\\n'.join(f'{list(e.path)}: {e.message}' for e in errs[:5]))\n"
      "sys.exit(1 if errs else 0)\n";
  const auto script_path = dir / "check.py";
  write_file(script_path, script);
  // The project's own schemas are in schema/, third-party ones with the test data.
  const auto schema = schema_file.find('/') == std::string::npos
                          ? std::filesystem::path(DIGESTKIT_SCHEMA_DIR) / schema_file
                          : std::filesystem::path(DIGESTKIT_TESTDATA_DIR) / schema_file;
  auto result = run_command(std::string(PYTHON3_EXE) + " " + shell_quote(script_path.string()) + " " +
                            shell_quote(schema.string()) + " " + shell_quote(doc.string()));
  std::filesystem::remove_all(dir);
  if (result.exit_code == 0) return {};
  return result.out + result.err + (result.out.empty() && result.err.empty() ? "schema check failed" : "");
}

}  // namespace digestkit::testing
