#include "store/sqlite_log.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace psephos {

namespace {

// SQLite's message for the connection's last error, with the operating system's reason when it
// was one (a full disk, "File too large" past a size limit, a permission): "disk I/O error"
// alone does not say what to fix.
std::string Why(sqlite3* db) {
  std::string text = sqlite3_errmsg(db);
  const int code = sqlite3_extended_errcode(db) & 0xff;
  const int os_error = sqlite3_system_errno(db);
  if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && os_error != 0)
    text += std::string(" (") + std::strerror(os_error) + ")";
  return text;
}

// 'PsLg': marks the file as a Psephos results log (SQLite's application_id header field).
constexpr int kApplicationId = 0x50734c67;
constexpr int kSchemaVersion = 1;

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteLog final : public ResultsLog {
 public:
  SqliteLog(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  ~SqliteLog() override { sqlite3_close_v2(db_); }

  Status Prepare() {
    // A writer takes its exclusive lock here, so a second server on the file fails at start.
    if (Status s = Exec(read_only_ ? "BEGIN" : "BEGIN IMMEDIATE"); !s) return s;
    if (Status s = CheckOrCreateSchema(); !s) {
      (void)Exec("ROLLBACK");
      return s;
    }
    if (Status s = Exec("COMMIT"); !s) return s;
    if (Status s = PrepareStatement("INSERT INTO log(seq, kind, recorded_at, source, author, body) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    insert_);
        !s)
      return s;
    if (Status s = PrepareStatement("SELECT seq, kind, recorded_at, source, author, body FROM log "
                                    "WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                                    select_);
        !s)
      return s;
    Statement last;
    if (Status s = PrepareStatement("SELECT COALESCE(MAX(seq), 0) FROM log", last); !s) return s;
    if (sqlite3_step(last.get()) != SQLITE_ROW) return Failure("reading the last entry");
    last_seq_ = sqlite3_column_int64(last.get(), 0);
    return {};
  }

  // The exclusive lock makes this process the only writer, so the log is where it last left it.
  Result<AppendOutcome> AppendAfter(int64_t expected_last, std::vector<LogEntry>& entries) override {
    if (expected_last != kAnySeq && expected_last != last_seq_) return AppendOutcome::kLogMoved;
    if (entries.empty()) return AppendOutcome::kAppended;
    if (read_only_) return MakeError("opened read-only", "", path_);
    if (Status s = Exec("BEGIN IMMEDIATE"); !s) return s.error();
    int64_t seq = last_seq_;
    for (LogEntry& e : entries) {
      e.seq = ++seq;
      sqlite3_stmt* st = insert_.get();
      sqlite3_reset(st);
      sqlite3_bind_int64(st, 1, e.seq);
      const std::string_view kind = ToString(e.kind);
      sqlite3_bind_text(st, 2, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 3, e.recorded_at.data(), static_cast<int>(e.recorded_at.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 4, e.source.data(), static_cast<int>(e.source.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 5, e.author.data(), static_cast<int>(e.author.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 6, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
      if (sqlite3_step(st) != SQLITE_DONE) {
        Error error = Failure("writing entry " + std::to_string(e.seq)).error();
        sqlite3_reset(st);
        (void)Exec("ROLLBACK");
        for (LogEntry& undo : entries) undo.seq = 0;
        return error;
      }
    }
    sqlite3_reset(insert_.get());
    if (Status s = Exec("COMMIT"); !s) {
      (void)Exec("ROLLBACK");
      for (LogEntry& undo : entries) undo.seq = 0;
      return s.error();
    }
    last_seq_ = seq;
    return AppendOutcome::kAppended;
  }

  Result<std::vector<LogEntry>> Read(int64_t after_seq, size_t limit) const override {
    std::vector<LogEntry> out;
    sqlite3_stmt* st = select_.get();
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, after_seq);
    sqlite3_bind_int64(st, 2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      LogEntry e;
      e.seq = sqlite3_column_int64(st, 0);
      auto kind = ParseEntryKind(Text(st, 1));
      if (!kind) {
        sqlite3_reset(st);
        return MakeError("unknown entry kind '" + Text(st, 1) + "'", "kind", path_, e.seq);
      }
      e.kind = *kind;
      e.recorded_at = Text(st, 2);
      e.source = Text(st, 3);
      e.author = Text(st, 4);
      e.body = Text(st, 5);
      out.push_back(std::move(e));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return Failure("reading entries").error();
    return out;
  }

  int64_t LastSeq() const override { return last_seq_; }
  std::string Describe() const override { return path_; }

 private:
  static std::string Text(sqlite3_stmt* st, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(st, column))) : std::string();
  }

  Status Failure(const std::string& doing) const {
    return MakeError(doing + ": " + Why(db_), "", path_);
  }

  Status Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      sqlite3_free(message);  // the same as Why's, which adds the system's reason
      std::string text = Why(db_);
      return MakeError(sql.substr(0, sql.find(' ')) + ": " + text, "", path_);
    }
    return {};
  }

  Status PrepareStatement(const char* sql, Statement& statement) {
    if (sqlite3_prepare_v2(db_, sql, -1, statement.out(), nullptr) != SQLITE_OK) return Failure("preparing");
    return {};
  }

  Result<int64_t> Pragma(const char* sql) {
    Statement st;
    if (Status s = PrepareStatement(sql, st); !s) return s.error();
    if (sqlite3_step(st.get()) != SQLITE_ROW) return Failure(sql).error();
    return sqlite3_column_int64(st.get(), 0);
  }

  Status CheckOrCreateSchema() {
    auto app = Pragma("PRAGMA application_id");
    if (!app) return app.error();
    auto tables = Pragma("SELECT count(*) FROM sqlite_master");
    if (!tables) return tables.error();
    if (*app == 0 && *tables == 0) {
      if (read_only_) return MakeError("an empty file, not a Psephos results log", "", path_);
      return Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                  "; PRAGMA user_version = " + std::to_string(kSchemaVersion) +
                  "; CREATE TABLE log ("
          "  seq INTEGER PRIMARY KEY,"
          "  kind TEXT NOT NULL,"
          "  recorded_at TEXT NOT NULL,"
          "  source TEXT NOT NULL,"
          "  author TEXT NOT NULL,"
          "  body TEXT NOT NULL)");
    }
    if (*app != kApplicationId)
      return MakeError("not a Psephos results log (another SQLite database); refusing to change it", "", path_);
    auto version = Pragma("PRAGMA user_version");
    if (!version) return version.error();
    if (*version != kSchemaVersion)
      return MakeError("results log format " + std::to_string(*version) + ", this psephos reads format " +
                           std::to_string(kSchemaVersion),
                       "", path_);
    return {};
  }

  sqlite3* db_;
  std::string path_;
  bool read_only_;
  Statement insert_, select_;
  int64_t last_seq_ = 0;
};

}  // namespace

Result<std::unique_ptr<ResultsLog>> OpenSqliteLog(const std::string& path, SqliteLogOptions options) {
  std::error_code ec;
  if (options.must_exist && !std::filesystem::exists(path, ec))
    return MakeError("no results log here", "", path);
  if (!options.read_only) {
    // Said plainly, before SQLite finds out in the middle of setting up ("disk I/O error").
    // SQLite keeps its write-ahead log beside the file, so the folder must be writable too.
    const std::filesystem::path folder = std::filesystem::absolute(path, ec).parent_path();
    if (std::filesystem::exists(path, ec) && access(path.c_str(), W_OK) != 0)
      return MakeError(std::string("the results log is read-only to this process (") + std::strerror(errno) +
                           "): the service must write every entry; give a log it may write",
                       "", path);
    if (access(folder.c_str(), W_OK | X_OK) != 0)
      return MakeError(std::string("cannot write in the log's folder ") + folder.string() + " (" +
                           std::strerror(errno) + "), where the log and its write-ahead log (-wal) are kept",
                       "", path);
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  auto log = std::make_unique<SqliteLog>(db, path, options.read_only);  // closes db whatever happens next
  if (rc != SQLITE_OK) return MakeError(std::string("cannot open: ") + sqlite3_errstr(rc), "", path);
  sqlite3_extended_result_codes(db, 1);
  const char* setup = options.read_only ? "PRAGMA query_only = 1"
                                        : "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; "
                                          "PRAGMA synchronous = FULL";
  char* message = nullptr;
  if (sqlite3_exec(db, setup, nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);
    std::string text = Why(db);
    const int code = sqlite3_errcode(db) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      return MakeError("the results log is in use by another process (" + text + ")", "", path);
    return MakeError("cannot open as a results log: " + text, "", path);
  }
  if (Status s = log->Prepare(); !s) {
    Error e = s.error();
    if (e.message.find("locked") != std::string::npos || e.message.find("busy") != std::string::npos)
      e.message = "the results log is in use by another process (" + e.message + ")";
    return e;
  }
  return std::unique_ptr<ResultsLog>(std::move(log));
}

}  // namespace psephos
