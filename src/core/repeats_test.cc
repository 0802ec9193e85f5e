#include "core/repeats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psephos {
namespace {

// Which elements repeat an earlier one, asked in order.
std::vector<size_t> RepeatsIn(const std::vector<std::string>& items) {
  Repeats repeats(
      items, [](const std::string& a, const std::string& b) { return a == b; },
      [](const std::string& s) { return s; });
  std::vector<size_t> found;
  for (size_t i = 0; i < items.size(); ++i)
    if (repeats.Of(i)) found.push_back(i);
  return found;
}

// The pairwise way (a handful) and the set (past 32) find the same repeats.
TEST(Repeats, PairwiseAndBySetFindTheSame) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{5}, size_t{32}, size_t{33}, size_t{200}}) {
    std::vector<std::string> items;
    std::vector<size_t> want;
    for (size_t i = 0; i < n; ++i) {
      items.push_back("c" + std::to_string(i % 7 == 6 ? i / 2 : i));  // every seventh repeats one before it
      if (i % 7 == 6 && i / 2 < i && (i / 2) % 7 != 6) want.push_back(i);
    }
    EXPECT_EQ(RepeatsIn(items), want) << n;
  }
}

}  // namespace
}  // namespace psephos
