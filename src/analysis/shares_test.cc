#include "analysis/shares.h"

#include <gtest/gtest.h>

#include "analysis/analysis_testing.h"
#include "analysis/pns.h"

namespace psephos {
namespace {

using testing::MakeNight;
using testing::TestWard;

// One two-seat ward: Con 100 and 80, Lab 90, LD 30.
//   raw total:   Con 180, Lab 90, LD 30 of 300   -> 60, 30, 10
//   top:         Con 100, Lab 90, LD 30 of 220
//   average:     Con 90,  Lab 90, LD 30 of 210
Night TwoSeatNight() {
  return MakeNight(
      {TestWard("x", "w", 2, {{"PP52", 100}, {"PP52", 80}, {"PP53", 90}, {"PP90", 30}})});
}

TEST(Shares, ThreeMethods) {
  Night night = TwoSeatNight();
  ShareQuery q;
  q.method = ShareMethod::kRawTotal;
  VoteShares raw = SharesOf(night, q);
  EXPECT_EQ(raw.wards, 1);
  EXPECT_DOUBLE_EQ(raw.total_votes, 300);
  EXPECT_DOUBLE_EQ(raw.Find("PP52")->share, 60);
  EXPECT_DOUBLE_EQ(raw.Find("PP90")->share, 10);
  q.method = ShareMethod::kTopCandidate;
  VoteShares top = SharesOf(night, q);
  EXPECT_DOUBLE_EQ(top.total_votes, 220);
  EXPECT_DOUBLE_EQ(top.Find("PP53")->share, 100.0 * 90 / 220);
  EXPECT_EQ(top.parties[0].group, "PP52");
  q.method = ShareMethod::kAveragePerCandidate;
  VoteShares avg = SharesOf(night, q);
  EXPECT_DOUBLE_EQ(avg.Find("PP52")->votes, 90);
  EXPECT_DOUBLE_EQ(avg.Find("PP52")->share, 100.0 * 90 / 210);
  EXPECT_EQ(ToString(top.method), "top-candidate");
  EXPECT_EQ(ParseShareMethod("raw-total"), ShareMethod::kRawTotal);
}

TEST(Shares, IndependentsEachCountThenGroup) {
  // Two independents in one seat: by top candidate each is its own, both are "Independent".
  Declaration d = TestWard("x", "w", 1, {{"IND", 30}, {"IND", 20}, {"PP53", 50}});
  Night night = MakeNight({d});
  VoteShares top = SharesOf(night, ShareQuery{});
  EXPECT_DOUBLE_EQ(top.Find("IND")->votes, 50);
}

TEST(Shares, ChangeAndButlerSwing) {
  // Last time the ward had Con 100, Lab 100 (top shares 50, 50).
  // Now top: Con 100/220 = 45.45, Lab 90/220 = 40.91, LD 13.64.
  // Change: Con -4.545, Lab -9.091, LD +13.64.
  // Swing from Con to Lab: (-9.091 - -4.545) / 2 = -2.273 (Labour lost ground to the Tories).
  Night now = TwoSeatNight();
  Night before = MakeNight({TestWard("x", "w", 1, {{"PP52", 100}, {"PP53", 100}}, "2014-05-22")});
  VoteShares s = SharesOf(now, ShareQuery{}, &before);
  EXPECT_EQ(s.wards_compared, 1);
  EXPECT_NEAR(*s.Find("PP52")->change, 100.0 * 100 / 220 - 50, 1e-9);
  EXPECT_NEAR(*s.Find("PP53")->change, 100.0 * 90 / 220 - 50, 1e-9);
  auto swing = ButlerSwing(s, "PP52", "PP53");
  ASSERT_TRUE(swing.ok());
  EXPECT_NEAR(swing->points, ((100.0 * 90 / 220 - 50) - (100.0 * 100 / 220 - 50)) / 2, 1e-9);
  EXPECT_NEAR(ButlerSwing(s, "PP53", "PP52")->points, -swing->points, 1e-12);
  // No previous night: no swing.
  EXPECT_FALSE(ButlerSwing(SharesOf(now, ShareQuery{}), "PP52", "PP53").ok());
}

TEST(Shares, OnlyComparableWardsCountForChange) {
  // Ward "new" was not fought last time: it counts in the share, not in the change.
  Night now = MakeNight({TestWard("x", "w", 1, {{"PP52", 60}, {"PP53", 40}}),
                         TestWard("x", "new", 1, {{"PP53", 90}, {"PP52", 10}})});
  Night before = MakeNight({TestWard("x", "w", 1, {{"PP52", 50}, {"PP53", 50}}, "2014-05-22")});
  VoteShares s = SharesOf(now, ShareQuery{}, &before);
  EXPECT_EQ(s.wards, 2);
  EXPECT_EQ(s.wards_compared, 1);
  EXPECT_DOUBLE_EQ(s.Find("PP53")->share, 65);
  EXPECT_DOUBLE_EQ(*s.Find("PP53")->change, -10);
}

TEST(Shares, ByCouncil) {
  Night now = MakeNight({TestWard("x", "w", 1, {{"PP52", 60}, {"PP53", 40}}),
                         TestWard("y", "w", 1, {{"PP53", 90}, {"PP52", 10}})});
  std::vector<VoteShares> councils = SharesByCouncil(now, ShareQuery{});
  ASSERT_EQ(councils.size(), 2u);
  EXPECT_EQ(councils[0].scope, "x");
  EXPECT_DOUBLE_EQ(councils[1].Find("PP53")->share, 90);
}

// PNS on a hand-made night (docs/PNS.md):
//   ward 1: before Con 50, Lab 50; now Con 40, Lab 60    -> Con -10, Lab +10
//   ward 2: before Con 60, Lab 30, LD 10; now Con 60, Lab 40 (no LD) -> Con 0, Lab +10;
//           LD stood only before, so ward 2 does not count for LD
//   ward 3: new, not comparable.
// Con change -5 over 2 wards, Lab +10 over 2, LD none (0 wards, baseline kept).
// With the 2014 baseline Con 29, Lab 31, LD 13: Con 24, Lab 41, LD 13, others 22.
TEST(Pns, HandMadeNight) {
  Night now = MakeNight({TestWard("x", "one", 1, {{"PP52", 40}, {"PP53", 60}}),
                         TestWard("x", "two", 1, {{"PP52", 60}, {"PP53", 40}}),
                         TestWard("x", "three", 1, {{"PP52", 10}, {"PP53", 90}})});
  Night before = MakeNight(
      {TestWard("x", "one", 1, {{"PP52", 50}, {"PP53", 50}}, "2014-05-22"),
       TestWard("x", "two", 1, {{"PP52", 60}, {"PP53", 30}, {"PP90", 10}}, "2014-05-22")});
  auto pns = ProjectNationalShare(now, before, PnsOptions{});
  ASSERT_TRUE(pns.ok()) << pns.error().ToString();
  EXPECT_EQ(pns->wards, 2);
  EXPECT_DOUBLE_EQ(pns->Of("PP52"), 24);
  EXPECT_DOUBLE_EQ(pns->Of("PP53"), 41);
  EXPECT_DOUBLE_EQ(pns->Of("PP90"), 13);
  EXPECT_DOUBLE_EQ(pns->others, 22);
  EXPECT_EQ(pns->parties[0].group, "PP53");
  EXPECT_EQ(pns->parties[0].wards, 2);
  for (const PnsParty& p : pns->parties) EXPECT_EQ(p.wards, p.group == "PP90" ? 0 : 2) << p.group;
}

TEST(Pns, ScaledWhenPastOneHundredAndErrors) {
  Night now = MakeNight({TestWard("x", "one", 1, {{"PP52", 90}, {"PP53", 10}})});
  Night before = MakeNight({TestWard("x", "one", 1, {{"PP52", 10}, {"PP53", 90}}, "2014-05-22")});
  PnsOptions options;
  options.baseline = {{"PP52", 50}, {"PP53", 45}};
  // Con 50 + 80 = 130, Lab max(0, 45 - 80) = 0: scaled to Con 100.
  auto pns = ProjectNationalShare(now, before, options);
  ASSERT_TRUE(pns.ok());
  EXPECT_TRUE(pns->scaled);
  EXPECT_DOUBLE_EQ(pns->Of("PP52"), 100);
  EXPECT_DOUBLE_EQ(pns->Of("PP53"), 0);
  Night elsewhere =
      MakeNight({TestWard("y", "one", 1, {{"PP52", 90}, {"PP53", 10}}, "2014-05-22")});
  EXPECT_FALSE(ProjectNationalShare(now, elsewhere, options).ok());
  options.baseline = {{"PP52", 150}};
  EXPECT_FALSE(ProjectNationalShare(now, before, options).ok());
}

}  // namespace
}  // namespace psephos
