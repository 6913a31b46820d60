// Private to the sqlite module: RAII handles for a connection and a prepared
// statement, and errors that name the database.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "digestkit/sqlite.hpp"

namespace digestkit::sqlite::detail {

[[noreturn]] void fail(sqlite3* db, const std::string& what);

// Runs SQL without results (DDL, PRAGMA, BEGIN/COMMIT).
void execute(sqlite3* db, const char* sql, const std::string& what);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based, as in SQLite. Text is bound without a copy: it must
  // outlive the step.
  Statement& bind(int index, std::string_view text) {
    check(sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
    return *this;
  }
  Statement& bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value));
    return *this;
  }
  Statement& bind_null(int index) {
    check(sqlite3_bind_null(statement_, index));
    return *this;
  }
  // True while a row is available.
  bool step();
  // Steps to the end and resets the statement for its next use.
  void run() {
    while (step()) {
    }
    reset();
  }
  void reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  [[nodiscard]] std::string_view text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return data == nullptr ? std::string_view()
                           : std::string_view(data, sqlite3_column_bytes(statement_, column));
  }

 private:
  void check(int status);
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// Creates the schema in an empty database or checks the version of an
// existing one. True when entries_fts is still to be built (a new database,
// or one whose first run did not finish): rows are then written without
// indexing and build_full_text_index() indexes them all at the end.
// Throws DatabaseError.
bool prepare_schema(sqlite3* db, const std::string& name);
// Ends a database's first load: creates the secondary indexes left out of
// the schema for it, indexes every entry in entries_fts (by copying the
// index a SideIndex built in the scratch database `side`, or when null by
// FTS5's 'rebuild') and adds the triggers that keep it in step from then
// on. Call outside a transaction. Throws DatabaseError.
void build_full_text_index(sqlite3* db, const std::string& name, const std::filesystem::path* side);

}  // namespace digestkit::sqlite::detail
