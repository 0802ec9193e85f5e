#include "readers/json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>

#include <nlohmann/json.hpp>

#include "readers/json_text.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"

namespace psephos {
namespace {

TEST(JsonWriter, WritesCompactJsonWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.BeginObject().Key("a").BeginArray().Int(1).Int(-2).Null().Bool(true).EndArray();
  w.Key("b").BeginObject().EndObject().Key("c").BeginArray().EndArray();
  w.Key("d").IntOrNull(std::nullopt).Key("e").IntOrNull(7).EndObject();
  EXPECT_EQ(w.Take(), R"({"a":[1,-2,null,true],"b":{},"c":[],"d":null,"e":7})");
  w.BeginArray().String("again").EndArray();
  EXPECT_EQ(w.Take(), R"(["again"])");
  const std::string key = "say \"hi\"";  // not a literal: quoted like any string
  w.BeginObject().Key(key).Int(1).EndObject();
  EXPECT_EQ(w.Take(), R"({"say \"hi\"":1})");
}

// The writer makes room as it goes (1,024 bytes at first, then doubling): a text many times
// that, written a few bytes at a time and in one long string, every int64_t at its widest.
TEST(JsonWriter, GrowsPastItsFirstRoom) {
  for (int round = 0; round < 2; ++round) {  // and again once taken
    JsonWriter w;
    nlohmann::json expected = nlohmann::json::array();
    w.BeginArray();
    for (int64_t i = 0; i < 700; ++i) {
      w.Int(i * 7919 - 1000000);
      expected.push_back(i * 7919 - 1000000);
      w.BeginObject().Key("k").Bool(i % 2 == 0).EndObject();
      expected.push_back({{"k", i % 2 == 0}});
    }
    const std::string long_text(5000, 'x');
    w.String(long_text).Int(INT64_MIN).Int(INT64_MAX).EndArray();
    expected.push_back(long_text);
    expected.push_back(INT64_MIN);
    expected.push_back(INT64_MAX);
    EXPECT_EQ(w.Take(), JsonText(expected));
    w.BeginArray().String("again").String(std::string_view()).EndArray();
    EXPECT_EQ(w.Take(), R"(["again",""])");
  }
}

TEST(JsonWriter, QuotesStringsExactlyAsNlohmannDoes) {
  for (std::string s : {std::string("plain"), std::string("say \"hi\""), std::string("back\\slash"),
                        std::string("tab\tnew\nline\r"), std::string("\x01\x1f\x7f", 3),
                        std::string("Si\xc3\xa2n"), std::string("bad \xff byte"),
                        std::string("cut \xe2\x82"), std::string("nul\0in", 6), std::string(),
                        // Past sixteen bytes, and each kind of byte that needs nlohmann at each place
                        // of a second block of sixteen.
                        std::string("local.trafford.altrincham.2018-05-03"), std::string(40, '~')}) {
    JsonWriter w;
    w.String(s);
    EXPECT_EQ(w.Take(), JsonText(nlohmann::json(s))) << s;
  }
  for (char special : {'"', '\\', '\x01', '\x1f', '\x7f', '\xc3', '\xff'})
    for (size_t at = 0; at < 40; ++at) {
      std::string s(40, 'a');
      s[at] = special;
      JsonWriter w;
      w.String(s);
      EXPECT_EQ(w.Take(), JsonText(nlohmann::json(s))) << at;
    }
}

Declaration Odd(std::string name, std::optional<bool> elected) {
  Declaration d;
  d.ballot_id = "local.trafford.altrincham.2018-05-03";
  d.council = "trafford";
  d.ward = "altrincham";
  d.ward_name = "Altrincham \"Town\"";
  d.seats = 2;
  d.electorate = 9000;
  d.rejected = 12;
  d.declared_at = "2018-05-04T01:02:03Z";
  d.candidates = {{std::move(name), "PP52", 1204, elected}, {"Jo Bloggs", "IND", 0, std::nullopt}};
  return d;
}

// The engine logs declarations through the writer; the night file goes through nlohmann. A
// declaration must come out as the same bytes both ways, and read back as it was.
TEST(WriteDeclarationJson, SameBytesAsTheNightFileAndReadsBack) {
  std::vector<Declaration> declarations = {Odd("Jane Smith", std::nullopt), Odd("Siân O'Neil", true),
                                           Odd("Bad \xff Byte", false), Odd("Tab\there", true)};
  declarations[1].council_name = "Trafford";
  declarations[1].council_gss = "E08000009";
  declarations[2].ballot_papers = 5000;
  declarations[2].status = PollStatus::kUncontested;
  declarations[3].voting_system = VotingSystem::kStv;
  const auto night = nlohmann::json::parse(WriteNightJson(Election{}, declarations));
  ASSERT_EQ(night["declarations"].size(), declarations.size());
  const PartyRegistry& registry = DefaultPartyRegistry();
  for (size_t i = 0; i < declarations.size(); ++i) {
    const std::string body = WriteDeclarationJson(declarations[i]);
    EXPECT_EQ(body, JsonText(night["declarations"][i])) << i;
    auto back = ParseDeclarationJson(body, "entry", registry);
    ASSERT_TRUE(back) << back.error().ToString();
    EXPECT_EQ(WriteDeclarationJson(*back), body);
  }
}

}  // namespace
}  // namespace psephos
