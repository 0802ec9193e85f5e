#include "readers/democracy_club.h"

#include <gtest/gtest.h>

#include "declaration_testing.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::CandidateCount;
using testing::FlaggedWinnersByGroup;
using testing::SeatCount;

constexpr const char* kJson = "sheffield-barnsley-2018-dc/results-2018.dc-api.json";
constexpr const char* kCsv = "sheffield-barnsley-2018-dc/results-2018.flat.csv";

bool SameDeclaration(const Declaration& a, const Declaration& b) {
  if (a.ballot_id != b.ballot_id || a.council != b.council || a.council_name != b.council_name ||
      a.council_gss != b.council_gss || a.ward != b.ward || a.ward_name != b.ward_name ||
      a.ward_gss != b.ward_gss || a.seats != b.seats || a.electorate != b.electorate ||
      a.ballot_papers != b.ballot_papers || a.rejected != b.rejected || a.status != b.status ||
      a.candidates.size() != b.candidates.size())
    return false;
  for (size_t i = 0; i < a.candidates.size(); ++i) {
    const Candidate& x = a.candidates[i];
    const Candidate& y = b.candidates[i];
    if (x.name != y.name || x.party != y.party || x.votes != y.votes || x.elected != y.elected)
      return false;
  }
  return true;
}

TEST(DemocracyClub, JsonSheffieldBarnsley2018) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kJson);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto set = ReadDemocracyClubJson(path, registry, {});
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->declarations.size(), 49u);
  EXPECT_EQ(CandidateCount(set->declarations), 209u);
  EXPECT_EQ(SeatCount(set->declarations), 49);
  auto won = FlaggedWinnersByGroup(set->declarations, registry);
  EXPECT_EQ(won["PP53"], 35);  // 34 Labour + 1 Labour and Co-operative
  EXPECT_EQ(won["PP90"], 10);
  EXPECT_EQ(won["PP63"], 3);
  EXPECT_EQ(won["PP52"], 1);
  EXPECT_EQ(won.size(), 4u);

  const Declaration& first = set->declarations.front();
  EXPECT_EQ(first.ballot_id, "local.sheffield.stocksbridge-upper-don.2018-05-03");
  EXPECT_EQ(first.council, "sheffield");
  EXPECT_EQ(first.council_name, "Sheffield");
  EXPECT_EQ(first.council_gss, "E08000019");
  EXPECT_EQ(first.ward, "stocksbridge-upper-don");
  EXPECT_EQ(first.ward_name, "Stocksbridge & Upper Don");
  EXPECT_EQ(first.ward_gss, "E05010881");
  EXPECT_EQ(first.candidates.front().party, "PP53");
  EXPECT_EQ(first.candidates.front().votes, 1814);
  EXPECT_FALSE(first.rejected.has_value());
}

TEST(DemocracyClub, CsvGivesTheSameDeclarationsAsJson) {
  std::string json_path, csv_path;
  PSEPHOS_SHARED_DATA_OR_SKIP(json_path, kJson);
  PSEPHOS_SHARED_DATA_OR_SKIP(csv_path, kCsv);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto json = ReadDemocracyClubJson(json_path, registry, {});
  auto csv = ReadDemocracyClubCsv(csv_path, registry, {});
  ASSERT_TRUE(json) << json.error().ToString();
  ASSERT_TRUE(csv) << csv.error().ToString();
  ASSERT_EQ(csv->declarations.size(), 49u);
  EXPECT_EQ(CandidateCount(csv->declarations), 209u);
  // The CSV is ordered by ballot differently; compare by ballot id.
  std::map<std::string, const Declaration*> by_id;
  for (const Declaration& d : json->declarations) by_id[d.ballot_id.str()] = &d;
  for (const Declaration& d : csv->declarations) {
    ASSERT_TRUE(by_id.count(d.ballot_id.str())) << d.ballot_id;
    CompactVector<Candidate> a = by_id[d.ballot_id.str()]->candidates, b = d.candidates;
    auto by_name = [](const Candidate& x, const Candidate& y) { return x.name < y.name; };
    std::sort(a.begin(), a.end(), by_name);
    std::sort(b.begin(), b.end(), by_name);
    Declaration x = *by_id[d.ballot_id.str()], y = d;
    x.candidates = a;
    y.candidates = b;
    EXPECT_TRUE(SameDeclaration(x, y)) << d.ballot_id;
  }
  auto won = FlaggedWinnersByGroup(csv->declarations, registry);
  EXPECT_EQ(won["PP53"], 35);
  EXPECT_EQ(won["PP90"], 10);
}

TEST(DemocracyClub, ElectionDateFilter) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kCsv);
  ReadOptions options;
  options.election_date = "2019-05-02";
  auto set = ReadDemocracyClubCsv(path, DefaultPartyRegistry(), options);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->declarations.empty());
}

// A council's name and code are made once for a run of its contests: each contest still has its
// own council's when the councils alternate (a CSV names a council by its ballot ids' slug).
TEST(DemocracyClub, CsvCouncilsInAnyOrder) {
  auto row = [](std::string council, std::string ward) {
    return "local." + council + "." + ward + ".2018-05-03,local." + council + ".2018-05-03,," + ward +
           ",1,A,party:53,Labour,10,t,,\n";
  };
  const std::string text =
      "ballot_paper_id,election_id,post_id,post_label,person_id,person_name,party_id,party_name,votes,"
      "elected,turnout_reported,spoilt\n" +
      row("barnsley", "central") + row("barnsley", "darton") + row("sheffield", "ecclesall") +
      row("barnsley", "dodworth") + row("stoke-on-trent", "ward") + row("barnsley", "penistone");
  auto set = ReadDemocracyClubCsvText(text, "dc.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 6u);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Barnsley", "E08000016"}, {"Barnsley", "E08000016"}, {"Sheffield", "E08000019"},
      {"Barnsley", "E08000016"}, {"Stoke on Trent", ""}, {"Barnsley", "E08000016"}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(set->declarations[i].council_name, want[i].first) << i;
    EXPECT_EQ(set->declarations[i].council_gss, want[i].second) << i;
  }
}

