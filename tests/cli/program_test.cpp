// The program as a whole: version, help with examples for every command,
// usage errors exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/support.hpp"

using digestkit::testing::run_digest;

TEST(Program, VersionAndHelp) {
  const auto version = run_digest("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("digest 0."), std::string::npos);
#if DIGESTKIT_MIMALLOC
  EXPECT_NE(version.out.find("(mimalloc 2."), std::string::npos) << version.out;
#else
  EXPECT_NE(version.out.find("(system malloc)"), std::string::npos) << version.out;
#endif
  const auto help = run_digest("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"validate", "fmt", "diff", "convert"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
    const auto sub = run_digest(std::string(command) + " --help");
    EXPECT_EQ(sub.exit_code, 0) << command;
    EXPECT_NE(sub.out.find("Examples:"), std::string::npos) << command;
    EXPECT_NE(sub.out.find("Exit status"), std::string::npos) << command;
  }
}

TEST(Program, UsageErrorsExitTwo) {
  EXPECT_EQ(run_digest("").exit_code, 2);
  EXPECT_EQ(run_digest("frobnicate").exit_code, 2);
  EXPECT_EQ(run_digest("validate --no-such-option x").exit_code, 2);
  EXPECT_EQ(run_digest("diff only-one-argument").exit_code, 2);
}

TEST(Program, MissingInputIsAnIoErrorForEveryCommand) {
  for (const char* command : {"validate", "fmt", "convert"}) {
    const auto result = run_digest(std::string(command) + " /nonexistent/post.txt");
    EXPECT_EQ(result.exit_code, 2) << command << "\n" << result.err;
    EXPECT_NE(result.err.find("/nonexistent/post.txt"), std::string::npos) << command;
  }
  EXPECT_EQ(run_digest("diff /nonexistent/a.txt /nonexistent/b.txt").exit_code, 2);
}

namespace {

using digestkit::testing::run_command;
using digestkit::testing::shell_quote;

std::string sample(const std::string& name) {
  return shell_quote(digestkit::testing::testdata(name).string());
}

// Runs digest with an environment of our choosing (run_digest sets NO_COLOR=1).
digestkit::testing::CommandResult run_with_env(const std::string& env, const std::string& args) {
  return run_command("env -u NO_COLOR -u FORCE_COLOR -u CLICOLOR_FORCE " + env + " " + DIGEST_EXE + " " +
                     args);
}

}  // namespace

TEST(Program, DashVIsTheVersion) {
  const auto version = run_digest("-V");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, run_digest("--version").out);
}

TEST(Program, AMistypedCommandGetsASuggestion) {
  // It said "A subcommand is required".
  const auto typo = run_digest("valdate x.txt");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err, "digest: unknown command \"valdate\"; did you mean validate?\n");
  EXPECT_EQ(run_digest("covnert x").err, "digest: unknown command \"covnert\"; did you mean convert?\n");
  const auto unknown = run_digest("frobnicate");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(
      unknown.err.find("digest: unknown command \"frobnicate\" (commands: validate, fmt, diff, convert"),
      std::string::npos)
      << unknown.err;
  const auto none = run_digest("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("digest: a command is required"), std::string::npos) << none.err;
}

TEST(Program, AMistypedLongOptionGetsASuggestion) {
  const auto typo = run_digest("validate --fromat json " + sample("samples/"));
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("digest validate: unknown option --fromat; did you mean --format?"),
            std::string::npos)
      << typo.err;
  const auto eq = run_digest("fmt --chek=1 " + sample("samples/"));
  EXPECT_NE(eq.err.find("digest fmt: unknown option --chek; did you mean --check?"), std::string::npos)
      << eq.err;
  const auto far = run_digest("convert --completely-else x.txt");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_NE(far.err.find("digest convert: unknown option --completely-else (see digest convert --help)"),
            std::string::npos)
      << far.err;
}

