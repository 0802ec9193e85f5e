#include "core/ward_count.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <utility>

#include <boost/container/small_vector.hpp>

#include "core/repeats.h"

namespace psephos {

namespace {

// Candidates' positions in a declaration, ordered or picked out while counting it.
using Positions = boost::container::small_vector<size_t, 16>;
// Up to this many candidates are sorted by insertion.
constexpr size_t kInsertionSort = 16;

Error WardError(const Declaration& d, std::string field, std::string message) {
  return MakeError(std::move(message), std::move(field), d.ballot_id.str());
}

// Checks what every status shares: seats, candidates present and distinct, votes >= 0,
// flags all or none.
Status CheckCandidates(const Declaration& d) {
  if (d.seats < 1) return WardError(d, "seats", "seats must be at least 1, found " + std::to_string(d.seats));
  Repeats repeated(
      d.candidates, [](const Candidate& a, const Candidate& b) { return a.name == b.name && a.party == b.party; },
      [](const Candidate& c) { return std::pair<std::string_view, std::string_view>(c.name, c.party); });
  size_t flagged = 0;
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const Candidate& c = d.candidates[i];
    auto where = [i](std::string_view field) { return "candidates[" + std::to_string(i) + "]" + std::string(field); };
    if (c.name.empty()) return WardError(d, where(".name"), "a candidate needs a name");
    if (c.party.empty()) return WardError(d, where(".party"), "a candidate needs a party (IND for an independent)");
    if (c.votes < 0) return WardError(d, where(".votes"), "negative votes (" + std::to_string(c.votes) + ")");
    if (repeated.Of(i)) return WardError(d, where(""), "candidate '" + c.name + "' appears twice for one party");
    if (c.elected) ++flagged;
  }
  if (flagged != 0 && flagged != d.candidates.size())
    return WardError(d, "elected", "elected flags are given for some candidates but not all");
  return {};
}

// Checks that the votes fit the ballot papers, when the declaration gives them: no candidate
// can have more votes than there were valid papers.
Status CheckTotals(const Declaration& d) {
  if (d.electorate && *d.electorate < 0) return WardError(d, "electorate", "negative electorate");
  if (d.rejected && *d.rejected < 0) return WardError(d, "rejected", "negative rejected ballots");
  if (!d.ballot_papers) return {};
  const int64_t papers = *d.ballot_papers;
  if (papers < 0) return WardError(d, "ballot_papers", "negative ballot papers");
  const int64_t rejected = d.rejected.value_or(0);
  if (rejected > papers)
    return WardError(d, "rejected", std::to_string(rejected) + " rejected of only " + std::to_string(papers) +
                                        " ballot papers");
  if (d.electorate && papers > *d.electorate)
    return WardError(d, "ballot_papers", std::to_string(papers) + " ballot papers from an electorate of " +
                                             std::to_string(*d.electorate));
  if (d.status != PollStatus::kContested) return {};
  const int64_t valid = papers - rejected;
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const Candidate& c = d.candidates[i];
    if (c.votes > valid)
      return WardError(d, "candidates[" + std::to_string(i) + "].votes",
                       "'" + c.name + "' has " + std::to_string(c.votes) + " votes, more than the " +
                           std::to_string(valid) + " valid ballot papers");
  }
  return {};
}

// STV: the count (core/stv.h) decided the seats; its flags are the truth. Elected are listed
// by first preferences, most first. No majority: first preferences are not the margin.
Result<WardCount> CountStvWard(const Declaration& d, WardCount count) {
  if (!d.candidates[0].elected)
    return WardError(d, "elected", "an STV ward needs elected flags from its count");
  std::vector<size_t> order(d.candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return d.candidates[a].votes > d.candidates[b].votes;
  });
  for (size_t i : order)
    if (*d.candidates[i].elected) count.elected.push_back(i);
  if (count.elected.size() != static_cast<size_t>(d.seats))
    return WardError(d, "elected", std::to_string(count.elected.size()) + " candidates flagged elected for " +
                                       std::to_string(d.seats) + " seats");
  return count;
}

}  // namespace

Status CheckVotesFitPapers(const Declaration& d) {
  if (!d.ballot_papers || d.status != PollStatus::kContested) return {};
  const int64_t valid = *d.ballot_papers - d.rejected.value_or(0);
  int64_t total = 0;
  for (const Candidate& c : d.candidates) total += c.votes;
  if (total > valid * d.seats)
    return WardError(d, "candidates", "votes add up to " + std::to_string(total) + ", more than " +
                                          std::to_string(d.seats) + " a paper on " + std::to_string(valid) +
                                          " valid ballot papers allow");
  return {};
}

