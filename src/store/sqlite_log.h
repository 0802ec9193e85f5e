// sqlite_log.h
//
// The results log in one SQLite file: the embedded default. Write-ahead logging with
// synchronous=FULL, so an Append that returned survives a crash of the process or the machine;
// every statement is prepared once and bound, never built from text. A file that is not a
// Psephos log (another SQLite database, or not a database at all) is refused, not changed.
//
//   Result<std::unique_ptr<ResultsLog>> log = OpenSqliteLog("night.db");   // created if absent
//   if (!log) { std::cerr << log.error().ToString(); ... }
//
// One process writes a file at a time: the log takes an exclusive lock for its lifetime, so a
// second server on the same file fails at start rather than interleaving entries. Several
// servers sharing a night use PostgreSQL instead.
#ifndef PSEPHOS_STORE_SQLITE_LOG_H_
#define PSEPHOS_STORE_SQLITE_LOG_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/results_log.h"

namespace psephos {

struct SqliteLogOptions {
  // Refuse to create the file: open an existing log only.
  bool must_exist = false;
  // Open without writing (a reader of a log another process owns).
  bool read_only = false;
};

Result<std::unique_ptr<ResultsLog>> OpenSqliteLog(const std::string& path, SqliteLogOptions options = {});

}  // namespace psephos

#endif  // PSEPHOS_STORE_SQLITE_LOG_H_
