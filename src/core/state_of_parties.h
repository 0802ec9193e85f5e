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
#include <string_view>
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

  bool Matches(const Council& council) const { return Matches(council.type, council.region); }
  bool Matches(CouncilType type, std::string_view region) const;
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

// What a change in one council's outcome moves in a tally kept under `baseline`: `after` minus
// `before`, netted by group, groups that net to nothing left out. Worked out once a change and
// applied to each tally that keeps the council: a declaration moves one ward's winners, not the
// council's every party, and the engine keeps 30 tallies. The groups are views into `before`
// and `after`, which must outlive the move.
struct TallyMove {
  struct Group {
    std::string_view group;
    int councils = 0, councils_change = 0, seats = 0, seats_change = 0;
  };
  Baseline baseline = Baseline::kLastFought;
  int councils_total = 0, councils_settled = 0, wards_total = 0, wards_declared = 0, noc = 0, noc_change = 0;
  std::vector<Group> groups;
};
TallyMove MoveBetween(const CouncilContribution& before, const CouncilContribution& after, Baseline baseline);

// The same tally kept up to date council by council, as the live engine does: when a council's
// outcome changes, apply the move from its old outcome to its new one; the cost is the groups
// that moved, not the night's councils. Councils outside the filter are ignored.
//
//   PartyTallies tallies(CouncilFilter{}, Baseline::kEveOfPoll);
//   tallies.Add(council, ContributionOf(outcome, registry));   // at the start
//   tallies.Apply(council, MoveBetween(ContributionOf(old_outcome, registry),
//                                      ContributionOf(new_outcome, registry), Baseline::kEveOfPoll));
//   StateOfParties state = tallies.State();
class PartyTallies {
 public:
  PartyTallies(CouncilFilter filter, Baseline baseline);
  void Add(const Council& council, const CouncilContribution& contribution, int sign = +1);
  // A move worked out under this tally's baseline, for a council whose type and region did not
  // change with it (one that did is taken away from the tallies it left and added to the others).
  void Apply(const Council& council, const TallyMove& move);
  // Parties sorted: most councils, then most seats, then id; parties with nothing left dropped.
  StateOfParties State() const;
  const CouncilFilter& filter() const { return filter_; }
  Baseline baseline() const { return totals_.baseline; }

 private:
  PartyTally& TallyOf(std::string_view group);

  CouncilFilter filter_;
  StateOfParties totals_;  // parties unused: they live in tallies_
  StringMap<PartyTally> tallies_;  // by totals group; State() sorts
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_STATE_OF_PARTIES_H_
