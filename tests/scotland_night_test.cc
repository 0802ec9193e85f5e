// Scottish councils on the night: each ward counted by STV from its ballots, declared with
// voting_system = kStv, and the council's composition and control decided from those wards like
// any first-past-the-post council. The 2017 councils whose every ward is in
// ../shared/data/scotland-stv, against their published compositions.
#include <gtest/gtest.h>

#include <map>

#include "core/night.h"
#include "readers/party_registry_reader.h"
#include "readers/scotland_stv_index.h"
#include "testing.h"

namespace psephos {
namespace {

Result<Night> ScottishNight(const std::string& index_path) {
  ReadOptions options;
  options.election_date = "2017-05-04";
  options.unknown_parties = UnknownParties::kLocal;  // Solidarity, the SSP, ... are not registered
  auto set = ReadScotlandStvIndex(index_path, DefaultPartyRegistry(), options);
  if (!set) return set.error();
  PartyRegistry registry = DefaultPartyRegistry();
  for (const auto& [label, id] : set->new_parties)
    if (!registry.Find(id)) (void)registry.Add(Party{id, label, label, "#AAAAAA", ""});
  Election election;
  election.id = "local.2017-05-04";
  election.date = "2017-05-04";
  NightOptions night_options;
  night_options.infer_councils = true;
  auto night = Night::Create(election, registry, night_options);
  if (!night) return night.error();
  if (Status s = night->ApplyAll(std::move(set->declarations)); !s) return s.error();
  return night;
}

std::map<std::string, int> ByGroup(const Night& night, const std::string& council) {
  std::map<std::string, int> out;
  for (const auto& [key, seats] : night.Outcome(council)->after.seats)
    out[night.registry().ShortName(night.registry().TotalsGroup(key))] += seats;
  return out;
}

TEST(ScotlandNight, CompositionAndControlFromStvWards) {
  std::string index;
  PSEPHOS_SHARED_DATA_OR_SKIP(index, "scotland-stv/index.csv");
  auto night = ScottishNight(index);
  ASSERT_TRUE(night) << night.error().ToString();
  // Published 2017 results (BBC, the councils): all three in no overall control.
  EXPECT_EQ(ByGroup(*night, "aberdeen-city"),
            (std::map<std::string, int>{{"SNP", 19}, {"Con", 11}, {"Lab", 9}, {"LD", 4}, {"Ind", 2}}));
  EXPECT_EQ(ByGroup(*night, "city-of-edinburgh"),
            (std::map<std::string, int>{{"SNP", 19}, {"Con", 18}, {"Lab", 12}, {"Grn", 8}, {"LD", 6}}));
  EXPECT_EQ(ByGroup(*night, "dundee-city"),
            (std::map<std::string, int>{{"SNP", 14}, {"Lab", 9}, {"Con", 3}, {"LD", 2}, {"Ind", 1}}));
  EXPECT_EQ(ByGroup(*night, "angus"), (std::map<std::string, int>{{"SNP", 9}, {"Ind", 9}, {"Con", 8}, {"LD", 2}}));
  EXPECT_EQ(ByGroup(*night, "clackmannanshire"), (std::map<std::string, int>{{"SNP", 8}, {"Lab", 5}, {"Con", 5}}));
  EXPECT_EQ(ByGroup(*night, "east-dunbartonshire"),
            (std::map<std::string, int>{{"SNP", 7}, {"Con", 6}, {"LD", 6}, {"Lab", 2}, {"Ind", 1}}));
  for (const char* council : {"aberdeen-city", "city-of-edinburgh", "dundee-city", "angus", "clackmannanshire",
                              "east-dunbartonshire"}) {
    const CouncilOutcome* outcome = night->Outcome(council);
    ASSERT_NE(outcome, nullptr) << council;
    EXPECT_TRUE(outcome->control.IsNoc()) << council;
  }
}

TEST(ScotlandNight, AnStvWardNeedsItsFlags) {
  Declaration d;
  d.ballot_id = "local.x.y.2017-05-04";
  d.seats = 1;
  d.voting_system = VotingSystem::kStv;
  d.candidates = {Candidate{"A", "PP53", 10, std::nullopt}, Candidate{"B", "PP52", 5, std::nullopt}};
  EXPECT_EQ(CountWard(d).error().field, "elected");
  // With flags, the count's word stands even where first preferences say otherwise.
  d.candidates[0].elected = false;
  d.candidates[1].elected = true;
  auto count = CountWard(d);
  ASSERT_TRUE(count) << count.error().ToString();
  EXPECT_EQ(count->elected, (std::vector<size_t>{1}));
}

}  // namespace
}  // namespace psephos
