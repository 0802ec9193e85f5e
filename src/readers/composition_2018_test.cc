#include "readers/composition_2018.h"

#include <gtest/gtest.h>

#include <string>

#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

const char* kSeats = "council-composition-sept2018-odm/council_seats_by_party_label_sept2018.csv";

const CouncilComposition* Find(const std::vector<CouncilComposition>& councils, const std::string& gss) {
  for (const CouncilComposition& c : councils)
    if (c.council_gss == gss) return &c;
  return nullptr;
}

int Seats(const CouncilComposition& c, const std::string& id) {
  auto it = c.seats.find(id);
  return it == c.seats.end() ? 0 : it->second;
}

TEST(Composition2018, ReadsEveryCouncilStrictly) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kSeats);
  // Strict: all 198 labels resolve through data/party_aliases.csv.
  Result<std::vector<CouncilComposition>> councils =
      ReadCouncilSeatsCsv(path, DefaultPartyRegistry(), ReadOptions{});
  ASSERT_TRUE(councils) << councils.error().ToString();
  EXPECT_EQ(councils->size(), 326u);
  int filled = 0;
  for (const CouncilComposition& c : *councils) filled += c.total;
  EXPECT_EQ(filled, 15807);  // SOURCE.md: 15,807 filled seats

  const CouncilComposition* trafford = Find(*councils, "E08000009");
  ASSERT_NE(trafford, nullptr);
  EXPECT_EQ(trafford->council_name, "Trafford");
  EXPECT_EQ(Seats(*trafford, "PP53"), 30);
  EXPECT_EQ(Seats(*trafford, "PP52"), 29);
  EXPECT_EQ(Seats(*trafford, "PP90"), 2);
  EXPECT_EQ(Seats(*trafford, "PP63"), 2);
  EXPECT_EQ(trafford->total, 63);

  const CouncilComposition* barnet = Find(*councils, "E09000003");
  ASSERT_NE(barnet, nullptr);
  EXPECT_EQ(Seats(*barnet, "PP52"), 38);
  EXPECT_EQ(Seats(*barnet, "PP53"), 25);
  EXPECT_EQ(barnet->total, 63);

  // Plymouth: Labour 28 + Labour & Co-op 2 add up under Labour; the Independent Member is IND.
  const CouncilComposition* plymouth = Find(*councils, "E06000026");
  ASSERT_NE(plymouth, nullptr);
  EXPECT_EQ(Seats(*plymouth, "PP53"), 30);
  EXPECT_EQ(Seats(*plymouth, "PP52"), 26);
  EXPECT_EQ(Seats(*plymouth, "IND"), 1);

  // Tower Hamlets: People's Alliance of Tower Hamlets by its EC id.
  const CouncilComposition* tower_hamlets = Find(*councils, "E09000030");
  ASSERT_NE(tower_hamlets, nullptr);
  EXPECT_EQ(Seats(*tower_hamlets, "PP53"), 42);
  EXPECT_EQ(Seats(*tower_hamlets, "PP6607"), 1);
}

struct BadCase {
  const char* name;
  std::string text;
  int64_t line;
  const char* field;
};

TEST(Composition2018, BadInputIsAnErrorNamingFileLineAndField) {
  const std::string header = "LAD18CD,LAD18NM,party_label_as_scraped,seats\n";
  const BadCase cases[] = {
      {"unknown label", header + "E08000009,Trafford,Labour,30\nE08000009,Trafford,Party of Nowhere,3\n", 3,
       "party_label_as_scraped"},
      {"negative seats", header + "E08000009,Trafford,Labour,-5\n", 2, "seats"},
      {"decimal seats", header + "E08000009,Trafford,Labour,12.5\n", 2, "seats"},
      {"missing column", "LAD18CD,LAD18NM,seats\nE08000009,Trafford,30\n", 1, "party_label_as_scraped"},
      {"too few fields", header + "E08000009,Trafford,Labour,30\nE08000009,Trafford\n", 3, ""},
  };
  for (const BadCase& bad : cases) {
    auto councils = ReadCouncilSeatsText(bad.text, "bad.csv", DefaultPartyRegistry(), ReadOptions{});
    ASSERT_FALSE(councils) << bad.name;
    EXPECT_EQ(councils.error().file, "bad.csv") << bad.name;
    EXPECT_EQ(councils.error().line, bad.line) << bad.name << ": " << councils.error().ToString();
    EXPECT_EQ(councils.error().field, bad.field) << bad.name << ": " << councils.error().ToString();
  }
  auto empty = ReadCouncilSeatsText("", "empty.csv", DefaultPartyRegistry(), ReadOptions{});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().file, "empty.csv");
}

TEST(Composition2018, UnknownLabelsBecomeLocalWhenAllowed) {
  ReadOptions options;
  options.unknown_parties = UnknownParties::kLocal;
  auto councils = ReadCouncilSeatsText("LAD18CD,LAD18NM,party_label_as_scraped,seats\nE1,X,Party of Nowhere,3\nE1,X,_,1\n",
                                       "m.csv", DefaultPartyRegistry(), options);
  ASSERT_TRUE(councils) << councils.error().ToString();
  EXPECT_EQ((*councils)[0].seats.at("LOCAL:party-of-nowhere"), 3);
  EXPECT_EQ((*councils)[0].seats.at("IND"), 1);
  EXPECT_EQ((*councils)[0].total, 4);
}

}  // namespace
}  // namespace psephos
