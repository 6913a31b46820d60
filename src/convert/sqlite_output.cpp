// The Output of --to sqlite: each converted input's documents into an
// ArchiveDatabase (src/sqlite), which batches them into transactions.
#include <fmt/format.h>

#include <optional>

#include "digestkit/convert.hpp"
#include "digestkit/sqlite.hpp"
#include "sqlite_output.hpp"

namespace digestkit::convert {
namespace {

class SqliteOutput final : public Output {
 public:
  explicit SqliteOutput(const Destination& destination) : name_(destination.name) {
    try {
      database_.emplace(destination.path);
    } catch (const sqlite::DatabaseError& error) {
      error_ = error.what();
    }
  }

  void add(const ConvertedInput& input) override {
    if (error_ || !input.parsed) return;
    try {
      database_->add(*input.parsed);
    } catch (const sqlite::DatabaseError& error) {
      error_ = error.what();
    }
  }

  std::optional<std::string> finish() override {
    if (!error_) {
      try {
        database_->finish();
      } catch (const sqlite::DatabaseError& error) {
        error_ = error.what();
      }
    }
    return error_;
  }

  [[nodiscard]] std::optional<std::string> error() const override { return error_; }

  [[nodiscard]] std::string summary() const override {
    if (!database_) return {};
    const sqlite::ArchiveCounts& c = database_->counts();
    return fmt::format("{}: {} digests added, {} replaced, {} unchanged, {} removed", name_, c.added,
                       c.replaced, c.unchanged, c.removed);
  }

 private:
  std::string name_;
  std::optional<sqlite::ArchiveDatabase> database_;
  std::optional<std::string> error_;
};

}  // namespace

std::unique_ptr<Output> open_sqlite(const TargetSpec& /*spec*/, const Destination& destination) {
  return std::make_unique<SqliteOutput>(destination);
}

}  // namespace digestkit::convert
