// SideIndex: entries_fts of a new database, built on a second thread in a
// scratch database, and its copy into the real one.
#include "side_index.hpp"

#include <fmt/format.h>

#include <system_error>

#include "statement.hpp"

namespace digestkit::sqlite::detail {
namespace {

// A chunk goes to the thread once this much text is in it; the writer waits
// while four are queued. Small next to the page cache, large enough that
// the hand-over costs nothing.
constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
constexpr std::size_t kQueuedBytes = 4 * kChunkBytes;

// The same definition as schema.cpp's entries_fts: the shadow tables copied
// into the real database must be those of an identical table. No 'entries'
// table here: an external-content table reads its content only for
// 'rebuild' and 'delete', which the thread never runs.
constexpr const char* kScratchSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -16384;
CREATE VIRTUAL TABLE entries_fts USING fts5 (
  title, abstract, content = 'entries', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0);
BEGIN;
)sql";

}  // namespace

std::filesystem::path SideIndex::path_for(const std::filesystem::path& database) {
  return database.string() + "-fts-build";
}

SideIndex::SideIndex(std::filesystem::path path) : path_(std::move(path)) {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
  // A scratch file: no journal, no syncs. A crash leaves it behind, and the
  // next run that builds an index replaces it.
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DatabaseError(fmt::format("{}: {}", path_.string(), message));
  }
  try {
    execute(db_, kScratchSchema, path_.string());
    constexpr std::string_view insert = "INSERT INTO entries_fts (rowid, title, abstract) VALUES (?, ?, ?)";
    if (sqlite3_prepare_v3(db_, insert.data(), static_cast<int>(insert.size()), SQLITE_PREPARE_PERSISTENT,
                           &insert_, nullptr) != SQLITE_OK) {
      fail(db_, path_.string());
    }
  } catch (...) {
    sqlite3_close(db_);
    std::filesystem::remove(path_, ignored);
    throw;
  }
  thread_ = std::thread([this] { run(); });
}

SideIndex::~SideIndex() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    if (!error_) error_ = "abandoned";  // the thread stops at its next chunk
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  sqlite3_finalize(insert_);
  sqlite3_close(db_);
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

void SideIndex::add(std::int64_t rowid, std::string_view title, std::string_view abstract) {
  pending_.push_back(Row{rowid, std::string(title), std::string(abstract)});
  pending_bytes_ += title.size() + abstract.size();
  if (pending_bytes_ >= kChunkBytes) hand_over();
}

void SideIndex::hand_over() {
  if (pending_.empty()) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queued_bytes_ < kQueuedBytes || error_; });
  // Once the thread has failed nobody takes the rows: drop them (finish()
  // reports the failure and the index is built by 'rebuild').
  if (!error_) {
    queued_bytes_ += pending_bytes_;
    queue_.push_back(std::move(pending_));
  }
  lock.unlock();
  changed_.notify_all();
  pending_ = {};
  pending_bytes_ = 0;
}

std::optional<std::string> SideIndex::finish() {
  hand_over();
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
  thread_.join();
  if (error_) return error_;
  char* message = nullptr;
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, &message) != SQLITE_OK) {
    error_ = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
  }
  return error_;
}

void SideIndex::run() {
  for (;;) {
    std::vector<Row> rows;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !queue_.empty() || closed_ || error_; });
      if (error_ || queue_.empty()) return;
      rows = std::move(queue_.front());
      queue_.pop_front();
    }
    index(rows);
    std::size_t bytes = 0;
    for (const Row& row : rows) bytes += row.title.size() + row.abstract.size();
    {
      std::lock_guard lock(mutex_);
      queued_bytes_ -= bytes;
    }
    changed_.notify_all();
  }
}

void SideIndex::index(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    sqlite3_bind_int64(insert_, 1, row.rowid);
    sqlite3_bind_text(insert_, 2, row.title.data(), static_cast<int>(row.title.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert_, 3, row.abstract.data(), static_cast<int>(row.abstract.size()), SQLITE_STATIC);
    const int status = sqlite3_step(insert_);
    sqlite3_reset(insert_);
    if (status != SQLITE_DONE) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = fmt::format("{}: {}", path_.string(), sqlite3_errmsg(db_));
      return;
    }
  }
}

void copy_side_index(sqlite3* db, const std::string& name) {
  execute(db,
          "DELETE FROM main.entries_fts_data; DELETE FROM main.entries_fts_idx; "
          "DELETE FROM main.entries_fts_docsize; DELETE FROM main.entries_fts_config; "
          "INSERT INTO main.entries_fts_data SELECT * FROM fts_build.entries_fts_data; "
          "INSERT INTO main.entries_fts_idx SELECT * FROM fts_build.entries_fts_idx; "
          "INSERT INTO main.entries_fts_docsize SELECT * FROM fts_build.entries_fts_docsize; "
          "INSERT INTO main.entries_fts_config SELECT * FROM fts_build.entries_fts_config;",
          name);
}

}  // namespace digestkit::sqlite::detail
