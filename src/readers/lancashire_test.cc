#include "readers/lancashire.h"

#include <gtest/gtest.h>

#include "declaration_testing.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::FlaggedWinnersByGroup;
using testing::SeatCount;

constexpr const char* kFile = "lancashire-dcleapil-derived/lancashire_ward_results_2006_2025.csv";

ReadOptions On(std::string date) {
  ReadOptions options;
  options.election_date = std::move(date);
  return options;
}

TEST(Lancashire, Burnley2018) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto set = ReadLancashireCsv(path, registry, On("2018-05-03"), "burnley");
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->declarations.size(), 15u);
  EXPECT_EQ(SeatCount(set->declarations), 15);
  auto won = FlaggedWinnersByGroup(set->declarations, registry);
  EXPECT_EQ(won["PP53"], 7);
  EXPECT_EQ(won["PP52"], 2);
  EXPECT_EQ(won["PP90"], 3);
  EXPECT_EQ(won["PP63"], 1);
  EXPECT_EQ(won["PP85"], 1);
  EXPECT_EQ(won["IND"], 1);
  EXPECT_EQ(won.size(), 6u);
  const Declaration& bank_hall = set->declarations.front();
  EXPECT_EQ(bank_hall.ballot_id, "local.burnley.bank-hall.2018-05-03");
  EXPECT_EQ(bank_hall.council_gss, "E07000117");
  EXPECT_EQ(bank_hall.ward_gss, "E05005150");
  EXPECT_EQ(bank_hall.ballot_papers, 1460);
  EXPECT_EQ(bank_hall.electorate, 4191);
}

TEST(Lancashire, Burnley2014ComparableYear) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto set = ReadLancashireCsv(path, registry, On("2014-05-22"), "burnley");
  ASSERT_TRUE(set) << set.error().ToString();
  auto won = FlaggedWinnersByGroup(set->declarations, registry);
  EXPECT_EQ(won["PP53"], 9);
  EXPECT_EQ(won["PP90"], 5);
  EXPECT_EQ(won["PP52"], 1);
}

TEST(Lancashire, RekeyedContestsAreAnError) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  // Pendle 2018 has contests of old wards filed under current ward names.
  auto set = ReadLancashireCsv(path, DefaultPartyRegistry(), On("2018-05-03"), "pendle");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, path);
  EXPECT_GT(set.error().line, 1);
  EXPECT_NE(set.error().message.find("re-keyed"), std::string::npos) << set.error().ToString();
  // So does the whole 2018 file: no declarations from a file with a bad contest.
  EXPECT_FALSE(ReadLancashireCsv(path, DefaultPartyRegistry(), On("2018-05-03")));
}

// ---- Bad input -----------------------------------------------------------------------------

constexpr const char* kHeader =
    "council,council_slug,tier,cycle,ward,ward_gss,election_date,seats_contested,"
    "turnout_valid_votes,electorate,candidate,party,votes,elected\n";

std::string Row(std::string candidate, std::string party, std::string votes, std::string elected,
                std::string valid = "1460", std::string seats = "1") {
  return "Burnley,burnley,district,thirds,Bank Hall,E05005150,2018-05-03," + seats + "," + valid +
         ",4191," + candidate + "," + party + "," + votes + "," + elected + "\n";
}

void ExpectError(const std::string& text, int64_t line, const std::string& field) {
  auto set = ReadLancashireCsvText(text, "lancs.csv", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set) << "expected an error, got " << set->declarations.size() << " declarations";
  EXPECT_EQ(set.error().file, "lancs.csv");
  EXPECT_EQ(set.error().line, line) << set.error().ToString();
  EXPECT_EQ(set.error().field, field) << set.error().ToString();
}

TEST(LancashireBadInput, GoodTextReads) {
  auto set = ReadLancashireCsvText(std::string(kHeader) + Row("A", "Labour", "1000", "t") +
                                       Row("B", "Conservative", "460", "f"),
                                   "lancs.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_EQ(set->declarations[0].seats, 1);
}

// Blank ward-level figures (most years give no electorate) repeat on every row as blank: equal,
// not "differs from the ward's earlier rows".
TEST(LancashireBadInput, BlankElectorateAndTurnoutOnEveryRowRead) {
  auto blank = [](std::string row) { return row.replace(row.find(",1460,4191,"), 11, ",,,"); };
  auto set = ReadLancashireCsvText(std::string(kHeader) + blank(Row("A", "Labour", "1000", "t")) +
                                       blank(Row("B", "Conservative", "460", "f")),
                                   "lancs.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_FALSE(set->declarations[0].electorate);
  EXPECT_FALSE(set->declarations[0].ballot_papers);
  EXPECT_EQ(set->declarations[0].candidates.size(), 2u);
}

TEST(LancashireBadInput, TwoWinnersForOneSeat) {
  ExpectError(std::string(kHeader) + Row("A", "Labour", "1000", "t") + Row("B", "Conservative", "460", "t"), 3,
              "elected");
}

TEST(LancashireBadInput, TurnoutDiffersWithinAWard) {
  ExpectError(std::string(kHeader) + Row("A", "Labour", "1000", "t") + Row("B", "Conservative", "460", "f", "1525"), 3,
              "turnout_valid_votes");
}

TEST(LancashireBadInput, RepeatedCandidate) {
  ExpectError(std::string(kHeader) + Row("A", "Labour", "1000", "t", "1460", "2") +
                  Row("B", "Conservative", "460", "t", "1460", "2") + Row("A", "Labour", "1000", "f", "1460", "2"),
              4, "candidate");
}

TEST(LancashireBadInput, FlagMaybe) {
  ExpectError(std::string(kHeader) + Row("A", "Labour", "1000", "maybe"), 2, "elected");
}

TEST(LancashireBadInput, MissingColumn) {
  ExpectError("council,ward\nBurnley,Bank Hall\n", 1, "council_slug");
}

TEST(LancashireBadInput, VotesWithDecimals) {
  ExpectError(std::string(kHeader) + Row("A", "Labour", "10.5", "t"), 2, "votes");
}

}  // namespace
}  // namespace psephos
