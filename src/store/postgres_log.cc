// The PostgreSQL results log, built as a module of its own (psephos-postgres.so) that
// store/postgres_loader.cc loads on first use: see internal/postgres_module.h.
#include "store/postgres_log.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <regex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/internal/postgres_module.h"

namespace psephos {

namespace {

constexpr char kTable[] = "psephos_log";
constexpr char kChannel[] = "psephos_log";  // NOTIFY payload: the last seq appended
constexpr char kFormat[] = "Psephos results log, format 1";
// The table's shape: what an existing table must have, column by column.
const std::vector<std::pair<std::string, std::string>> kColumns = {
    {"seq", "bigint"}, {"kind", "text"},   {"recorded_at", "text"},
    {"source", "text"}, {"author", "text"}, {"body", "text"}};

// libpq's messages span lines, indented with tabs; an Error is one line.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The connection string without its password, for messages.
std::string Redacted(const std::string& conninfo) {
  static const std::regex kUriPassword("(://[^:/@]*):[^@/]*@");
  static const std::regex kKeyPassword("password\\s*=\\s*('[^']*'|[^\\s&]*)");
  return std::regex_replace(std::regex_replace(conninfo, kUriPassword, "$1:***@"), kKeyPassword, "password=***");
}

// Turns the exception being handled into an Error: a lost connection or server is kUnavailable.
Error CurrentError(const std::string& doing, const std::string& where) {
  auto unavailable = [&](const std::string& what) {
    return WithKind(MakeError(doing + ": " + OneLine(what), "", where), ErrorKind::kUnavailable);
  };
  try {
    throw;
  } catch (const pqxx::in_doubt_error& e) {
    return unavailable("the connection was lost during the commit, so the entries may or may not be recorded "
                       "(catching up shows which): " + std::string(e.what()));
  } catch (const pqxx::broken_connection& e) {
    return unavailable(std::string("no connection to the database: ") + e.what());
  } catch (const std::exception& e) {
    return unavailable(e.what());
  }
}

class PostgresWatch final : public LogWatch {
 public:
  explicit PostgresWatch(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  ~PostgresWatch() override { Disconnect(); }

  bool Wait(std::chrono::milliseconds timeout) override {
    try {
      bool reconnected = false;
      if (!connection_ || !connection_->is_open()) {
        Disconnect();
        connection_ = std::make_unique<pqxx::connection>(conninfo_);
        receiver_ = std::make_unique<Receiver>(*connection_, notified_);
        reconnected = true;  // appends while there was no LISTEN went unheard: catch up anyway
      }
      const auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
      connection_->await_notification(static_cast<long>(us / 1000000), static_cast<long>(us % 1000000));
      return std::exchange(notified_, false) || reconnected;
    } catch (const std::exception&) {
      // The database is away: try again on a later call, without spinning meanwhile.
      Disconnect();
      std::this_thread::sleep_for(timeout);
      return false;
    }
  }

 private:
  class Receiver final : public pqxx::notification_receiver {
   public:
    Receiver(pqxx::connection& connection, bool& notified)
        : pqxx::notification_receiver(connection, kChannel), notified_(notified) {}
    void operator()(const std::string&, int) override { notified_ = true; }

   private:
    bool& notified_;
  };

  void Disconnect() {
    receiver_.reset();  // before its connection
    connection_.reset();
  }

  std::string conninfo_;
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<Receiver> receiver_;
  bool notified_ = false;
};

class PostgresLog final : public ResultsLog {
 public:
  explicit PostgresLog(std::string conninfo) : conninfo_(std::move(conninfo)), where_(Redacted(conninfo_)) {}

  Status Open() {
    try {
      {
        // The table first, on a connection of its own: statements are prepared against it.
        pqxx::connection setup(conninfo_);
        where_ = std::string("postgresql://") + (setup.hostname() ? setup.hostname() : "") + ":" +
                 (setup.port() ? setup.port() : "") + "/" + (setup.dbname() ? setup.dbname() : "");
        pqxx::work work(setup);
        // Two servers starting on an empty database must not both create the table.
        work.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", kTable);
        if (Status s = CheckOrCreateTable(work); !s) return s;
        work.commit();
      }
      Connect();
      pqxx::read_transaction work(*connection_);
      last_seq_ = work.exec_prepared1("last")[0].as<int64_t>();
      return {};
    } catch (...) {
      return Failed("opening the results log");
    }
  }

  Result<AppendOutcome> AppendAfter(int64_t expected_last, std::vector<LogEntry>& entries) override {
    return OnConnection<AppendOutcome>("appending to the results log", [&](pqxx::connection& c) -> AppendOutcome {
      pqxx::work work(c);
      // EXCLUSIVE mode: appenders queue here, readers (ACCESS SHARE) are not held up.
      work.exec0(std::string("LOCK TABLE ") + kTable + " IN EXCLUSIVE MODE");
      const int64_t last = work.exec_prepared1("last")[0].as<int64_t>();
      last_seq_ = std::max(last_seq_, last);
      if (expected_last != kAnySeq && expected_last != last) return AppendOutcome::kLogMoved;
      if (entries.empty()) return AppendOutcome::kAppended;
      int64_t seq = last;
      for (const LogEntry& e : entries)
        work.exec_prepared0("insert", ++seq, std::string(ToString(e.kind)), e.recorded_at, e.source, e.author, e.body);
      work.exec_prepared("notify", kChannel, std::to_string(seq));
      work.commit();
      seq = last;
      for (LogEntry& e : entries) e.seq = ++seq;
      last_seq_ = seq;
      return AppendOutcome::kAppended;
    });
  }

