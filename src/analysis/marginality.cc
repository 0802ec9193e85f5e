#include "analysis/marginality.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace psephos {

std::string_view ToString(MarginKind kind) {
  return kind == MarginKind::kExtraVotes ? "extra-votes" : "switched-votes";
}

std::string_view ToString(MarginGoal goal) {
  return goal == MarginGoal::kWinControl ? "win-control" : "lose-control";
}

const PartyMarginality* CouncilMarginality::Find(std::string_view party) const {
  for (const PartyMarginality& p : parties)
    if (p.party == party) return &p;
  return nullptr;
}

namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max() / 4;

struct WardCandidate {
  std::string key;  // control key
  int64_t votes = 0;
};

// A contested ward as marginality sees it: its candidates, most votes first, and who won.
struct WardData {
  std::string id, name;
  int seats = 0;
  std::vector<WardCandidate> candidates;
  std::map<std::string, int> won;  // seats by control key

  int WonBy(const std::string& key) const {
    auto it = won.find(key);
    return it == won.end() ? 0 : it->second;
  }
  int Standing(const std::string& key) const {
    int n = 0;
    for (const WardCandidate& c : candidates) n += c.key == key;
    return n;
  }
  std::set<std::string> Keys() const {
    std::set<std::string> keys;
    for (const WardCandidate& c : candidates) keys.insert(c.key);
    return keys;
  }
};

// Seats `party` would win with its candidates moved by `shift` and those of `other` by
// `-shift` (other empty: nobody else moves), votes floored at zero. With `outright`, a tie at
// the cut counts as not won (a gain must be certain); without, as won (a loss must be certain).
// The party's k-th best candidate is elected when at most seats - k rivals stand level or above.
int SeatsWith(const WardData& w, const std::string& party, int64_t shift, const std::string& other,
              bool outright) {
  auto moved = [&](const WardCandidate& c) {
    int64_t v = c.votes;
    if (c.key == party)
      v += shift;
    else if (!other.empty() && c.key == other)
      v -= shift;
    return std::max<int64_t>(v, 0);
  };
  int seats = 0;
  for (const WardCandidate& mine : w.candidates) {  // most votes first, so k rises in order
    if (mine.key != party) continue;
    const int64_t v = moved(mine);
    int above = 0;
    for (const WardCandidate& rival : w.candidates)
      if (rival.key != party && (outright ? moved(rival) >= v : moved(rival) > v)) ++above;
    if (above > w.seats - (seats + 1)) break;
    ++seats;
  }
  return std::min(seats, w.seats);
}

