// The count of a first-past-the-post ward (core/ward_count.h) against a plain statement of its
// rule, on many random wards: most votes first, equal votes in the order given, a tie at the cut
// reported and never picked. Up to 16 candidates are sorted one way and more another; both are
// here, with votes drawn from a few values so that ties are common.
#include "core/ward_count.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace psephos {
namespace {

Declaration Ward(const std::vector<int32_t>& votes, int seats) {
  Declaration d;
  d.ballot_id = "local.test.ward.2018-05-03";
  d.council = "test";
  d.ward = "ward";
  d.seats = seats;
  d.status = PollStatus::kContested;
  for (size_t i = 0; i < votes.size(); ++i)
    d.candidates.push_back(Candidate{CompactString("Candidate " + std::to_string(i)), ShortString("PP53"), votes[i], {}});
  return d;
}

std::vector<size_t> Positions(const IndexList& list) { return {list.begin(), list.end()}; }

TEST(WardCount, OrdersAndCutsAsTheRuleSays) {
  std::mt19937 random(20180503);
  for (int trial = 0; trial < 5000; ++trial) {
    const size_t n = 2 + random() % 39;  // 2..40 candidates
    const int seats = 1 + static_cast<int>(random() % std::min<size_t>(3, n - 1));
    std::vector<int32_t> votes(n);
    for (int32_t& v : votes) v = static_cast<int32_t>(random() % 6) * 100;
    SCOPED_TRACE("trial " + std::to_string(trial) + ", " + std::to_string(n) + " candidates, " +
                 std::to_string(seats) + " seats");

    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return votes[a] > votes[b]; });
    const int32_t cut = votes[order[seats - 1]], next = votes[order[seats]];
    std::vector<size_t> above, level;
    for (size_t i : order) {
      if (votes[i] > cut) above.push_back(i);
      else if (votes[i] == cut) level.push_back(i);
    }

    Result<WardCount> count = CountWard(Ward(votes, seats));
    ASSERT_TRUE(count) << count.error().ToString();
    if (cut != next) {
      EXPECT_EQ(Positions(count->elected), std::vector<size_t>(order.begin(), order.begin() + seats));
      EXPECT_EQ(count->majority, cut - next);
      EXPECT_FALSE(count->unresolved_tie);
    } else {
      EXPECT_EQ(Positions(count->elected), above);
      EXPECT_EQ(Positions(count->tied), level);
      EXPECT_EQ(count->seats_in_tie, seats - static_cast<int>(above.size()));
      EXPECT_TRUE(count->unresolved_tie);
    }
  }
}

}  // namespace
}  // namespace psephos
