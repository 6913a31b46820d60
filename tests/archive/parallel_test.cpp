#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include "digestkit/parallel.hpp"
#include "digestkit/progress.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using digestkit::InputError;
using digestkit::InputFile;
using digestkit::InputOptions;
using digestkit::OrderedRunOptions;
using digestkit::run_ordered;

namespace {

constexpr int input_count = 120;
// run_ordered() keeps at most this many inputs per job in flight.
constexpr int in_flight_per_job = 4;

// The maximum a counter reached, updated without a lock.
void raise_to(std::atomic<int>& maximum, int value) {
  int seen = maximum.load();
  while (value > seen && !maximum.compare_exchange_weak(seen, value)) {
  }
}

// Sleeps a pseudo-random 0..max_micros, different per input, so that
// workers finish out of order.
void random_pause(int index, int max_micros) {
  std::mt19937 rng(static_cast<unsigned>(index) * 7919U + 17U);
  std::this_thread::sleep_for(
      std::chrono::microseconds(std::uniform_int_distribution<int>(0, max_micros)(rng)));
}

class RunOrdered : public ::testing::TestWithParam<unsigned> {
 protected:
  void SetUp() override {
    root_ = digestkit::testing::make_temp_dir("archive-parallel");
    fs::create_directories(root_ / "first");
    fs::create_directories(root_ / "second");
    for (int i = 0; i < input_count; ++i) {
      const auto dir = i < input_count / 2 ? root_ / "first" : root_ / "second";
      char name[32];
      std::snprintf(name, sizeof name, "%04d.txt", i);
      digestkit::testing::write_file(dir / name, std::to_string(i));
    }
    paths_ = {(root_ / "first").string(), (root_ / "missing.txt").string(), (root_ / "second").string()};
  }
  void TearDown() override { fs::remove_all(root_); }

  [[nodiscard]] OrderedRunOptions run_options() const {
    OrderedRunOptions options;
    options.jobs = GetParam();
    return options;
  }

  // The delivery order a correct run produces: inputs 0..59, the missing path, 60..119.
  [[nodiscard]] static std::vector<std::string> expected_log() {
    std::vector<std::string> log;
    for (int i = 0; i < input_count; ++i) {
      if (i == input_count / 2) log.emplace_back("error");
      log.push_back(std::to_string(i));
    }
    return log;
  }

  fs::path root_;
  std::vector<std::string> paths_;
};

TEST_P(RunOrdered, DeliversInInputOrderUnderRandomWorkDurations) {
  std::vector<std::string> log;
  const auto caller = std::this_thread::get_id();
  std::atomic<int> running{0};
  std::atomic<int> most_running{0};
  std::atomic<bool> on_other_thread{false};
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) {
    raise_to(most_running, ++running);
    if (std::this_thread::get_id() != caller) on_other_thread = true;
    const int index = std::stoi(file.bytes);
    random_pause(index, 3000);
    --running;
    return index;
  };
  const std::function<void(int&&)> emit = [&](int&& index) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    log.push_back(std::to_string(index));
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    EXPECT_EQ(error.name, (root_ / "missing.txt").string());
    log.emplace_back("error");
  };
  run_ordered<int>(paths_, InputOptions{}, run_options(), work, emit, on_error);
  EXPECT_EQ(log, expected_log());
  EXPECT_LE(most_running.load(), static_cast<int>(std::max(1U, GetParam())));
  if (GetParam() <= 1) {
    EXPECT_FALSE(on_other_thread.load()) << "jobs <= 1 runs inline";
  } else {
    EXPECT_TRUE(on_other_thread.load());
    EXPECT_GT(most_running.load(), 1) << "work never overlapped";
  }
}

TEST_P(RunOrdered, FileThatCannotBeReadIsReportedInItsPlace) {
  // Inputs 100..119 hold three bytes: over a two-byte limit. With jobs > 1
  // the workers read the files, and their errors must still come in order.
  InputOptions options;
  options.max_file_size = 2;
  std::vector<std::string> log;
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) {
    EXPECT_FALSE(file.deferred);
    const int index = std::stoi(file.bytes);
    random_pause(index, 500);
    return index;
  };
  const std::function<void(int&&)> emit = [&](int&& index) { log.push_back(std::to_string(index)); };
  const std::function<void(InputError &&)> on_error = [&](InputError&& error) {
    log.push_back(error.message.find("maximum file size") != std::string::npos ? "too big" : "error");
  };
  run_ordered<int>(paths_, options, run_options(), work, emit, on_error);
  std::vector<std::string> expected = expected_log();
  for (int i = 100; i < input_count; ++i) expected[static_cast<std::size_t>(i) + 1] = "too big";
  EXPECT_EQ(log, expected);
}

