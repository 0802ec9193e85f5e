#include "readers/stv_ward.h"

#include <gtest/gtest.h>

#include "readers/blt.h"
#include "readers/party_registry_reader.h"

namespace psephos {
namespace {

Result<Declaration> Ward(std::string_view blt) {
  auto profile = ParseBlt(blt, "w.blt");
  EXPECT_TRUE(profile) << profile.error().ToString();
  auto count = CountStv(*profile, StvRules::kScotland);
  EXPECT_TRUE(count) << count.error().ToString();
  PartyResolver parties(DefaultPartyRegistry(), UnknownParties::kError);
  const StvWardContext where{"aberdeen", "Aberdeen City", "", "", "2017-05-04", "w.blt"};
  return StvDeclaration(*profile, *count, where, parties);
}

TEST(StvWard, FirstPreferencesAreTheCandidatesVotes) {
  auto d = Ward("2 1\n5 1 0\n4 2 1 0\n0\nAnn Grey (C)\nBob Roe (Lab)\nDyce\n");
  ASSERT_TRUE(d) << d.error().ToString();
  ASSERT_EQ(d->candidates.size(), 2u);
  EXPECT_EQ(d->candidates[0].votes, 5);
  EXPECT_EQ(d->candidates[1].votes, 4);
  EXPECT_EQ(d->candidates[0].elected, true);
  EXPECT_EQ(d->ballot_id, "local.aberdeen.dyce.2017-05-04");
}

// A candidate holds up to 10^9 votes (Candidate::kMaxVotes); the count itself refuses more
// than 10^8 ballot papers in a ward, so first preferences always fit.
TEST(StvWard, FirstPreferencesFitACandidateBecauseTheCountRefusesMorePapers) {
  auto profile = ParseBlt("2 1\n3000000000 1 0\n4 2 1 0\n0\nAnn Grey (C)\nBob Roe (Lab)\nDyce\n", "w.blt");
  const bool refused = !profile || !CountStv(*profile, StvRules::kScotland);
  EXPECT_TRUE(refused);
  EXPECT_GT(Candidate::kMaxVotes, 100'000'000);
}

}  // namespace
}  // namespace psephos
