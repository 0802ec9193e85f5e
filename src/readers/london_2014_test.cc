#include "readers/london_2014.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

const char* kLondon2014 = "london-boroughs-2014/london_council_election_2014_ward.csv";
const char* kHeader =
    "Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,"
    "elected_flag,Number of councillors in ward\n";

TEST(London2014, ReadsTheWholeFile) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kLondon2014);
  Result<DeclarationSet> set = ReadLondon2014Csv(path, DefaultPartyRegistry(), ReadOptions{});
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->new_parties.empty());

  std::set<std::string> boroughs;
  int seats = 0, candidates = 0;
  std::map<std::string, int> winners_by_group;  // totals group, as the SOURCE counts them
  const PartyRegistry& registry = DefaultPartyRegistry();
  for (const Declaration& d : set->declarations) {
    boroughs.insert(d.council_gss.str());
    seats += d.seats;
    candidates += static_cast<int>(d.candidates.size());
    for (const Candidate& c : d.candidates)
      if (c.elected.value_or(false)) ++winners_by_group[std::string(registry.TotalsGroup(c.party))];
    EXPECT_EQ(d.ballot_id, "local." + d.council + "." + d.ward + ".2014-05-22");
  }
  EXPECT_EQ(boroughs.size(), 32u);
  EXPECT_EQ(set->declarations.size(), 629u);
  EXPECT_EQ(seats, 1851);
  // SOURCE.md says 6,950 candidates; the file has 6,951 data rows (Python's csv module agrees,
  // and no ward lists a candidate twice), so the SOURCE's count is one short.
  EXPECT_EQ(candidates, 6951);
  EXPECT_EQ(winners_by_group["PP53"], 1060);
  EXPECT_EQ(winners_by_group["PP52"], 612);
  EXPECT_EQ(winners_by_group["PP90"], 116);
  EXPECT_EQ(winners_by_group["RES"], 27);
  EXPECT_EQ(winners_by_group["LOCAL:tower-hamlets-first"], 18);
  EXPECT_EQ(winners_by_group["PP85"], 12);
  EXPECT_EQ(winners_by_group["PP63"], 4);
  EXPECT_EQ(winners_by_group["IND"], 2);

  const Declaration& first = set->declarations.front();
  EXPECT_EQ(first.ballot_id, "local.barking-and-dagenham.abbey.2014-05-22");
  EXPECT_EQ(first.council_gss, "E09000002");
  EXPECT_EQ(first.ward_gss, "E05000026");
  EXPECT_EQ(first.candidates[0].name, "Butt, Laila Ms.");  // the star dropped
  EXPECT_EQ(first.candidates[0].party, "PP53");

  bool found_evelyn = false;
  for (const Declaration& d : set->declarations) {
    if (d.ward_gss != "E05000443") continue;
    for (const Candidate& c : d.candidates)
      if (c.name == "Onuegbu, Crada Ms.") {
        EXPECT_EQ(c.votes, 1571);
        found_evelyn = true;
      }
  }
  EXPECT_TRUE(found_evelyn);

  ASSERT_EQ(set->warnings.size(), 1u);
  EXPECT_NE(set->warnings[0].find("Faraday"), std::string::npos) << set->warnings[0];
  EXPECT_NE(set->warnings[0].find("E05000541"), std::string::npos);
}

TEST(London2014, OtherElectionDateGivesNothing) {
  std::string text = std::string(kHeader) + "E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,2252,Yes,1\n";
  ReadOptions options;
  options.election_date = "2018-05-03";
  Result<DeclarationSet> set = ReadLondon2014Text(text, "mem.csv", DefaultPartyRegistry(), options);
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->declarations.empty());
}

// Bad input: the error names file, line and field, and nothing comes back.
struct BadCase {
  const char* name;
  std::string text;
  int64_t line;
  const char* field;
};

TEST(London2014, BadInputIsAnErrorNamingFileLineAndField) {
  const std::string ok_row = "E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,2252,Yes,1\n";
  const BadCase cases[] = {
      {"negative votes", std::string(kHeader) + ok_row +
           "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doyle, Dan\",CON,Conservative Party,-5,,1\n",
       3, "number_votes"},
      {"decimal votes", std::string(kHeader) +
           "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doyle, Dan\",CON,Conservative Party,12.5,Yes,1\n",
       2, "number_votes"},
      {"unknown party", std::string(kHeader) + ok_row +
           "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doe, Jo\",XYZ,Party of Nowhere,10,,1\n",
       3, "party_long"},
      {"missing column",
       "Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,elected_flag,"
       "Number of councillors in ward\nE05000026,E09000002,Barking and Dagenham,Abbey,Butt,LAB,Labour Party,Yes,1\n",
       1, "number_votes"},
      {"too few fields", std::string(kHeader) + ok_row + "E05000026,E09000002,Barking and Dagenham\n", 3, ""},
      {"bad flag", std::string(kHeader) +
           "E05000026,E09000002,Barking and Dagenham,Abbey,\"Butt, Laila\",LAB,Labour Party,2252,Maybe,1\n",
       2, "elected_flag"},
  };
  for (const BadCase& bad : cases) {
    Result<DeclarationSet> set = ReadLondon2014Text(bad.text, "bad.csv", DefaultPartyRegistry(), ReadOptions{});
    ASSERT_FALSE(set) << bad.name;
    EXPECT_EQ(set.error().file, "bad.csv") << bad.name;
    EXPECT_EQ(set.error().line, bad.line) << bad.name << ": " << set.error().ToString();
    EXPECT_EQ(set.error().field, bad.field) << bad.name << ": " << set.error().ToString();
  }
}

TEST(London2014, EmptyFileIsAnError) {
  Result<DeclarationSet> set = ReadLondon2014Text("", "empty.csv", DefaultPartyRegistry(), ReadOptions{});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "empty.csv");
}

TEST(London2014, UnknownPartyBecomesLocalWhenAllowed) {
  std::string text = std::string(kHeader) +
                     "E05000026,E09000002,Barking and Dagenham,Abbey,\"Doe, Jo\",XYZ,Party of Nowhere,10,Yes,1\n";
  ReadOptions options;
  options.unknown_parties = UnknownParties::kLocal;
  Result<DeclarationSet> set = ReadLondon2014Text(text, "mem.csv", DefaultPartyRegistry(), options);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->declarations[0].candidates[0].party, "LOCAL:party-of-nowhere");
  EXPECT_EQ(set->new_parties.at("Party of Nowhere"), "LOCAL:party-of-nowhere");
}

}  // namespace
}  // namespace psephos
