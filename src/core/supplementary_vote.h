// supplementary_vote.h
//
// The supplementary vote, as England's directly elected mayors were chosen until 2022
// (Local Authorities (Mayoral Elections) (England and Wales) Regulations 2007, Schedule 1
// rules 45-52; Combined Authority Mayoral Elections Order 2017, Schedule 1 rules 50-58): each
// voter marks a first and may mark a second choice. A candidate with more than half of the
// valid first choices is elected. Otherwise the two with the most first choices stay, every
// other ballot's second choice for one of the two is added to them, and the higher total wins.
// A tie (for a place in the top two, or in the final totals) is decided by lot: the count uses
// the lot when it is given and otherwise reports the tie, never picking.
//
// Two forms of input: the published round totals (first choices, and the second choices added
// to the top two), or a first x second table when the count data give one.
//
//   SvContest contest;
//   contest.candidates = {{"John Biggs", "Labour", 37619}, ...};
//   contest.second_added = std::vector<int64_t>{7246, 3765, 0, ...};
//   Result<SvCount> count = CountSupplementaryVote(contest);
//   count->winner    // index into contest.candidates, when known
#ifndef PSEPHOS_CORE_SUPPLEMENTARY_VOTE_H_
#define PSEPHOS_CORE_SUPPLEMENTARY_VOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace psephos {

struct SvCandidate {
  std::string name;
  std::string party;   // as the ballot paper describes it ("Labour and Co-operative")
  int64_t first = 0;   // first choices (ignored when a table is given: its rows are summed)
};

struct SvContest {
  std::vector<SvCandidate> candidates;
  // Published round totals: second choices added to each candidate in the second round (zero
  // but for the top two). nullopt when not published.
  std::optional<std::vector<int64_t>> second_added;
  // Or the first x second table: table[i][j] ballots with first choice i and second choice j;
  // column n (one past the candidates) holds ballots with no valid second choice. Empty: none.
  std::vector<std::vector<int64_t>> table;
  // The order lots were drawn, first drawn first (it counts as ahead). Empty: ties reported.
  std::vector<size_t> lot;
};

struct SvCount {
  int64_t valid_first = 0;                // valid first choices
  std::vector<int64_t> first;             // per candidate
  bool won_on_first = false;              // more than half of valid first choices
  std::vector<size_t> finalists;          // the top two, when there is a second round
  std::vector<int64_t> second_added;      // per candidate (non-zero only for the finalists)
  std::vector<int64_t> totals;            // per candidate: first + second added
  int64_t non_transferable = 0;           // eliminated ballots adding nothing (table only)
  std::optional<size_t> winner;
  bool decided_by_lot = false;
  // A tie no lot was given for: the top two cannot be chosen (`tied` hold the level ones), or
  // the final totals are level. `winner` is then unknown.
  bool unresolved_tie = false;
  std::vector<size_t> tied;
  bool second_round_missing = false;  // a second round is needed and no second choices given
};

// Fails, naming the field, on: fewer than two candidates; negative votes; no valid vote; a
// table that is not n x (n + 1) or has a second choice equal to the first; second choices
// added to a candidate outside the top two; more second choices added than the eliminated
// candidates' ballots hold.
Result<SvCount> CountSupplementaryVote(const SvContest& contest);

}  // namespace psephos

#endif  // PSEPHOS_CORE_SUPPLEMENTARY_VOTE_H_
