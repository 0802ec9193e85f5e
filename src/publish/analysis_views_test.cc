#include "publish/analysis_views.h"

#include <gtest/gtest.h>

#include "analysis/analysis_testing.h"

namespace psephos {
namespace {

using testing::MakeNight;
using testing::TestWard;

// One three-seat council: Con holds two seats, Lab one; Lab needs one more seat (2 of 3).
// Lab's second candidate (40) must pass Con's second (45): 6 extra votes, or 3 switched.
Night SmallNight() {
  return MakeNight(
      {TestWard("small", "only", 3, {{"PP52", 50}, {"PP52", 45}, {"PP53", 48}, {"PP53", 40}})});
}

TEST(AnalysisViews, MarginalityJsonShape) {
  Night night = SmallNight();
  auto m = MarginalityOf(night, "small");
  ASSERT_TRUE(m.ok());
  nlohmann::json j = MarginalityJson(*m, night.registry());
  EXPECT_EQ(j["control"], "PP52");
  EXPECT_EQ(j["majority_line"], 2);
  const nlohmann::json& lab = j["parties"][1];
  EXPECT_EQ(lab["party"], "PP53");
  EXPECT_EQ(lab["extra_votes"]["kind"], "extra-votes");
  EXPECT_EQ(lab["extra_votes"]["votes"], 6);
  EXPECT_EQ(lab["extra_votes"]["wards"][0]["name"], "only");
  EXPECT_EQ(lab["switched_votes"]["votes"], 3);
  EXPECT_EQ(lab["switched_votes"]["wards"][0]["other_party"], "PP52");
  std::string text = MarginalityText(*m, night.registry());
  EXPECT_NE(text.find("extra votes: 6 in 1 ward: only 6 (1 seat)"), std::string::npos) << text;
}

TEST(AnalysisViews, SharesSayTheirMethod) {
  Night night = SmallNight();
  VoteShares s = SharesOf(night, ShareQuery{});
  nlohmann::json j = SharesJson(s, night.registry());
  EXPECT_EQ(j["method"], "top-candidate");
  EXPECT_EQ(j["wards_compared"], 0);
  EXPECT_NE(SharesText(s, night.registry()).find("method: top candidate"), std::string::npos);
}

}  // namespace
}  // namespace psephos
