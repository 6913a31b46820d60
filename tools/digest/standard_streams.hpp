// The process's standard streams: descriptors closed at start, and write
// errors on standard output, which every command must report (cat, jq and
// diff(1) do) instead of exiting 0 with the output lost.
#pragma once

namespace digest_cli {

// Descriptors 0-2 closed at start are opened on /dev/null (as git's
// sanitize_stdfds does), so that no file the program opens later takes
// their number and receives its report. Standard output and error are
// opened read-only: writing to them still fails (EBADF), as it would have.
void sanitize_standard_fds();

// exit_code, or 2 when something written to standard output did not arrive
// (a full disk, a closed descriptor, a pipe whose reader left with SIGPIPE
// ignored): then "digest: cannot write standard output: REASON" goes to
// standard error.
[[nodiscard]] int finish_standard_output(int exit_code);

}  // namespace digest_cli
