#include "readers/constituency_csv.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "testing.h"

namespace psephos {
namespace {

std::map<std::string, int> Winners(const std::vector<ConstituencyResult>& seats) {
  std::map<std::string, int> won;
  for (const ConstituencyResult& seat : seats) ++won[seat.winner];
  return won;
}

std::map<std::string, int64_t> Votes(const std::vector<ConstituencyResult>& seats) {
  std::map<std::string, int64_t> votes;
  for (const ConstituencyResult& seat : seats)
    for (const auto& [party, n] : seat.votes) votes[party] += n;
  return votes;
}

TEST(ConstituencyCsv, GeneralElection2017) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, "ge2017-hoc-constituency/HoC-GE2017-constituency-results.csv");
  auto seats = ReadConstituencyCsv(path, /*has_header=*/true);
  ASSERT_TRUE(seats) << seats.error().ToString();
  ASSERT_EQ(seats->size(), 650u);
  std::map<std::string, int> expected = {{"PP52", 317}, {"PP53", 262}, {"PP102", 35}, {"PP90", 12},
                                         {"PP70", 10},  {"PP39", 7},   {"PP77", 4},   {"PP63", 1},
                                         {"SPK", 1},    {"IND", 1}};
  EXPECT_EQ(Winners(*seats), expected);
  std::map<std::string, int64_t> votes = Votes(*seats);  // SOURCE.md's GB+NI totals
  EXPECT_EQ(votes["PP52"], 13636684);
  EXPECT_EQ(votes["PP53"], 12877858);
  EXPECT_EQ(votes["PP90"], 2371861);
  EXPECT_EQ(votes["PP102"], 977568);
  EXPECT_EQ(votes["PP85"], 594068);
  EXPECT_EQ(votes["PP63"], 525665);
  const ConstituencyResult& aberavon = seats->front();
  EXPECT_EQ(aberavon.ons_id, "W07000049");
  EXPECT_EQ(aberavon.name, "Aberavon");
  EXPECT_EQ(aberavon.country, "Wales");
  EXPECT_EQ(aberavon.electorate, 49892);
  EXPECT_EQ(aberavon.valid_votes, 33268);
  EXPECT_EQ(aberavon.invalid_votes, 57);
  EXPECT_EQ(aberavon.votes.at("PP53"), 22662);
  EXPECT_EQ(aberavon.winner, "PP53");
}

void Check2015(const std::vector<ConstituencyResult>& seats) {
  ASSERT_EQ(seats.size(), 650u);
  std::map<std::string, int> expected = {{"PP52", 330}, {"PP53", 232}, {"PP102", 56}, {"PP90", 8},
                                         {"PP70", 8},   {"PP39", 4},   {"PP77", 3},   {"PP55", 3},
                                         {"PP83", 2},   {"PP63", 1},   {"PP85", 1},   {"SPK", 1},
                                         {"IND", 1}};
  EXPECT_EQ(Winners(seats), expected);
  std::map<std::string, int64_t> votes = Votes(seats);
  EXPECT_EQ(votes["PP52"], 11299609);
  EXPECT_EQ(votes["PP53"], 9347273);
  EXPECT_EQ(votes["PP85"], 3881099);
  EXPECT_EQ(votes["PP90"], 2415916);
  EXPECT_EQ(votes["PP102"], 1454436);
  EXPECT_EQ(votes["PP63"], 1157630);
  EXPECT_EQ(seats.front().electorate, 49821);
  EXPECT_EQ(seats.front().votes.at("OTHER"), 1623);
}

TEST(ConstituencyCsv, GeneralElection2015WithHeader) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, "ge2015-hoc-constituency/hocl-ge2015-results-summary.with-header.csv");
  auto seats = ReadConstituencyCsv(path, /*has_header=*/true);
  ASSERT_TRUE(seats) << seats.error().ToString();
  Check2015(*seats);
}

TEST(ConstituencyCsv, GeneralElection2015WithoutHeader) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, "ge2015-hoc-constituency/hocl-ge2015-results-summary.no-header.csv");
  auto seats = ReadConstituencyCsv(path, /*has_header=*/false);
  ASSERT_TRUE(seats) << seats.error().ToString();
  Check2015(*seats);
}

struct BadCase {
  const char* name;
  std::string text;
  bool has_header;
  int64_t line;
  const char* field;
};

TEST(ConstituencyCsv, BadInputIsAnErrorNamingFileLineAndField) {
  const std::string header =
      "ons_id,ons_region_id,constituency_name,county_name,region_name,country_name,constituency_type,"
      "declaration_time,result,first_party,second_party,electorate,valid_votes,invalid_votes,majority,con,lab,ld,"
      "ukip,green,snp,pc,dup,sf,sdlp,uup,alliance,other\n";
  const std::string good =
      "W07000049,W92000004,Aberavon,West Glamorgan,Wales,Wales,County,08/05/2015 03:19,Lab hold,Lab,UKIP,49821,"
      "31523,57,10445,3742,15416,1397,4971,711,0,3663,0,0,0,0,0,1623\n";
  const BadCase cases[] = {
      {"valid votes not adding up", header + good +
           "W07000058,W92000004,Aberconwy,Clwyd,Wales,Wales,County,08/05/2015 02:48,Con hold,Con,Lab,45525,30149,"
           "59,3999,12513,8514,1391,3467,727,0,3536,0,0,0,0,0,0\n",
       true, 3, "valid_votes"},
      {"no header: valid votes not adding up",
       "W07000058,W92000004,Aberconwy,Clwyd,Wales,Wales,County,08/05/2015 02:48,Con hold,Con,Lab,45525,30149,"
       "59,3999,12513,8514,1391,3467,727,0,3536,0,0,0,0,0,0\n",
       false, 1, "valid_votes"},
      {"negative votes",
       header + "W07000049,W92000004,Aberavon,West Glamorgan,Wales,Wales,County,x,Lab hold,Lab,UKIP,49821,"
                "31523,57,10445,-5,15416,1397,4971,711,0,3663,0,0,0,0,0,1623\n",
       true, 2, "con"},
      {"unknown winner",
       header + "W07000049,W92000004,Aberavon,West Glamorgan,Wales,Wales,County,x,Lab hold,Xyz,UKIP,49821,"
                "31523,57,10445,3742,15416,1397,4971,711,0,3663,0,0,0,0,0,1623\n",
       true, 2, "first_party"},
      {"missing column", "ons_id,constituency_name\nW07000049,Aberavon\n", true, 1, "region_name"},
      {"too few fields", header + good + "W07000058,W92000004,Aberconwy\n", true, 3, ""},
  };
  for (const BadCase& bad : cases) {
    auto seats = ReadConstituencyText(bad.text, "ge.csv", bad.has_header);
    ASSERT_FALSE(seats) << bad.name;
    EXPECT_EQ(seats.error().file, "ge.csv") << bad.name;
    EXPECT_EQ(seats.error().line, bad.line) << bad.name << ": " << seats.error().ToString();
    EXPECT_EQ(seats.error().field, bad.field) << bad.name << ": " << seats.error().ToString();
  }
  auto empty = ReadConstituencyText("", "empty.csv", true);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().file, "empty.csv");
}

}  // namespace
}  // namespace psephos
