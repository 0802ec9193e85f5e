#include "core/stv.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace psephos {

namespace {

constexpr int64_t kUnit = StvCount::kUnit;
// The most ballot papers a ward's count takes. Votes are kept in units of 1/kUnit of a paper and
// a surplus's transfer multiplies the surplus (in units) by a paper's value (in units), so with
// at most 10^8 papers every product stays within 64 bits (10^8 x 10^5 x 10^5 = 10^18). A
// Scottish ward has some thousands; a file claiming more is wrong (found by fuzzing: a weight of
// 10^11 overflowed the transfer of the surplus).
constexpr int64_t kMostPapers = 100'000'000;

// Papers of one kind held by a candidate: `count` papers of ballot `ballot`, now counting
// for its preference at `position`, each worth `value` units.
struct Papers {
  size_t ballot = 0;
  size_t position = 0;
  int64_t count = 0;
  int64_t value = 0;
};

enum class State { kContinuing, kElected, kExcluded };

struct Holder {
  State state = State::kContinuing;
  int64_t votes = 0;
  // Parcels in the order received, one a stage; the last is "the sub-parcel last received"
  // (NI rule 49(5)). parcel_stage[i] is the stage parcels[i] arrived at.
  std::vector<std::vector<Papers>> parcels;
  std::vector<int> parcel_stage;
  bool surplus_pending = false;
};

// Whether a tie is broken by looking back from the most recent preceding stage (Scotland) or
// forward from the first stage (Northern Ireland). See docs/STV.md.
enum class LookBack { kMostRecentFirst, kEarliestFirst };

class Counter {
 public:
  Counter(const BallotProfile& profile, StvRules rules, const StvOptions& options)
      : profile_(profile), rules_(rules), options_(options), holders_(profile.candidates.size()) {}

  StvCount Run();

 private:
  size_t Candidates() const { return holders_.size(); }
  std::vector<size_t> WithState(State state) const;
  int VacanciesLeft() const { return profile_.seats - static_cast<int>(count_.elected.size()); }
  // Closes the stage being built: totals, elections, and rule 52(1) (Scotland) / 53 (NI).
  void EndStage(StvStage stage);
  // Among `tied` (level now), the one with the most votes (`highest`) or the fewest, by earlier
  // stages and then the lot. nullopt: only a lot can decide and none was given.
  std::optional<size_t> BreakTie(std::vector<size_t> tied, bool highest, StvStage& stage,
                                 std::string_view what);
  std::optional<size_t> Extreme(const std::vector<size_t>& among, bool highest, StvStage& stage,
                                std::string_view what);
  // Moves papers to each one's next continuing preference at `value_of(papers)`.
  void Move(const std::vector<Papers>& papers, const std::vector<int64_t>& values,
            StvStage& stage);
  void TransferSurplus(size_t from, StvStage& stage);
  void Exclude(const std::vector<size_t>& excluded, StvStage& stage);
  std::optional<size_t> NextContinuing(const Papers& papers, size_t* position) const;
  // Northern Ireland: the candidates excluded together at this stage (rule 51), or a single one.
  std::optional<std::vector<size_t>> ToExclude(StvStage& stage, int64_t pending);

