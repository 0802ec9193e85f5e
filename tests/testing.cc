#include "testing.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace psephos::testing {

std::string SourceDir() {
  const char* dir = std::getenv("PSEPHOS_SOURCE_DIR");
  // CTest sets the variable; test discovery at build time runs without it.
  return dir ? dir : PSEPHOS_DEFAULT_SOURCE_DIR;
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

std::optional<std::string> SharedDataFile(const std::string& relative) {
  const char* dir = std::getenv("PSEPHOS_SHARED_DATA");
  std::string base = dir ? dir : SourceDir() + "/../shared/data";
  std::string path = base + "/" + relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

std::string ProjectFile(const std::string& relative) { return SourceDir() + "/" + relative; }

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "psephos-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary directory");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::File(const std::string& name) const { return path_ + "/" + name; }

}  // namespace psephos::testing
