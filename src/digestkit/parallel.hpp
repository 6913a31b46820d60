// Ordered parallel processing of a stream of inputs: work() runs on up to
// `jobs` threads, emit() sees the results on the calling thread in input
// order, and only a bounded number of inputs is in flight so that memory
// stays flat however large the archive.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "digestkit/inputs.hpp"

namespace digestkit {

class ProgressReporter;

struct OrderedRunOptions {
  unsigned jobs = 1;
  // Stop reading further inputs once should_stop() returns true (--fail-fast).
  std::function<bool()> should_stop;
  // Told of every input (its size; 0 for an unreadable one) right after it
  // is delivered, on the calling thread. emit() and on_error() should call
  // its finish() before they write to the terminal.
  ProgressReporter* progress = nullptr;
  // With jobs > 1: the input bytes in flight (submitted and not yet
  // emitted; a plain file counts its size on disk) stay under this, except
  // that an input larger than it runs alone. So a run over large files holds
  // one of them at a time, not 4 * jobs, and peak memory stays a small
  // multiple of the largest input (fmt and convert hold about 1.5 times it).
  std::uint64_t max_bytes_in_flight = std::uint64_t{64} << 20;
};

// Result must be movable. Errors from the input walk are reported through
// on_error in their place in the input order.
template <class Result>
void run_ordered(const std::vector<std::string>& paths, const InputOptions& input_options,
                 const OrderedRunOptions& run_options, const std::function<Result(InputFile&&)>& work,
                 const std::function<void(Result&&)>& emit,
                 const std::function<void(InputError&&)>& on_error);

// Inputs that are not files (the records of a stream, such as the lines of
// `digest convert --from jsonl-posts`): walk(options, visit, on_error)
// delivers them in order, as for_each_input() would. `options` has
// defer_plain_files set when jobs > 1; a walk that reads no plain files may
// ignore it.
using InputWalk =
    std::function<void(const InputOptions& options, const std::function<void(InputFile&&)>& visit,
                       const std::function<void(InputError&&)>& on_error)>;
template <class Result>
void run_ordered(const InputWalk& walk, const InputOptions& input_options,
                 const OrderedRunOptions& run_options, const std::function<Result(InputFile&&)>& work,
                 const std::function<void(Result&&)>& emit,
                 const std::function<void(InputError&&)>& on_error);

}  // namespace digestkit

#include "digestkit/parallel_impl.hpp"  // the template's definition (archive module)
