#include "core/supplementary_vote.h"

#include <algorithm>
#include <numeric>

namespace psephos {

namespace {

Status CheckContest(const SvContest& contest) {
  const size_t n = contest.candidates.size();
  if (n < 2) return MakeError("a contest needs at least two candidates", "candidates");
  for (size_t i = 0; i < n; ++i)
    if (contest.candidates[i].first < 0)
      return MakeError("negative votes", "candidates[" + std::to_string(i) + "].first");
  if (!contest.table.empty()) {
    if (contest.table.size() != n) return MakeError("expected one row per candidate", "table");
    for (size_t i = 0; i < n; ++i) {
      const std::string row = "table[" + std::to_string(i) + "]";
      if (contest.table[i].size() != n + 1)
        return MakeError("expected " + std::to_string(n + 1) + " columns (the last: no second choice)", row);
      for (int64_t v : contest.table[i])
        if (v < 0) return MakeError("negative votes", row);
      if (contest.table[i][i] != 0)
        return MakeError("a second choice for the first choice is not a second choice; put it in the last column", row);
    }
  }
  if (contest.second_added) {
    if (contest.second_added->size() != n) return MakeError("expected one figure per candidate", "second_added");
    for (int64_t v : *contest.second_added)
      if (v < 0) return MakeError("negative votes", "second_added");
  }
  return {};
}

// The lot's pick among `tied`: the first drawn. nullopt when the lot does not name one.
std::optional<size_t> ByLot(const std::vector<size_t>& lot, const std::vector<size_t>& tied) {
  for (size_t drawn : lot)
    if (std::find(tied.begin(), tied.end(), drawn) != tied.end()) return drawn;
  return std::nullopt;
}

}  // namespace

Result<SvCount> CountSupplementaryVote(const SvContest& contest) {
  if (Status s = CheckContest(contest); !s) return s.error();
  const size_t n = contest.candidates.size();
  SvCount count;
  count.first.resize(n);
  for (size_t i = 0; i < n; ++i)
    count.first[i] = contest.table.empty()
                         ? contest.candidates[i].first
                         : std::accumulate(contest.table[i].begin(), contest.table[i].end(), int64_t{0});
  count.valid_first = std::accumulate(count.first.begin(), count.first.end(), int64_t{0});
  if (count.valid_first == 0) return MakeError("no valid first choices", "candidates");
  count.totals = count.first;
  count.second_added.assign(n, 0);

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return count.first[a] > count.first[b]; });
  // More than half of the valid first choices: elected at once.
  if (2 * count.first[order[0]] > count.valid_first) {
    count.won_on_first = true;
    count.winner = order[0];
    return count;
  }
  // The top two stay. Candidates level across the cut at second place (or three or more level
  // at the top) are chosen between by lot.
  const int64_t second = count.first[order[1]];
  std::vector<size_t> sure, level;
  for (size_t c : order) {
    if (count.first[c] > second) sure.push_back(c);
    else if (count.first[c] == second) level.push_back(c);
  }
  count.finalists = sure;
  while (count.finalists.size() < 2 && level.size() + count.finalists.size() > 2) {
    std::optional<size_t> drawn = ByLot(contest.lot, level);
    if (!drawn) {
      count.unresolved_tie = true;
      count.tied = level;
      return count;
    }
    count.decided_by_lot = true;
    count.finalists.push_back(*drawn);
    std::erase(level, *drawn);
  }
  for (size_t c : level)
    if (count.finalists.size() < 2) count.finalists.push_back(c);

  int64_t eliminated_first = 0;
  for (size_t c = 0; c < n; ++c)
    if (c != count.finalists[0] && c != count.finalists[1]) eliminated_first += count.first[c];
  if (!contest.table.empty()) {
    for (size_t c = 0; c < n; ++c) {
      if (c == count.finalists[0] || c == count.finalists[1]) continue;
      for (size_t f : count.finalists) count.second_added[f] += contest.table[c][f];
    }
    count.non_transferable = eliminated_first - count.second_added[count.finalists[0]] -
                             count.second_added[count.finalists[1]];
  } else if (contest.second_added) {
    for (size_t c = 0; c < n; ++c) {
      int64_t added = (*contest.second_added)[c];
      bool finalist = c == count.finalists[0] || c == count.finalists[1];
      if (!finalist && added != 0)
        return MakeError("second choices added to " + contest.candidates[c].name + ", who is not in the top two",
                         "second_added[" + std::to_string(c) + "]");
      count.second_added[c] = added;
    }
    int64_t added = count.second_added[count.finalists[0]] + count.second_added[count.finalists[1]];
    if (added > eliminated_first)
      return MakeError(std::to_string(added) + " second choices added, but the other candidates' ballots number " +
                           std::to_string(eliminated_first), "second_added");
    count.non_transferable = eliminated_first - added;
  } else {
    count.second_round_missing = true;
    return count;
  }
  for (size_t f : count.finalists) count.totals[f] += count.second_added[f];
  const size_t a = count.finalists[0], b = count.finalists[1];
  if (count.totals[a] != count.totals[b]) {
    count.winner = count.totals[a] > count.totals[b] ? a : b;
    return count;
  }
  std::optional<size_t> drawn = ByLot(contest.lot, count.finalists);
  if (!drawn) {
    count.unresolved_tie = true;
    count.tied = count.finalists;
    return count;
  }
  count.decided_by_lot = true;
  count.winner = drawn;
  return count;
}

}  // namespace psephos
