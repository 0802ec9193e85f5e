// Scottish councils on the night: each ward counted by STV from its ballots, declared with
// voting_system = kStv, and the council's composition and control decided from those wards like
// any first-past-the-post council. The 2017 councils whose every ward is in
// ../shared/data/scotland-stv, against their published compositions.
#include <gtest/gtest.h>

#include <map>

#include "core/night.h"
#include "core/stv.h"
#include "readers/blt.h"
#include "readers/csv.h"
#include "readers/party_registry_reader.h"
#include "readers/stv_ward.h"
#include "testing.h"

namespace psephos {
namespace {

Result<Night> ScottishNight(const std::string& index_path) {
  const std::string dir = index_path.substr(0, index_path.rfind('/'));
  auto text = ReadFile(index_path);
  if (!text) return text.error();
  auto index = ParseCsv(*text, index_path);
  if (!index) return index.error();
  PartyResolver parties(DefaultPartyRegistry(), UnknownParties::kLocal);
  std::vector<Declaration> declarations;
  for (const CsvRow& row : index->rows) {
    auto field = [&](const char* name) { return row.fields[*index->Column(name)]; };
    if (field("year") != "2017") continue;
    auto profile = ReadBlt(dir + "/" + field("blt_file"));
    if (!profile) return profile.error();
    auto count = CountStv(*profile, StvRules::kScotland);
    if (!count) return count.error();
    StvWardContext where{field("council"), "", field("ward_name"), field("ward_code"), "2017-05-04", field("blt_file")};
    auto d = StvDeclaration(*profile, *count, where, parties);
    if (!d) return d.error();
    declarations.push_back(std::move(*d));
  }
  Election election;
  election.id = "local.2017-05-04";
  election.date = "2017-05-04";
  NightOptions options;
  options.infer_councils = true;
  auto night = Night::Create(election, parties.registry(), options);
  if (!night) return night.error();
  if (Status s = night->ApplyAll(std::move(declarations)); !s) return s.error();
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
