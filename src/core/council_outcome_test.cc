#include "core/council_outcome.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>
#include <string>
#include <vector>

namespace psephos {
namespace {

std::vector<Ward> Wards(std::initializer_list<const char*> ids) {
  std::vector<Ward> wards;
  for (const char* id : ids) wards.push_back(Ward{id, "", id, {SeatUp{}}});
  return wards;
}

TEST(WardIndex, FindsEachWardByIdWhateverTheOrderOfTheSetup) {
  const std::vector<Ward> wards = Wards({"timperley", "altrincham", "bucklow-st-martins", "ashton-upon-mersey"});
  const WardIndex index(wards);
  for (size_t i = 0; i < wards.size(); ++i) EXPECT_EQ(index.Find(wards, wards[i].id), i) << wards[i].id;
  EXPECT_EQ(index.Find(wards, "sale-moor"), std::nullopt);
  EXPECT_EQ(index.Find(wards, "altrincham-north"), std::nullopt);  // a longer id past a match
  EXPECT_EQ(index.Find(wards, "a"), std::nullopt);                 // before the first
  EXPECT_EQ(index.Find(wards, "zz"), std::nullopt);                // after the last
  EXPECT_EQ(index.Find(wards, ""), std::nullopt);
}

TEST(WardIndex, ThousandsOfWards) {
  std::vector<Ward> wards;
  for (int i = 0; i < 5000; ++i) wards.push_back(Ward{"ward-" + std::to_string(i * 7919 % 5000), "", "", {SeatUp{}}});
  const WardIndex index(wards);
  for (size_t i = 0; i < wards.size(); ++i) ASSERT_EQ(index.Find(wards, wards[i].id), i) << wards[i].id;
  for (int i = 5000; i < 6000; ++i) ASSERT_EQ(index.Find(wards, "ward-" + std::to_string(i)), std::nullopt) << i;
}

TEST(WardIndex, ACouncilWithNoWardsFindsNone) {
  const std::vector<Ward> none;
  EXPECT_EQ(WardIndex(none).Find(none, "altrincham"), std::nullopt);
  EXPECT_EQ(WardIndex().Find(none, "altrincham"), std::nullopt);
}

// Ids that begin alike for eight bytes and more, are a prefix of one another, hold a NUL or a
// byte over 0x7F, or are empty: whatever order they are declared in, the results go in id
// order (std::string's), each is found, one not declared is not, and erasing keeps the rest.
// (A search by the ids' first eight bytes was tried against it: BENCHMARKS.md, Incremental.)
TEST(DeclaredWards, InIdOrderAndFoundHoweverTheIdsBegin) {
  const std::vector<std::string> ids = {
      "north-east",  "north-east-a", "north-east-b", "north-eas",  "north-e",    "north",   "n",
      "north-west",  "south",        "",             std::string("north\0a", 7), std::string("north\0", 6),
      "north-east\xC3\xA9", "\xC3\xA9tang", "z", "north-east-aa", "north-east-a-"};
  std::mt19937 random(2018);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::string> order = ids;
    std::shuffle(order.begin(), order.end(), random);
    std::deque<Declaration> declarations;  // each result points at its declaration
    DeclaredWards declared;
    if (trial % 2) declared.Reserve(4);  // grown on the way as well as reserved
    for (const std::string& id : order) {
      declarations.emplace_back().ward = id;
      declared.Insert(WardResult{&declarations.back(), {}});
    }
    std::vector<std::string> sorted = ids, got;
    std::sort(sorted.begin(), sorted.end());
    for (const WardResult& r : declared) got.emplace_back(r.declaration->ward.view());
    ASSERT_EQ(got, sorted);
    for (const std::string& id : ids) {
      ASSERT_TRUE(declared.contains(id)) << id;
      EXPECT_EQ(std::string(declared.find(id)->declaration->ward.view()), id);
      EXPECT_NE(declared.FindMutable(id), nullptr);
    }
    for (const char* absent : {"north-east-c", "north-ea", "nort", "north-east-a-b", "zz", "a"})
      EXPECT_FALSE(declared.contains(absent)) << absent;
    EXPECT_FALSE(declared.contains(std::string("north\0b", 7)));
    declared.Erase(declared.find("north-east-a"));
    EXPECT_FALSE(declared.contains("north-east-a"));
    for (const std::string& id : ids) {
      if (id == "north-east-a") continue;
      ASSERT_TRUE(declared.contains(id)) << id;
    }
  }
}

}  // namespace
}  // namespace psephos
