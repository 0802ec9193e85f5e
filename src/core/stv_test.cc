// Hand-made wards whose every stage is worked out by hand in the comments: the Scottish rules
// (weighted inclusive Gregory, 5 places) and the Northern Ireland rules (last parcel, 2 places,
// deferred surpluses, exclusion together), ties, and bad profiles.
#include "core/stv.h"

#include <gtest/gtest.h>

namespace psephos {
namespace {

constexpr int64_t U = StvCount::kUnit;

// "A B C" -> {0, 1, 2}
StvBallot B(int64_t weight, std::string_view ranking) {
  StvBallot b;
  b.weight = weight;
  for (char c : ranking)
    if (c != ' ') b.preferences.push_back(c - 'A');
  return b;
}

BallotProfile Ward(int seats, int candidates, std::vector<StvBallot> ballots) {
  BallotProfile p;
  p.seats = seats;
  for (int c = 0; c < candidates; ++c) p.candidates.push_back(std::string(1, static_cast<char>('A' + c)));
  p.ballots = std::move(ballots);
  return p;
}

std::vector<int64_t> Units(std::vector<double> votes) {
  std::vector<int64_t> out;
  for (double v : votes) out.push_back(static_cast<int64_t>(v * U + (v >= 0 ? 0.5 : -0.5)));
  return out;
}

TEST(StvScotland, SurplusThenExclusion) {
  // Valid 190, 2 seats: quota 190/3 = 63.33 -> 63, + 1 = 64.
  // Stage 1: A 90 (elected, surplus 26), B 25, C 40, D 35.
  // Stage 2, A's surplus: transfer value 26 x 1 / 90 = 0.288888.. cut to 0.28888.
  //   60 papers A>B: 17.33280 to B; 30 papers A>C: 8.66640 to C; moved 25.99920, so 0.00080 is
  //   lost to the cut. B 42.33280, C 48.66640.
  // Stage 3: D (35) is lowest, excluded: 35 papers D>C at 1.00000 -> C 83.66640, elected.
  auto count = CountStv(Ward(2, 4, {B(60, "AB"), B(30, "AC"), B(25, "B"), B(40, "C"), B(35, "DC")}),
                        StvRules::kScotland);
  ASSERT_TRUE(count) << count.error().ToString();
  EXPECT_EQ(count->quota, 64);
  EXPECT_EQ(count->valid_poll, 190);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[0].elected, (std::vector<size_t>{0}));
  EXPECT_EQ(count->stages[1].action, StvAction::kSurplus);
  EXPECT_EQ(count->stages[1].from, (std::vector<size_t>{0}));
  EXPECT_EQ(count->stages[1].transfers, Units({-26, 17.3328, 8.6664, 0}));
  EXPECT_EQ(count->stages[1].totals, Units({64, 42.3328, 48.6664, 35}));
  EXPECT_EQ(count->stages[1].lost, 80);  // 0.00080
  EXPECT_EQ(count->stages[1].non_transferable, 0);
  EXPECT_EQ(count->stages[2].action, StvAction::kExclusion);
  EXPECT_EQ(count->stages[2].totals, Units({64, 42.3328, 83.6664, 0}));
  EXPECT_EQ(count->elected, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(FormatStvVotes(count->stages[1].totals[1]), "42.33280");
  EXPECT_EQ(FormatStvVotes(count->stages[1].totals[1], 2), "42.33");
}

// 1 seat, valid 20, quota 11. Stage 1: A 10, B 5, C 5: B and C are level lowest with no earlier
// stage, so only a lot can say which goes.
BallotProfile TieWard() { return Ward(1, 3, {B(10, "A"), B(5, "BC"), B(5, "C")}); }

TEST(StvScotland, ATieOnlyALotCanBreakStopsTheCount) {
  auto count = CountStv(TieWard(), StvRules::kScotland);
  ASSERT_TRUE(count);
  EXPECT_TRUE(count->unresolved_tie);
  EXPECT_EQ(count->tied, (std::vector<size_t>{1, 2}));
  EXPECT_TRUE(count->elected.empty());
  EXPECT_EQ(count->stages.size(), 1u);
}

TEST(StvScotland, TiesByLotThenByEarlierStages) {
  // The lot drew C first, so C counts as ahead of B: B is excluded (stage 2): 5 papers B>C give
  // C 10, level with A. Both continuing for one seat: exclude the lower; level at stage 2, so
  // look back: at stage 1 C had 5, A 10, so C goes (stage 3): 10 papers with no one left
  // continuing are non-transferable, and A, the last continuing candidate, is elected.
  StvOptions options;
  options.lot = {2, 1};
  auto count = CountStv(TieWard(), StvRules::kScotland, options);
  ASSERT_TRUE(count);
  EXPECT_FALSE(count->unresolved_tie);
  EXPECT_TRUE(count->decided_by_lot);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[1].from, (std::vector<size_t>{1}));
  EXPECT_EQ(count->stages[1].notes, (std::vector<std::string>{"exclusion: a tie at every stage, decided by lot"}));
  EXPECT_EQ(count->stages[2].from, (std::vector<size_t>{2}));
  EXPECT_EQ(count->stages[2].notes, (std::vector<std::string>{"exclusion: a tie broken by the totals at stage 1"}));
  EXPECT_EQ(count->stages[2].non_transferable_total, 10 * U);
  EXPECT_EQ(count->elected, (std::vector<size_t>{0}));
}

// Valid 100, 2 seats, quota 34. Stage 1: C 30, A 28, B 22, D 20. Stage 2: D excluded, 20 papers
// D>C>B give C 50: elected with a surplus of 16. The two rules part at stage 3.
BallotProfile PartingWard() { return Ward(2, 4, {B(30, "CA"), B(28, "A"), B(22, "B"), B(20, "DCB")}); }

TEST(StvScotland, EveryPaperMovesWithTheSurplus) {
  // Scotland: all 50 of C's papers move at 16 x 1 / 50 = 0.32: 30 to A (9.6 -> 37.6, elected),
  // 20 to B (6.4 -> 28.4).
  auto count = CountStv(PartingWard(), StvRules::kScotland);
  ASSERT_TRUE(count);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[2].totals, Units({37.6, 28.4, 34, 0}));
  EXPECT_EQ(count->elected, (std::vector<size_t>{2, 0}));
}

