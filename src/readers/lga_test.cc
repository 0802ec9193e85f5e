#include "readers/lga.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "declaration_testing.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::CandidateCount;
using testing::FlaggedWinnersByGroup;
using testing::SeatCount;

constexpr const char* kLga = "trafford-2016-2026-lga/trafford_council_election_results.csv";
constexpr const char* kSimple = "trafford-2016-2026-lga/local_election_results_2018_simple.csv";

ReadOptions On(std::string date) {
  ReadOptions options;
  options.election_date = std::move(date);
  return options;
}

const Declaration* FindWard(const std::vector<Declaration>& declarations, std::string_view ward) {
  for (const Declaration& d : declarations)
    if (d.ward == ward) return &d;
  return nullptr;
}

TEST(Lga, Trafford2018) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kLga);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto set = ReadLgaCsv(path, registry, On("2018-05-03"));
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->declarations.size(), 21u);
  EXPECT_EQ(CandidateCount(set->declarations), 105u);
  EXPECT_EQ(SeatCount(set->declarations), 22);
  auto won = FlaggedWinnersByGroup(set->declarations, registry);
  EXPECT_EQ(won["PP53"], 13);
  EXPECT_EQ(won["PP52"], 7);
  EXPECT_EQ(won["PP63"], 2);
  EXPECT_EQ(won.size(), 3u);

  const Declaration* altrincham = FindWard(set->declarations, "altrincham");
  ASSERT_NE(altrincham, nullptr);
  EXPECT_EQ(altrincham->ballot_id, "local.trafford.altrincham.2018-05-03");
  EXPECT_EQ(altrincham->seats, 2);
  EXPECT_EQ(altrincham->council_name, "Trafford");
  EXPECT_EQ(altrincham->council_gss, "E08000009");
  EXPECT_EQ(altrincham->ward_gss, "E05000819");
  EXPECT_EQ(altrincham->ballot_papers, 4133);
  EXPECT_EQ(altrincham->electorate, 8892);
  EXPECT_FALSE(altrincham->rejected.has_value());  // not published for 2018
  // Independents have no party URI.
  const Declaration* broadheath = FindWard(set->declarations, "broadheath");
  ASSERT_NE(broadheath, nullptr);
  EXPECT_TRUE(std::any_of(broadheath->candidates.begin(), broadheath->candidates.end(),
                          [](const Candidate& c) { return c.party == "IND"; }));
}

TEST(Lga, Trafford2016RejectedIsTheSumOfTheColumns) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kLga);
  auto set = ReadLgaCsv(path, DefaultPartyRegistry(), On("2016-05-05"));
  ASSERT_TRUE(set) << set.error().ToString();
  const Declaration* ashton = FindWard(set->declarations, "ashton-upon-mersey");
  ASSERT_NE(ashton, nullptr);
  EXPECT_EQ(ashton->rejected, 7);  // 0 + 1 + 1 + 0 + 5
  EXPECT_EQ(ashton->ballot_papers, 3110);
}

TEST(Lga, WholeFileSkipsWestminsterAndKeepsByElections) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kLga);
  auto set = ReadLgaCsv(path, DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(CandidateCount(set->declarations), 1014u - 44u);  // 44 Westminster rows
  for (const Declaration& d : set->declarations) EXPECT_EQ(d.council, "trafford") << d.ballot_id;
  EXPECT_TRUE(std::any_of(set->declarations.begin(), set->declarations.end(), [](const Declaration& d) {
    return d.ballot_id == "local.trafford.broadheath.by.2017-05-04";
  }));
  EXPECT_TRUE(std::any_of(set->warnings.begin(), set->warnings.end(),
                          [](const std::string& w) { return w.find("Parliamentary") != std::string::npos; }));
}

