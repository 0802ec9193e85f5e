#include "core/council_outcome.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace psephos