TEST(StvNorthernIreland, SurplusFromTheLastParcel) {
  // Northern Ireland, rule 49(5): only the last parcel C received, D's 20 papers (all next for
  // B), moves: 20 x 1.00 = 20 exceeds the surplus 16, so the value is 16 / 20 = 0.80: B gets
  // 16.00 -> 38.00, elected. A keeps 28.
  auto count = CountStv(PartingWard(), StvRules::kNorthernIreland);
  ASSERT_TRUE(count);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[2].transfers, Units({0, 16, -16, 0}));
  EXPECT_EQ(count->stages[2].totals, Units({28, 38, 34, 0}));
  EXPECT_EQ(count->elected, (std::vector<size_t>{2, 1}));
}

TEST(StvNorthernIreland, TransferValueToTwoPlacesOverTransferablePapers) {
  // Valid 170, 2 seats, quota 170/3 = 56.67 -> 56, + 1 = 57. Stage 1: A 80 (surplus 23), B 30,
  // C 35, D 25. Not deferred: the two lowest (D 25, B 30) are 5 apart, less than 23.
  // Stage 2: 70 of A's 80 papers have a next preference (10 are A only, set aside), so the value
  // is 23 / 70 = 0.3285.. cut to 0.32: B +16.00 (50 papers) -> 46.00, C +6.40 (20) -> 41.40.
  // Non-transferable 23 - 22.40 = 0.60. Stage 3: D excluded, 25 papers to C -> 66.40, elected.
  auto count = CountStv(Ward(2, 4, {B(50, "AB"), B(20, "AC"), B(10, "A"), B(30, "B"), B(35, "C"), B(25, "DC")}),
                        StvRules::kNorthernIreland);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->quota, 57);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[1].totals, Units({57, 46, 41.4, 25}));
  EXPECT_EQ(count->stages[1].non_transferable, Units({0.6})[0]);
  EXPECT_EQ(count->stages[2].totals, Units({57, 46, 66.4, 0}));
  EXPECT_EQ(count->elected, (std::vector<size_t>{0, 2}));
}

