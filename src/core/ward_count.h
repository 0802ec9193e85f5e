// ward_count.h
//
// Counting one ward under first past the post, multi-member (DOMAIN.md, "Counting a ward"):
// the `seats` candidates with the most votes are elected. A tie for the last place is decided
// by lot by the returning officer: when the declaration carries elected flags they are the
// truth and the count says "decided by lot"; when it does not, the count reports the tie and
// never picks a winner itself. Under STV (Declaration::voting_system) the votes are first
// preferences, which do not decide the seats: the flags from the STV count are the truth and
// are required, and are not checked against the votes.
//
//   Result<WardCount> count = CountWard(declaration);
//   if (!count) ... count.error() names the field that was wrong ...
//   for (size_t i : count->elected) ... declaration.candidates[i] ...
#ifndef PSEPHOS_CORE_WARD_COUNT_H_
#define PSEPHOS_CORE_WARD_COUNT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/index_list.h"
#include "core/model.h"
#include "core/optional_count.h"

namespace psephos {

// 56 bytes, the lists of candidates inline for most wards: a night holds one for every ward,
// beside its declaration (DeclaredWards; BENCHMARKS.md, Memory).
struct WardCount {
  PollStatus status = PollStatus::kContested;
  bool decided_by_lot = false;  // a tie that the elected flags settle
  bool unresolved_tie = false;  // a tie and no flags: the winner of seats_in_tie is not known
  int seats_in_tie = 0;         // seats among `tied` that the lot decides
  // Indices into Declaration::candidates of those elected, most votes first. With an
  // unresolved tie this holds only those elected outright (fewer than the seats).
  IndexList elected;
  // Candidates level on votes across the cut for the last seat(s), most recent first by index.
  IndexList tied;
  // Votes of the last elected minus votes of the best loser; unknown when nobody lost
  // (uncontested, postponed) or the tie is unresolved. 0 when decided by lot.
  OptionalCount majority;
  int64_t total_votes = 0;  // sum of candidates' votes (a voter may cast up to `seats`)

  // Seats whose winner is known.
  int SeatsFilled() const { return static_cast<int>(elected.size()); }
};

// Counts a declaration. Fails, naming the field, on: seats < 1; no candidates; negative
// votes; two candidates with one name and party; elected flags on some candidates but not
// others; flags electing a number other than the seats; flags contradicting the votes (a
// loser with more votes than a winner); uncontested with more candidates than seats; an STV
// ward without flags; votes that do not fit the ballot papers (when given): a candidate with
// more votes than valid papers, more papers than electors, more rejected than papers.
Result<WardCount> CountWard(const Declaration& declaration);

// The stricter check a live feed gets: the votes add up to no more than `seats` a valid
// ballot paper. Not part of CountWard because published files break it (London 2022's ward
// statistics for North Harrow give 2,785 valid papers for 6,513 votes in a two-seat ward),
// and an import must still read them; a declaration typed on the night must not.
Status CheckVotesFitPapers(const Declaration& declaration);

}  // namespace psephos

#endif  // PSEPHOS_CORE_WARD_COUNT_H_
