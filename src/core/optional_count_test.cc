#include "core/optional_count.h"

#include <gtest/gtest.h>


namespace psephos {
namespace {

TEST(OptionalCount, StartsUnknownAndHoldsWhatItIsGiven) {
  OptionalCount count;
  EXPECT_FALSE(count.has_value());
  EXPECT_FALSE(count);
  EXPECT_EQ(count, std::nullopt);
  EXPECT_EQ(count.value_or(-1), -1);
  EXPECT_THROW((void)count.value(), std::bad_optional_access);
  count = 0;  // zero is a count, not "unknown"
  EXPECT_TRUE(count);
  EXPECT_EQ(*count, 0);
  count = 5120;
  EXPECT_EQ(count.value(), 5120);
  EXPECT_EQ(count, 5120);
  EXPECT_NE(count, 5121);
  EXPECT_NE(count, std::nullopt);
  count.reset();
  EXPECT_FALSE(count);
  count = -7;  // a difference (a majority) may be below zero
  EXPECT_EQ(*count, -7);
}

TEST(OptionalCount, ConvertsToAndFromStdOptional) {
  std::optional<int64_t> known = 42, unknown;
  OptionalCount a = known, b = unknown;
  EXPECT_EQ(a, 42);
  EXPECT_FALSE(b);
  std::optional<int64_t> back = a;
  EXPECT_EQ(back, known);
  back = b;
  EXPECT_EQ(back, std::nullopt);
  EXPECT_EQ(OptionalCount(), OptionalCount(std::nullopt));
  // Against a std::optional, as two optionals compare: two unknowns are equal, in either order.
  EXPECT_TRUE(OptionalCount() == unknown);
  EXPECT_FALSE(OptionalCount() != unknown);
  EXPECT_TRUE(unknown == OptionalCount());
  EXPECT_FALSE(OptionalCount(42) != known);
  EXPECT_TRUE(OptionalCount(41) != known);
  EXPECT_TRUE(OptionalCount() != known);
  EXPECT_TRUE(OptionalCount(42) != unknown);
  EXPECT_NE(OptionalCount(0), OptionalCount());
}

}  // namespace
}  // namespace psephos