// The fewest voters x >= 0 for which `reached(x)` holds (it is monotone in x), or kNever.
template <typename Reached>
int64_t FewestVoters(int64_t upper, Reached reached) {
  if (!reached(upper)) return kNever;
  int64_t lo = 0, hi = upper;
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (reached(mid))
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

struct Option {
  int seats = 0;
  int64_t votes = 0;
  std::string other;
};

// A ward's cost curve: for each number of seats that can change hands, the fewest voters.
std::vector<Option> CostCurve(const WardData& w, const std::string& party, MarginGoal goal,
                              MarginKind kind) {
  int64_t most = 0;
  for (const WardCandidate& c : w.candidates) most = std::max(most, c.votes);
  const int64_t upper = 2 * most + 1;  // enough to pass (or fall below) anyone
  std::vector<std::string> others{""};
  if (kind == MarginKind::kSwitchedVotes) {
    others.clear();
    for (const std::string& key : w.Keys())
      if (key != party) others.push_back(key);
  }
  const int now = w.WonBy(party);
  std::vector<Option> curve;
  const int reach =
      goal == MarginGoal::kWinControl ? std::min(w.Standing(party), w.seats) - now : now;
  for (int change = 1; change <= reach; ++change) {
    Option best{change, kNever, ""};
    for (const std::string& other : others) {
      int64_t votes =
          goal == MarginGoal::kWinControl
              ? FewestVoters(
                    upper,
                    [&](int64_t x) { return SeatsWith(w, party, x, other, true) >= now + change; })
              : FewestVoters(upper, [&](int64_t x) {
                  return SeatsWith(w, party, -x, other, false) <= now - change;
                });
      if (votes < best.votes) best = Option{change, votes, other};
    }
    if (best.votes < kNever) curve.push_back(best);
  }
  return curve;
}

// Multiple-choice knapsack: at most one option a ward, at least `need` seats, fewest voters.
// dp[i][s] = fewest voters over the first i wards for min(seats, need) = s.
std::optional<std::pair<int64_t, std::vector<int>>> Cheapest(
    const std::vector<std::vector<Option>>& curves, int need) {
  const size_t wards = curves.size(), width = static_cast<size_t>(need) + 1;
  std::vector<int64_t> dp((wards + 1) * width, kNever);
  std::vector<int> pick((wards + 1) * width, -1);    // option taken in ward i-1 to reach (i, s)
  std::vector<size_t> from((wards + 1) * width, 0);  // and the seats total it came from
  dp[0] = 0;
  for (size_t i = 0; i < wards; ++i) {
    for (size_t s = 0; s < width; ++s) {
      const int64_t here = dp[i * width + s];
      if (here >= kNever) continue;
      auto relax = [&](size_t to, int64_t cost, int option) {
        if (cost < dp[(i + 1) * width + to]) {
          dp[(i + 1) * width + to] = cost;
          pick[(i + 1) * width + to] = option;
          from[(i + 1) * width + to] = s;
        }
      };
      relax(s, here, -1);
      for (size_t o = 0; o < curves[i].size(); ++o) {
        const size_t to = std::min(width - 1, s + static_cast<size_t>(curves[i][o].seats));
        relax(to, here + curves[i][o].votes, static_cast<int>(o));
      }
    }
  }
  if (dp[wards * width + width - 1] >= kNever) return std::nullopt;
  std::vector<int> chosen(wards, -1);
  for (size_t i = wards, s = width - 1; i > 0; --i) {
    chosen[i - 1] = pick[i * width + s];
    s = from[i * width + s];
  }
  return std::make_pair(dp[wards * width + width - 1], chosen);
}

struct CouncilData {
  const Council* council = nullptr;
  const CouncilOutcome* outcome = nullptr;
  std::vector<WardData> wards;
};

CouncilData Collect(const Night& night, const Council& council) {
  CouncilData data;
  data.council = &council;
  data.outcome = night.Outcome(council.id);
  const auto* declared = night.Declared(council.id);
  if (!declared) return data;
  for (const Ward& ward : council.wards) {  // council order, so output reads in ward order
    auto it = declared->find(ward.id);
    if (it == declared->end() || it->declaration->status != PollStatus::kContested) continue;
    const Declaration& d = *it->declaration;
    WardData w;
    w.id = ward.id;
    w.name = d.ward_name.empty() ? ward.name : d.ward_name;
    w.seats = d.seats;
    for (const Candidate& c : d.candidates)
      w.candidates.push_back({PartyRegistry::ControlKey(c.party, c.name), c.votes});
    for (size_t i : it->count.elected) ++w.won[w.candidates[i].key];
    std::stable_sort(
        w.candidates.begin(), w.candidates.end(),
        [](const WardCandidate& a, const WardCandidate& b) { return a.votes > b.votes; });
    data.wards.push_back(std::move(w));
  }
  return data;
}

ControlMargin MarginFor(const CouncilData& data, const std::string& party, int seats,
                        MarginGoal goal, MarginKind kind) {
  ControlMargin m;
  m.goal = goal;
  m.kind = kind;
  const int line = data.council->total_seats / 2 + 1;
  m.seats_to_change = goal == MarginGoal::kWinControl ? line - seats : seats - (line - 1);
  if (m.seats_to_change <= 0) {
    m.why_not = goal == MarginGoal::kWinControl ? "already in control" : "not in control";
    return m;
  }
  std::vector<std::vector<Option>> curves;
  int reachable = 0, standing = 0;
  for (const WardData& w : data.wards) {
    curves.push_back(CostCurve(w, party, goal, kind));
    if (!curves.back().empty()) reachable += curves.back().back().seats;
    standing += w.Standing(party);
  }
  auto best = Cheapest(curves, m.seats_to_change);
  if (!best) {
    if (goal == MarginGoal::kWinControl)
      m.why_not = reachable + seats < data.council->total_seats / 2 + 1
                      ? "stood too few candidates: " + std::to_string(standing) +
                            " standing could win at most " + std::to_string(reachable) +
                            " more seats, " + std::to_string(m.seats_to_change) + " needed"
                      : "no number of votes wins " + std::to_string(m.seats_to_change) +
                            " more seats outright";
    else
      m.why_not = "no votes lost in declared wards could cost it " +
                  std::to_string(m.seats_to_change) + " seats";
    return m;
  }
  m.possible = true;
  m.votes = best->first;
  for (size_t i = 0; i < data.wards.size(); ++i) {
    const int o = best->second[i];
    if (o < 0) continue;
    const Option& opt = curves[i][static_cast<size_t>(o)];
    m.wards.push_back({data.wards[i].id, data.wards[i].name, opt.seats, opt.votes, opt.other});
  }
  return m;
}

PartyMarginality ForParty(const CouncilData& data, const std::string& party) {
  PartyMarginality p;
  p.party = party;
  p.seats = data.outcome ? data.outcome->after.Of(party) : 0;
  for (const WardData& w : data.wards) p.candidates += w.Standing(party);
  p.in_control = data.outcome && data.outcome->control.party == party;
  const MarginGoal goal = p.in_control ? MarginGoal::kLoseControl : MarginGoal::kWinControl;
  p.extra = MarginFor(data, party, p.seats, goal, MarginKind::kExtraVotes);
  p.switched = MarginFor(data, party, p.seats, goal, MarginKind::kSwitchedVotes);
  return p;
}

}  // namespace

