// results_log.h
//
// The results log: the only state Psephos stores. An append-only sequence of entries (the
// night's setup, a ward's declaration, a correction after a recount, a withdrawal, a council's
// eve-of-poll setup), each with a sequence number, the time it was recorded, the channel it
// came by and who wrote it. A correction is a new entry, never an edit. Everything else (the
// night, its outcomes, the views) is derived by folding the log, so a restart rebuilds it.
//
//   std::unique_ptr<ResultsLog> log = ...;                  // e.g. OpenSqliteLog("night.db")
//   std::vector<LogEntry> entries = {{.kind = EntryKind::kDeclaration, .body = json}};
//   Result<AppendOutcome> r = log->AppendAfter(/*last_seq=*/40, entries);   // durable when it returns
//   if (r && *r == AppendOutcome::kLogMoved) { ...another server appended first: catch up, check again... }
//   Result<std::vector<LogEntry>> since = log->Read(/*after_seq=*/40, /*limit=*/100);
//
// The log keeps bodies as text (JSON in the shapes of readers/night_json.h) and never looks
// inside them: it knows order and durability, not elections.
//
// Several processes may share one log (PostgreSQL): each writer checks a write against the night
// as of the last entry it has folded, so an append names that entry and is refused, writing
// nothing, when the log has moved on since. A LogWatch tells a follower that it may have.
#ifndef PSEPHOS_STORE_RESULTS_LOG_H_
#define PSEPHOS_STORE_RESULTS_LOG_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

enum class EntryKind {
  kSetup,        // the night as set up before polling day: election and councils (entry 1)
  kDeclaration,  // a ward's declared result
  kCorrection,   // a declared ward's result replaced (a recount, a typing error)
  kWithdrawal,   // a ward's declaration taken back: the ward is undeclared again
  kCouncil,      // a council's setup replaced: its eve-of-poll composition as it now stands
  kMayor,        // a mayoral contest's result (a second one for a contest is its correction)
};
std::string_view ToString(EntryKind kind);  // "setup", "declaration", ...
std::optional<EntryKind> ParseEntryKind(std::string_view text);

struct LogEntry {
  int64_t seq = 0;          // 1, 2, 3, ... with no gaps; assigned by Append
  EntryKind kind = EntryKind::kDeclaration;
  std::string recorded_at;  // ISO 8601 UTC, when the service accepted the entry
  std::string source;       // the channel: "http", "replay", "import"
  std::string author;       // who wrote it: the name of the writer's token, or the command
  std::string body;         // JSON
};

// What a conditional append did.
enum class AppendOutcome {
  kAppended,  // the entries are durable, with seqs last_seq + 1, ...
  kLogMoved,  // another writer appended after last_seq first: nothing was written
};

// Wakes a follower of a log that other processes write to.
class LogWatch {
 public:
  virtual ~LogWatch() = default;
  // Blocks until another writer may have appended, or `timeout` has passed; true when told of an
  // append. A lost connection is no error: it is made again on a later call, and the caller,
  // catching up after every call, misses nothing meanwhile.
  virtual bool Wait(std::chrono::milliseconds timeout) = 0;
};

class ResultsLog {
 public:
  virtual ~ResultsLog() = default;

  // Appends the entries in one transaction, assigning each the next seq (written back into
  // `entries`), provided the log's last entry is still `last_seq` (kAnySeq: wherever it is).
  // Returns kAppended only once the entries are durable (committed); kLogMoved, writing nothing,
  // when another writer appended first; an Error (nothing written, or, when the connection to a
  // database server is lost at commit, not known) when the log could not be written.
  virtual Result<AppendOutcome> AppendAfter(int64_t last_seq, std::vector<LogEntry>& entries) = 0;
  static constexpr int64_t kAnySeq = -1;
  // Appends wherever the log is: for a process that writes alone (an import, a test).
  Status Append(std::vector<LogEntry>& entries) {
    auto r = AppendAfter(kAnySeq, entries);
    if (!r) return r.error();
    return {};
  }
  // Entries with seq > after_seq, in order, at most `limit` of them.
  virtual Result<std::vector<LogEntry>> Read(int64_t after_seq, size_t limit) const = 0;
  // The seq of the last entry this process has written or read; 0 when the log is empty. A log
  // that other processes write to may have moved on since.
  virtual int64_t LastSeq() const = 0;
  // Where the log lives, for messages ("night.db", "postgresql://127.0.0.1:5432/psephos").
  virtual std::string Describe() const = 0;
  // A watch on appends by other processes, on a connection of its own, for a follower on another
  // thread; nullptr when no other process can write the log (SQLite's exclusive lock).
  virtual std::unique_ptr<LogWatch> Watch() const { return nullptr; }
};

}  // namespace psephos

#endif  // PSEPHOS_STORE_RESULTS_LOG_H_
