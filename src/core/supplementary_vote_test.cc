#include "core/supplementary_vote.h"

#include <gtest/gtest.h>

#include "core/mayor.h"

namespace psephos {
namespace {

SvContest Contest(std::vector<int64_t> first) {
  SvContest c;
  for (size_t i = 0; i < first.size(); ++i)
    c.candidates.push_back(SvCandidate{std::string(1, static_cast<char>('A' + i)), "Party " + std::to_string(i), first[i]});
  return c;
}

TEST(SupplementaryVote, MoreThanHalfOfFirstChoicesWins) {
  auto count = CountSupplementaryVote(Contest({51, 30, 19}));
  ASSERT_TRUE(count);
  EXPECT_TRUE(count->won_on_first);
  EXPECT_EQ(count->winner, 0u);
}

TEST(SupplementaryVote, ExactlyHalfIsNotEnough) {
  auto count = CountSupplementaryVote(Contest({50, 30, 20}));
  ASSERT_TRUE(count);
  EXPECT_FALSE(count->won_on_first);
  EXPECT_TRUE(count->second_round_missing);
  EXPECT_EQ(count->finalists, (std::vector<size_t>{0, 1}));
  EXPECT_FALSE(count->winner);
}

TEST(SupplementaryVote, SecondChoicesFromATable) {
  // First x second: A 40 (B 10, C 5, none 25), B 35, C 25 (A 5, B 15, none 5). C is out; its
  // second choices give A 5 and B 15: A 45, B 50. B wins; 5 of C's ballots add nothing. The
  // second choices on A's and B's own ballots are never looked at.
  SvContest c = Contest({0, 0, 0});
  c.table = {{0, 10, 5, 25}, {20, 0, 5, 10}, {5, 15, 0, 5}};
  auto count = CountSupplementaryVote(c);
  ASSERT_TRUE(count) << count.error().ToString();
  EXPECT_EQ(count->first, (std::vector<int64_t>{40, 35, 25}));
  EXPECT_EQ(count->totals, (std::vector<int64_t>{45, 50, 25}));
  EXPECT_EQ(count->non_transferable, 5);
  EXPECT_EQ(count->winner, 1u);
}

TEST(SupplementaryVote, TieForSecondPlaceIsForTheLot) {
  SvContest c = Contest({40, 30, 30});
  auto count = CountSupplementaryVote(c);
  ASSERT_TRUE(count);
  EXPECT_TRUE(count->unresolved_tie);
  EXPECT_EQ(count->tied, (std::vector<size_t>{1, 2}));
  EXPECT_FALSE(count->winner);
  c.lot = {2, 1};
  c.second_added = std::vector<int64_t>{10, 0, 12};
  count = CountSupplementaryVote(c);
  ASSERT_TRUE(count) << count.error().ToString();
  EXPECT_TRUE(count->decided_by_lot);
  EXPECT_EQ(count->finalists, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(count->winner, 0u);  // 50 to 42
}

TEST(SupplementaryVote, LevelFinalTotalsAreForTheLot) {
  SvContest c = Contest({40, 35, 25});
  c.second_added = std::vector<int64_t>{5, 10, 0};
  auto count = CountSupplementaryVote(c);
  ASSERT_TRUE(count);
  EXPECT_TRUE(count->unresolved_tie);
  EXPECT_FALSE(count->winner);
  MayoralResult mayor{"mayor.x.2018-05-03", "Somewhere", c, *count};
  EXPECT_EQ(MayoralHeadline(mayor), "Somewhere mayor: a tie, to be decided by lot");
  c.lot = {1};
  count = CountSupplementaryVote(c);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->winner, 1u);
  mayor.count = *count;
  EXPECT_EQ(MayoralHeadline(mayor), "Somewhere mayor: B (Party 1) elected after second choices, a tie decided by lot");
}

TEST(SupplementaryVote, BadInput) {
  SvContest c = Contest({40, 35, 25});
  c.second_added = std::vector<int64_t>{5, 10, 3};
  EXPECT_EQ(CountSupplementaryVote(c).error().field, "second_added[2]");
  c.second_added = std::vector<int64_t>{20, 10, 0};
  EXPECT_EQ(CountSupplementaryVote(c).error().ToString(),
            "second_added: 30 second choices added, but the other candidates' ballots number 25");
  EXPECT_EQ(CountSupplementaryVote(Contest({5})).error().field, "candidates");
  SvContest t = Contest({0, 0});
  t.table = {{1, 0, 0}, {0, 0, 0}};
  EXPECT_EQ(CountSupplementaryVote(t).error().field, "table[0]");
}

}  // namespace
}  // namespace psephos
