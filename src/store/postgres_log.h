// postgres_log.h
//
// The results log in PostgreSQL: for several Psephos servers sharing one night (behind a load
// balancer, or on several machines for redundancy). Every server appends to and reads the same
// table; each folds it into its own night and follows it (Engine::CatchUp) when told of an append.
//
//   Result<std::unique_ptr<ResultsLog>> log = OpenPostgresLog("postgresql://127.0.0.1:5432/night");
//   if (!log) { std::cerr << log.error().ToString(); ... }      // ErrorKind::kUnavailable: no server
//   std::unique_ptr<LogWatch> watch = (*log)->Watch();          // for a follower thread
//
// One table, psephos_log (seq bigint primary key, kind, recorded_at, source, author, body, all
// text), created when absent; a table of that name of another shape is refused, not changed.
// An append is one transaction: it locks the table against other appenders (readers go on),
// checks that the last entry is the one its writer expects, inserts with the next seqs, notifies
// channel psephos_log with the last seq (PostgreSQL delivers it at commit) and commits; it
// returns only after the commit. Seqs therefore become visible in order, with no gaps. Every
// statement is prepared or constant: no value is ever spliced into SQL text.
//
// A connection found broken (the database restarted) is made again within the call; a database
// that cannot be reached is an Error of kind kUnavailable, never a crash, and a later call tries
// again. docs/POSTGRES.md says how to run it.
//
// The log's code and libpq live in a module, psephos-postgres.so, built beside the psephos
// program and loaded on the first OpenPostgresLog (PSEPHOS_POSTGRES_MODULE names another
// place): a run that opens no PostgreSQL log does not load libpq and the libraries behind it,
// about 5 ms of every start. A module that cannot be loaded is an Error of kind kUnavailable.
#ifndef PSEPHOS_STORE_POSTGRES_LOG_H_
#define PSEPHOS_STORE_POSTGRES_LOG_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/results_log.h"

namespace psephos {

// `conninfo` is any libpq connection string: a URI (postgresql://user@host:port/db) or
// key=value pairs. Connects, creates the table when absent, and reads where the log is.
Result<std::unique_ptr<ResultsLog>> OpenPostgresLog(const std::string& conninfo);

// Whether `target` names a PostgreSQL log (a postgresql:// or postgres:// URI) rather than a file.
bool IsPostgresUri(const std::string& target);

}  // namespace psephos

#endif  // PSEPHOS_STORE_POSTGRES_LOG_H_