Result<WardCount> CountWard(const Declaration& d) {
  if (Status s = CheckCandidates(d); !s) return s.error();
  if (Status s = CheckTotals(d); !s) return s.error();
  WardCount count;
  count.status = d.status;
  const size_t n = d.candidates.size();
  const size_t seats = static_cast<size_t>(d.seats);
  const bool flagged = n > 0 && d.candidates[0].elected.has_value();
  for (const Candidate& c : d.candidates) count.total_votes += c.votes;

  if (d.status == PollStatus::kPostponed) return count;  // no result on the night
  if (n == 0) return WardError(d, "candidates", "a declared ward needs candidates");

  if (d.status == PollStatus::kUncontested) {
    if (n > seats)
      return WardError(d, "status", "uncontested, but " + std::to_string(n) +
                                        " candidates stand for " + std::to_string(seats) + " seats");
    for (size_t i = 0; i < n; ++i) {
      if (flagged && !*d.candidates[i].elected)
        return WardError(d, "elected", "an uncontested candidate must be elected");
      count.elected.push_back(i);
    }
    return count;
  }

  if (d.voting_system == VotingSystem::kStv) return CountStvWard(d, std::move(count));

  // Contested: order by votes, most first; equal votes keep file order (irrelevant to who
  // wins, since a tie at the cut is reported, not picked). The lists are on the stack for any
  // usual ward, and a handful is sorted by insertion, which std::stable_sort would have done
  // too, after allocating a buffer: every declaration of a night is counted.
  Positions order(n);
  std::iota(order.begin(), order.end(), 0);
  auto more_votes = [&](size_t a, size_t b) { return d.candidates[a].votes > d.candidates[b].votes; };
  if (n <= kInsertionSort) {
    for (size_t i = 1; i < n; ++i)
      for (size_t j = i; j > 0 && more_votes(order[j], order[j - 1]); --j) std::swap(order[j], order[j - 1]);
  } else {
    std::stable_sort(order.begin(), order.end(), more_votes);
  }

  if (n <= seats) {
    // Fewer candidates than seats yet a poll was held (the data says contested): all are in.
    for (size_t i : order) {
      if (flagged && !*d.candidates[i].elected)
        return WardError(d, "elected", "candidate '" + d.candidates[i].name +
                                           "' is flagged not elected, but there are no more candidates than seats");
      count.elected.push_back(i);
    }
    return count;
  }

  const int64_t cut = d.candidates[order[seats - 1]].votes;   // last seat's votes
  const int64_t next = d.candidates[order[seats]].votes;      // best loser's votes
  Positions above, level;
  for (size_t i : order) {
    if (d.candidates[i].votes > cut) above.push_back(i);
    else if (d.candidates[i].votes == cut) level.push_back(i);
  }
  const bool tie = cut == next;

  if (flagged) {
    size_t elected = 0;
    for (const Candidate& c : d.candidates) elected += *c.elected ? 1 : 0;
    if (elected != seats)
      return WardError(d, "elected", std::to_string(elected) + " candidates flagged elected for " +
                                         std::to_string(seats) + " seats");
    // Flags must agree with the votes: everyone above the cut elected, no one below it.
    for (size_t i : order) {
      const Candidate& c = d.candidates[i];
      bool should = c.votes > cut || (!tie && c.votes == cut);
      if (c.votes == cut && tie) continue;  // the lot decides among these
      if (*c.elected != should)
        return WardError(d, "elected", "candidate '" + c.name + "' (" + std::to_string(c.votes) +
                                           " votes) is flagged " + (*c.elected ? "elected" : "not elected") +
                                           ", which the votes contradict");
    }
    for (size_t i : order)
      if (*d.candidates[i].elected) count.elected.push_back(i);
    if (tie) {
      count.tied.assign(level.begin(), level.end());
      count.seats_in_tie = static_cast<int>(seats - above.size());
      count.decided_by_lot = true;
      count.majority = 0;
    } else {
      count.majority = cut - next;
    }
    return count;
  }

  if (!tie) {
    count.elected.assign(order.begin(), order.begin() + static_cast<long>(seats));
    count.majority = cut - next;
    return count;
  }
  // A tie for the last seat(s) and nothing to say who won it: report, never pick.
  count.elected.assign(above.begin(), above.end());
  count.tied.assign(level.begin(), level.end());
  count.seats_in_tie = static_cast<int>(seats - above.size());
  count.unresolved_tie = true;
  return count;
}

}  // namespace psephos
