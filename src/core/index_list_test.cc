#include "core/index_list.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

namespace psephos {
namespace {

std::vector<size_t> Upto(size_t n) {
  std::vector<size_t> v;
  for (size_t i = 0; i < n; ++i) v.push_back(i * 7 + 1);
  return v;
}

// Lengths each side of the inline limit and of the heap block's powers of two.
TEST(IndexList, HoldsEveryLengthInOrder) {
  for (size_t n : {0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 1000}) {
    const std::vector<size_t> want = Upto(n);
    IndexList built;
    for (size_t p : want) built.push_back(p);
    EXPECT_EQ(built, want) << n;
    EXPECT_EQ(built.size(), n);
    EXPECT_EQ(built.empty(), n == 0);
    EXPECT_EQ(std::vector<size_t>(built.begin(), built.end()), want);
    if (n > 0) {
      EXPECT_EQ(built.front(), want.front());
      EXPECT_EQ(built.back(), want.back());
      EXPECT_EQ(built[n / 2], want[n / 2]);
    }
    const IndexList from_vector = want;
    EXPECT_EQ(from_vector, built);
  }
}

TEST(IndexList, CopiesAndMovesKeepTheList) {
  for (size_t n : {0, 2, 3, 4, 9}) {
    const IndexList original = Upto(n);
    IndexList copy = original;
    EXPECT_EQ(copy, original);
    IndexList moved = std::move(copy);
    EXPECT_EQ(moved, original);
    EXPECT_TRUE(copy.empty());  // NOLINT: moved from, empty and usable
    copy.push_back(5);
    EXPECT_EQ(copy, (std::vector<size_t>{5}));
    for (size_t m : {0, 2, 3, 4, 9}) {
      IndexList target = Upto(m);
      target = original;  // copy-assign over each length (ASan sees a leaked or twice-freed block)
      EXPECT_EQ(target, original);
      IndexList source = Upto(m);
      target = std::move(source);
      EXPECT_EQ(target, Upto(m));
    }
    IndexList& self = moved;
    moved = self;
    EXPECT_EQ(moved, original);
    moved.clear();
    EXPECT_TRUE(moved.empty());
  }
}

TEST(IndexList, RefusesAPositionBeyond32Bits) {
  IndexList list = {1, 2};
  EXPECT_THROW(list.push_back(size_t{std::numeric_limits<uint32_t>::max()} + 1), std::length_error);
  EXPECT_EQ(list, (std::vector<size_t>{1, 2}));  // unchanged
  list.push_back(std::numeric_limits<uint32_t>::max());
  EXPECT_EQ(list.back(), std::numeric_limits<uint32_t>::max());
}

TEST(IndexList, IsSixteenBytes) { EXPECT_EQ(sizeof(IndexList), 16u); }

}  // namespace
}  // namespace psephos
