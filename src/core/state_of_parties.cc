#include "core/state_of_parties.h"

#include <algorithm>
#include <cassert>

#include "core/ascii_case.h"
#include "core/night.h"

namespace psephos {

bool CouncilFilter::Matches(CouncilType council_type, std::string_view council_region) const {
  if (london_only && council_type != CouncilType::kLondonBorough) return false;
  if (type && *type != council_type) return false;
  if (region && !EqualIgnoringCase(*region, council_region)) return false;
  return true;
}

std::string CouncilFilter::Describe() const {
  std::string out;
  if (london_only) out = "London";
  if (region) out += (out.empty() ? "" : ", ") + std::string("region ") + *region;
  if (type) out += (out.empty() ? "" : ", ") + std::string(ToString(*type)) + " councils";
  return out.empty() ? "all councils" : out;
}

PartyTallies::PartyTallies(CouncilFilter filter, Baseline baseline) : filter_(std::move(filter)) {
  totals_.baseline = baseline;
  totals_.filter = filter_.Describe();
}

namespace {

// Adds `n` to `group` in a short list (a council has a handful of groups).
void AddTo(std::vector<std::pair<std::string, int>>& by_group, std::string_view group, int n) {
  for (auto& [g, total] : by_group)
    if (g == group) {
      total += n;
      return;
    }
  by_group.emplace_back(std::string(group), n);
}

}  // namespace

CouncilContribution ContributionOf(const CouncilOutcome& outcome, const PartyRegistry& registry) {
  CouncilContribution c;
  c.wards_total = outcome.wards_total;
  c.wards_declared = outcome.wards_declared;
  c.settled = outcome.control.settled;
  if (!c.settled) return c;
  for (const auto& [key, n] : outcome.won) AddTo(c.seats, registry.TotalsGroup(key), n);
  if (outcome.control.party) c.control = std::string(registry.TotalsGroup(*outcome.control.party));
  for (auto [baseline, against] : {std::pair{Baseline::kLastFought, &c.last_fought},
                                    std::pair{Baseline::kEveOfPoll, &c.eve_of_poll}}) {
    // Already by totals group, one entry a group; a group whose seats did not change in sum still
    // counts as touched, as in the outcome.
    const SeatsByKey& change = outcome.Change(baseline);
    against->seats_change.assign(change.begin(), change.end());
    // Control after, against control before under the same baseline. A council with no
    // baseline (or an incomplete one) counts for control but not for change.
    const Control& before = outcome.Before(baseline);
    against->control_changed = outcome.has_baseline && before.settled && before.party != outcome.control.party;
    if (against->control_changed && before.party) against->before = std::string(registry.TotalsGroup(*before.party));
  }
  return c;
}

namespace {

// What a council's contribution adds (sign +1) or takes away (-1) under `totals.baseline`: to
// the totals (a StateOfParties or a TallyMove), and to each group's figures through
// `figures(group)`, which gives the group's PartyTally (Add) or its TallyMove::Group (MoveBetween).
template <typename Totals, typename FiguresOf>
void AddContribution(Totals& totals, const CouncilContribution& c, int sign, FiguresOf&& figures) {
  totals.councils_total += sign;
  totals.wards_total += sign * c.wards_total;
  totals.wards_declared += sign * c.wards_declared;
  if (!c.settled) return;
  totals.councils_settled += sign;

  const CouncilContribution::Against& against = c.Of(totals.baseline);
  for (const auto& [group, n] : c.seats) figures(group).seats += sign * n;
  for (const auto& [group, delta] : against.seats_change) figures(group).seats_change += sign * delta;
  if (c.control) {
    auto& t = figures(*c.control);
    t.councils += sign;
    if (against.control_changed) t.councils_change += sign;
  } else {
    totals.noc += sign;
    if (against.control_changed) totals.noc_change += sign;
  }
  if (against.control_changed) {
    if (against.before) figures(*against.before).councils_change -= sign;
    else totals.noc_change -= sign;
  }
}

}  // namespace

TallyMove MoveBetween(const CouncilContribution& before, const CouncilContribution& after, Baseline baseline) {
  TallyMove move;
  move.baseline = baseline;
  auto group = [&](std::string_view id) -> TallyMove::Group& {
    for (TallyMove::Group& g : move.groups)  // a council has a handful of groups
      if (g.group == id) return g;
    return move.groups.emplace_back(TallyMove::Group{.group = id});
  };
  AddContribution(move, before, -1, group);
  AddContribution(move, after, +1, group);
  // A group that nets to nothing would not change its tally (and State() leaves out a group
  // with nothing, so one never made is the same as one left at zero).
  std::erase_if(move.groups, [](const TallyMove::Group& g) {
    return !g.councils && !g.councils_change && !g.seats && !g.seats_change;
  });
  return move;
}

PartyTally& PartyTallies::TallyOf(std::string_view group) {
  auto it = tallies_.find(group);
  if (it == tallies_.end()) it = tallies_.emplace(std::string(group), PartyTally{.group = std::string(group)}).first;
  return it->second;
}

void PartyTallies::Add(const Council& council, const CouncilContribution& c, int sign) {
  if (!filter_.Matches(council)) return;
  AddContribution(totals_, c, sign, [&](std::string_view group) -> PartyTally& { return TallyOf(group); });
}

void PartyTallies::Apply(const Council& council, const TallyMove& move) {
  assert(move.baseline == totals_.baseline);
  if (!filter_.Matches(council)) return;
  totals_.councils_total += move.councils_total;
  totals_.councils_settled += move.councils_settled;
  totals_.wards_total += move.wards_total;
  totals_.wards_declared += move.wards_declared;
  totals_.noc += move.noc;
  totals_.noc_change += move.noc_change;
  for (const TallyMove::Group& g : move.groups) {
    PartyTally& t = TallyOf(g.group);
    t.councils += g.councils;
    t.councils_change += g.councils_change;
    t.seats += g.seats;
    t.seats_change += g.seats_change;
  }
}

StateOfParties PartyTallies::State() const {
  StateOfParties state = totals_;
  for (const auto& [group, t] : tallies_)
    if (t.councils || t.councils_change || t.seats || t.seats_change) state.parties.push_back(t);
  std::sort(state.parties.begin(), state.parties.end(), [](const PartyTally& a, const PartyTally& b) {
    if (a.councils != b.councils) return a.councils > b.councils;
    if (a.seats != b.seats) return a.seats > b.seats;
    return a.group < b.group;
  });
  return state;
}

StateOfParties TallyParties(const Night& night, const CouncilFilter& filter, Baseline baseline) {
  PartyTallies tallies(filter, baseline);
  for (const Council& council : night.councils())
    tallies.Add(council, ContributionOf(*night.Outcome(council.id), night.registry()));
  return tallies.State();
}

}  // namespace psephos
