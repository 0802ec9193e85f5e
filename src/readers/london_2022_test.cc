#include "readers/london_2022.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

const char* kCandidates = "london-boroughs-2022-gla/candidate_level_cleaned_2022.csv";
const char* kWards = "london-boroughs-2022-gla/ward_level_cleaned_2022.csv";

TEST(London2022, ReadsAndJoinsTheFiles) {
  std::string candidates_path, wards_path;
  PSEPHOS_SHARED_DATA_OR_SKIP(candidates_path, kCandidates);
  PSEPHOS_SHARED_DATA_OR_SKIP(wards_path, kWards);
  // Strict: every one of the 105 raw labels must resolve through data/party_aliases.csv.
  Result<DeclarationSet> set =
      ReadLondon2022Csv(candidates_path, wards_path, DefaultPartyRegistry(), ReadOptions{});
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->new_parties.empty());

  std::map<std::string, int> seats_by_borough;
  std::map<std::string, std::map<std::string, int>> won;  // borough -> control key -> seats
  int seats = 0, candidates = 0;
  for (const Declaration& d : set->declarations) {
    seats_by_borough[d.council.str()] += d.seats;
    seats += d.seats;
    candidates += static_cast<int>(d.candidates.size());
    for (const Candidate& c : d.candidates)
      if (c.elected.value_or(false)) ++won[d.council.str()][PartyRegistry::ControlKey(c.party, c.name)];
    ASSERT_TRUE(d.electorate && d.ballot_papers && d.rejected) << d.ballot_id;
    EXPECT_LE(*d.rejected, *d.ballot_papers);
    EXPECT_LT(*d.ballot_papers, *d.electorate);
  }
  EXPECT_EQ(seats_by_borough.size(), 32u);
  EXPECT_EQ(set->declarations.size(), 679u);
  EXPECT_EQ(seats, 1817);
  EXPECT_EQ(candidates, 6191);

  // Control by seats elected: a party with more than half the borough's seats.
  std::map<std::string, int> controls;
  std::map<std::string, std::string> control_of;
  for (const auto& [borough, total] : seats_by_borough) {
    std::string controller = "NOC";
    for (const auto& [key, n] : won[borough])
      if (2 * n > total) controller = key;
    ++controls[controller];
    control_of[borough] = controller;
  }
  EXPECT_EQ(controls["PP53"], 21);
  EXPECT_EQ(controls["PP52"], 5);
  EXPECT_EQ(controls["PP90"], 3);
  EXPECT_EQ(controls["LOCAL:aspire"], 1);
  EXPECT_EQ(controls["NOC"], 2);
  EXPECT_EQ(control_of["tower-hamlets"], "LOCAL:aspire");
  EXPECT_EQ(control_of["havering"], "NOC");
  EXPECT_EQ(control_of["croydon"], "NOC");
  EXPECT_EQ(control_of["kensington-and-chelsea"], "PP52");

  const Declaration& first = set->declarations.front();
  EXPECT_EQ(first.ballot_id, "local.barking-and-dagenham.abbey.2022-05-05");
  EXPECT_EQ(first.ward_gss, "E05014053");
  EXPECT_EQ(first.seats, 2);
  EXPECT_EQ(first.electorate, 2802);
  EXPECT_EQ(first.ballot_papers, 746);  // polling 536 + postal 210
  EXPECT_EQ(first.rejected, 3);
  EXPECT_EQ(first.candidates[0].name, "Regina Rahman");
  EXPECT_EQ(first.candidates[0].party, "PP53");  // "Labour Party Candiate"
}

const std::string kCandidateHeader =
    "borough_original,ward_original,election_date,surname,firstname,party,votes,elected,ward,borough,WD22CD,LAD22CD\n";
const std::string kWardHeader =
    "borough_original,ward_original,election_date,num_councillors,entitled_electors,valid_ballots,rejected_ballots,"
    "ballots_polling,ballots_postal,percentage_pol,rb_official_mark,rb_more_candidates,rb_voter_defined,"
    "rb_unmarked_void,rejected_in_part,ward,borough,WD22CD,LAD22CD\n";
