// Council outcomes on the real results in ../shared/data: the figures the issue names, as
// published. Each test skips when the data are absent (fails under CI=true).
#include <gtest/gtest.h>

#include <map>

#include "core/night.h"
#include "core/state_of_parties.h"
#include "readers/democracy_club.h"
#include "readers/lga.h"
#include "readers/london_2014.h"
#include "readers/london_2022.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "readers/sheffield_2016.h"
#include "testing.h"

namespace psephos {
namespace {

// Councils controlled, by totals group ("NOC" for no overall control).
std::map<std::string, int> ControlCounts(const Night& night) {
  std::map<std::string, int> counts;
  for (const Council& c : night.councils()) {
    const CouncilOutcome& o = *night.Outcome(c.id);
    EXPECT_TRUE(o.control.settled) << c.id;
    ++counts[o.control.party ? night.registry().TotalsGroup(*o.control.party) : "NOC"];
  }
  return counts;
}

Night ImportInferred(DeclarationSet set) {
  NightOptions options;
  options.infer_councils = true;
  Election election{"local", "", "", false, {}};
  auto night = Night::Create(election, DefaultPartyRegistry(), options);
  EXPECT_TRUE(night.ok());
  Status s = night->ApplyAll(std::move(set.declarations));
  EXPECT_TRUE(s.ok()) << s.error().ToString();
  return std::move(*night);
}

TEST(London2014, ControlOfAll32Boroughs) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, "london-boroughs-2014/london_council_election_2014_ward.csv");
  auto set = ReadLondon2014Csv(path, DefaultPartyRegistry(), {});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  Night night = ImportInferred(std::move(*set));
  ASSERT_EQ(night.councils().size(), 32u);
  // As published: Labour 20, Conservative 9, Liberal Democrat 1 (Sutton), no overall control 2.
  std::map<std::string, int> want{{"PP53", 20}, {"PP52", 9}, {"PP90", 1}, {"NOC", 2}};
  EXPECT_EQ(ControlCounts(night), want);
  EXPECT_TRUE(night.Outcome("havering")->control.IsNoc());
  EXPECT_TRUE(night.Outcome("tower-hamlets")->control.IsNoc());
  const CouncilOutcome& barnet = *night.Outcome("barnet");
  EXPECT_EQ(barnet.after.Of("PP52"), 32);
  EXPECT_EQ(barnet.after.Of("PP53"), 30);
  EXPECT_EQ(barnet.after.Of("PP90"), 1);
  EXPECT_EQ(barnet.after.Total(), 63);
  const CouncilOutcome& wandsworth = *night.Outcome("wandsworth");
  EXPECT_EQ(wandsworth.after.Of("PP52"), 41);
  EXPECT_EQ(wandsworth.after.Of("PP53"), 19);
  EXPECT_EQ(wandsworth.after.Total(), 60);
  // No baseline was given, so the label says control, not hold or gain.
  EXPECT_EQ(barnet.Label(Baseline::kEveOfPoll, night.registry()), "Conservative control");
  StateOfParties state = TallyParties(night, CouncilFilter{}, Baseline::kLastFought);
  EXPECT_EQ(state.councils_settled, 32);
  EXPECT_EQ(state.noc, 2);
}

TEST(London2022, ControlWithRawPartyNames) {
  std::string candidates, wards;
  PSEPHOS_SHARED_DATA_OR_SKIP(candidates, "london-boroughs-2022-gla/candidate_level_cleaned_2022.csv");
  PSEPHOS_SHARED_DATA_OR_SKIP(wards, "london-boroughs-2022-gla/ward_level_cleaned_2022.csv");
  auto set = ReadLondon2022Csv(candidates, wards, DefaultPartyRegistry(), {});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  Night night = ImportInferred(std::move(*set));
  ASSERT_EQ(night.councils().size(), 32u);
  std::map<std::string, int> counts = ControlCounts(night);
  EXPECT_EQ(counts["PP53"], 21);
  EXPECT_EQ(counts["PP52"], 5);
  EXPECT_EQ(counts["PP90"], 3);
  EXPECT_EQ(counts["NOC"], 2);
  const CouncilOutcome& tower = *night.Outcome("tower-hamlets");
  ASSERT_TRUE(tower.control.party.has_value());
  EXPECT_EQ(night.registry().DisplayName(*tower.control.party), "Aspire");
}

}  // namespace
}  // namespace psephos