TEST(Lga, SimpleWardVotesFileAgreesWithTheLgaFile) {
  std::string lga_path, simple_path;
  PSEPHOS_SHARED_DATA_OR_SKIP(lga_path, kLga);
  PSEPHOS_SHARED_DATA_OR_SKIP(simple_path, kSimple);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto lga = ReadLgaCsv(lga_path, registry, On("2018-05-03"));
  ASSERT_TRUE(lga) << lga.error().ToString();
  WardVotesContext trafford{"trafford", "", {{"E05000819", 2}}};
  auto simple = ReadWardVotesCsv(simple_path, registry, On("2018-05-03"), trafford);
  ASSERT_TRUE(simple) << simple.error().ToString();
  ASSERT_EQ(simple->declarations.size(), 21u);
  EXPECT_EQ(CandidateCount(simple->declarations), 105u);
  EXPECT_EQ(SeatCount(simple->declarations), 22);
  for (const Declaration& s : simple->declarations) {
    const Declaration* l = FindWard(lga->declarations, s.ward);
    ASSERT_NE(l, nullptr) << s.ward;
    EXPECT_EQ(s.ballot_id, l->ballot_id);
    EXPECT_EQ(s.ward_gss, l->ward_gss);
    EXPECT_EQ(s.seats, l->seats) << s.ward;
    ASSERT_EQ(s.candidates.size(), l->candidates.size()) << s.ward;
    // Same candidate (by surname, "SURNAME Forenames" vs "Forenames SURNAME"), party and votes.
    for (const Candidate& c : s.candidates) {
      std::string_view name = c.name;
      std::string surname(name.substr(0, name.find(' ')));
      auto match = std::find_if(l->candidates.begin(), l->candidates.end(), [&](const Candidate& x) {
        return x.name.view().ends_with(" " + surname) && x.votes == c.votes;
      });
      ASSERT_NE(match, l->candidates.end()) << s.ward << ": " << c.name;
      EXPECT_EQ(match->party, c.party) << s.ward << ": " << c.name;
      EXPECT_FALSE(c.elected.has_value());
    }
  }
}

// ---- Bad input -----------------------------------------------------------------------------

constexpr const char* kLgaHeader =
    "ElectionDate,TypeofElection,ElectedBodyLabel,ElectoralAreaURI,ElectoralAreaLabel,"
    "CandidateSurname,CandidateForenames,CommonlyUsedSurname,CommonlyUsedForenames,"
    "PoliticalPartyURI,PoliticalPartyLabel,VotesWon,Elected,VotesCast,EligibleElectorate,"
    "BallotsRejectedOfficialMark,BallotsRejectedMultipleVote,BallotsRejectedIdentification,"
    "BallotsRejectedInPart,BallotsRejectedUnmarked\n";

std::string LgaRow(std::string type, std::string surname, std::string party_id, std::string label,
                   std::string votes, std::string elected) {
  return "2018-05-03," + type + ",Trafford Council,http://x/E05000819,Altrincham," + surname +
         ",Ann,,," + (party_id.empty() ? "" : "http://x/Registrations/" + party_id) + "," + label +
         "," + votes + "," + elected + ",4133,8892,,,,,\n";
}

void ExpectLgaError(const std::string& text, int64_t line, const std::string& field) {
  auto set = ReadLgaCsvText(text, "lga.csv", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set) << "expected an error, got " << set->declarations.size() << " declarations";
  EXPECT_EQ(set.error().file, "lga.csv");
  EXPECT_EQ(set.error().line, line) << set.error().ToString();
  EXPECT_EQ(set.error().field, field) << set.error().ToString();
}