// ---- Bad input: each names file, line and field, and gives no declarations. ----------------

constexpr const char* kHeader =
    "ballot_paper_id,election_id,post_id,post_label,person_id,person_name,party_id,party_name,"
    "votes,elected,turnout_reported,spoilt\n";

std::string Row(std::string person, std::string party_id, std::string votes, std::string elected) {
  return "local.barnsley.central.2018-05-03,local.barnsley.2018-05-03,MTW:E05000976,Central,1," +
         person + "," + party_id + ",Some Party," + votes + "," + elected + ",,\n";
}

void ExpectError(const std::string& text, int64_t line, const std::string& field) {
  auto set = ReadDemocracyClubCsvText(text, "dc.csv", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set) << "expected an error, got " << set->declarations.size() << " declarations";
  EXPECT_EQ(set.error().file, "dc.csv");
  EXPECT_EQ(set.error().line, line) << set.error().ToString();
  EXPECT_EQ(set.error().field, field) << set.error().ToString();
}

TEST(DemocracyClubBadInput, CsvGoodTextReads) {
  auto set = ReadDemocracyClubCsvText(std::string(kHeader) + Row("A", "party:53", "10", "t") +
                                          Row("B", "joint-party:53-119", "5", "f") +
                                          Row("C", "ynmp-party:2", "4", "f"),
                                      "dc.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_EQ(set->declarations[0].candidates[1].party, "PP53");
  EXPECT_EQ(set->declarations[0].candidates[2].party, "IND");
  EXPECT_EQ(set->declarations[0].council_gss, "E08000016");
}

TEST(DemocracyClubBadInput, MissingColumn) {
  ExpectError("ballot_paper_id,post_id\nlocal.a.b.2018-05-03,MTW:E05000976\n", 1, "post_label");
}

TEST(DemocracyClubBadInput, NegativeVotes) {
  ExpectError(std::string(kHeader) + Row("A", "party:53", "10", "t") + Row("B", "party:52", "-5", "f"), 3, "votes");
}

TEST(DemocracyClubBadInput, UnknownPartyId) {
  ExpectError(std::string(kHeader) + Row("A", "party:999999", "10", "t"), 2, "party_id");
}

TEST(DemocracyClubBadInput, EmptyParty) {
  ExpectError(std::string(kHeader) + Row("A", "party:53", "10", "t") + Row("B", "", "3", "f"), 3, "party_id");
}

TEST(DemocracyClubBadInput, FlagMaybe) {
  ExpectError(std::string(kHeader) + Row("A", "party:53", "10", "maybe"), 2, "elected");
}

TEST(DemocracyClubBadInput, DuplicatedCandidateRow) {
  ExpectError(std::string(kHeader) + Row("A", "party:53", "10", "t") + Row("B", "party:52", "5", "f") +
                  Row("A", "party:53", "10", "t"),
              4, "person_name");
}

TEST(DemocracyClubBadInput, NoWinnerFlagged) {
  ExpectError(std::string(kHeader) + Row("A", "party:53", "10", "f"), 2, "elected");
}

TEST(DemocracyClubBadInput, JsonAbcVotesNamesLineAndPath) {
  const std::string text = R"([
  {
    "ballot_paper_id": "local.sheffield.city.2018-05-03",
    "candidate_results": [
      {"is_winner": true, "num_ballots": 100,
       "membership": {"elected": true, "election": {"name": "Sheffield local election"},
                      "on_behalf_of": {"id": "party:63", "name": "Green Party"},
                      "person": {"name": "A"}, "post": {"id": "MTW:E05010863", "label": "City"}}},
      {"is_winner": false, "num_ballots": "abc",
       "membership": {"elected": false, "election": {"name": "Sheffield local election"},
                      "on_behalf_of": {"id": "party:53", "name": "Labour Party"},
                      "person": {"name": "B"}, "post": {"id": "MTW:E05010863", "label": "City"}}}
    ]
  }
])";
  auto set = ReadDemocracyClubJsonText(text, "dc.json", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "dc.json");
  EXPECT_EQ(set.error().line, 9);  // where the second candidate object starts
  EXPECT_EQ(set.error().field, "candidate_results[1].num_ballots");

  std::string good = text;
  good.replace(good.find("\"abc\""), 5, "50");
  auto ok = ReadDemocracyClubJsonText(good, "dc.json", DefaultPartyRegistry(), {});
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_EQ(ok->declarations[0].ward_gss, "E05010863");
  EXPECT_EQ(ok->declarations[0].seats, 1);
}

TEST(DemocracyClubBadInput, JsonSyntaxErrorNamesLine) {
  auto set = ReadDemocracyClubJsonText("[\n{\"ballot_paper_id\": \n}\n]", "dc.json",
                                       DefaultPartyRegistry(), {});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "dc.json");
  EXPECT_EQ(set.error().line, 3);
}

}  // namespace
}  // namespace psephos
