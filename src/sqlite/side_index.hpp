// Private to the sqlite module: the full-text index of a new database built
// on a second thread while the first writes the tables. SQLite has one
// writer per file, so the thread writes entries_fts into a scratch database
// of its own; finish_first_load() then copies its shadow tables into the
// real one (2 s for 900 MB of index, against 40 s to tokenize the text).
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace digestkit::sqlite::detail {

class SideIndex {
 public:
  // The scratch file beside the database (`archive.db-fts-build`).
  static std::filesystem::path path_for(const std::filesystem::path& database);

  // Creates the scratch database (replacing a stale one) and starts the
  // thread. Throws DatabaseError.
  explicit SideIndex(std::filesystem::path path);
  // Stops the thread and removes the scratch file.
  ~SideIndex();
  SideIndex(const SideIndex&) = delete;
  SideIndex& operator=(const SideIndex&) = delete;

  // One row of entries, copied: indexed on the thread. Blocks while the
  // thread is more than a few MB behind, so memory stays bounded.
  void add(std::int64_t rowid, std::string_view title, std::string_view abstract);
  // Waits for the thread to index every row and commit. Empty on success,
  // else why the index cannot be used.
  std::optional<std::string> finish();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  struct Row {
    std::int64_t rowid;
    std::string title, abstract;
  };
  void hand_over();
  void run();
  void index(const std::vector<Row>& rows);

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  std::vector<Row> pending_;  // filled by add(), handed over in chunks
  std::size_t pending_bytes_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Row>> queue_;
  std::size_t queued_bytes_ = 0;
  bool closed_ = false;
  std::optional<std::string> error_;
  std::thread thread_;
};

// Replaces entries_fts's shadow tables in `db` by those of the scratch
// database, attached as fts_build, in the caller's transaction. Throws
// DatabaseError.
void copy_side_index(sqlite3* db, const std::string& name);

}  // namespace digestkit::sqlite::detail