const std::string kWardRow =
    "Barking and Dagenham,Abbey,2022-05-05,1,2802,746,3,536,210,0.2662,0,1,0,2,7,Abbey,Barking & Dagenham,E05014053,E09000002\n";
const std::string kCandidateRow =
    "Barking and Dagenham,Abbey,2022-05-05,Rahman,Regina,Labour Party,503,True,Abbey,Barking & Dagenham,E05014053,E09000002\n";

TEST(London2022, SmallFilesJoin) {
  Result<DeclarationSet> set = ReadLondon2022Text(kCandidateHeader + kCandidateRow, "c.csv",
                                                  kWardHeader + kWardRow, "w.csv",
                                                  DefaultPartyRegistry(), ReadOptions{});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_EQ(set->declarations[0].status, PollStatus::kUncontested);
}

struct BadCase {
  const char* name;
  std::string candidates, wards;
  const char* file;
  int64_t line;
  const char* field;
};

TEST(London2022, BadInputIsAnErrorNamingFileLineAndField) {
  const BadCase cases[] = {
      {"candidate's ward missing from the ward file",
       kCandidateHeader + kCandidateRow +
           "Barking and Dagenham,Alibon,2022-05-05,Doe,Jo,Labour Party,10,False,Alibon,Barking & Dagenham,E05014054,E09000002\n",
       kWardHeader + kWardRow, "c.csv", 3, "WD22CD"},
      {"ward without candidates", kCandidateHeader + kCandidateRow,
       kWardHeader + kWardRow +
           "Barking and Dagenham,Alibon,2022-05-05,2,6524,1483,16,865,618,0.2273,0,0,0,16,9,Alibon,Barking & Dagenham,E05014054,E09000002\n",
       "w.csv", 3, "WD22CD"},
      {"unknown party in strict mode",
       kCandidateHeader +
           "Barking and Dagenham,Abbey,2022-05-05,Rahman,Regina,Party of Nowhere,503,True,Abbey,Barking & Dagenham,E05014053,E09000002\n",
       kWardHeader + kWardRow, "c.csv", 2, "party"},
      {"negative electorate", kCandidateHeader + kCandidateRow,
       kWardHeader +
           "Barking and Dagenham,Abbey,2022-05-05,1,-5,746,3,536,210,0.2662,0,1,0,2,7,Abbey,Barking & Dagenham,E05014053,E09000002\n",
       "w.csv", 2, "entitled_electors"},
      {"missing column in the ward file", kCandidateHeader + kCandidateRow,
       "borough_original,ward_original,election_date,num_councillors,valid_ballots,rejected_ballots,ballots_polling,"
       "ballots_postal,WD22CD,LAD22CD\nBarking and Dagenham,Abbey,2022-05-05,1,746,3,536,210,E05014053,E09000002\n",
       "w.csv", 1, "entitled_electors"},
      {"decimal votes",
       kCandidateHeader +
           "Barking and Dagenham,Abbey,2022-05-05,Rahman,Regina,Labour Party,12.5,True,Abbey,Barking & Dagenham,E05014053,E09000002\n",
       kWardHeader + kWardRow, "c.csv", 2, "votes"},
      {"flags not numbering the seats",
       kCandidateHeader +
           "Barking and Dagenham,Abbey,2022-05-05,Rahman,Regina,Labour Party,503,False,Abbey,Barking & Dagenham,E05014053,E09000002\n",
       kWardHeader + kWardRow, "c.csv", 2, "elected"},
  };
  for (const BadCase& bad : cases) {
    Result<DeclarationSet> set = ReadLondon2022Text(bad.candidates, "c.csv", bad.wards, "w.csv",
                                                    DefaultPartyRegistry(), ReadOptions{});
    ASSERT_FALSE(set) << bad.name;
    EXPECT_EQ(set.error().file, bad.file) << bad.name << ": " << set.error().ToString();
    EXPECT_EQ(set.error().line, bad.line) << bad.name << ": " << set.error().ToString();
    EXPECT_EQ(set.error().field, bad.field) << bad.name << ": " << set.error().ToString();
  }
}

}  // namespace
}  // namespace psephos