Result<CouncilMarginality> MarginalityOf(const Night& night, std::string_view council,
                                         std::optional<std::string> party) {
  const Council* c = night.FindCouncil(council);
  if (!c) return MakeError("no such council", std::string(council));
  CouncilData data = Collect(night, *c);
  if (!data.outcome || data.outcome->wards_declared == 0)
    return MakeError("nothing declared yet", std::string(council));
  CouncilMarginality out;
  out.council = c->id;
  out.name = c->name;
  out.total_seats = c->total_seats;
  out.majority_line = c->total_seats / 2 + 1;
  out.control = data.outcome->control.party.str();
  out.complete = data.outcome->Complete();
  out.wards_counted = static_cast<int>(data.wards.size());
  std::set<std::string> keys;
  for (const WardData& w : data.wards)
    for (const WardCandidate& cand : w.candidates) keys.insert(cand.key);
  if (party) {
    if (!keys.count(*party))
      return MakeError("the party stood in no contested ward of " + c->name, *party);
    keys = {*party};
  }
  for (const std::string& key : keys) out.parties.push_back(ForParty(data, key));
  std::stable_sort(
      out.parties.begin(), out.parties.end(),
      [](const PartyMarginality& a, const PartyMarginality& b) { return a.seats > b.seats; });
  return out;
}

std::vector<CloseCouncil> ClosestCouncils(const Night& night, size_t limit) {
  std::vector<CloseCouncil> out;
  for (const Council& council : night.councils()) {
    const CouncilOutcome* outcome = night.Outcome(council.id);
    if (!outcome || !outcome->Complete()) continue;
    CouncilData data = Collect(night, council);
    std::optional<CloseCouncil> best;
    auto consider = [&](const std::string& party, int seats, MarginGoal goal) {
      ControlMargin m = MarginFor(data, party, seats, goal, MarginKind::kExtraVotes);
      if (m.possible && (!best || m.votes < best->margin.votes))
        best = CloseCouncil{council.id, council.name, outcome->control.party.str(), party, std::move(m)};
    };
    if (outcome->control.party) {
      consider(outcome->control.party->str(), outcome->after.Of(*outcome->control.party),
               MarginGoal::kLoseControl);
    } else {
      std::set<std::string> keys;
      for (const WardData& w : data.wards)
        for (const WardCandidate& c : w.candidates) keys.insert(c.key);
      for (const std::string& key : keys)
        consider(key, outcome->after.Of(key), MarginGoal::kWinControl);
    }
    if (best) out.push_back(std::move(*best));
  }
  std::stable_sort(out.begin(), out.end(), [](const CloseCouncil& a, const CloseCouncil& b) {
    return a.margin.votes < b.margin.votes;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace psephos
