// postgres_module.h (internal)
//
// What the PostgreSQL module (psephos-postgres.so, made from postgres_log.cc) and the loader
// in the program (postgres_loader.cc) agree on: the name of the one function the module
// exports and its type. The module is loaded only when a PostgreSQL log is opened, so that a
// program that never uses one does not load libpq and the score of libraries behind it (TLS,
// Kerberos, LDAP), whose symbols took about 5 ms of every start (BENCHMARKS.md, "Batch").
//
// The name carries a version: a module from another build of Psephos is refused at load,
// rather than called with a type it does not have.
#ifndef PSEPHOS_STORE_INTERNAL_POSTGRES_MODULE_H_
#define PSEPHOS_STORE_INTERNAL_POSTGRES_MODULE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/results_log.h"

namespace psephos::internal {

inline constexpr char kPostgresModuleFile[] = "psephos-postgres.so";
inline constexpr char kPostgresModuleEntry[] = "psephos_open_postgres_log_v1";
// Connects to `conninfo` and opens the log there, writing the outcome to `*out`.
using PostgresModuleEntry = void (*)(const std::string& conninfo, Result<std::unique_ptr<ResultsLog>>* out);

}  // namespace psephos::internal

#endif  // PSEPHOS_STORE_INTERNAL_POSTGRES_MODULE_H_