TEST(StvNorthernIreland, SmallSurplusDeferred) {
  // Valid 105, 2 seats, quota 36. Stage 1: A 40 (surplus 4), B 30, C 18, D 5, E 12.
  // Stage 2: the surplus 4 is less than the gap between the two lowest (E 12 - D 5 = 7), so it
  // cannot save D: deferred, and D is excluded: 5 papers D>C -> C 23. (D and E together, 17,
  // with the surplus 21, are not fewer than C's 18, so D goes alone.)
  // Stage 3: the gap is now C 23 - E 12 = 11 > 4: deferred again; E excluded, 12 papers E>B ->
  // B 42, elected. Both seats filled; the surpluses never move.
  auto count = CountStv(Ward(2, 5, {B(40, "AB"), B(30, "B"), B(18, "C"), B(5, "DC"), B(12, "EB")}),
                        StvRules::kNorthernIreland);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->quota, 36);
  ASSERT_EQ(count->stages.size(), 3u);
  EXPECT_EQ(count->stages[1].deferred, (std::vector<size_t>{0}));
  EXPECT_EQ(count->stages[1].from, (std::vector<size_t>{3}));
  EXPECT_EQ(count->stages[1].totals, Units({40, 30, 23, 0, 12}));
  EXPECT_EQ(count->stages[2].from, (std::vector<size_t>{4}));
  EXPECT_EQ(count->stages[2].totals, Units({40, 42, 23, 0, 0}));
  EXPECT_EQ(count->elected, (std::vector<size_t>{0, 1}));
}

TEST(StvNorthernIreland, LowestExcludedTogether) {
  // Valid 92, 2 seats, quota 92/3 = 30.67 -> 30, + 1 = 31. Stage 1: A 40 (surplus 9, papers
  // with no next preference), B 25, C 20, D 3, E 4.
  // Stage 2: the gap between D and E (1) is less than 9: A's surplus moves, but none of its 40
  // papers has a next preference: all 9 non-transferable.
  // Stage 3: D 3 + E 4 = 7 is fewer than C's 20: D and E are excluded together (with C too they
  // would make 27, not fewer than B's 25). Their 7 papers go to C -> 27.
  // Stage 4: B (25) excluded, 25 papers B only: non-transferable. C is the last continuing.
  auto count = CountStv(Ward(2, 5, {B(40, "A"), B(25, "B"), B(20, "C"), B(3, "DC"), B(4, "EC")}),
                        StvRules::kNorthernIreland);
  ASSERT_TRUE(count);
  ASSERT_EQ(count->stages.size(), 4u);
  EXPECT_EQ(count->stages[1].non_transferable, 9 * U);
  EXPECT_EQ(count->stages[2].from, (std::vector<size_t>{3, 4}));
  EXPECT_EQ(count->stages[2].totals, Units({31, 25, 27, 0, 0}));
  EXPECT_EQ(count->stages[3].from, (std::vector<size_t>{1}));
  EXPECT_EQ(count->stages[3].non_transferable_total, 34 * U);
  EXPECT_EQ(count->elected, (std::vector<size_t>{0, 2}));
}

