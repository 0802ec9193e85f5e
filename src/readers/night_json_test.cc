#include "readers/night_json.h"

#include <gtest/gtest.h>

#include "readers/csv.h"
#include "readers/internal/night_json_paths.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

// A council and a declaration, with room for a member to be spoiled or moved.
std::string Night(std::string_view council_extra, std::string_view declaration_extra, bool declarations_first) {
  const std::string election = R"("election": {"id": "local.2018-05-03", "date": "2018-05-03"})";
  const std::string councils =
      R"("councils": [{"id": "trafford", "name": "Trafford", "type": "metropolitan-borough", "cycle": "thirds",
         "seats": 2, "not_up": {"CON": 1)" + std::string(council_extra) + R"(},
         "wards": [{"id": "altrincham", "name": "Altrincham", "defending": ["LAB"]}]}])";
  const std::string declarations =
      R"("declarations": [{"ballot": "local.trafford.altrincham.2018-05-03", "council": "trafford",
         "ward": "altrincham", "seats": 1)" + std::string(declaration_extra) + R"(,
         "candidates": [{"name": "A", "party": "LAB", "votes": 10}, {"name": "B", "party": "CON", "votes": 5}]}])";
  return "{" + election + "," + (declarations_first ? declarations + "," + councils : councils + "," + declarations) + "}";
}

TEST(NightJson, CouncilsAndDeclarationsAreReadInEitherOrder) {
  for (bool declarations_first : {false, true}) {
    auto night = ParseNightJson(Night("", "", declarations_first), "night.json", DefaultPartyRegistry());
    ASSERT_TRUE(night) << night.error().ToString();
    ASSERT_EQ(night->election.councils.size(), 1u);
    EXPECT_EQ(night->election.councils[0].wards[0].seats_up.size(), 1u);
    ASSERT_EQ(night->declarations.size(), 1u);
    EXPECT_EQ(night->declarations[0].candidates[1].votes, 5);
    EXPECT_EQ(night->election.date, "2018-05-03");
  }
}

// Councils and declarations are read as the parser finishes each; the errors still come in the
// document's order of checks (a syntax error, the election, councils, declarations).
TEST(NightJson, ErrorsComeInTheSameOrderWhateverTheOrderOfMembers) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  for (bool declarations_first : {false, true}) {
    auto both = ParseNightJson(Night(R"(, "LAB": -1)", R"(, "electorate": -4)", declarations_first), "n.json", registry);
    ASSERT_FALSE(both);
    EXPECT_EQ(both.error().field, "councils[0].not_up.LAB") << both.error().ToString();
    auto declaration = ParseNightJson(Night("", R"(, "electorate": -4)", declarations_first), "n.json", registry);
    ASSERT_FALSE(declaration);
    EXPECT_EQ(declaration.error().field, "declarations[0].electorate") << declaration.error().ToString();
    auto syntax = ParseNightJson(Night(R"(, "LAB": -1)", "", declarations_first) + ",", "n.json", registry);
    ASSERT_FALSE(syntax);
    EXPECT_NE(syntax.error().message.find("invalid JSON"), std::string::npos) << syntax.error().ToString();
  }
  auto not_a_list = ParseNightJson(R"({"election": {"id": "e", "date": "2018-05-03"}, "councils": {"a": 1}})", "n.json", registry);
  ASSERT_FALSE(not_a_list);
  EXPECT_EQ(not_a_list.error().field, "councils");
  auto no_election = ParseNightJson(R"({"councils": [1]})", "n.json", registry);
  ASSERT_FALSE(no_election);
  EXPECT_EQ(no_election.error().field, "election");
  auto not_a_council = ParseNightJson(R"({"election": {"id": "e", "date": "d"}, "councils": [[1], 2]})", "n.json", registry);
  ASSERT_FALSE(not_a_council);
  EXPECT_EQ(not_a_council.error().field, "councils[0]");
}

// ParseNightJson reads through simdjson and falls back to nlohmann for a file simdjson cannot
// parse or the reader finds wrong. What the first path accepts, the second must read the same.
void ExpectPathsAgree(const std::string& text) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  std::optional<NightFile> fast = internal::ParseNightJsonWithSimdjson(text, "n.json", registry);
  Result<NightFile> exact = internal::ParseNightJsonWithNlohmann(text, "n.json", registry);
  ASSERT_TRUE(fast) << text;
  ASSERT_TRUE(exact) << exact.error().ToString();
  EXPECT_EQ(WriteNightJson(fast->election, fast->declarations), WriteNightJson(exact->election, exact->declarations))
      << text;
}

