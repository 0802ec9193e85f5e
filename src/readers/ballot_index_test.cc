// The ballot index the readers assemble contests with (readers/internal/ballot_rows.h).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "readers/internal/ballot_rows.h"

namespace psephos::internal {
namespace {

// Ballots come back by id, however many there are and however their rows are spread: a ballot
// met again is the same one (its rows added to), a new one goes after all before it.
TEST(BallotIndex, FindsEachBallotAgainAndKeepsTheOrderFirstSeen) {
  BallotIndex index;
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back("local.council-" + std::to_string(i % 97) + ".ward-" + std::to_string(i) + ".2018-05-03");
  ids.push_back("");  // an id like any other here; the readers refuse it before
  for (size_t i = 0; i < ids.size(); ++i) {
    bool is_new = false;
    BallotRows& rows = index.Get(ids[i], &is_new);
    ASSERT_TRUE(is_new) << i;
    rows.first_line = static_cast<int64_t>(i);
    // Every so often an earlier ballot's rows again (a file not in ballot order).
    if (i % 7 == 0) {
      const size_t earlier = i / 2;
      BallotRows& again = index.Get(ids[earlier], &is_new);
      ASSERT_FALSE(is_new) << i;
      ASSERT_EQ(again.first_line, static_cast<int64_t>(earlier));
      ASSERT_EQ(again.declaration.ballot_id, ids[earlier]);
    }
  }
  bool is_new = true;
  EXPECT_EQ(&index.Get(ids[12345], &is_new), &index.ballots()[12345]);
  EXPECT_FALSE(is_new);
  BallotQueue taken = index.TakeBallots();
  ASSERT_EQ(taken.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(taken[i].declaration.ballot_id, ids[i]);
  EXPECT_TRUE(index.ballots().empty());
  index.Get("local.a.b.2018-05-03", &is_new);  // and it is used again from nothing
  EXPECT_TRUE(is_new);
}

// The queue keeps each ballot where it was put while more are added, hands them back in order
// across its blocks, frees them from the front, and is used again from nothing once emptied.
TEST(BallotQueue, KeepsOrderAndPlaceAcrossBlocks) {
  BallotQueue queue;
  const size_t n = 2 * BallotQueue::kBlock + 5;
  std::vector<BallotRows*> places;
  for (size_t i = 0; i < n; ++i) {
    BallotRows& rows = queue.emplace_back();
    rows.first_line = static_cast<int64_t>(i);
    places.push_back(&rows);
  }
  ASSERT_EQ(queue.size(), n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(&queue[i], places[i]) << i;
  size_t seen = 0;
  for (BallotRows& rows : queue) ASSERT_EQ(rows.first_line, static_cast<int64_t>(seen++));
  EXPECT_EQ(seen, n);
  for (size_t i = 0; i < BallotQueue::kBlock + 3; ++i) {
    ASSERT_EQ(queue.front().first_line, static_cast<int64_t>(i));
    queue.pop_front();
  }
  ASSERT_EQ(queue.size(), n - BallotQueue::kBlock - 3);
  EXPECT_EQ(queue[0].first_line, static_cast<int64_t>(BallotQueue::kBlock + 3));
  EXPECT_EQ(&queue[queue.size() - 1], places.back());
  while (!queue.empty()) queue.pop_front();
  queue.emplace_back().first_line = 7;
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue.front().first_line, 7);
  BallotQueue never_used;  // made and dropped empty
  EXPECT_TRUE(never_used.empty());
  BallotQueue moved = std::move(queue);  // a queue moved from is empty, and usable
  EXPECT_EQ(moved.size(), 1u);
  EXPECT_TRUE(queue.empty());  // NOLINT: checked on purpose
  queue.emplace_back().first_line = 9;
  EXPECT_EQ(queue[0].first_line, 9);
}

// A candidate's line is where it was read, whether the contest's rows are one run of lines (no
// line kept) or not: a repeated candidate is named at its own row either way.
TEST(BallotRows, EachCandidateKeepsTheLineItWasReadFrom) {
  auto candidate = [](std::string name) { return Candidate{CompactString(name), "PP53", 10, std::nullopt}; };
  BallotRows run;
  for (int64_t line : {4, 5, 6}) run.Add(candidate("C" + std::to_string(line)), line);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(run.LineOf(i), static_cast<int64_t>(4 + i));

  BallotRows spread;
  spread.Add(candidate("Ann"), 10);
  spread.Add(candidate("Bob"), 11);
  spread.Add(candidate("Cat"), 40);  // the rest of the contest further down the file
  spread.Add(candidate("ann"), 41);
  const std::vector<int64_t> want = {10, 11, 40, 41};
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(spread.LineOf(i), want[i]) << i;
  Status repeated = spread.CheckNoRepeatedCandidate("results.csv", "person_name");
  ASSERT_FALSE(repeated);
  EXPECT_EQ(repeated.error().line, 41);
  EXPECT_EQ(repeated.error().field, "person_name");
}

}  // namespace
}  // namespace psephos::internal
