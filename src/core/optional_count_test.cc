#include "core/optional_count.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

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

// A number it cannot hold is refused, never kept as another (or as "unknown").
TEST(OptionalCount, RefusesANumberItCannotHold) {
  OptionalCount count;
  count = std::numeric_limits<int32_t>::max();
  EXPECT_EQ(*count, std::numeric_limits<int32_t>::max());
  count = std::numeric_limits<int32_t>::min() + 1;
  EXPECT_EQ(*count, std::numeric_limits<int32_t>::min() + 1);
  EXPECT_THROW(count = int64_t{1} << 31, std::out_of_range);
  EXPECT_THROW(count = std::numeric_limits<int32_t>::min(), std::out_of_range);
  EXPECT_THROW(count = std::optional<int64_t>(int64_t{5'000'000'000}), std::out_of_range);
  EXPECT_EQ(*count, std::numeric_limits<int32_t>::min() + 1);  // unchanged by a refusal
  // Compared with a number it cannot hold, it is simply not equal.
  EXPECT_FALSE(OptionalCount(7) == std::optional<int64_t>(int64_t{1} << 40));
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
