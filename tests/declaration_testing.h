// declaration_testing.h
//
// Test support for readers: tallies over a reader's declarations, so that a test can state
// what the real data say ("winners Labour 35") in one line. Header-only; tests only.
//
//   std::map<std::string, int> won = WinnersByGroup(set->declarations, registry);
//   EXPECT_EQ(won["PP53"], 35);
#ifndef PSEPHOS_TESTS_DECLARATION_TESTING_H_
#define PSEPHOS_TESTS_DECLARATION_TESTING_H_

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/party.h"

namespace psephos::testing {

// Winners by totals group, from the elected flags.
inline std::map<std::string, int> FlaggedWinnersByGroup(const std::vector<Declaration>& declarations,
                                                        const PartyRegistry& registry) {
  std::map<std::string, int> won;
  for (const Declaration& d : declarations)
    for (const Candidate& c : d.candidates)
      if (c.elected.value_or(false)) ++won[std::string(registry.TotalsGroup(c.party))];
  return won;
}

// Winners by totals group taking the top `seats` by votes (the test's own count, so that it
// does not depend on the core's CountWard). Ties are not expected in the real files used.
inline std::map<std::string, int> TopVotesWinnersByGroup(const std::vector<Declaration>& declarations,
                                                         const PartyRegistry& registry) {
  std::map<std::string, int> won;
  for (const Declaration& d : declarations) {
    CompactVector<Candidate> order = d.candidates;
    std::stable_sort(order.begin(), order.end(),
                     [](const Candidate& a, const Candidate& b) { return a.votes > b.votes; });
    for (int i = 0; i < d.seats && i < static_cast<int>(order.size()); ++i)
      ++won[std::string(registry.TotalsGroup(order[i].party))];
  }
  return won;
}

inline size_t CandidateCount(const std::vector<Declaration>& declarations) {
  size_t n = 0;
  for (const Declaration& d : declarations) n += d.candidates.size();
  return n;
}

inline int SeatCount(const std::vector<Declaration>& declarations) {
  int n = 0;
  for (const Declaration& d : declarations) n += d.seats;
  return n;
}

}  // namespace psephos::testing

#endif  // PSEPHOS_TESTS_DECLARATION_TESTING_H_