  const BallotProfile& profile_;
  StvRules rules_;
  const StvOptions& options_;
  std::vector<Holder> holders_;
  StvCount count_;
  int64_t quota_units_ = 0;
  bool stopped_ = false;
};

std::vector<size_t> Counter::WithState(State state) const {
  std::vector<size_t> out;
  for (size_t c = 0; c < Candidates(); ++c)
    if (holders_[c].state == state) out.push_back(c);
  return out;
}

std::optional<size_t> Counter::NextContinuing(const Papers& papers, size_t* position) const {
  const std::vector<int>& prefs = profile_.ballots[papers.ballot].preferences;
  for (size_t p = papers.position + 1; p < prefs.size(); ++p) {
    size_t c = static_cast<size_t>(prefs[p]);
    if (holders_[c].state == State::kContinuing) {
      *position = p;
      return c;
    }
  }
  return std::nullopt;
}

void Counter::Move(const std::vector<Papers>& papers, const std::vector<int64_t>& values,
                   StvStage& stage) {
  std::map<size_t, std::vector<Papers>> received;
  for (size_t i = 0; i < papers.size(); ++i) {
    size_t position = 0;
    std::optional<size_t> to = NextContinuing(papers[i], &position);
    int64_t worth = papers[i].count * values[i];
    if (!to) {
      stage.non_transferable += worth;
      continue;
    }
    received[*to].push_back(Papers{papers[i].ballot, position, papers[i].count, values[i]});
    stage.transfers[*to] += worth;
    holders_[*to].votes += worth;
  }
  // Papers arriving at one stage make one parcel, even from several candidates excluded
  // together.
  for (auto& [to, parcel] : received) {
    Holder& h = holders_[to];
    if (h.parcel_stage.empty() || h.parcel_stage.back() != stage.number) {
      h.parcels.emplace_back();
      h.parcel_stage.push_back(stage.number);
    }
    h.parcels.back().insert(h.parcels.back().end(), parcel.begin(), parcel.end());
  }
}

void Counter::TransferSurplus(size_t from, StvStage& stage) {
  Holder& h = holders_[from];
  const int64_t surplus = h.votes - quota_units_;
  stage.action = StvAction::kSurplus;
  stage.from = {from};
  std::vector<Papers> papers;
  std::vector<int64_t> values;
  if (rules_ == StvRules::kScotland) {
    // Rule 48(3): each paper's transfer value is surplus x its value when received / the
    // candidate's total votes, to five decimal places, any remainder ignored. All papers move.
    for (const auto& parcel : h.parcels)
      for (const Papers& p : parcel) {
        papers.push_back(p);
        values.push_back(surplus * p.value / h.votes);
      }
    h.parcels.clear();
    h.parcel_stage.clear();
  } else {
    // Rule 49(1) and (5): the papers of the last sub-parcel received (the first preferences when
    // elected at stage 1). Rule 49(4): the value is the surplus / the number of transferable
    // papers, to two places, remainder ignored, and only where it reduces the papers' value so
    // that the total moved does not exceed the surplus.
    papers = h.parcels.back();
    h.parcels.pop_back();
    h.parcel_stage.pop_back();
    int64_t transferable = 0, transferable_value = 0;
    for (const Papers& p : papers) {
      size_t position = 0;
      if (NextContinuing(p, &position)) {
        transferable += p.count;
        transferable_value += p.count * p.value;
      }
    }
    for (const Papers& p : papers) {
      int64_t value = p.value;
      if (transferable_value > surplus) {
        const int64_t cent = kUnit / 100;
        value = std::min(value, surplus / transferable / cent * cent);
      }
      size_t position = 0;
      // Non-transferable papers are set aside, not transferred: they carry no value.
      values.push_back(NextContinuing(p, &position) ? value : 0);
    }
  }
  int64_t moved_before = stage.non_transferable;
  for (int64_t t : stage.transfers) moved_before += t;
  Move(papers, values, stage);
  int64_t moved = stage.non_transferable - moved_before;
  for (int64_t t : stage.transfers) moved += t;
  stage.lost = surplus - moved;
  if (rules_ == StvRules::kNorthernIreland) {
    // NI sheets show what a surplus did not pass on (papers set aside and the fractions cut) as
    // one non-transferable figure.
    stage.non_transferable += stage.lost;
    stage.lost = 0;
  }
  stage.transfers[from] = -surplus;
  h.votes = quota_units_;
  h.surplus_pending = false;
}

void Counter::Exclude(const std::vector<size_t>& excluded, StvStage& stage) {
  stage.action = StvAction::kExclusion;
  stage.from = excluded;
  // Every excluded candidate leaves the continuing list first, so that no paper moves from one
  // of them to another excluded at the same stage.
  for (size_t c : excluded) holders_[c].state = State::kExcluded;
  for (size_t c : excluded) {
    Holder& h = holders_[c];
    std::vector<Papers> papers;
    std::vector<int64_t> values;
    for (const auto& parcel : h.parcels)
      for (const Papers& p : parcel) {
        papers.push_back(p);
        values.push_back(p.value);  // at the value at which they were received
      }
    stage.transfers[c] -= h.votes;
    h.parcels.clear();
    h.parcel_stage.clear();
    h.votes = 0;
    Move(papers, values, stage);
  }
}

std::optional<size_t> Counter::BreakTie(std::vector<size_t> tied, bool highest, StvStage& stage,
                                        std::string_view what) {
  const LookBack look = rules_ == StvRules::kScotland ? LookBack::kMostRecentFirst : LookBack::kEarliestFirst;
  // Stages before the current one (the current totals are level by definition).
  const size_t done = count_.stages.size();
  std::vector<size_t> order(done > 0 ? done - 1 : 0);
  std::iota(order.begin(), order.end(), 0);
  if (look == LookBack::kMostRecentFirst) std::reverse(order.begin(), order.end());
  for (size_t s : order) {
    const auto& totals = count_.stages[s].totals;
    int64_t best = totals[tied[0]];
    for (size_t c : tied) best = highest ? std::max(best, totals[c]) : std::min(best, totals[c]);
    std::vector<size_t> kept;
    for (size_t c : tied)
      if (totals[c] == best) kept.push_back(c);
    if (kept.size() < tied.size()) {
      stage.notes.push_back(std::string(what) + ": a tie broken by the totals at stage " +
                            std::to_string(s + 1));
      tied = kept;
      if (tied.size() == 1) return tied[0];
    }
  }
  // Equal at every stage: the lot.
  for (size_t drawn : options_.lot)
    if (std::find(tied.begin(), tied.end(), drawn) != tied.end()) {
      // The first drawn counts as most votes; for the fewest, the last drawn among the tied.
      size_t pick = drawn;
      if (!highest)
        for (size_t d : options_.lot)
          if (std::find(tied.begin(), tied.end(), d) != tied.end()) pick = d;
      stage.notes.push_back(std::string(what) + ": a tie at every stage, decided by lot");
      count_.decided_by_lot = true;
      return pick;
    }
  count_.unresolved_tie = true;
  count_.tied = tied;
  return std::nullopt;
}

std::optional<size_t> Counter::Extreme(const std::vector<size_t>& among, bool highest,
                                       StvStage& stage, std::string_view what) {
  int64_t best = holders_[among[0]].votes;
  for (size_t c : among) best = highest ? std::max(best, holders_[c].votes) : std::min(best, holders_[c].votes);
  std::vector<size_t> tied;
  for (size_t c : among)
    if (holders_[c].votes == best) tied.push_back(c);
  if (tied.size() == 1) return tied[0];
  return BreakTie(tied, highest, stage, what);
}

std::optional<std::vector<size_t>> Counter::ToExclude(StvStage& stage, int64_t pending) {
  std::vector<size_t> continuing = WithState(State::kContinuing);
  std::optional<size_t> lowest = Extreme(continuing, false, stage, "exclusion");
  if (!lowest) return std::nullopt;
  std::vector<size_t> out = {*lowest};
  if (rules_ != StvRules::kNorthernIreland) return out;
  // Rule 51(2) (NI): the lowest two or more may be excluded together when their votes, with
  // every surplus not transferred, are fewer than the votes of the next candidate up, so that
  // no transfer between them could save one. Leave at least the vacancies' number continuing.
  std::vector<size_t> by_votes = continuing;
  std::stable_sort(by_votes.begin(), by_votes.end(),
                   [&](size_t a, size_t b) { return holders_[a].votes < holders_[b].votes; });
  std::vector<size_t> best;
  int64_t sum = pending;
  const size_t max_out = continuing.size() - static_cast<size_t>(VacanciesLeft());
  for (size_t k = 0; k + 1 < by_votes.size() && k + 1 <= max_out; ++k) {
    sum += holders_[by_votes[k]].votes;
    if (k >= 1 && sum < holders_[by_votes[k + 1]].votes)
      best.assign(by_votes.begin(), by_votes.begin() + static_cast<long>(k + 1));
  }
  if (best.size() > 1) {
    stage.notes.push_back("candidates excluded together: their votes and every surplus not "
                          "transferred are fewer than the next candidate's");
    return best;
  }
  return out;
}

void Counter::EndStage(StvStage stage) {
  const size_t n = Candidates();
  stage.totals.resize(n);
  for (size_t c = 0; c < n; ++c) stage.totals[c] = holders_[c].votes;
  const StvStage* previous = count_.stages.empty() ? nullptr : &count_.stages.back();
  stage.non_transferable_total = (previous ? previous->non_transferable_total : 0) + stage.non_transferable;
  stage.lost_total = (previous ? previous->lost_total : 0) + stage.lost;
  count_.stages.push_back(stage);
  StvStage& s = count_.stages.back();

  // Rule 47/48 (Scotland), 48 (NI): a continuing candidate at or above the quota is elected.
  std::vector<size_t> reached;
  for (size_t c : WithState(State::kContinuing))
    if (holders_[c].votes >= quota_units_) reached.push_back(c);
  std::stable_sort(reached.begin(), reached.end(),
                   [&](size_t a, size_t b) { return holders_[a].votes > holders_[b].votes; });
  for (size_t c : reached) {
    if (VacanciesLeft() == 0) break;
    holders_[c].state = State::kElected;
    holders_[c].surplus_pending = holders_[c].votes > quota_units_;
    count_.elected.push_back(c);
    s.elected.push_back(c);
  }
  // Rule 52(1) (Scotland), 53 (NI): as many continuing candidates as vacancies left: elected.
  std::vector<size_t> continuing = WithState(State::kContinuing);
  if (VacanciesLeft() > 0 && static_cast<int>(continuing.size()) <= VacanciesLeft()) {
    std::stable_sort(continuing.begin(), continuing.end(),
                     [&](size_t a, size_t b) { return holders_[a].votes > holders_[b].votes; });
    for (size_t c : continuing) {
      holders_[c].state = State::kElected;
      count_.elected.push_back(c);
      s.elected.push_back(c);
    }
  }
}

StvCount Counter::Run() {
  const size_t n = Candidates();
  count_.rules = rules_;
  count_.seats = profile_.seats;
  for (size_t b = 0; b < profile_.ballots.size(); ++b) {
    const StvBallot& ballot = profile_.ballots[b];
    if (ballot.weight == 0) continue;
    if (ballot.preferences.empty()) {
      count_.empty_ballots += ballot.weight;
      continue;
    }
    count_.valid_poll += ballot.weight;
  }
  // Rule 46 (Scotland), 47 (NI): the quota, any fraction ignored.
  count_.quota = count_.valid_poll / (profile_.seats + 1) + 1;
  quota_units_ = count_.quota * kUnit;

  StvStage first;
  first.transfers.assign(n, 0);
  for (auto& h : holders_) {
    h.parcels.emplace_back();
    h.parcel_stage.push_back(1);
  }
  for (size_t b = 0; b < profile_.ballots.size(); ++b) {
    const StvBallot& ballot = profile_.ballots[b];
    if (ballot.weight == 0 || ballot.preferences.empty()) continue;
    size_t c = static_cast<size_t>(ballot.preferences[0]);
    holders_[c].parcels[0].push_back(Papers{b, 0, ballot.weight, kUnit});
    holders_[c].votes += ballot.weight * kUnit;
  }
  EndStage(std::move(first));

  while (VacanciesLeft() > 0 && !count_.unresolved_tie) {
    StvStage stage;
    stage.number = static_cast<int>(count_.stages.size()) + 1;
    stage.transfers.assign(n, 0);
    std::vector<size_t> surpluses;
    int64_t pending = 0;
    for (size_t c : WithState(State::kElected))
      if (holders_[c].surplus_pending) {
        surpluses.push_back(c);
        pending += holders_[c].votes - quota_units_;
      }
    bool transfer = !surpluses.empty();
    if (transfer && rules_ == StvRules::kNorthernIreland) {
      // Rule 50(3) (NI): a surplus is deferred while all surpluses together are fewer than the
      // gap between the two lowest continuing candidates: the lowest is excluded either way.
      std::vector<int64_t> low;
      for (size_t c : WithState(State::kContinuing)) low.push_back(holders_[c].votes);
      std::sort(low.begin(), low.end());
      if (low.size() >= 2 && pending < low[1] - low[0]) {
        transfer = false;
        stage.deferred = surpluses;
      }
    }
    if (transfer) {
      // Rule 49 (Scotland), 50(1) (NI): the largest surplus first.
      std::optional<size_t> from = Extreme(surpluses, true, stage, "surplus");
      if (!from) break;
      TransferSurplus(*from, stage);
    } else {
      std::optional<std::vector<size_t>> out = ToExclude(stage, stage.deferred.empty() ? 0 : pending);
      if (!out) break;
      Exclude(*out, stage);
    }
    EndStage(std::move(stage));
  }
  return count_;
}

Status CheckProfile(const BallotProfile& profile) {
  const int n = static_cast<int>(profile.candidates.size());
  if (n < 1) return MakeError("a ward needs candidates", "candidates");
  if (profile.seats < 1) return MakeError("seats must be at least 1", "seats");
  if (profile.seats > n)
    return MakeError(std::to_string(profile.seats) + " seats but only " + std::to_string(n) +
                         " candidates", "seats");
  int64_t papers = 0;
  for (size_t b = 0; b < profile.ballots.size(); ++b) {
    const StvBallot& ballot = profile.ballots[b];
    std::string where = "ballots[" + std::to_string(b) + "]";
    if (ballot.weight < 0) return MakeError("a negative number of papers", where + ".weight");
    if (ballot.weight > kMostPapers - papers)
      return MakeError("more than 100,000,000 ballot papers in one ward, more than a count can hold", where + ".weight");
    papers += ballot.weight;
    std::vector<bool> seen(static_cast<size_t>(n), false);
    for (int c : ballot.preferences) {
      if (c < 0 || c >= n)
        return MakeError("a preference for candidate " + std::to_string(c + 1) + ", but there are " +
                             std::to_string(n), where + ".preferences");
      if (seen[static_cast<size_t>(c)])
        return MakeError("candidate " + std::to_string(c + 1) + " is ranked twice", where + ".preferences");
      seen[static_cast<size_t>(c)] = true;
    }
  }
  return {};
}

}  // namespace

