// The party registry's ids (core/party.h): found as added, whatever their length, and added once.
#include "core/party.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psephos {
namespace {

// Ids of every length the index hashes one way or the other (up to 8 bytes as a word, longer by
// std::hash), ids that share all but their last byte, and one with a NUL in it.
TEST(PartyRegistry, FindsEveryIdAddedAndNoOther) {
  PartyRegistry registry;
  const std::vector<std::string> ids = {"IND", "RES", "PP5", "PP52", "PP53", "PP530", "PP6660", "PP6661",
                                        "PP66612", "PP666123", "PP6661234", "LOCAL:english-democrats",
                                        std::string("PP\0" "53", 5)};
  for (const std::string& id : ids) ASSERT_TRUE(registry.Add({id, "Party " + id, id, "#000000", ""})) << id;
  for (const std::string& id : ids) {
    const Party* party = registry.Find(id);
    ASSERT_NE(party, nullptr) << id;
    EXPECT_EQ(party->id, id);
    EXPECT_EQ(party->name, "Party " + id);
  }
  for (const char* id : {"", "PP", "PP54", "PP6662", "PP66612x", "LOCAL:english", "pp53", "PP53 "})
    EXPECT_EQ(registry.Find(id), nullptr) << id;
}

// A repeated id is refused, and the party first added under it stays as it was.
TEST(PartyRegistry, RefusesAnIdAddedTwice) {
  PartyRegistry registry;
  ASSERT_TRUE(registry.Add({"PP53", "Labour", "Lab", "#E4003B", ""}));
  Status again = registry.Add({"PP53", "Labour Again", "Lab", "#E4003B", ""});
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("party id 'PP53' registered twice"), std::string::npos);
  EXPECT_EQ(registry.parties().size(), 1u);
  EXPECT_EQ(registry.Find("PP53")->name, "Labour");
  EXPECT_FALSE(registry.Add({"", "Nobody", "", "#000000", ""}));
}

}  // namespace
}  // namespace psephos