TEST(NightJson, BothPathsReadTheSameNight) {
  auto fixture = ReadFile(testing::ProjectFile("tests/fixtures/trafford-2018.json"));
  ASSERT_TRUE(fixture) << fixture.error().ToString();
  ExpectPathsAgree(*fixture);
  ExpectPathsAgree(Night("", "", false));
  ExpectPathsAgree(Night("", "", true));
  // Where the libraries differ, the fast path reads as nlohmann's document does: a key given
  // twice is its last value; seats not up go in key order (which numbers the independents).
  ExpectPathsAgree(Night(R"(, "IND": 2, "LAB": 1, "GRN": 0, "LAB": 3)", R"(, "seats": 1, "electorate": 900)", false));
  ExpectPathsAgree(R"({"election": {"id": "x", "date": "2018-05-03", "id": "local.2018-05-03"},
                      "councils": [], "declarations": [], "councils": []})");
  // A second "election" member replaces the first whole: its rehearsal flag too.
  ExpectPathsAgree(R"({"election": {"id": "x", "name": "X", "date": "2018-05-03", "rehearsal": true},
                      "election": {"id": "local.2018-05-03", "date": "2018-05-03"}})");
}

TEST(NightJson, ErrorsAreNlohmannsWhicheverPathFindsThem) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  for (const std::string& text : {Night(R"(, "LAB": 1.0)", "", false), Night(R"(, "LAB": 18446744073709551615)", "", false),
                                   Night("", R"(, "electorate": 1e3)", false), Night("", "", false) + ",",
                                   std::string("\xEF\xBB\xBF") + Night("", "", false),
                                   Night(R"(, "LAB": 1}, "x": {)", "", false)}) {
    Result<NightFile> told = ParseNightJson(text, "n.json", registry);
    Result<NightFile> exact = internal::ParseNightJsonWithNlohmann(text, "n.json", registry);
    ASSERT_EQ(told.ok(), exact.ok()) << text;
    if (!told) EXPECT_EQ(told.error().ToString(), exact.error().ToString());
    else EXPECT_EQ(WriteNightJson(told->election, told->declarations), WriteNightJson(exact->election, exact->declarations));
  }
}

// The root is walked On Demand and each member parsed whole; what On Demand would step over
// unparsed (a scalar where a member goes) is left to nlohmann's path, which refuses a text the
// fuzz target found the walk taking for good: a member's value followed by ':'.
TEST(NightJson, AFastPathRefusalIsNlohmannsToTell) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  const std::string broken = R"({"election": {"id": "local.2018-05-03", "date": "2018-05-03"}, "note": "a": [1]})";
  EXPECT_FALSE(internal::ParseNightJsonWithSimdjson(broken, "n.json", registry));
  auto told = ParseNightJson(broken, "n.json", registry);
  ASSERT_FALSE(told);
  EXPECT_NE(told.error().message.find("invalid JSON"), std::string::npos) << told.error().ToString();
  // A scalar member nlohmann reads is read the same, by that path.
  auto scalar = ParseNightJson(R"({"election": {"id": "local.2018-05-03", "date": "2018-05-03"}, "note": 1})", "n.json",
                               registry);
  ASSERT_TRUE(scalar) << scalar.error().ToString();
  EXPECT_EQ(scalar->election.id, "local.2018-05-03");
}

// A ward's seats mostly name the party of the seat before, whose id the reader keeps: each label
// is still resolved, or refused, as it is, an empty one too.
TEST(NightJson, EachSeatsPartyIsResolvedAsItIs) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  auto with_defending = [](std::string defending) {
    return R"({"election": {"id": "local.2018-05-03", "date": "2018-05-03"}, "councils": [{"id": "trafford",
              "name": "Trafford", "type": "metropolitan-borough", "cycle": "thirds", "seats": 3,
              "wards": [{"id": "altrincham", "name": "Altrincham", "defending": [)" +
           defending + "]}]}]}";
  };
  auto night = ParseNightJson(with_defending(R"("LAB", "LAB", "Conservative")"), "n.json", registry);
  ASSERT_TRUE(night) << night.error().ToString();
  const auto& seats = night->election.councils[0].wards[0].seats_up;
  ASSERT_EQ(seats.size(), 3u);
  EXPECT_EQ(seats[0].defending, registry.Resolve("LAB"));
  EXPECT_EQ(seats[1].defending, registry.Resolve("LAB"));
  EXPECT_EQ(seats[2].defending, registry.Resolve("Conservative"));
  EXPECT_NE(seats[1].defending, seats[2].defending);
  for (const char* bad : {R"("", "LAB", "LAB")", R"("LAB", "", "LAB")", R"("LAB", "LAB", "Nonsuch Party")"}) {
    auto refused = ParseNightJson(with_defending(bad), "n.json", registry);
    EXPECT_FALSE(refused) << bad;
  }
}

}  // namespace
}  // namespace psephos
