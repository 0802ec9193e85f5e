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
//   Result<int64_t> first = log->Append(entries);           // durable when it returns
//   Result<std::vector<LogEntry>> since = log->Read(/*after_seq=*/40, /*limit=*/100);
//
// The log keeps bodies as text (JSON in the shapes of readers/night_json.h) and never looks
// inside them: it knows order and durability, not elections.
#ifndef PSEPHOS_STORE_RESULTS_LOG_H_
#define PSEPHOS_STORE_RESULTS_LOG_H_

#include <cstdint>
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

class ResultsLog {
 public:
  virtual ~ResultsLog() = default;

  // Appends the entries in one transaction, assigning each the next seq (written back into
  // `entries`). Returns only once the entries are durable; on failure none was written.
  virtual Status Append(std::vector<LogEntry>& entries) = 0;
  // Entries with seq > after_seq, in order, at most `limit` of them.
  virtual Result<std::vector<LogEntry>> Read(int64_t after_seq, size_t limit) const = 0;
  // The seq of the last entry; 0 when the log is empty.
  virtual int64_t LastSeq() const = 0;
  // Where the log lives, for messages ("night.db").
  virtual std::string Describe() const = 0;
};

}  // namespace psephos

#endif  // PSEPHOS_STORE_RESULTS_LOG_H_