  Result<std::vector<LogEntry>> Read(int64_t after_seq, size_t limit) const override {
    using Entries = std::vector<LogEntry>;
    return OnConnection<Entries>("reading the results log", [&](pqxx::connection& c) -> Result<Entries> {
      pqxx::read_transaction work(c);
      const pqxx::result rows =
          work.exec_prepared("read", after_seq, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
      Entries out;
      out.reserve(rows.size());
      for (const pqxx::row& row : rows) {
        LogEntry e;
        e.seq = row[0].as<int64_t>();
        const std::string kind = row[1].as<std::string>();
        auto parsed = ParseEntryKind(kind);
        if (!parsed) return MakeError("unknown entry kind '" + kind + "'", "kind", where_, e.seq);
        e.kind = *parsed;
        e.recorded_at = row[2].as<std::string>();
        e.source = row[3].as<std::string>();
        e.author = row[4].as<std::string>();
        e.body = row[5].as<std::string>();
        out.push_back(std::move(e));
      }
      if (!out.empty()) last_seq_ = std::max(last_seq_, out.back().seq);
      return out;
    });
  }

  int64_t LastSeq() const override { return last_seq_; }
  std::string Describe() const override { return where_; }
  std::unique_ptr<LogWatch> Watch() const override { return std::make_unique<PostgresWatch>(conninfo_); }

 private:
  // (Re)connects when there is no open connection, preparing the statements on the new one.
  void Connect() const {
    if (connection_ && connection_->is_open()) return;
    connection_.reset();
    auto connection = std::make_unique<pqxx::connection>(conninfo_);
    connection->prepare("last", std::string("SELECT COALESCE(MAX(seq), 0) FROM ") + kTable);
    connection->prepare("insert", std::string("INSERT INTO ") + kTable +
                                      " (seq, kind, recorded_at, source, author, body) VALUES ($1, $2, $3, $4, $5, $6)");
    connection->prepare("read", std::string("SELECT seq, kind, recorded_at, source, author, body FROM ") + kTable +
                                    " WHERE seq > $1 ORDER BY seq LIMIT $2");
    connection->prepare("notify", "SELECT pg_notify($1, $2)");
    connection_ = std::move(connection);
  }

  // Runs `body` on the connection, made first when there is none. A connection found broken
  // before anything was committed (say the database restarted since) is made again and `body`
  // run once more; any other failure is an Error.
  template <typename T, typename Body>
  Result<T> OnConnection(const std::string& doing, Body body) const {
    for (int attempt = 1;; ++attempt) {
      try {
        Connect();
        return body(*connection_);
      } catch (const pqxx::in_doubt_error&) {
        return Failed(doing);
      } catch (const pqxx::broken_connection&) {
        if (attempt == 2) return Failed(doing);
        connection_.reset();
      } catch (...) {
        return Failed(doing);
      }
    }
  }

  // Called while an exception is handled. The connection is not used again after a failure of
  // any kind: the next call makes a new one.
  Error Failed(const std::string& doing) const {
    connection_.reset();
    return CurrentError(doing, where_);
  }

  Status CheckOrCreateTable(pqxx::work& work) {
    const pqxx::result columns = work.exec_params(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        kTable);
    if (columns.empty()) {
      work.exec0(std::string("CREATE TABLE ") + kTable +
                 " (seq bigint PRIMARY KEY, kind text NOT NULL, recorded_at text NOT NULL, source text NOT NULL, "
                 "author text NOT NULL, body text NOT NULL)");
      work.exec0(std::string("COMMENT ON TABLE ") + kTable + " IS '" + kFormat + "'");
      return {};
    }
    std::vector<std::pair<std::string, std::string>> found;
    std::string shape;
    for (const pqxx::row& row : columns) {
      found.emplace_back(row[0].as<std::string>(), row[1].as<std::string>());
      shape += (shape.empty() ? "" : ", ") + found.back().first + " " + found.back().second;
    }
    if (found != kColumns)
      return MakeError("table " + std::string(kTable) + " has another shape (" + shape +
                           "): not a Psephos results log; refusing to change it",
                       kTable, where_);
    const pqxx::row comment = work.exec_params1("SELECT obj_description($1::regclass, 'pg_class')", kTable);
    const std::string format = comment[0].is_null() ? "" : comment[0].as<std::string>();
    if (format != kFormat)
      return MakeError("table " + std::string(kTable) + " is marked '" + format + "', this psephos reads '" + kFormat +
                           "'",
                       kTable, where_);
    return {};
  }

  std::string conninfo_;
  std::string where_;
  // Used from one thread (the engine's); const reads may reconnect.
  mutable std::unique_ptr<pqxx::connection> connection_;
  mutable int64_t last_seq_ = 0;
};

}  // namespace

// The module's one exported symbol (internal/postgres_module.h); everything else in the module,
// its own copy of what it uses of core/ and store/ included, is local to it (postgres_module.map).
extern "C" __attribute__((visibility("default"))) void psephos_open_postgres_log_v1(
    const std::string& conninfo, Result<std::unique_ptr<ResultsLog>>* out) {
  static_assert(std::is_same_v<decltype(&psephos_open_postgres_log_v1), internal::PostgresModuleEntry>);
  auto log = std::make_unique<PostgresLog>(conninfo);
  if (Status s = log->Open(); !s) {
    *out = s.error();
    return;
  }
  *out = std::unique_ptr<ResultsLog>(std::move(log));
}

}  // namespace psephos