TEST(Program, EveryUsageErrorNamesItsCommand) {
  const std::pair<const char*, const char*> cases[] = {
      {"validate --today 2024-13-01 x.txt", "digest validate: "},
      {"validate --jobs many x.txt", "digest validate: "},
      {"fmt", "digest fmt: no input"},
      {"fmt -i --check x.txt", "digest fmt: "},
      {"diff only-one", "digest diff: "},
      {"diff --format xml a b", "digest diff: "},
      {"convert --to json -o x.csv x.txt", "digest convert: -o x.csv is a csv file but --to is json"},
      {"convert --to xml x.txt", "digest convert: "},
  };
  for (const auto& [args, prefix] : cases) {
    const auto result = run_digest(args);
    EXPECT_EQ(result.exit_code, 2) << args;
    EXPECT_EQ(result.err.rfind(prefix, 0), 0u) << args << "\n" << result.err;
  }
}

TEST(Program, HelpShowsValueNamesNotTypeNames) {
  const std::vector<std::string> raw{" TEXT",       " UINT",    " INT",  " FLOAT",
                                     "NONNEGATIVE", " BOOLEAN", ":FILE", "TEXT:"};
  for (const char* command : {"validate", "fmt", "diff", "convert"}) {
    const auto help = run_digest(std::string(command) + " --help");
    for (const std::string& type : raw) {
      EXPECT_EQ(help.out.find(type), std::string::npos) << command << " --help shows " << type << "\n"
                                                        << help.out;
    }
  }
  EXPECT_NE(run_digest("validate --help").out.find("--format FORMAT [text]"), std::string::npos);
  EXPECT_NE(run_digest("validate --help").out.find("--min-severity {info,warning,error}"), std::string::npos);
}

TEST(Program, EveryCommandThatReadsTextHasTheInputOptions) {
  // The decoder's hint says "use --encoding NAME": every command it can
  // reach must have that option (it was convert's alone).
  const std::string legacy = sample("format/gb18030.before.txt");
  for (const std::string command : {"validate", "fmt", "convert"}) {
    const auto help = run_digest(command + " --help");
    for (const char* option : {"--encoding", "--stdin-filename", "--max-file-size", "--max-member-size",
                               "--max-total-size", "--max-expansion-ratio"}) {
      EXPECT_NE(help.out.find(option), std::string::npos) << command << " " << option;
    }
    const auto unknown = run_digest(command + " --encoding NO-SUCH-CHARSET " + legacy);
    EXPECT_EQ(unknown.exit_code, 2) << command;
    EXPECT_EQ(unknown.err.rfind("digest " + command + ": unknown encoding \"NO-SUCH-CHARSET\"", 0), 0u)
        << command << "\n"
        << unknown.err;
    EXPECT_NE(run_digest(command + " --encoding GB18030 " + legacy).exit_code, 2) << command;
  }
  EXPECT_EQ(run_digest("diff --encoding GB18030 " + legacy + " " + legacy).exit_code, 0);
  EXPECT_EQ(run_digest("diff --encoding NO-SUCH-CHARSET " + legacy + " " + legacy).exit_code, 2);
  const auto limited = run_digest("fmt --max-file-size 512 " + legacy);
  EXPECT_EQ(limited.exit_code, 2);
  EXPECT_NE(limited.err.find("over the maximum file size of 512 bytes"), std::string::npos) << limited.err;
}

TEST(Program, ColourFollowsNoColorAndForceColor) {
  const std::string file = sample("format/tabs.before.txt");
  const auto coloured = [&](const std::string& env, const std::string& command) {
    return run_with_env(env, command + " " + file).out.find("\x1b[") != std::string::npos;
  };
  for (const std::string command : {"fmt --diff", "validate"}) {
    EXPECT_FALSE(coloured("", command)) << command << ": not a terminal";
    EXPECT_TRUE(coloured("FORCE_COLOR=1", command)) << command;
    EXPECT_TRUE(coloured("CLICOLOR_FORCE=1", command)) << command;
    // no-color.org: an empty NO_COLOR does not turn colour off (fmt took it as set).
    EXPECT_TRUE(coloured("NO_COLOR= FORCE_COLOR=1", command)) << command;
    EXPECT_FALSE(coloured("NO_COLOR=1 FORCE_COLOR=1", command)) << command;
    EXPECT_FALSE(coloured("FORCE_COLOR=0", command)) << command;
    EXPECT_TRUE(coloured("NO_COLOR=1", command + " --color always")) << command;
    EXPECT_FALSE(coloured("FORCE_COLOR=1", command + " --color never")) << command;
  }
}

