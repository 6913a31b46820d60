// The definition of run_ordered() (declared in digestkit/parallel.hpp).
//
// The calling thread walks the inputs and hands each one to jobs - 1 worker
// threads through a FIFO queue; plain files are handed over unread, and read
// by whoever takes them. Every input gets a slot in a deque kept in input
// order; the calling thread delivers finished slots from the front before
// each submission. While 4 * jobs slots are in flight (the bound on memory,
// whatever the number of inputs) it works on the oldest queued input itself,
// and sleeps on a condition variable only when none is queued, until the
// first 2 * jobs slots are finished. So `jobs` threads share `jobs` cores:
// on the 300 MB archive, validate -j2 switches threads about 50 times, not
// 3,000, and keeps 1.88 CPUs busy. The same gate holds the input bytes in
// flight under max_bytes_in_flight: a submission waits, as for the slot
// count, until the earlier inputs it would crowd out are delivered.
#pragma once

#include <sys/stat.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

#include "digestkit/parallel.hpp"
#include "digestkit/progress.hpp"

namespace digestkit {

namespace parallel_detail {

// Thrown from inside the input walk to end it early when should_stop() says
// so; caught by run_ordered() and never seen by its callers.
struct StopWalk {};

inline bool stop_requested(const OrderedRunOptions& options) {
  return options.should_stop && options.should_stop();
}

inline void delivered(const OrderedRunOptions& options, std::uint64_t bytes) {
  if (options.progress != nullptr) options.progress->add(bytes);
}

template <class Result>
struct Slot {
  std::optional<InputFile> input;  // until a worker takes it
  std::optional<Result> result;
  std::optional<InputError> error;
  std::exception_ptr failure;  // what work() threw
  std::uint64_t bytes = 0;     // the input's size, for the progress display
  std::uint64_t weight = 0;    // its share of max_bytes_in_flight
  bool done = false;
};

// What an input will weigh once read: its bytes, or for a plain file not
// read yet its size on disk (0 when it cannot be known: it is read anyway,
// and fails or is small).
inline std::uint64_t expected_bytes(const InputFile& file) {
  if (!file.deferred) return file.bytes.size();
  struct stat info {};
  if (::stat(file.name.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return 0;
  return static_cast<std::uint64_t>(info.st_size);
}

template <class Result>
class OrderedPool {
 public:
  OrderedPool(unsigned jobs, const InputOptions& input_options, const OrderedRunOptions& run_options,
              const std::function<Result(InputFile&&)>& work, const std::function<void(Result&&)>& emit,
              const std::function<void(InputError&&)>& on_error)
      : input_options_(input_options),
        run_options_(run_options),
        work_(work),
        emit_(emit),
        on_error_(on_error),
        capacity_(std::size_t{4} * jobs),
        wake_run_(std::size_t{2} * jobs) {
    // The calling thread is one of the `jobs`: it works on queued inputs
    // whenever it would otherwise wait, so that `jobs` threads share `jobs`
    // cores instead of a walking thread preempting the workers.
    workers_.reserve(jobs - 1);
    for (unsigned i = 1; i < jobs; ++i) {
      workers_.emplace_back([this](std::stop_token stop) { run_worker(stop); });
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Workers still running work() finish it; queued inputs are dropped. The
  // jthreads join as workers_ is destroyed, before the state they use.
  ~OrderedPool() {
    for (auto& worker : workers_) worker.request_stop();
  }

  void submit(InputFile&& file) {
    const std::uint64_t weight = expected_bytes(file);
    std::unique_lock lock(mutex_);
    deliver_until_fewer_than(lock, capacity_, weight);
    auto& slot = in_flight_.emplace_back();
    slot.weight = weight;
    bytes_in_flight_ += weight;
    slot.input.emplace(std::move(file));
    queue_.push_back(&slot);
    lock.unlock();
    work_ready_.notify_one();
  }

  void submit(InputError&& error) {
    std::unique_lock lock(mutex_);
    deliver_until_fewer_than(lock, capacity_, 0);
    auto& slot = in_flight_.emplace_back();
    slot.error.emplace(std::move(error));
    slot.done = true;
  }

  void finish() {
    std::unique_lock lock(mutex_);
    deliver_until_fewer_than(lock, 1, 0);
  }

 private:
  // Delivers finished slots from the front, in order, until fewer than
  // `limit` are in flight and `incoming` more bytes fit the budget (or none
  // are in flight). Delivery runs unlocked: emit() may be slow. Every slot in
  // flight is earlier than the one waiting, so each finishes: no deadlock.
  void deliver_until_fewer_than(std::unique_lock<std::mutex>& lock, std::size_t limit,
                                std::uint64_t incoming) {
    for (;;) {
      if (!in_flight_.empty() && in_flight_.front().done) {
        Slot<Result> slot = std::move(in_flight_.front());
        in_flight_.pop_front();
        bytes_in_flight_ -= slot.weight;
        lock.unlock();
        deliver(slot);
        lock.lock();
        continue;
      }
      const bool fits =
          bytes_in_flight_ == 0 || bytes_in_flight_ + incoming <= run_options_.max_bytes_in_flight;
      if (in_flight_.size() < limit && fits) return;
      if (!queue_.empty()) {
        // Take the oldest input, as the workers do: inputs finish about in
        // order, so the window slides on and the queue stays deep. (Taking
        // the newest took back what had just been submitted and left the
        // workers waiting on the walk after nearly every input.)
        Slot<Result>* slot = queue_.front();
        queue_.pop_front();
        process(slot, lock);
        continue;
      }
      // Sleep until a run of finished inputs waits at the front (just the
      // front one when finishing): with many small files, waking once per
      // input made thread switches a tenth of a run's time.
      wake_after_ = limit == 1 ? 1 : std::min(wake_run_, in_flight_.size());
      caller_waiting_ = true;
      front_done_.wait(lock, [this] { return done_at_front() >= wake_after_; });
      caller_waiting_ = false;
    }
  }

  // Finished inputs at the front of in_flight_, counted up to wake_after_.
  [[nodiscard]] std::size_t done_at_front() const {
    std::size_t done = 0;
    for (auto it = in_flight_.begin(); done < wake_after_ && it != in_flight_.end() && it->done; ++it) ++done;
    return done;
  }

  void deliver(Slot<Result>& slot) {
    if (stop_requested(run_options_)) throw StopWalk{};
    if (slot.failure) std::rethrow_exception(slot.failure);
    if (slot.error) {
      on_error_(std::move(*slot.error));
    } else {
      emit_(std::move(*slot.result));
    }
    delivered(run_options_, slot.bytes);
  }

  void run_worker(const std::stop_token& stop) {
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, stop, [this] { return !queue_.empty(); });
      if (stop.stop_requested()) return;
      Slot<Result>* slot = queue_.front();
      queue_.pop_front();
      process(slot, lock);
    }
  }

  // Reads (if deferred) and works on a slot taken off the queue, with the
  // lock released meanwhile; called with the lock held.
  void process(Slot<Result>* slot, std::unique_lock<std::mutex>& lock) {
    std::optional<Result> result;
    std::exception_ptr failure;
    std::optional<InputError> unreadable;
    std::uint64_t bytes = 0;
    {
      InputFile input = std::move(*slot->input);
      slot->input.reset();
      lock.unlock();
      try {
        unreadable = load_input(input, input_options_);
        bytes = input.bytes.size();
        if (!unreadable) result.emplace(work_(std::move(input)));
      } catch (...) {
        failure = std::current_exception();
      }
    }
    lock.lock();
    slot->bytes = bytes;
    slot->result = std::move(result);
    slot->error = std::move(unreadable);
    slot->failure = std::move(failure);
    slot->done = true;
    if (caller_waiting_ && done_at_front() >= wake_after_) front_done_.notify_one();
  }

  const InputOptions& input_options_;
  const OrderedRunOptions& run_options_;
  const std::function<Result(InputFile&&)>& work_;
  const std::function<void(Result&&)>& emit_;
  const std::function<void(InputError&&)>& on_error_;
  const std::size_t capacity_;         // inputs in flight at most
  const std::size_t wake_run_;         // finished inputs that wake the walk when full
  std::size_t wake_after_ = 1;         // what the waiting walk waits for
  bool caller_waiting_ = false;        // the walk is asleep in deliver_until_fewer_than()
  std::uint64_t bytes_in_flight_ = 0;  // the weights of the slots in in_flight_

  std::mutex mutex_;
  std::condition_variable_any work_ready_;
  std::condition_variable front_done_;
  std::deque<Slot<Result>> in_flight_;  // input order; references stay valid at both ends
  std::deque<Slot<Result>*> queue_;     // not yet taken by a worker
  std::vector<std::jthread> workers_;   // last member: destroyed (joined) first
};

}  // namespace parallel_detail

template <class Result>
void run_ordered(const InputWalk& walk, const InputOptions& input_options,
                 const OrderedRunOptions& run_options, const std::function<Result(InputFile&&)>& work,
                 const std::function<void(Result&&)>& emit,
                 const std::function<void(InputError&&)>& on_error) {
  using parallel_detail::delivered;
  using parallel_detail::stop_requested;
  using parallel_detail::StopWalk;
  if (run_options.jobs <= 1) {
    try {
      walk(
          input_options,
          [&](InputFile&& file) {
            if (stop_requested(run_options)) throw StopWalk{};
            const std::uint64_t bytes = file.bytes.size();
            emit(work(std::move(file)));
            delivered(run_options, bytes);
          },
          [&](InputError&& error) {
            if (stop_requested(run_options)) throw StopWalk{};
            on_error(std::move(error));
            delivered(run_options, 0);
          });
    } catch (const StopWalk&) {
    }
    return;
  }
  // Workers read plain files themselves: the walk only lists them.
  InputOptions deferring = input_options;
  deferring.defer_plain_files = true;
  parallel_detail::OrderedPool<Result> pool(run_options.jobs, deferring, run_options, work, emit, on_error);
  try {
    walk(
        deferring,
        [&](InputFile&& file) {
          if (stop_requested(run_options)) throw StopWalk{};
          pool.submit(std::move(file));
        },
        [&](InputError&& error) {
          if (stop_requested(run_options)) throw StopWalk{};
          pool.submit(std::move(error));
        });
    pool.finish();
  } catch (const StopWalk&) {
  }
}

template <class Result>
void run_ordered(const std::vector<std::string>& paths, const InputOptions& input_options,
                 const OrderedRunOptions& run_options, const std::function<Result(InputFile&&)>& work,
                 const std::function<void(Result&&)>& emit,
                 const std::function<void(InputError&&)>& on_error) {
  const InputWalk walk = [&paths](const InputOptions& options, const std::function<void(InputFile &&)>& visit,
                                  const std::function<void(InputError &&)>& failed) {
    for_each_input(paths, options, visit, failed);
  };
  run_ordered<Result>(walk, input_options, run_options, work, emit, on_error);
}

}  // namespace digestkit
