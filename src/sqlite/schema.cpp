// The database schema (docs/sqlite.md describes each table), the checks
// that an existing database has it, and the statement helpers.
#include <fmt/format.h>

#include "side_index.hpp"
#include "statement.hpp"

namespace digestkit::sqlite::detail {
namespace {

// Version 1. Text columns hold the fields as written (the digestkit/1 JSON
// values); tags is the JSON array of the category's tags. entries_fts
// indexes titles and abstracts with the trigram tokenizer, which finds
// substrings of three or more characters in any script (the default
// tokenizer splits on spaces and so finds nothing in Chinese text); the
// triggers keep it in step with entries.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  encoding TEXT NOT NULL,
  bom INTEGER NOT NULL,
  line_endings TEXT NOT NULL
);
CREATE TABLE digests (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  digest_index INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  category TEXT NOT NULL,
  tags TEXT NOT NULL,
  date TEXT,
  date_valid INTEGER NOT NULL,
  footer_author TEXT,
  footer_licence TEXT,
  footer_notice TEXT,
  footer_toc INTEGER,
  UNIQUE (source_id, digest_index)
);
CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  digest_id INTEGER NOT NULL REFERENCES digests (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  abstract TEXT NOT NULL,
  comments TEXT,
  marker TEXT,
  UNIQUE (digest_id, position)
);
CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE entry_authors (
  entry_id INTEGER NOT NULL REFERENCES entries (id),
  position INTEGER NOT NULL,
  author_id INTEGER NOT NULL REFERENCES authors (id),
  PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE entries_fts USING fts5 (
  title, abstract, content = 'entries', content_rowid = 'id', tokenize = 'trigram'
);
)sql";

// Secondary indexes, created once the first run has written its rows: a
// bulk load is faster without them (one sort at the end instead of a
// b-tree insert per row). IF NOT EXISTS: a database of an earlier version
// had it from the start.
constexpr const char* kDeferredIndexes = R"sql(
CREATE INDEX IF NOT EXISTS entry_authors_by_author ON entry_authors (author_id);
)sql";

// Keep entries_fts in step with entries. A new database gets them only once
// its first run has filled entries and built the index in one pass
// (fts_state 'pending' until then): FTS5's 'rebuild' is 2.5 times faster
// than indexing row by row through triggers.
constexpr const char* kFtsTriggers = R"sql(
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts (rowid, title, abstract) VALUES (new.id, new.title, new.abstract);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, abstract) VALUES ('delete', old.id, old.title, old.abstract);
END;
)sql";

}  // namespace

void fail(sqlite3* db, const std::string& what) {
  throw DatabaseError(fmt::format("{}: {}", what, db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

void execute(sqlite3* db, const char* sql, const std::string& what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw DatabaseError(fmt::format("{}: {}", what, text));
  }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement_,
                         nullptr) != SQLITE_OK) {
    fail(db, sqlite3_db_filename(db, nullptr));
  }
}

bool Statement::step() {
  const int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  sqlite3_reset(statement_);
  fail(db_, sqlite3_db_filename(db_, nullptr));
}

void Statement::check(int status) {
  if (status != SQLITE_OK) fail(db_, sqlite3_db_filename(db_, nullptr));
}

bool prepare_schema(sqlite3* db, const std::string& name) {
  Statement version(db, "PRAGMA user_version");
  version.step();
  const std::int64_t found = version.integer(0);
  version.reset();
  if (found == schema_version) {
    Statement state(db, "SELECT value FROM meta WHERE key = 'fts_state'");
    const bool pending = state.step() && state.text(0) == "pending";
    state.reset();
    return pending;
  }
  Statement tables(db, "SELECT count(*) FROM sqlite_schema");
  tables.step();
  const std::int64_t objects = tables.integer(0);
  tables.reset();
  if (found != 0 || objects != 0) {
    throw DatabaseError(
        fmt::format("{}: not a digestkit database of schema version {} (user_version {}, {} tables)", name,
                    schema_version, found, objects));
  }
  execute(db, "BEGIN", name);
  execute(db, kSchema, name);
  execute(db,
          fmt::format("INSERT INTO meta VALUES ('schema_version', '{0}'), ('fts_state', 'pending'); "
                      "PRAGMA user_version = {0};",
                      schema_version)
              .c_str(),
          name);
  execute(db, "COMMIT", name);
  return true;
}

void build_full_text_index(sqlite3* db, const std::string& name, const std::filesystem::path* side) {
  if (side != nullptr) Statement(db, "ATTACH ?1 AS fts_build").bind(1, side->string()).run();
  execute(db, "BEGIN IMMEDIATE", name);
  execute(db, kDeferredIndexes, name);
  if (side != nullptr) {
    copy_side_index(db, name);
  } else {
    // Without automerge while rebuilding: the one-time build then merges
    // segments only when a level is full (crisismerge), which on 300 MB
    // took 37 s of CPU instead of 51, and MATCH queries on the result were
    // as fast (docs/sqlite.md, Speed). SideIndex builds it the same way.
    execute(db, "INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0)", name);
    execute(db, "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')", name);
  }
  // The default, for the triggers' writes from now on.
  execute(db, "INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 4)", name);
  execute(db, kFtsTriggers, name);
  execute(db, "UPDATE meta SET value = 'ready' WHERE key = 'fts_state'", name);
  execute(db, "COMMIT", name);
  if (side != nullptr) execute(db, "DETACH fts_build", name);
}

}  // namespace digestkit::sqlite::detail
