// Runs for_each_input() and records what it saw, in order.
#pragma once

#include <string>
#include <vector>

#include "digestkit/inputs.hpp"

namespace digestkit::testing {

struct WalkLog {
  std::vector<InputFile> files;
  std::vector<InputError> errors;
  std::vector<std::string> order;  // "file NAME" or "error NAME", as delivered

  [[nodiscard]] const InputFile* find(const std::string& name) const {
    for (const auto& file : files) {
      if (file.name == name) return &file;
    }
    return nullptr;
  }
};

inline WalkLog walk_inputs(const std::vector<std::string>& paths, const InputOptions& options = {}) {
  WalkLog log;
  for_each_input(
      paths, options,
      [&](InputFile&& file) {
        log.order.push_back("file " + file.name);
        log.files.push_back(std::move(file));
      },
      [&](InputError&& error) {
        log.order.push_back("error " + error.name);
        log.errors.push_back(std::move(error));
      });
  return log;
}

}  // namespace digestkit::testing
