// testing.h
//
// Test support: where the project's own data and ../shared/data are. Tests that need the
// real data call PSEPHOS_SHARED_DATA_OR_SKIP(path), which skips with a message when
// ../shared/data is absent, and fails instead when CI=true (CI always has it).
//
//   TEST(Trafford, Outcome) {
//     std::string file;
//     PSEPHOS_SHARED_DATA_OR_SKIP(file, "trafford-2016-2026-lga/trafford_council_election_results.csv");
//     ...
//   }
#ifndef PSEPHOS_TESTS_TESTING_H_
#define PSEPHOS_TESTS_TESTING_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace psephos::testing {

// The project's root (from PSEPHOS_SOURCE_DIR, set by CTest).
std::string SourceDir();
// Path of a file under ../shared/data, or nullopt when it is not there.
std::optional<std::string> SharedDataFile(const std::string& relative);
bool InCi();
// A project file under the root, e.g. "tests/fixtures/trafford-2018.json".
std::string ProjectFile(const std::string& relative);

// A fresh empty directory for one test, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Path of a file in the directory.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace psephos::testing

#define PSEPHOS_SHARED_DATA_OR_SKIP(var, relative)                                       \
  do {                                                                                  \
    auto psephos_found_ = ::psephos::testing::SharedDataFile(relative);                 \
    if (!psephos_found_) {                                                              \
      if (::psephos::testing::InCi()) {                                                 \
        FAIL() << "CI=true but ../shared/data/" << (relative) << " is missing";         \
      }                                                                                 \
      GTEST_SKIP() << "../shared/data/" << (relative)                                   \
                   << " is absent: put the shared data beside the project to run this"; \
    }                                                                                   \
    var = *psephos_found_;                                                              \
  } while (0)

#endif  // PSEPHOS_TESTS_TESTING_H_
