#include "readers/sheffield_2016.h"

#include <gtest/gtest.h>

#include "declaration_testing.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::CandidateCount;
using testing::SeatCount;
using testing::TopVotesWinnersByGroup;

TEST(Sheffield2016, AllOutElection) {
  std::string results, turnout;
  PSEPHOS_SHARED_DATA_OR_SKIP(results, "sheffield-2016-all-out/2016local.csv");
  PSEPHOS_SHARED_DATA_OR_SKIP(turnout, "sheffield-2016-all-out/2016turnout.csv");
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto set = ReadSheffield2016(results, turnout, registry, {});
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_EQ(set->declarations.size(), 28u);
  EXPECT_EQ(CandidateCount(set->declarations), 372u);
  EXPECT_EQ(SeatCount(set->declarations), 84);
  auto won = TopVotesWinnersByGroup(set->declarations, registry);
  EXPECT_EQ(won["PP53"], 57);  // 55 Labour + 2 Labour and Co-operative
  EXPECT_EQ(won["PP90"], 19);
  EXPECT_EQ(won["PP63"], 4);
  EXPECT_EQ(won["PP85"], 4);
  EXPECT_EQ(won.size(), 4u);

  const Declaration& first = set->declarations.front();
  EXPECT_EQ(first.ballot_id, "local.sheffield.beauchief-greenhill.2016-05-05");
  EXPECT_EQ(first.ward_name, "Beauchief & Greenhill");
  EXPECT_EQ(first.council_gss, "E08000019");
  EXPECT_EQ(first.electorate, 14399);
  EXPECT_FALSE(first.ballot_papers.has_value());
  for (const Declaration& d : set->declarations)
    for (const Candidate& c : d.candidates) EXPECT_FALSE(c.elected.has_value());
}

TEST(Sheffield2016, OtherDatesGiveNothing) {
  std::string results;
  PSEPHOS_SHARED_DATA_OR_SKIP(results, "sheffield-2016-all-out/2016local.csv");
  ReadOptions options;
  options.election_date = "2018-05-03";
  auto set = ReadSheffield2016(results, "", DefaultPartyRegistry(), options);
  ASSERT_TRUE(set) << set.error().ToString();
  EXPECT_TRUE(set->declarations.empty());
}

// ---- Bad input -----------------------------------------------------------------------------

const std::string kWard =
    "City,candidate,Ann Able,Green Party,900\r\n"
    "City,candidate,Bob Baker,Green Party,800\r\n"
    "City,candidate,Cat Cole,Labour Party,700\r\n"
    "City,candidate,Dan Dunn,The Conservative Party,100\r\n"
    "City,elected,\"Elected: Ann Able and Bob Baker, Green Party, and Cat Cole, Labour Party.\"\r\n"
    "City,turnout,\"Electorate: 7,283.\xC2\xA0Turnout: 20%\"\r\n";

void ExpectError(const std::string& text, int64_t line, const std::string& field,
                 const std::string& turnout = "") {
  auto set = ReadSheffield2016Text(text, "2016local.csv", turnout, "2016turnout.csv", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set) << "expected an error, got " << set->declarations.size() << " declarations";
  EXPECT_EQ(set.error().line, line) << set.error().ToString();
  EXPECT_EQ(set.error().field, field) << set.error().ToString();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(Sheffield2016BadInput, GoodTextReads) {
  auto set = ReadSheffield2016Text(kWard, "2016local.csv", "City,7283,20.0\r\n", "t.csv", DefaultPartyRegistry(), {});
  ASSERT_TRUE(set) << set.error().ToString();
  ASSERT_EQ(set->declarations.size(), 1u);
  EXPECT_EQ(set->declarations[0].electorate, 7283);
  EXPECT_EQ(set->declarations[0].candidates[3].party, "PP52");
}

TEST(Sheffield2016BadInput, ElectedLineNamesSomeoneElse) {
  ExpectError(Replace(kWard, "and Cat Cole, Labour", "and Dan Dunn, Labour"), 5, "elected");
}

TEST(Sheffield2016BadInput, AbcVotes) {
  auto set = ReadSheffield2016Text(Replace(kWard, "800", "abc"), "2016local.csv", "", "", DefaultPartyRegistry(), {});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "2016local.csv");
  EXPECT_EQ(set.error().line, 2);
  EXPECT_EQ(set.error().field, "votes");
}

TEST(Sheffield2016BadInput, UnknownParty) {
  ExpectError(Replace(kWard, "The Conservative Party", "The Cosmic Party"), 4, "party");
}

TEST(Sheffield2016BadInput, CandidateRowWithTooFewFields) {
  ExpectError(Replace(kWard, "Dan Dunn,The Conservative Party,100", "Dan Dunn,100"), 4, "");
}

TEST(Sheffield2016BadInput, DuplicatedCandidateRow) {
  ExpectError(kWard + "City,candidate,Dan Dunn,The Conservative Party,100\r\n", 7, "candidate");
}

TEST(Sheffield2016BadInput, TurnoutFileDisagrees) {
  auto set = ReadSheffield2016Text(kWard, "2016local.csv", "City,7284,20.0\r\n", "2016turnout.csv",
                                   DefaultPartyRegistry(), {});
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().file, "2016turnout.csv");
  EXPECT_EQ(set.error().line, 1);
  EXPECT_EQ(set.error().field, "electorate");
}

}  // namespace
}  // namespace psephos
