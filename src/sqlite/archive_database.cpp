// ArchiveDatabase: parsed files -> rows of the schema in schema.cpp, one
// transaction per batch of inputs.
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "digestkit/json.hpp"
#include "side_index.hpp"
#include "statement.hpp"

namespace digestkit::sqlite {

using detail::execute;
using detail::Statement;

namespace {

// A batch ends once this much input text is in it: large enough that
// commits (an fsync each) cost nothing, small enough that a failed run loses
// little and the WAL file stays small.
constexpr std::size_t kBatchBytes = std::size_t{64} << 20;

std::string content_hash(std::string_view text) {
  const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

std::string tags_json(const Category& category) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const Text& tag : category.tags)
    writer.String(tag.value.data(), static_cast<rapidjson::SizeType>(tag.value.size()));
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

sqlite3* open_database(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int status = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (status != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(status);
    sqlite3_close(db);
    throw DatabaseError(fmt::format("{}: {}", path.string(), message));
  }
  return db;
}

// A switch that another connection prevents (it needs the only open
// connection, and waits out the busy timeout) leaves the mode as it was:
// slower, not wrong, and the next run switches a finished database to WAL.
void set_journal_mode(sqlite3* db, const char* mode) {
  sqlite3_exec(db, fmt::format("PRAGMA journal_mode = {}", mode).c_str(), nullptr, nullptr, nullptr);
}

}  // namespace

struct ArchiveDatabase::State {
  explicit State(const std::filesystem::path& path) : name(path.string()), db(open_database(path)) {
    try {
      sqlite3_extended_result_codes(db, 1);
      // Another writer (a second convert on the same file) waits its turn.
      sqlite3_busy_timeout(db, 10'000);
      // A page cache of 128 MiB keeps the indexes of a large run in memory.
      execute(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;",
              name);
      fts_pending = detail::prepare_schema(db, name);
      // Until its first run has finished (fts_state 'pending') a database is
      // written in rollback-journal mode without foreign-key checks: pages
      // appended to a file are not journaled, where WAL writes every page
      // twice (the log, then the checkpoint), and every id this writer binds
      // is one it has just read or written. finish() switches to WAL.
      set_journal_mode(db, fts_pending ? "DELETE" : "WAL");
      execute(db, fts_pending ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON", name);
      if (fts_pending) start_side_index(path);
      prepare();
    } catch (...) {
      side.reset();
      statements.reset();
      close();
      throw;
    }
  }
  ~State() {
    side.reset();
    statements.reset();
    close();
  }

  struct Statements {
    explicit Statements(sqlite3* db)
        : upsert_source(
              db,
              "INSERT INTO sources (path, encoding, bom, line_endings) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT (path) DO UPDATE SET encoding = ?2, bom = ?3, line_endings = ?4 RETURNING id"),
          find_digest(db, "SELECT id, content_hash FROM digests WHERE source_id = ? AND digest_index = ?"),
          digests_from(db, "SELECT id FROM digests WHERE source_id = ? AND digest_index >= ?"),
          delete_entry_authors(db,
                               "DELETE FROM entry_authors WHERE entry_id IN "
                               "(SELECT id FROM entries WHERE digest_id = ?)"),
          delete_entries(db, "DELETE FROM entries WHERE digest_id = ?"),
          delete_digest(db, "DELETE FROM digests WHERE id = ?"),
          insert_digest(db,
                        "INSERT INTO digests (source_id, digest_index, content_hash, category, tags, date, "
                        "date_valid, footer_author, footer_licence, footer_notice, footer_toc) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
          update_digest(db,
                        "UPDATE digests SET content_hash = ?3, category = ?4, tags = ?5, date = ?6, "
                        "date_valid = ?7, footer_author = ?8, footer_licence = ?9, footer_notice = ?10, "
                        "footer_toc = ?11 WHERE id = ?12"),
          insert_entry(db,
                       "INSERT INTO entries (digest_id, position, title, abstract, comments, marker) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
          upsert_author(db,
                        "INSERT INTO authors (name) VALUES (?) "
                        "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id"),
          insert_entry_author(db,
                              "INSERT INTO entry_authors (entry_id, position, author_id) VALUES (?, ?, ?)") {}
    Statement upsert_source, find_digest, digests_from, delete_entry_authors, delete_entries, delete_digest,
        insert_digest, update_digest, insert_entry, upsert_author, insert_entry_author;
  };

  void prepare() { statements = std::make_unique<Statements>(db); }

  // A database with no entries yet has its full-text index built on a
  // second thread as the rows are written (SideIndex). One that has some (a
  // first run killed after a commit) is indexed by 'rebuild' at the end, as
  // is any run that deletes rows before then. A scratch file left by a
  // killed run is removed either way.
  void start_side_index(const std::filesystem::path& path) {
    const std::filesystem::path scratch = detail::SideIndex::path_for(path);
    std::error_code ignored;
    std::filesystem::remove(scratch, ignored);
    Statement any(db, "SELECT EXISTS (SELECT 1 FROM entries)");
    any.step();
    const bool empty = any.integer(0) == 0;
    any.reset();
    if (!empty) return;
    try {
      side = std::make_unique<detail::SideIndex>(scratch);
    } catch (const DatabaseError&) {
      side.reset();  // no scratch file here: 'rebuild' does the same work later
    }
  }

  void close() {
    if (db == nullptr) return;
    if (in_transaction) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    db = nullptr;
  }

  void begin_if_needed() {
    if (in_transaction) return;
    execute(db, "BEGIN IMMEDIATE", name);
    in_transaction = true;
    batch_bytes = 0;
  }

  void commit() {
    if (!in_transaction) return;
    execute(db, "COMMIT", name);
    in_transaction = false;
  }

  std::int64_t author_id(std::string_view author) {
    auto found = authors.find(author);
    if (found != authors.end()) return found->second;
    Statement& s = statements->upsert_author;
    s.bind(1, author);
    s.step();
    const std::int64_t id = s.integer(0);
    s.reset();
    authors.emplace(std::string(author), id);
    return id;
  }

  void remove_rows_of(std::int64_t digest_id) {
    side.reset();  // it would keep the deleted rows
    statements->delete_entry_authors.bind(1, digest_id).run();
    statements->delete_entries.bind(1, digest_id).run();
  }

  void write_digest_row(Statement& s, std::int64_t source_id, const Document& document, std::string_view hash,
                        const std::string& tags, const std::string& date) {
    s.bind(1, source_id).bind(2, static_cast<std::int64_t>(document.index)).bind(3, hash);
    s.bind(4, document.category.line.value).bind(5, tags);
    if (document.date) {
      s.bind(6, date);
    } else {
      s.bind_null(6);
    }
    s.bind(7, std::int64_t{document.date && document.date->is_calendar_date});
    if (document.footer) {
      s.bind(8, document.footer->author.value);
      if (document.footer->licence) {
        s.bind(9, document.footer->licence->value);
      } else {
        s.bind_null(9);
      }
      s.bind(10, document.footer->notice.value).bind(11, std::int64_t{document.footer->has_toc});
    } else {
      s.bind_null(8).bind_null(9).bind_null(10).bind_null(11);
    }
  }

  void write_entries(std::int64_t digest_id, const Document& document) {
    std::int64_t position = 0;
    for (const Entry& entry : document.entries) {
      Statement& s = statements->insert_entry;
      s.bind(1, digest_id).bind(2, position++).bind(3, entry.title.value).bind(4, entry.abstract.value);
      if (entry.comments) {
        s.bind(5, entry.comments->value);
      } else {
        s.bind_null(5);
      }
      if (entry.marker == Marker::Missing) {
        s.bind_null(6);
      } else {
        s.bind(6, marker_text(entry.marker));
      }
      s.run();
      const std::int64_t entry_id = sqlite3_last_insert_rowid(db);
      if (side) side->add(entry_id, entry.title.value, entry.abstract.value);
      std::int64_t author_position = 0;
      for (const Author& author : entry.authors) {
        const std::int64_t id = author_id(author.name);
        statements->insert_entry_author.bind(1, entry_id).bind(2, author_position++).bind(3, id).run();
      }
    }
  }

  void add(const ParsedFile& file) {
    if (!file.source) throw DatabaseError(fmt::format("{}: only digest text converts to sqlite", file.path));
    begin_if_needed();
    const JsonSource source = json_source_of(*file.source);
    Statement& upsert = statements->upsert_source;
    upsert.bind(1, source.path).bind(2, source.encoding).bind(3, std::int64_t{source.bom});
    upsert.bind(4, source.line_endings);
    upsert.step();
    const std::int64_t source_id = upsert.integer(0);
    upsert.reset();

    const std::string_view text = file.source->text();
    for (const Document& document : file.documents) {
      const std::string hash = content_hash(text.substr(document.span.begin, document.span.size()));
      Statement& find = statements->find_digest;
      find.bind(1, source_id).bind(2, static_cast<std::int64_t>(document.index));
      std::optional<std::int64_t> existing;
      bool same = false;
      if (find.step()) {
        existing = find.integer(0);
        same = find.text(1) == hash;
      }
      find.reset();
      if (same) {
        ++counts.unchanged;
        continue;
      }
      const std::string tags = tags_json(document.category);
      const std::string date = document.date ? document.date->iso() : std::string();
      std::int64_t digest_id = 0;
      if (existing) {
        remove_rows_of(*existing);
        Statement& s = statements->update_digest;
        write_digest_row(s, source_id, document, hash, tags, date);
        s.bind(12, *existing).run();
        digest_id = *existing;
        ++counts.replaced;
      } else {
        Statement& s = statements->insert_digest;
        write_digest_row(s, source_id, document, hash, tags, date);
        s.run();
        digest_id = sqlite3_last_insert_rowid(db);
        ++counts.added;
      }
      write_entries(digest_id, document);
    }
    // Digests past the end of the file as it is now.
    Statement& gone = statements->digests_from;
    gone.bind(1, source_id).bind(2, static_cast<std::int64_t>(file.documents.size()));
    std::vector<std::int64_t> removed;
    while (gone.step()) removed.push_back(gone.integer(0));
    gone.reset();
    for (const std::int64_t id : removed) {
      remove_rows_of(id);
      statements->delete_digest.bind(1, id).run();
      ++counts.removed;
    }
    batch_bytes += text.size();
    if (batch_bytes >= kBatchBytes) commit();
  }

  std::string name;
  sqlite3* db = nullptr;
  std::unique_ptr<Statements> statements;
  std::unique_ptr<detail::SideIndex> side;  // while a new database's index is built beside it
  bool in_transaction = false;
  bool fts_pending = false;
  std::size_t batch_bytes = 0;
  // Looked up by string_view (1.3 million times in a 300 MB archive): no
  // std::string made per lookup.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  std::unordered_map<std::string, std::int64_t, NameHash, std::equal_to<>> authors;
  ArchiveCounts counts;
};

ArchiveDatabase::ArchiveDatabase(const std::filesystem::path& path) : state_(std::make_unique<State>(path)) {}
ArchiveDatabase::~ArchiveDatabase() = default;

void ArchiveDatabase::add(const ParsedFile& file) { state_->add(file); }

void ArchiveDatabase::finish() {
  state_->commit();
  if (state_->fts_pending) {
    // The side index, if it indexed every row; else 'rebuild'.
    std::optional<std::filesystem::path> side;
    if (state_->side && !state_->side->finish()) side = state_->side->path();
    detail::build_full_text_index(state_->db, state_->name, side ? &*side : nullptr);
    state_->side.reset();
    state_->fts_pending = false;
    set_journal_mode(state_->db, "WAL");
    execute(state_->db, "PRAGMA foreign_keys = ON", state_->name);
  }
}

const ArchiveCounts& ArchiveDatabase::counts() const { return state_->counts; }

}  // namespace digestkit::sqlite
