// marginality.h
//
// How close a council came to another outcome (DOMAIN.md, "Marginality"), exactly:
//   - for each party not in control, the fewest extra votes that would have given it a
//     majority, and the wards they were needed in;
//   - the same counted as votes switched from another party (one switch adds a vote to each of
//     ours and takes one from each of theirs, so it counts double where that party is the
//     rival to pass);
//   - for the party in control, the fewest votes whose loss (or switch to another party) would
//     have cost it its majority.
// Block voting: one extra supporter in a ward electing three adds a vote to each of the
// party's candidates. So in a ward the cost of k more seats is what the party's k-th best
// candidate needs to pass the rival in the way; each ward gives a curve of (seats, votes), and
// the curves are combined by a knapsack over wards that minimises votes for at least the seats
// needed (a greedy pick of the cheapest wards can be wrong: see marginality_test.cc). A seat is
// only counted as won when it is won outright (a tie would go to lot) and only counted as lost
// when it is lost outright.
//
// A switch in a ward comes from one party (the cheapest for that ward); a switcher's votes
// leave each of that party's candidates. Votes are never taken below zero. A party that stood
// too few candidates to reach a majority even if all of them won is said to be so.
//
// Seats not up and uncontested wards cannot be moved and keep their holders; postponed and
// undeclared wards hold seats nobody is known to have won, so on a council that is not yet
// complete (`complete` false) only the declared seats count towards a majority.
//
//   Result<CouncilMarginality> m = MarginalityOf(night, "wandsworth");
//   const PartyMarginality* lab = m->Find("PP53");
//   lab->extra.votes;            // 0 when not possible; see lab->extra.possible / why_not
//   std::vector<CloseCouncil> top = ClosestCouncils(night, 10);
#ifndef PSEPHOS_ANALYSIS_MARGINALITY_H_
#define PSEPHOS_ANALYSIS_MARGINALITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/night.h"

namespace psephos {

enum class MarginKind {
  kExtraVotes,     // more (or, for a party losing control, fewer) supporters
  kSwitchedVotes,  // supporters who move between two parties
};
std::string_view ToString(MarginKind kind);  // "extra-votes", "switched-votes"

enum class MarginGoal { kWinControl, kLoseControl };
std::string_view ToString(MarginGoal goal);  // "win-control", "lose-control"

// One ward of a cheapest set.
struct WardTarget {
  std::string ward;  // ward id
  std::string ward_name;
  int seats = 0;      // seats changing hands there
  int64_t votes = 0;  // voters needed there
  std::string other;  // switched: the control key the voters come from (or go to)
};

struct ControlMargin {
  MarginGoal goal = MarginGoal::kWinControl;
  MarginKind kind = MarginKind::kExtraVotes;
  bool possible = false;
  std::string why_not;            // when not possible, in words
  int seats_to_change = 0;        // seats to gain (win) or lose (lose control)
  int64_t votes = 0;              // the fewest voters; 0 when not possible
  std::vector<WardTarget> wards;  // in ward order of the council
};

struct PartyMarginality {
  std::string party;   // control key
  int seats = 0;       // held now (after the election)
  int candidates = 0;  // stood in the wards that can move
  bool in_control = false;
  ControlMargin extra;  // goal: lose control when in control, else win it
  ControlMargin switched;
};

struct CouncilMarginality {
  std::string council;  // slug
  std::string name;
  int total_seats = 0;
  int majority_line = 0;  // seats for control: more than half
  std::optional<std::string> control;
  bool complete = false;
  int wards_counted = 0;                  // contested wards whose result could move
  std::vector<PartyMarginality> parties;  // most seats first

  const PartyMarginality* Find(std::string_view party) const;
};

// Every party that stood in the council, or only `party` (a control key) when given. Fails
// when the council is unknown, has nothing declared, or `party` did not stand there.
Result<CouncilMarginality> MarginalityOf(const Night& night, std::string_view council,
                                         std::optional<std::string> party = std::nullopt);

// A council and the cheapest change of its control, in extra votes: the party in control
// losing its majority, or (in no overall control) the party cheapest to win one.
struct CloseCouncil {
  std::string council, name;
  std::optional<std::string> control;
  std::string party;  // the party that would lose or win control
  ControlMargin margin;
};
// The `limit` closest councils among those complete, fewest votes first.
std::vector<CloseCouncil> ClosestCouncils(const Night& night, size_t limit);

}  // namespace psephos

#endif  // PSEPHOS_ANALYSIS_MARGINALITY_H_
