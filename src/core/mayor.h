// mayor.h
//
// MayoralResult: a directly elected mayor is a result of its own on the night, beside the
// councils: the contest (mayor.tower-hamlets.2018-05-03), its candidates and the supplementary
// vote count. MayoralHeadline gives the line a newsroom prints:
//   "Tower Hamlets mayor: John Biggs (Labour) elected after second choices"
//   "Hackney mayor: Philip Glanville (Labour) elected on first choices"
//
//   Result<SvCount> count = CountSupplementaryVote(contest);
//   MayoralResult mayor{"mayor.tower-hamlets.2018-05-03", "Tower Hamlets", contest, *count};
//   std::string line = MayoralHeadline(mayor);
#ifndef PSEPHOS_CORE_MAYOR_H_
#define PSEPHOS_CORE_MAYOR_H_

#include <string>

#include "core/supplementary_vote.h"

namespace psephos {

struct MayoralResult {
  std::string ballot_id;  // mayor.<area>.<date>
  std::string area;       // "Tower Hamlets", "Sheffield City Region"
  SvContest contest;
  SvCount count;
};

// "<area> mayor: <name> (<party>) elected on first choices | after second choices", or says
// the winner is not known (a tie for the lot, second choices not yet counted).
std::string MayoralHeadline(const MayoralResult& result);

}  // namespace psephos

#endif  // PSEPHOS_CORE_MAYOR_H_