TEST_P(RunOrdered, BoundsTheInputsInFlight) {
  // In flight: handed to work() and not yet emitted. Every 20th input is
  // slow, so the inputs after it finish early and must wait for it: without
  // a bound, the walk would run ahead through the whole input.
  std::atomic<int> in_flight{0};
  std::atomic<int> most_in_flight{0};
  int emitted = 0;
  const std::function<std::unique_ptr<std::string>(InputFile &&)> work = [&](InputFile&& file) {
    raise_to(most_in_flight, ++in_flight);
    if (std::stoi(file.bytes) % 20 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(40));
    return std::make_unique<std::string>(std::move(file.bytes));
  };
  const std::function<void(std::unique_ptr<std::string> &&)> emit =
      [&](std::unique_ptr<std::string>&& bytes) {
        EXPECT_EQ(*bytes, std::to_string(emitted));
        ++emitted;
        --in_flight;
      };
  const std::function<void(InputError &&)> on_error = [](InputError&&) {};
  run_ordered<std::unique_ptr<std::string>>(paths_, InputOptions{}, run_options(), work, emit, on_error);
  EXPECT_EQ(emitted, input_count);
  const int jobs = static_cast<int>(std::max(1U, GetParam()));
  EXPECT_LE(most_in_flight.load(), jobs == 1 ? 1 : in_flight_per_job * jobs);
  if (jobs > 1) {
    EXPECT_GT(most_in_flight.load(), jobs) << "workers never ran ahead of a slow input";
  }
}

// Inputs of 100 bytes under a budget of `budget` bytes: returns the most
// that were in flight at once (from work() until emit()), checking the order.
int most_in_flight_under_budget(unsigned jobs, std::uint64_t budget, bool from_archive_like_memory) {
  const auto dir = digestkit::testing::make_temp_dir("archive-parallel-budget");
  std::vector<std::string> paths;
  for (int i = 0; i < 24; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d.txt", i);
    std::string text = std::to_string(i);
    text.resize(100, ' ');
    digestkit::testing::write_file(dir / name, text);
    paths.push_back((dir / name).string());
  }
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  int emitted = 0;
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) {
    raise_to(most, ++in_flight);
    random_pause(std::stoi(file.bytes), 2000);
    return std::stoi(file.bytes);
  };
  const std::function<void(int&&)> emit = [&](int&& index) {
    EXPECT_EQ(index, emitted);
    ++emitted;
    --in_flight;
  };
  const std::function<void(InputError &&)> on_error = [](InputError&& error) {
    ADD_FAILURE() << error.message;
  };
  OrderedRunOptions options;
  options.jobs = jobs;
  options.max_bytes_in_flight = budget;
  if (from_archive_like_memory) {
    // Inputs already in memory (as archive members are) weigh their bytes.
    const digestkit::InputWalk walk = [&](const InputOptions&, const std::function<void(InputFile &&)>& visit,
                                          const std::function<void(InputError &&)>&) {
      for (const std::string& path : paths) visit(InputFile{path, digestkit::testing::read_file(path), {}});
    };
    run_ordered<int>(walk, InputOptions{}, options, work, emit, on_error);
  } else {
    run_ordered<int>(paths, InputOptions{}, options, work, emit, on_error);
  }
  EXPECT_EQ(emitted, 24);
  fs::remove_all(dir);
  return most.load();
}

