// ArchiveDatabase: rows as the schema documents them, re-runs that skip,
// replace and remove, and trigram search in English and Chinese.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "digestkit/parse.hpp"
#include "digestkit/sqlite.hpp"
#include "support/support.hpp"

namespace digestkit {
namespace {

using digestkit::testing::make_temp_dir;
using digestkit::testing::read_file;
using digestkit::testing::testdata;

// Runs a query and returns its rows, fields joined by '|', rows by '\n'.
std::string query(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  std::string out;
  char* error = nullptr;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* target, int columns, char** values, char**) {
        auto& text = *static_cast<std::string*>(target);
        for (int i = 0; i < columns; ++i) {
          if (i != 0) text += '|';
          text += values[i] != nullptr ? values[i] : "NULL";
        }
        text += '\n';
        return 0;
      },
      &out, &error);
  EXPECT_EQ(error, nullptr) << error;
  sqlite3_free(error);
  sqlite3_close(db);
  return out;
}

ParsedFile parse_fixture(const std::string& relative, const std::string& path) {
  ParsedFile file = parse_bytes(read_file(testdata(relative)), path);
  EXPECT_TRUE(file.ok());
  return file;
}

sqlite::ArchiveCounts convert(const std::filesystem::path& db, const std::vector<ParsedFile>& files) {
  sqlite::ArchiveDatabase database(db);
  for (const ParsedFile& file : files) database.add(file);
  database.finish();
  return database.counts();
}

