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
    BallotRows rows = index.Get(ids[i], &is_new);
    ASSERT_TRUE(is_new) << i;
    rows.first_line = static_cast<int64_t>(i);
    // Every so often an earlier ballot's rows again (a file not in ballot order).
    if (i % 7 == 0) {
      const size_t earlier = i / 2;
      BallotRows again = index.Get(ids[earlier], &is_new);
      ASSERT_FALSE(is_new) << i;
      ASSERT_EQ(again.first_line, static_cast<int64_t>(earlier));
      ASSERT_EQ(again.declaration.ballot_id, ids[earlier]);
    }
  }
  bool is_new = true;
  EXPECT_EQ(&index.Get(ids[12345], &is_new).declaration, &index.ballots()[12345].declaration);
  EXPECT_FALSE(is_new);
  size_t seen = 0;
  for (BallotRows rows : index.ballots()) ASSERT_EQ(rows.first_line, static_cast<int64_t>(seen++));
  EXPECT_EQ(seen, ids.size());
  std::vector<Declaration> taken = index.TakeDeclarations();
  ASSERT_EQ(taken.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(taken[i].ballot_id, ids[i]);
  EXPECT_TRUE(index.ballots().empty());
  index.Get("local.a.b.2018-05-03", &is_new);  // and it is used again from nothing
  EXPECT_TRUE(is_new);
  EXPECT_EQ(index.size(), 1u);
}

// Reserved, the declarations stay where they were made while the ballots reserved for come, and
// are handed over where they are; past the room reserved the list grows, every ballot kept.
TEST(BallotIndex, ReservedTheDeclarationsAreHandedOverWhereTheyAre) {
  BallotIndex index;
  index.Reserve(3000);
  const Declaration* first = &index.Get("local.c.w0.2018-05-03").declaration;
  for (int i = 1; i < 3000; ++i) index.Get("local.c.w" + std::to_string(i) + ".2018-05-03").declaration.seats = i;
  EXPECT_EQ(&index.Get("local.c.w0.2018-05-03").declaration, first);
  for (int i = 3000; i < 7000; ++i) index.Get("local.c.w" + std::to_string(i) + ".2018-05-03").declaration.seats = i;
  const Declaration* moved = &index.ballots()[0].declaration;
  std::vector<Declaration> taken = index.TakeDeclarations();
  ASSERT_EQ(taken.size(), 7000u);
  EXPECT_EQ(taken.data(), moved);
  for (int i = 1; i < 7000; ++i) ASSERT_EQ(taken[static_cast<size_t>(i)].seats, i);
}

// A candidate's line is where it was read, whether the contest's rows are one run of lines (no
// line kept) or not: a repeated candidate is named at its own row either way.
TEST(BallotRows, EachCandidateKeepsTheLineItWasReadFrom) {
  auto candidate = [](std::string name) { return Candidate{CompactString(name), "PP53", 10, std::nullopt}; };
  BallotIndex index;
  BallotRows run = index.Get("run");
  for (int64_t line : {4, 5, 6}) run.Add(candidate("C" + std::to_string(line)), line);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(run.LineOf(i), static_cast<int64_t>(4 + i));

  BallotRows spread = index.Get("spread");
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
