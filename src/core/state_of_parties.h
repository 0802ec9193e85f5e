// state_of_parties.h
//
// The "state of the parties" box (DOMAIN.md, "The night as a whole"): after N of M councils,
// per party the councils it controls (and the change) and the seats it won (and the change),
// plus councils in no overall control. Parties are totals groups (party.h): Labour and
// Co-operative counts as Labour, independents as one "Independent" line, residents' groups
// as "Residents". A filter picks London, a region or a council type.
//
// A council counts among the N once its control is settled (all wards declared, or called
// early). Its seats count as they are declared. Seat change is against the chosen baseline;
// council change compares control after with control before under the same baseline.
//
//   StateOfParties state = TallyParties(night, CouncilFilter{}, Baseline::kLastFought);
#ifndef PSEPHOS_CORE_STATE_OF_PARTIES_H_
#define PSEPHOS_CORE_STATE_OF_PARTIES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/council_outcome.h"
#include "core/model.h"
#include "core/string_map.h"

namespace psephos {

class Night;

struct CouncilFilter {
  bool london_only = false;
  std::optional<std::string> region;     // matched ignoring case
  std::optional<CouncilType> type;

  bool Matches(const Council& council) const;
  // No condition: every council (and the night's other results, such as mayors).
  bool IsEverything() const { return !london_only && !region && !type; }
  // "all councils", "London", "region North West", "metropolitan-borough councils"
  std::string Describe() const;
};

struct PartyTally {
  std::string group;  // totals group id: "PP53", "IND", "RES", ...
  int councils = 0;
  int councils_change = 0;
  int seats = 0;
  int seats_change = 0;
};

struct StateOfParties {
  Baseline baseline = Baseline::kLastFought;
  std::string filter;         // CouncilFilter::Describe()
  int councils_settled = 0;   // N
  int councils_total = 0;     // M
  int wards_declared = 0;
  int wards_total = 0;
  std::vector<PartyTally> parties;  // most councils, then most seats, then id
  int noc = 0;
  int noc_change = 0;
};

StateOfParties TallyParties(const Night& night, const CouncilFilter& filter, Baseline baseline);

// What one council's outcome adds to a state of the parties, by totals group, under both
// baselines: worked out once when the council changes and then added to every tally that keeps
// it (the engine keeps 30), rather than each tally looking up every party's group again.
struct CouncilContribution {
  struct Against {  // one baseline
    std::vector<std::pair<std::string, int>> seats_change;  // by totals group
    bool control_changed = false;  // against a settled baseline, another party (or NOC) controls
    std::optional<std::string> before;  // group in control before, when control changed; nullopt: NOC
  };
  int wards_total = 0;
  int wards_declared = 0;
  bool settled = false;
  std::vector<std::pair<std::string, int>> seats;  // won, by totals group
  std::optional<std::string> control;              // group in control after; nullopt: NOC
  Against last_fought, eve_of_poll;

  const Against& Of(Baseline baseline) const {
    return baseline == Baseline::kLastFought ? last_fought : eve_of_poll;
  }
};
CouncilContribution ContributionOf(const CouncilOutcome& outcome, const PartyRegistry& registry);

// The same tally kept up to date council by council, as the live engine does: when a council's
// outcome changes, take its old outcome away and add the new one; the cost is that council's
// parties, not the night's councils. Councils outside the filter are ignored.
//
//   PartyTallies tallies(CouncilFilter{}, Baseline::kEveOfPoll);
//   tallies.Add(council, ContributionOf(old_outcome, registry), -1);
//   tallies.Add(council, ContributionOf(new_outcome, registry), +1);
//   StateOfParties state = tallies.State();
class PartyTallies {
 public:
  PartyTallies(CouncilFilter filter, Baseline baseline);
  void Add(const Council& council, const CouncilContribution& contribution, int sign = +1);
  // Parties sorted: most councils, then most seats, then id; parties with nothing left dropped.
  StateOfParties State() const;
  const CouncilFilter& filter() const { return filter_; }

 private:
  CouncilFilter filter_;
  StateOfParties totals_;  // parties unused: they live in tallies_
  StringMap<PartyTally> tallies_;  // by totals group; State() sorts
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_STATE_OF_PARTIES_H_
