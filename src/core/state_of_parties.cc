#include "core/state_of_parties.h"

#include <algorithm>
#include <cctype>

#include "core/night.h"

namespace psephos {

namespace {

bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

bool CouncilFilter::Matches(const Council& council) const {
  if (london_only && council.type != CouncilType::kLondonBorough) return false;
  if (region && !EqualIgnoringCase(*region, council.region)) return false;
  if (type && *type != council.type) return false;
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
    const std::map<std::string, int>& change = outcome.Change(baseline);
    against->seats_change.assign(change.begin(), change.end());
    // Control after, against control before under the same baseline. A council with no
    // baseline (or an incomplete one) counts for control but not for change.
    const Control& before = outcome.Before(baseline);
    against->control_changed = outcome.has_baseline && before.settled && before.party != outcome.control.party;
    if (against->control_changed && before.party) against->before = std::string(registry.TotalsGroup(*before.party));
  }
  return c;
}

void PartyTallies::Add(const Council& council, const CouncilContribution& c, int sign) {
  if (!filter_.Matches(council)) return;
  auto tally = [&](std::string_view group) -> PartyTally& {
    auto it = tallies_.find(group);
    if (it == tallies_.end()) it = tallies_.emplace(std::string(group), PartyTally{.group = std::string(group)}).first;
    return it->second;
  };
  StateOfParties& state = totals_;
  state.councils_total += sign;
  state.wards_total += sign * c.wards_total;
  state.wards_declared += sign * c.wards_declared;
  if (!c.settled) return;
  state.councils_settled += sign;

  const CouncilContribution::Against& against = c.Of(state.baseline);
  for (const auto& [group, n] : c.seats) tally(group).seats += sign * n;
  for (const auto& [group, delta] : against.seats_change) tally(group).seats_change += sign * delta;
  if (c.control) {
    PartyTally& t = tally(*c.control);
    t.councils += sign;
    if (against.control_changed) t.councils_change += sign;
  } else {
    state.noc += sign;
    if (against.control_changed) state.noc_change += sign;
  }
  if (against.control_changed) {
    if (against.before) tally(*against.before).councils_change -= sign;
    else state.noc_change -= sign;
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
