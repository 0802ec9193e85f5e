// results_log_contract.h
//
// What every ResultsLog (store/results_log.h) must do, checked the same way on each kind:
// sqlite_log_test.cc and postgres_log_test.cc call these with a log of their own.
//
//   psephos::testing::ExpectAppendsInOrderAndReadsBack(**OpenSqliteLog(path));   // an empty log
//   psephos::testing::ExpectReopenKeepsEverything([&] { return std::move(*OpenSqliteLog(path)); });
#ifndef PSEPHOS_TESTS_RESULTS_LOG_CONTRACT_H_
#define PSEPHOS_TESTS_RESULTS_LOG_CONTRACT_H_

#include <gtest/gtest.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/results_log.h"

namespace psephos::testing {

inline std::vector<LogEntry> Entries(std::initializer_list<std::pair<EntryKind, std::string>> items) {
  std::vector<LogEntry> out;
  for (const auto& [kind, body] : items)
    out.push_back(LogEntry{0, kind, "2018-05-04T00:31:00Z", "http", "desk-1", body});
  return out;
}

// On an empty log: seqs 1, 2, 3 with no gaps, every field and every byte of the body read back.
inline void ExpectAppendsInOrderAndReadsBack(ResultsLog& log) {
  EXPECT_EQ(log.LastSeq(), 0);
  auto batch = Entries({{EntryKind::kSetup, "{\"s\":1}"}, {EntryKind::kDeclaration, "{\"d\":\"Sale – Priory\"}"}});
  ASSERT_TRUE(log.Append(batch).ok());
  EXPECT_EQ(batch[0].seq, 1);
  EXPECT_EQ(batch[1].seq, 2);
  auto more = Entries({{EntryKind::kCorrection, "{\"c\":3}"}});
  ASSERT_TRUE(log.Append(more).ok());
  EXPECT_EQ(more[0].seq, 3);

  auto all = log.Read(0, 100);
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1].body, "{\"d\":\"Sale – Priory\"}");  // bytes kept as they were
  EXPECT_EQ((*all)[2].kind, EntryKind::kCorrection);
  EXPECT_EQ((*all)[2].body, "{\"c\":3}");
  EXPECT_EQ((*all)[2].author, "desk-1");
  EXPECT_EQ((*all)[2].source, "http");
  EXPECT_EQ((*all)[2].recorded_at, "2018-05-04T00:31:00Z");
  auto tail = log.Read(1, 1);
  ASSERT_TRUE(tail);
  ASSERT_EQ(tail->size(), 1u);
  EXPECT_EQ((*tail)[0].seq, 2);
}

// Entries acknowledged before a close are there after a reopen, and the next seq follows on.
inline void ExpectReopenKeepsEverything(const std::function<std::unique_ptr<ResultsLog>()>& open) {
  {
    std::unique_ptr<ResultsLog> log = open();
    ASSERT_NE(log, nullptr);
    auto batch = Entries({{EntryKind::kSetup, "{}"}, {EntryKind::kDeclaration, "{\"ward\":\"a\"}"}});
    ASSERT_TRUE(log->Append(batch).ok());
  }
  std::unique_ptr<ResultsLog> log = open();
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->LastSeq(), 2);
  auto next = Entries({{EntryKind::kWithdrawal, "{}"}});
  ASSERT_TRUE(log->Append(next).ok());
  EXPECT_EQ(next[0].seq, 3);  // no gap, no reuse
}

}  // namespace psephos::testing

#endif  // PSEPHOS_TESTS_RESULTS_LOG_CONTRACT_H_
