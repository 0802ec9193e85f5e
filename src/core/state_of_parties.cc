#include "core/state_of_parties.h"

#include <algorithm>
#include <cctype>
#include <map>

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

StateOfParties TallyParties(const Night& night, const CouncilFilter& filter, Baseline baseline) {
  StateOfParties state;
  state.baseline = baseline;
  state.filter = filter.Describe();
  const PartyRegistry& registry = night.registry();
  std::map<std::string, PartyTally> tallies;
  auto tally = [&](const std::string& group) -> PartyTally& {
    PartyTally& t = tallies[group];
    t.group = group;
    return t;
  };

  for (const Council& council : night.councils()) {
    if (!filter.Matches(council)) continue;
    const CouncilOutcome& outcome = *night.Outcome(council.id);
    ++state.councils_total;
    state.wards_total += outcome.wards_total;
    state.wards_declared += outcome.wards_declared;
    if (!outcome.control.settled) continue;
    ++state.councils_settled;

    for (const auto& [key, n] : outcome.won) tally(registry.TotalsGroup(key)).seats += n;
    for (const auto& [group, delta] : outcome.Change(baseline)) tally(group).seats_change += delta;

    // Control after, and the change against control before under the same baseline. A council
    // with no baseline (or an incomplete one) counts for control but not for change.
    const Control& before = outcome.Before(baseline);
    const bool comparable = outcome.has_baseline && before.settled;
    if (outcome.control.party) {
      PartyTally& t = tally(registry.TotalsGroup(*outcome.control.party));
      ++t.councils;
      if (comparable && before.party != outcome.control.party) ++t.councils_change;
    } else {
      ++state.noc;
      if (comparable && before.party) ++state.noc_change;
    }
    if (comparable && before.party != outcome.control.party) {
      if (before.party) --tally(registry.TotalsGroup(*before.party)).councils_change;
      else --state.noc_change;
    }
  }
  for (auto& [group, t] : tallies) state.parties.push_back(t);
  std::sort(state.parties.begin(), state.parties.end(), [](const PartyTally& a, const PartyTally& b) {
    if (a.councils != b.councils) return a.councils > b.councils;
    if (a.seats != b.seats) return a.seats > b.seats;
    return a.group < b.group;
  });
  return state;
}

}  // namespace psephos