TEST_P(RunOrdered, KeepsTheBytesInFlightUnderTheBudget) {
  const unsigned jobs = std::max(1U, GetParam());
  for (const bool in_memory : {false, true}) {
    SCOPED_TRACE(in_memory ? "inputs in memory" : "plain files read by the workers");
    EXPECT_LE(most_in_flight_under_budget(jobs, 250, in_memory), 2);
    // An input larger than the budget runs alone.
    EXPECT_EQ(most_in_flight_under_budget(jobs, 50, in_memory), 1);
    if (jobs > 1) {
      EXPECT_GT(most_in_flight_under_budget(jobs, 100'000, in_memory), 1)
          << "a large budget ran one at a time";
    }
  }
}

TEST_P(RunOrdered, WorkExceptionReachesTheCallerAfterEarlierResults) {
  std::vector<int> emitted;
  std::atomic<int> started{0};
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) {
    ++started;
    const int index = std::stoi(file.bytes);
    random_pause(index, 1000);
    if (index == 40) throw std::runtime_error("input 40 is cursed");
    return index;
  };
  const std::function<void(int&&)> emit = [&](int&& index) { emitted.push_back(index); };
  const std::function<void(InputError &&)> on_error = [](InputError&&) {};
  try {
    run_ordered<int>(paths_, InputOptions{}, run_options(), work, emit, on_error);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "input 40 is cursed");
  }
  std::vector<int> expected(40);
  for (int i = 0; i < 40; ++i) expected[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(emitted, expected);
  EXPECT_LE(started.load(), 41 + in_flight_per_job * static_cast<int>(GetParam()));
}

TEST_P(RunOrdered, EmitExceptionReachesTheCaller) {
  const std::function<int(InputFile &&)> work = [](InputFile&& file) { return std::stoi(file.bytes); };
  const std::function<void(int&&)> emit = [](int&& index) {
    if (index == 7) throw std::logic_error("emit failed");
  };
  const std::function<void(InputError &&)> on_error = [](InputError&&) {};
  EXPECT_THROW(run_ordered<int>(paths_, InputOptions{}, run_options(), work, emit, on_error),
               std::logic_error);
}

TEST_P(RunOrdered, ShouldStopEndsTheRun) {
  std::vector<std::string> log;
  std::atomic<int> started{0};
  bool failed = false;
  OrderedRunOptions options = run_options();
  options.should_stop = [&] { return failed; };
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) {
    ++started;
    const int index = std::stoi(file.bytes);
    random_pause(index, 500);
    return index;
  };
  const std::function<void(int&&)> emit = [&](int&& index) { log.push_back(std::to_string(index)); };
  // --fail-fast: the first failed input stops the run.
  const std::function<void(InputError &&)> on_error = [&](InputError&&) {
    log.emplace_back("error");
    failed = true;
  };
  run_ordered<int>(paths_, InputOptions{}, options, work, emit, on_error);
  auto expected = expected_log();
  expected.resize(input_count / 2 + 1);
  EXPECT_EQ(log, expected);
  EXPECT_LE(started.load(), input_count / 2 + in_flight_per_job * static_cast<int>(GetParam()) + 1);
}

TEST_P(RunOrdered, TellsTheProgressOfEveryDeliveredInput) {
  // The progress display counts what has been delivered, in order, on the
  // calling thread: every input and its bytes, an unreadable one as 0.
  std::FILE* no_terminal = nullptr;
  digestkit::ProgressReporter progress(no_terminal, false, std::nullopt,
                                       digestkit::ProgressReporter::Clock::now());
  OrderedRunOptions options = run_options();
  options.progress = &progress;
  std::uint64_t expected_bytes = 0;
  std::uint64_t delivered = 0;
  const std::function<int(InputFile &&)> work = [&](InputFile&& file) { return std::stoi(file.bytes); };
  const std::function<void(int&&)> emit = [&](int&& index) {
    EXPECT_EQ(progress.files(), delivered) << "told after delivery";
    ++delivered;
    expected_bytes += std::to_string(index).size();
  };
  const std::function<void(InputError &&)> on_error = [&](InputError&&) { ++delivered; };
  run_ordered<int>(paths_, InputOptions{}, options, work, emit, on_error);
  EXPECT_EQ(progress.files(), static_cast<std::uint64_t>(input_count + 1));
  EXPECT_EQ(progress.bytes(), expected_bytes);
}

INSTANTIATE_TEST_SUITE_P(Jobs, RunOrdered, ::testing::Values(0U, 1U, 2U, 4U),
                         [](const auto& info) { return "jobs" + std::to_string(info.param); });

}  // namespace
