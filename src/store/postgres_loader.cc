// Opens a PostgreSQL log through the module that holds it (internal/postgres_module.h): the
// module is looked for where PSEPHOS_POSTGRES_MODULE says, else beside the running program.
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "store/internal/postgres_module.h"
#include "store/postgres_log.h"

namespace psephos {

namespace {

std::string ModulePath() {
  if (const char* path = std::getenv("PSEPHOS_POSTGRES_MODULE"); path && *path) return path;
  std::error_code ec;
  std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (program.parent_path() / internal::kPostgresModuleFile).string();
}

// Loaded once and kept for the life of the process: the logs it makes run its code.
Result<internal::PostgresModuleEntry> LoadModule() {
  static std::once_flag once;
  static internal::PostgresModuleEntry entry = nullptr;
  static std::string failure;
  std::call_once(once, [] {
    const std::string path = ModulePath();
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      const char* why = dlerror();
      failure = "PostgreSQL support is not available: cannot load " + path + " (" + (why ? why : "?") +
                "); it is built beside the psephos program, or set PSEPHOS_POSTGRES_MODULE to it";
      return;
    }
    entry = reinterpret_cast<internal::PostgresModuleEntry>(dlsym(module, internal::kPostgresModuleEntry));
    if (!entry)
      failure = path + " is not the PostgreSQL module of this build of Psephos (no " +
                internal::kPostgresModuleEntry + ")";
  });
  if (!entry) return WithKind(MakeError(failure, "database"), ErrorKind::kUnavailable);
  return entry;
}

}  // namespace

bool IsPostgresUri(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<ResultsLog>> OpenPostgresLog(const std::string& conninfo) {
  auto entry = LoadModule();
  if (!entry) return entry.error();
  Result<std::unique_ptr<ResultsLog>> log = MakeError("the PostgreSQL module returned nothing");
  (*entry)(conninfo, &log);
  return log;
}

}  // namespace psephos