TEST(LgaBadInput, GoodTextReads) {
  auto set = ReadLgaCsvText(std::string(kLgaHeader) +
                                LgaRow("DistrictAndBorough", "A", "PP53", "Labour Party", "10", "ELECTED") +
                                LgaRow("DistrictAndBorough", "B", "", "Independent", "5", "NOT ELECTED") +
                                LgaRow("Parliamentary", "C", "PP53", "Labour Party", "9", "ELECTED"),
                            "lga.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_EQ(set->declarations[0].candidates.size(), 2u);
  EXPECT_EQ(set->declarations[0].candidates[1].party, "IND");
}

TEST(LgaBadInput, AbcVotes) {
  ExpectLgaError(std::string(kLgaHeader) + LgaRow("DistrictAndBorough", "A", "PP53", "Labour", "abc", "ELECTED"), 2, "VotesWon");
}

TEST(LgaBadInput, UnknownPartyId) {
  ExpectLgaError(std::string(kLgaHeader) + LgaRow("DistrictAndBorough", "A", "PP999999", "Nonsense Party", "10", "ELECTED"), 2,
                 "PoliticalPartyURI");
}

TEST(LgaBadInput, EmptyParty) {
  ExpectLgaError(std::string(kLgaHeader) + LgaRow("DistrictAndBorough", "A", "PP53", "Labour", "10", "ELECTED") +
                     LgaRow("DistrictAndBorough", "B", "", "", "10", "NOT ELECTED"),
                 3, "PoliticalPartyURI");
}

TEST(LgaBadInput, UnknownTypeOfElection) {
  ExpectLgaError(std::string(kLgaHeader) + LgaRow("Galactic", "A", "PP53", "Labour", "10", "ELECTED"), 2, "TypeofElection");
}

TEST(LgaBadInput, RowWithTooFewFields) {
  auto set = ReadLgaCsvText(std::string(kLgaHeader) + "2018-05-03,DistrictAndBorough,Trafford Council\n", "lga.csv",
                            DefaultPartyRegistry(), {});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "lga.csv");
  EXPECT_EQ(set.error().line, 2);
  EXPECT_EQ(set.error().field, "");  // the whole row is wrong, not one field
}

TEST(LgaBadInput, WardValuesDisagree) {
  std::string second = LgaRow("DistrictAndBorough", "B", "PP52", "Conservative", "5", "NOT ELECTED");
  second.replace(second.find("4133"), 4, "4134");
  ExpectLgaError(std::string(kLgaHeader) + LgaRow("DistrictAndBorough", "A", "PP53", "Labour", "10", "ELECTED") + second, 3,
                 "VotesCast");
}

// The rejected columns are added up: their sum is held to the bound of any count (10^9), and
// refused at the column that passes it, not stored (a declaration's counts hold 32 bits).
TEST(LgaBadInput, RejectedColumnsAddingUpPastTheBound) {
  std::string row = LgaRow("DistrictAndBorough", "A", "PP53", "Labour", "10", "ELECTED");
  row.replace(row.rfind(",,,,,"), 5, ",600000000,600000000,,,");
  ExpectLgaError(std::string(kLgaHeader) + row, 2, "BallotsRejectedMultipleVote");
}

TEST(LgaBadInput, WardVotesNeedsADate) {
  auto set = ReadWardVotesCsvText("wardcode,ward,candidate,party,votes\nE1,W,A,Labour,1\n", "w.csv",
                                  DefaultPartyRegistry(), {}, WardVotesContext{"trafford", "", {}});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().field, "election_date");
}

TEST(LgaBadInput, WardVotesUnknownLabelAndNegativeVotes) {
  const std::string header = "wardcode,ward,candidate,party,votes\n";
  WardVotesContext trafford{"trafford", "", {}};
  auto unknown = ReadWardVotesCsvText(header + "E1,W,A,Labour,1\nE1,W,B,Lubour Porty,2\n", "w.csv",
                                      DefaultPartyRegistry(), On("2018-05-03"), trafford);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().line, 3);
  EXPECT_EQ(unknown.error().field, "party");
  auto negative = ReadWardVotesCsvText(header + "E1,W,A,Labour,-1\n", "w.csv", DefaultPartyRegistry(),
                                       On("2018-05-03"), trafford);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().file, "w.csv");
  EXPECT_EQ(negative.error().line, 2);
  EXPECT_EQ(negative.error().field, "votes");
}

}  // namespace
}  // namespace psephos