TEST(ArchiveDatabase, WritesTheDocumentedSchemaWithItsVersion) {
  const auto db = make_temp_dir("sqlite") / "a.db";
  std::vector<ParsedFile> files;
  files.push_back(parse_fixture("json/two-digests.txt", "two.txt"));
  const auto counts = convert(db, files);
  EXPECT_EQ(counts.added, 2u);
  EXPECT_EQ(query(db, "PRAGMA user_version"), "1\n");
  EXPECT_EQ(query(db, "SELECT value FROM meta WHERE key = 'schema_version'"), "1\n");
  EXPECT_EQ(query(db, "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(query(db, "SELECT path, encoding, bom, line_endings FROM sources"), "two.txt|UTF-8|0|lf\n");
  const Document& first = files[0].documents[0];
  EXPECT_EQ(query(db, "SELECT digest_index, category FROM digests ORDER BY digest_index"),
            "0|" + std::string(first.category.line.value) + "\n1|" +
                std::string(files[0].documents[1].category.line.value) + "\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries"),
            std::to_string(first.entries.size() + files[0].documents[1].entries.size()) + "\n");
  // Authors in their order, each name once in authors.
  const Entry& entry = first.entries[0];
  std::string names;
  for (const Author& a : entry.authors) names += std::string(a.name) + "\n";
  EXPECT_EQ(query(db,
                  "SELECT a.name FROM entry_authors ea JOIN authors a ON a.id = ea.author_id "
                  "JOIN entries e ON e.id = ea.entry_id JOIN digests d ON d.id = e.digest_id "
                  "WHERE d.digest_index = 0 AND e.position = 0 ORDER BY ea.position"),
            names);
  EXPECT_EQ(query(db, "SELECT count(*) - count(DISTINCT name) FROM authors"), "0\n");
}

TEST(ArchiveDatabase, ReRunsSkipUnchangedReplaceChangedAndRemoveGoneDigests) {
  const auto dir = make_temp_dir("sqlite");
  const auto db = dir / "a.db";
  std::vector<ParsedFile> first;
  first.push_back(parse_fixture("json/two-digests.txt", "posts/a.txt"));
  first.push_back(parse_fixture("samples/nerf-2023-03-14.txt", "posts/b.txt"));
  const auto initial = convert(db, first);
  EXPECT_EQ(initial.added, 3u);
  const std::string before = query(db, "SELECT count(*) FROM entries");

  const auto again = convert(db, first);
  EXPECT_EQ(again.added + again.replaced + again.removed, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries"), before);

  // b.txt now holds another post; a.txt only its first digest.
  std::vector<ParsedFile> changed;
  changed.push_back(parse_bytes(
      std::string(first[0].source->text().substr(0, first[0].documents[0].span.end)), "posts/a.txt"));
  ASSERT_TRUE(changed[0].ok());
  changed.push_back(parse_fixture("samples/ssl-2023-05-02.txt", "posts/b.txt"));
  const auto third = convert(db, changed);
  EXPECT_EQ(third.unchanged, 1u);
  EXPECT_EQ(third.replaced, 1u);
  EXPECT_EQ(third.removed, 1u);
  EXPECT_EQ(third.added, 0u);
  std::size_t entries = changed[0].documents[0].entries.size() + changed[1].documents[0].entries.size();
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries"), std::to_string(entries) + "\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts"), std::to_string(entries) + "\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entry_authors WHERE entry_id NOT IN (SELECT id FROM entries)"),
            "0\n");
  EXPECT_EQ(query(db, "SELECT title FROM entries_fts WHERE entries_fts MATCH '" +
                          std::string(changed[1].documents[0].entries[0].title.value.substr(0, 12)) + "'"),
            std::string(changed[1].documents[0].entries[0].title.value) + "\n");
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(query(db, "INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')"), "");
}

// A new database is indexed in one pass when its first run finishes, and
// kept in step by triggers from then on; a first run that never finished
// (fts_state still 'pending') is indexed by the next one.
TEST(ArchiveDatabase, TheFullTextIndexIsBuiltOnceThenKeptInStep) {
  const auto db = make_temp_dir("sqlite") / "a.db";
  std::vector<ParsedFile> files;
  files.push_back(parse_fixture("samples/nerf-2023-03-14.txt", "a.txt"));
  convert(db, files);
  const std::string entries = query(db, "SELECT count(*) FROM entries");
  EXPECT_EQ(query(db, "SELECT value FROM meta WHERE key = 'fts_state'"), "ready\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), "2\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts"), entries);

  // As a run killed before finish() leaves a new database.
  query(db,
        "DROP TRIGGER entries_fts_insert; DROP TRIGGER entries_fts_delete; "
        "INSERT INTO entries_fts (entries_fts) VALUES ('delete-all'); "
        "UPDATE meta SET value = 'pending' WHERE key = 'fts_state'");
  ASSERT_EQ(query(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'Lattice'"), "0\n");
  files.push_back(parse_fixture("samples/ssl-2023-05-02.txt", "b.txt"));
  convert(db, files);
  EXPECT_EQ(query(db, "SELECT value FROM meta WHERE key = 'fts_state'"), "ready\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts"), query(db, "SELECT count(*) FROM entries"));
  EXPECT_EQ(query(db, "SELECT count(*) > 0 FROM entries_fts WHERE entries_fts MATCH 'Lattice'"), "1\n");
  EXPECT_EQ(query(db, "INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')"), "");
}

// The first load is written in rollback-journal mode, without the
// secondary index and foreign-key checks (faster; docs/sqlite.md, Speed);
// the database a finished run leaves has all three, in WAL mode.
TEST(ArchiveDatabase, AFirstLoadEndsInWalModeWithEveryIndex) {
  const auto db = make_temp_dir("sqlite") / "a.db";
  std::vector<ParsedFile> files;
  files.push_back(parse_fixture("samples/nerf-2023-03-14.txt", "a.txt"));
  files.push_back(parse_fixture("json/two-digests.txt", "b.txt"));
  const std::string index_count =
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'entry_authors_by_author'";
  {
    // A run that never finishes: its batch is rolled back, the schema stays.
    sqlite::ArchiveDatabase database(db);
    database.add(files[0]);
  }
  EXPECT_EQ(query(db, "SELECT value FROM meta WHERE key = 'fts_state'"), "pending\n");
  EXPECT_EQ(query(db, "PRAGMA journal_mode"), "delete\n");
  EXPECT_EQ(query(db, index_count), "0\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries"), "0\n");

  convert(db, files);
  EXPECT_EQ(query(db, "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(query(db, index_count), "1\n");
  EXPECT_EQ(query(db, "PRAGMA foreign_key_check"), "");
  EXPECT_EQ(query(db, "SELECT v FROM entries_fts_config WHERE k = 'automerge'"), "4\n");
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(query(db, "INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')"), "");
  // The index serves the documented query by author.
  EXPECT_NE(query(db, "EXPLAIN QUERY PLAN SELECT entry_id FROM entry_authors WHERE author_id = 1")
                .find("entry_authors_by_author"),
            std::string::npos);

  // A re-run of a finished database writes in WAL mode and keeps the rows.
  const std::string entries = query(db, "SELECT count(*) FROM entries");
  const auto again = convert(db, files);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(query(db, "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries"), entries);
}

// A new database's index is built beside it (a scratch file) while the
// rows are written, then copied in: the result is the index 'rebuild'
// makes, and the scratch file is gone, also one a killed run left behind.
TEST(ArchiveDatabase, ANewDatabaseIsIndexedBesideItAndTheScratchFileRemoved) {
  const auto dir = make_temp_dir("sqlite");
  const auto db = dir / "a.db";
  const auto scratch = dir / "a.db-fts-build";
  { std::ofstream(scratch) << "left by a killed run"; }
  std::vector<ParsedFile> files;
  files.push_back(parse_fixture("samples/nerf-2023-03-14.txt", "a.txt"));
  files.push_back(parse_fixture("samples/ssl-2023-05-02.txt", "b.txt"));
  {
    sqlite::ArchiveDatabase database(db);
    for (const ParsedFile& file : files) database.add(file);
    EXPECT_TRUE(std::filesystem::exists(scratch));
    database.finish();
  }
  EXPECT_FALSE(std::filesystem::exists(scratch));
  EXPECT_EQ(query(db, "INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')"), "");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts"), query(db, "SELECT count(*) FROM entries"));
  const std::string title(files[1].documents[0].entries[0].title.value);
  EXPECT_EQ(query(db,
                  "SELECT e.title FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
                  "WHERE entries_fts MATCH '\"" +
                      title.substr(0, 12) + "\"'"),
            title + "\n");

  // The same result as FTS5's own 'rebuild' of the same rows.
  const std::string match = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'the' ORDER BY rowid";
  const std::string side_rows = query(db, match);
  query(db, "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')");
  EXPECT_EQ(query(db, match), side_rows);
  EXPECT_NE(side_rows, "");
}

// A first run that deletes rows it wrote (the same file given twice, its
// digest replaced) cannot use the index built beside it, which still has
// them: it falls back to 'rebuild', and the index matches the table.
TEST(ArchiveDatabase, AFirstRunThatReplacesItsOwnRowsIsStillIndexedRight) {
  const auto db = make_temp_dir("sqlite") / "a.db";
  std::vector<ParsedFile> files;
  // b.txt between the two: the rows that replace a.txt's get new ids.
  files.push_back(parse_fixture("samples/nerf-2023-03-14.txt", "a.txt"));
  files.push_back(parse_fixture("samples/ssl-2023-05-02.txt", "b.txt"));
  files.push_back(parse_fixture("samples/ssl-2023-05-02.txt", "a.txt"));
  const auto counts = convert(db, files);
  EXPECT_EQ(counts.added, 2u);
  EXPECT_EQ(counts.replaced, 1u);
  EXPECT_EQ(query(db, "INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')"), "");
  const std::string gone(files[0].documents[0].entries[0].title.value);
  EXPECT_EQ(
      query(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '\"" + gone.substr(0, 12) + "\"'"),
      "0\n");
}

TEST(ArchiveDatabase, FullTextSearchFindsChineseAndEnglish) {
  const auto db = make_temp_dir("sqlite") / "a.db";
  std::string text = read_file(testdata("samples/nerf-2023-03-14.txt"));
  const ParsedFile sample = parse_bytes(text, "s.txt");
  ASSERT_TRUE(sample.ok());
  const std::string title(sample.documents[0].entries[0].title.value);
  text.replace(text.find(title), title.size(), "基于神经辐射场的三维重建 " + title);
  std::vector<ParsedFile> files;
  files.push_back(parse_bytes(text, "zh.txt"));
  ASSERT_TRUE(files[0].ok());
  convert(db, files);
  // The default tokenizer would find nothing here: CJK text has no spaces.
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '辐射场'"), "1\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '三维重建'"), "1\n");
  EXPECT_EQ(query(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '量子'"), "0\n");
  const std::string word =
      title.substr(0, title.find(' ') == std::string::npos ? title.size() : title.find(' '));
  EXPECT_EQ(query(db, "SELECT count(*) > 0 FROM entries_fts WHERE entries_fts MATCH '\"" + word + "\"'"),
            "1\n")
      << word;
}

TEST(ArchiveDatabase, RefusesADatabaseOfAnotherKind) {
  const auto db = make_temp_dir("sqlite") / "other.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  try {
    sqlite::ArchiveDatabase database(db);
    FAIL() << "opened";
  } catch (const sqlite::DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("not a digestkit database"), std::string::npos) << error.what();
  }
}

TEST(ArchiveDatabase, ACreatableFileIsRequired) {
  EXPECT_THROW(sqlite::ArchiveDatabase(std::filesystem::path("/nonexistent-dir/a.db")),
               sqlite::DatabaseError);
}

}  // namespace
}  // namespace digestkit