TEST(StvNorthernIreland, PapersFromCandidatesExcludedTogetherAreOneParcel) {
  // Valid 93, 2 seats, quota 93/3 = 31 + 1 = 32. Stage 1: A 30, B 28, C 26, D 4, E 5.
  // Stage 2: D and E (9, fewer than C's 26) are excluded together; their 9 papers (D>C>B, E>C>B)
  // give C 35: elected, surplus 3.
  // Stage 3: the gap A 30 - B 28 = 2 is less than 3, so the surplus moves: the last parcel C
  // received is all 9 papers of stage 2, not only E's 5: 3 / 9 = 0.33, B +2.97 -> 30.97;
  // 0.03 non-transferable. (E's 5 papers alone would give 0.60 each, B 31.00.)
  // Stage 4: A (30) is excluded, 30 papers with no next preference; B is the last continuing.
  auto count = CountStv(Ward(2, 5, {B(30, "A"), B(28, "B"), B(26, "C"), B(4, "DCB"), B(5, "ECB")}),
                        StvRules::kNorthernIreland);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->quota, 32);
  ASSERT_EQ(count->stages.size(), 4u);
  EXPECT_EQ(count->stages[1].from, (std::vector<size_t>{3, 4}));
  EXPECT_EQ(count->stages[2].totals, Units({30, 30.97, 32, 0, 0}));
  EXPECT_EQ(count->stages[2].non_transferable, Units({0.03})[0]);
  EXPECT_EQ(count->elected, (std::vector<size_t>{2, 1}));
}

TEST(Stv, AsManyCandidatesAsSeatsAreElectedAtOnce) {
  auto count = CountStv(Ward(2, 2, {B(3, "A"), B(1, "B")}), StvRules::kScotland);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->stages.size(), 1u);
  EXPECT_EQ(count->elected.size(), 2u);
}

TEST(Stv, EmptyBallotsAreNotValidVotes) {
  auto count = CountStv(Ward(1, 2, {B(3, "A"), B(2, "B"), B(1, "")}), StvRules::kScotland);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->valid_poll, 5);
  EXPECT_EQ(count->empty_ballots, 1);
}

TEST(Stv, BadProfilesCountNothing) {
  EXPECT_EQ(CountStv(Ward(3, 2, {B(1, "A")}), StvRules::kScotland).error().field, "seats");
  EXPECT_EQ(CountStv(Ward(1, 2, {B(1, "AC")}), StvRules::kScotland).error().ToString(),
            "ballots[0].preferences: a preference for candidate 3, but there are 2");
  EXPECT_EQ(CountStv(Ward(1, 2, {B(1, "ABA")}), StvRules::kScotland).error().ToString(),
            "ballots[0].preferences: candidate 1 is ranked twice");
  EXPECT_EQ(CountStv(Ward(1, 2, {B(1, "")}), StvRules::kScotland).error().field, "ballots");
}

// Votes are kept in 1/100,000ths of a paper and a surplus's transfer multiplies two of them, so
// a ward of more than 10^8 papers is refused rather than overflowed (found by fuzzing a BLT file
// with a weight of 10^11). 10^8 itself counts, under both rules, to the paper.
TEST(Stv, MoreBallotPapersThanACountCanHoldAreRefused) {
  for (StvRules rules : {StvRules::kScotland, StvRules::kNorthernIreland}) {
    auto too_many = CountStv(Ward(2, 3, {B(100'000'000'000, "AB"), B(5, "B"), B(4, "C")}), rules);
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().ToString(),
              "ballots[0].weight: more than 100,000,000 ballot papers in one ward, more than a count can hold");
    auto summed = CountStv(Ward(2, 3, {B(60'000'000, "AB"), B(40'000'000, "B"), B(1, "C")}), rules);
    ASSERT_FALSE(summed);
    EXPECT_EQ(summed.error().field, "ballots[2].weight");
    auto most = CountStv(Ward(2, 3, {B(99'999'990, "AB"), B(6, "B"), B(4, "C")}), rules);
    ASSERT_TRUE(most) << most.error().ToString();
    EXPECT_EQ(most->valid_poll, 100'000'000);
    EXPECT_TRUE(most->IsElected(0));
    EXPECT_TRUE(most->IsElected(1));
  }
}

}  // namespace
}  // namespace psephos
