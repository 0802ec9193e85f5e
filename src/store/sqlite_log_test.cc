#include "store/sqlite_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "results_log_contract.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::Entries;

TEST(SqliteLog, AppendsInOrderAndReadsBack) {
  testing::TempDir dir;
  auto log = OpenSqliteLog(dir.File("night.db"));
  ASSERT_TRUE(log) << log.error().ToString();
  testing::ExpectAppendsInOrderAndReadsBack(**log);
}

// The same contract as a log shared by several servers (postgres_log_test.cc), trivially kept:
// this process is the only writer.
TEST(SqliteLog, AppendsOnlyAfterTheEntryTheWriterExpects) {
  testing::TempDir dir;
  auto log = OpenSqliteLog(dir.File("night.db"));
  ASSERT_TRUE(log) << log.error().ToString();
  auto first = Entries({{EntryKind::kSetup, "{}"}});
  auto appended = (*log)->AppendAfter(0, first);
  ASSERT_TRUE(appended) << appended.error().ToString();
  EXPECT_EQ(*appended, AppendOutcome::kAppended);
  auto stale = Entries({{EntryKind::kDeclaration, "{}"}});
  auto moved = (*log)->AppendAfter(0, stale);
  ASSERT_TRUE(moved);
  EXPECT_EQ(*moved, AppendOutcome::kLogMoved);
  EXPECT_EQ(stale[0].seq, 0);
  EXPECT_EQ((*log)->LastSeq(), 1);
}

TEST(SqliteLog, ReopenedLogHasEverythingAcknowledged) {
  testing::TempDir dir;
  testing::ExpectReopenKeepsEverything([&]() -> std::unique_ptr<ResultsLog> {
    auto log = OpenSqliteLog(dir.File("night.db"));
    EXPECT_TRUE(log) << log.error().ToString();
    return log ? std::move(*log) : nullptr;
  });
}

TEST(SqliteLog, SecondWriterIsRefusedWhileTheFirstHoldsTheFile) {
  testing::TempDir dir;
  auto first = OpenSqliteLog(dir.File("night.db"));
  ASSERT_TRUE(first);
  auto second = OpenSqliteLog(dir.File("night.db"));
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message.find("in use by another process"), std::string::npos)
      << second.error().ToString();
}

TEST(SqliteLog, RefusesWhatIsNotAResultsLog) {
  testing::TempDir dir;
  {
    std::ofstream text(dir.File("notes.txt"));
    text << "these are not the results you are looking for\n";
  }
  auto garbage = OpenSqliteLog(dir.File("notes.txt"));
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().file, dir.File("notes.txt"));

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("other.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto other = OpenSqliteLog(dir.File("other.db"));
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("not a Psephos results log"), std::string::npos);

  auto missing = OpenSqliteLog(dir.File("absent.db"), {.must_exist = true});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no results log"), std::string::npos);
}

TEST(SqliteLog, ReadOnlyLogRefusesAppends) {
  testing::TempDir dir;
  {
    auto log = OpenSqliteLog(dir.File("night.db"));
    ASSERT_TRUE(log);
    auto batch = Entries({{EntryKind::kSetup, "{}"}});
    ASSERT_TRUE((*log)->Append(batch).ok());
  }
  auto log = OpenSqliteLog(dir.File("night.db"), {.read_only = true});
  ASSERT_TRUE(log) << log.error().ToString();
  EXPECT_EQ((*log)->LastSeq(), 1);
  auto batch = Entries({{EntryKind::kDeclaration, "{}"}});
  EXPECT_FALSE((*log)->Append(batch).ok());
}

TEST(EntryKind, NamesRoundTrip) {
  for (EntryKind k : {EntryKind::kSetup, EntryKind::kDeclaration, EntryKind::kCorrection, EntryKind::kWithdrawal,
                      EntryKind::kCouncil, EntryKind::kMayor})
    EXPECT_EQ(ParseEntryKind(ToString(k)), k);
  EXPECT_FALSE(ParseEntryKind("edit"));
}

}  // namespace
}  // namespace psephos
