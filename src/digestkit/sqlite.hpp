// Digests into an SQLite database (`digest convert --to sqlite`): the schema
// of docs/sqlite.md, written incrementally. A digest is keyed by its
// source's path and its index in the file, and carries a hash of its
// content: converting the same inputs again skips unchanged digests and
// replaces changed ones, so a growing archive converts incrementally.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "digestkit/parse.hpp"

namespace digestkit::sqlite {

// PRAGMA user_version and meta.schema_version of the databases written.
inline constexpr int schema_version = 1;

// Could not open, create or write the database; the message says which and
// why ("archive.db: database is locked").
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ArchiveCounts {
  std::size_t added = 0;      // digests new to the database
  std::size_t replaced = 0;   // digests whose content changed: their rows rewritten
  std::size_t unchanged = 0;  // digests already there with the same content: skipped
  std::size_t removed = 0;    // digests gone from a file that has fewer now
};

// One open database. Writes go in transactions of a batch of inputs (WAL
// journal, prepared statements); the last is committed by finish(). Not
// thread-safe: one writer, fed in input order.
class ArchiveDatabase {
 public:
  // Opens or creates the file, creating the schema in a new database.
  // Throws DatabaseError, also for a database of another schema version.
  explicit ArchiveDatabase(const std::filesystem::path& path);
  ~ArchiveDatabase();  // rolls back what finish() did not commit
  ArchiveDatabase(const ArchiveDatabase&) = delete;
  ArchiveDatabase& operator=(const ArchiveDatabase&) = delete;

  // Every digest of one parsed file (file.source must be set: text input).
  // Throws DatabaseError.
  void add(const ParsedFile& file);
  // Commits the open batch. Throws DatabaseError.
  void finish();

  [[nodiscard]] const ArchiveCounts& counts() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace digestkit::sqlite
