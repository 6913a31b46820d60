// The progress line of the commands that walk inputs, seen through a
// pseudo-terminal on stderr (Python's pty module): drawn while the run
// lasts, a final line that stays, nothing with --no-progress or --quiet.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/support.hpp"

namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::shell_quote;
using digestkit::testing::testdata;
using digestkit::testing::write_file;

// Runs ARGS with stderr on a pty and stdout to a file; standard input gets
// a post, then stays open for 0.4 s, so that a run over [file, -, file]
// lasts long enough for the line to be drawn.
constexpr const char* kRunOnPty = R"(import os, pty, subprocess, sys, time
err_path, out_path, post = sys.argv[1:4]
master, slave = pty.openpty()
with open(out_path, 'wb') as out:
    child = subprocess.Popen(sys.argv[4:], stdin=subprocess.PIPE, stdout=out, stderr=slave,
                             env={k: v for k, v in os.environ.items() if k != 'NO_COLOR'})
    os.close(slave)
    child.stdin.write(open(post, 'rb').read())
    child.stdin.flush()
    time.sleep(0.4)
    child.stdin.close()
    data = b''
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    code = child.wait()
open(err_path, 'wb').write(data)
sys.exit(code)
)";

struct PtyRun {
  int exit_code = -1;
  std::string err;  // what the terminal got (line ends as \r\n)
  std::string out;
};

class ProgressOnATerminal : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = digestkit::testing::make_temp_dir("progress-pty");
    write_file(dir_ / "run.py", kRunOnPty);
    post_ = testdata("samples/nerf-2023-03-14.txt");
    // Another file with the same text: an input named twice is read once.
    copy_ = dir_ / "copy.txt";
    fs::copy_file(post_, copy_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  PtyRun run(const std::string& args) {
    const std::string post = shell_quote(post_.string());
    const auto result =
        run_command("/usr/bin/python3 " + shell_quote((dir_ / "run.py").string()) + " " +
                    shell_quote((dir_ / "err").string()) + " " + shell_quote((dir_ / "out").string()) + " " +
                    post + " " + DIGEST_EXE + " " + args + " " + post + " - " + shell_quote(copy_.string()));
    return PtyRun{result.exit_code, read_file(dir_ / "err"), read_file(dir_ / "out")};
  }

  fs::path dir_;
  fs::path post_;
  fs::path copy_;
};

TEST_F(ProgressOnATerminal, EveryWalkingCommandDrawsItAndEndsWithALineThatStays) {
  for (const std::string command :
       {"validate", "validate -j 2", "fmt --check", "fmt -j 2", "convert --to jsonl"}) {
    const PtyRun result = run(command);
    EXPECT_NE(result.exit_code, 2) << command << "\n" << result.err;
    // Drawn over itself with \r, cleared with ESC[K (how many files it had
    // seen when drawn depends on the threads)...
    EXPECT_NE(result.err.find("\r"), std::string::npos) << command << "\n" << result.err;
    EXPECT_NE(result.err.find(" MB/s\x1b[K"), std::string::npos) << command << "\n" << result.err;
    // ...and a last line that stays.
    EXPECT_NE(result.err.find("3 files, 0.0 MB in 0."), std::string::npos) << command << "\n" << result.err;
    EXPECT_EQ(result.out.find('\r'), std::string::npos) << command << ": nothing of it on stdout";
  }
}

TEST_F(ProgressOnATerminal, NoProgressAndQuietTurnItOff) {
  for (const std::string command : {"validate --no-progress", "validate -q", "fmt --check --no-progress",
                                    "fmt -q --check", "convert --no-progress", "convert -q"}) {
    const PtyRun result = run(command);
    EXPECT_NE(result.exit_code, 2) << command << "\n" << result.err;
    EXPECT_EQ(result.err.find("files  "), std::string::npos) << command << "\n" << result.err;
    EXPECT_EQ(result.err.find(" MB in "), std::string::npos) << command << "\n" << result.err;
  }
}

TEST_F(ProgressOnATerminal, NeverWhenStderrIsNotATerminal) {
  const std::string post = shell_quote(post_.string());
  for (const std::string command : {"validate", "fmt --check", "convert"}) {
    // Parenthesised: run_command redirects the standard input of the whole line.
    const auto result = run_command("((cat " + post + "; sleep 0.3) | " + DIGEST_EXE + " " + command + " " +
                                    post + " - " + post + ")");
    EXPECT_NE(result.exit_code, 2) << command;
    EXPECT_EQ(result.err.find('\r'), std::string::npos) << command << "\n" << result.err;
    EXPECT_EQ(result.err.find(" MB in "), std::string::npos) << command << "\n" << result.err;
  }
}

}  // namespace
