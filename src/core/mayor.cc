#include "core/mayor.h"

namespace psephos {

std::string MayoralHeadline(const MayoralResult& result) {
  const std::string head = result.area + " mayor: ";
  const SvCount& count = result.count;
  if (count.winner) {
    const SvCandidate& c = result.contest.candidates[*count.winner];
    std::string line = head + c.name + (c.party.empty() ? "" : " (" + c.party + ")") + " elected " +
                       (count.won_on_first ? "on first choices" : "after second choices");
    return count.decided_by_lot ? line + ", a tie decided by lot" : line;
  }
  if (count.unresolved_tie) return head + "a tie, to be decided by lot";
  return head + "second choices to be counted";
}

}  // namespace psephos