std::string_view ToString(StvRules rules) {
  return rules == StvRules::kScotland ? "scotland" : "ni";
}

std::optional<StvRules> ParseStvRules(std::string_view text) {
  if (text == "scotland") return StvRules::kScotland;
  if (text == "ni" || text == "northern-ireland") return StvRules::kNorthernIreland;
  return std::nullopt;
}

std::string_view ToString(StvAction action) {
  switch (action) {
    case StvAction::kFirstPreferences: return "first preferences";
    case StvAction::kSurplus: return "surplus";
    case StvAction::kExclusion: return "exclusion";
  }
  return "?";
}

bool StvCount::IsElected(size_t candidate) const {
  return std::find(elected.begin(), elected.end(), candidate) != elected.end();
}

Result<StvCount> CountStv(const BallotProfile& profile, StvRules rules, const StvOptions& options) {
  if (Status s = CheckProfile(profile); !s) return s.error();
  int64_t valid = 0;
  for (const StvBallot& b : profile.ballots)
    if (!b.preferences.empty()) valid += b.weight;
  if (valid == 0) return MakeError("no ballot paper gives a first preference", "ballots");
  return Counter(profile, rules, options).Run();
}

std::string FormatStvVotes(int64_t units, int decimals) {
  std::string sign = units < 0 ? "-" : "";
  int64_t a = units < 0 ? -units : units;
  std::string out = sign + std::to_string(a / kUnit);
  if (decimals <= 0) return out;
  std::string frac = std::to_string(a % kUnit);
  frac = std::string(5 - frac.size(), '0') + frac;
  return out + "." + frac.substr(0, static_cast<size_t>(std::min(decimals, 5)));
}

}  // namespace psephos
