#include "core/model.h"

#include <gtest/gtest.h>

#include "core/council_outcome.h"
#include "core/ward_count.h"

namespace psephos {
namespace {

// The sizes a night's records were cut to (BENCHMARKS.md, Memory): a 1000x night holds 14.3
// million candidates, 2.9 million declarations and declared wards, 4.4 million seats up. A change
// that grows one should be a choice, made here, not an accident.
TEST(Model, RecordsKeepTheSizesANightsMemoryWasCutTo) {
  EXPECT_EQ(sizeof(Candidate), 32u);
  EXPECT_EQ(sizeof(Declaration), 200u);  // its ballot id in the object (BallotIdString)
  EXPECT_EQ(sizeof(SeatUp), 16u);
  EXPECT_EQ(sizeof(Ward), 64u);
  EXPECT_EQ(sizeof(WardCount), 56u);
  EXPECT_EQ(sizeof(OptionalCount), 4u);
  // A declared ward: its declaration (which holds its id) and its count, in one sorted block a
  // council.
  EXPECT_EQ(sizeof(WardResult), 8u + 56u);
}

TEST(Model, CandidateVotesHoldTheLargestCountAReaderTakes) {
  Candidate c;
  c.votes = Candidate::Votes(Candidate::kMaxVotes);
  EXPECT_EQ(c.votes, 1'000'000'000);
  EXPECT_LE(Candidate::kMaxVotes, std::numeric_limits<decltype(c.votes)>::max());
}

}  // namespace
}  // namespace psephos