// Every command, --help and --version included, exits 2 with "cannot write
// standard output: REASON" when its output cannot be written: a full disk,
// a closed descriptor, a pipe whose reader has gone with SIGPIPE ignored (as
// cat, jq and diff(1) do). Each of these once exited 0 with the output lost.
TEST(Program, WriteErrorsOnStandardOutputExitTwo) {
  using digestkit::testing::run_command;
  using digestkit::testing::testdata;
  const std::string post = digestkit::testing::shell_quote(testdata("samples/nerf-2023-03-14.txt").string());
  const std::string other = digestkit::testing::shell_quote(testdata("samples/ssl-2023-05-02.txt").string());
  const std::string findings =
      digestkit::testing::shell_quote(testdata("parse/errors/wrapped-title.txt").string());
  const std::string digest = std::string("NO_COLOR=1 ") + DIGEST_EXE;
  const std::vector<std::string> commands{"validate " + findings,
                                          "validate --format json " + findings,
                                          "validate --format sarif " + findings,
                                          "validate --format github " + findings,
                                          "validate --list-rules",
                                          "validate --explain DG103",
                                          "fmt " + post,
                                          "diff " + post + " " + other,
                                          "diff --format json " + post + " " + other,
                                          "convert --to jsonl " + post,
                                          "--help",
                                          "validate --help",
                                          "--version"};
  // The read end closed before the program starts: every write gets EPIPE.
  const std::string broken_pipe =
      "/usr/bin/python3 -c 'import os, subprocess, sys; r, w = os.pipe(); os.close(r); "
      "sys.exit(subprocess.call(sys.argv[1:], stdout=w, restore_signals=False))' ";
  for (const auto& command : commands) {
    for (const auto& [how, line, reason] :
         {std::tuple{"/dev/full", "(" + digest + " " + command + " >/dev/full)", "No space left on device"},
          {"closed", "(" + digest + " " + command + " >&-)", "Bad file descriptor"},
          {"EPIPE", "NO_COLOR=1 " + broken_pipe + DIGEST_EXE + " " + command, "Broken pipe"}}) {
      SCOPED_TRACE(command + " / " + how);
      const auto result = run_command(line);
      EXPECT_EQ(result.exit_code, 2) << result.err;
      EXPECT_NE(result.err.find(std::string("cannot write standard output: ") + reason), std::string::npos)
          << result.err;
    }
  }
}

// A command with nothing to print succeeds with standard output closed, and
// a file it opens never lands on descriptor 1 (git's sanitize_stdfds).
TEST(Program, ClosedStandardOutputWithNothingToWriteIsFine) {
  using digestkit::testing::testdata;
  const std::string post = digestkit::testing::shell_quote(testdata("samples/nerf-2023-03-14.txt").string());
  const auto result = digestkit::testing::run_command(std::string("(NO_COLOR=1 ") + DIGEST_EXE +
                                                      " validate " + post + " >&-)");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
}

// Every command that reads archives takes the archive limits.
TEST(Program, EveryCommandTakesTheArchiveLimits) {
  namespace fs = std::filesystem;
  using digestkit::testing::shell_quote;
  const fs::path dir = digestkit::testing::make_temp_dir("digest-limits");
  fs::create_directories(dir / "posts");
  fs::copy_file(digestkit::testing::testdata("samples/nerf-2023-03-14.txt"), dir / "posts/a.txt");
  const std::string archive = shell_quote((dir / "posts.tar").string());
  ASSERT_EQ(
      digestkit::testing::run_command("tar -C " + shell_quote(dir.string()) + " -cf " + archive + " posts")
          .exit_code,
      0);
  for (const std::string& command :
       std::vector<std::string>{"validate", "fmt", "convert", "diff " + archive}) {
    SCOPED_TRACE(command);
    const auto result = run_digest(command + " --max-member-size 1K " + archive);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("over the maximum member size of 1024 bytes (max_member_size)"),
              std::string::npos)
        << result.err;
    const auto help = run_digest(command.substr(0, command.find(' ')) + " --help");
    for (const char* option :
         {"--max-file-size", "--max-member-size", "--max-total-size", "--max-expansion-ratio"})
      EXPECT_NE(help.out.find(option), std::string::npos) << option;
  }
  fs::remove_all(dir);
}
