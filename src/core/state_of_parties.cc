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

void PartyTallies::Add(const Council& council, const CouncilOutcome& outcome, const PartyRegistry& registry,
                       int sign) {
  if (!filter_.Matches(council)) return;
  auto tally = [&](std::string_view group) -> PartyTally& {
    auto it = tallies_.find(group);
    if (it == tallies_.end()) it = tallies_.emplace(std::string(group), PartyTally{.group = std::string(group)}).first;
    return it->second;
  };
  StateOfParties& state = totals_;
  state.councils_total += sign;
  state.wards_total += sign * outcome.wards_total;
  state.wards_declared += sign * outcome.wards_declared;
  if (!outcome.control.settled) return;
  state.councils_settled += sign;

  for (const auto& [key, n] : outcome.won) tally(registry.TotalsGroup(key)).seats += sign * n;
  for (const auto& [group, delta] : outcome.Change(state.baseline)) tally(group).seats_change += sign * delta;

  // Control after, and the change against control before under the same baseline. A council
  // with no baseline (or an incomplete one) counts for control but not for change.
  const Control& before = outcome.Before(state.baseline);
  const bool comparable = outcome.has_baseline && before.settled;
  const bool changed = comparable && before.party != outcome.control.party;
  if (outcome.control.party) {
    PartyTally& t = tally(registry.TotalsGroup(*outcome.control.party));
    t.councils += sign;
    if (changed) t.councils_change += sign;
  } else {
    state.noc += sign;
    if (changed) state.noc_change += sign;
  }
  if (changed) {
    if (before.party) tally(registry.TotalsGroup(*before.party)).councils_change -= sign;
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
    tallies.Add(council, *night.Outcome(council.id), night.registry());
  return tallies.State();
}

}  // namespace psephos
