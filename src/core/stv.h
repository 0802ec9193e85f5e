// stv.h
//
// The single transferable vote as UK councils count it, stage by stage, under two sets of
// statutory rules (docs/STV.md gives them with their sources):
//   StvRules::kScotland          Scottish Local Government Elections Order 2007, Schedule 1,
//                                rules 46-52: every paper of an elected candidate moves with
//                                its surplus (weighted inclusive Gregory), transfer values cut
//                                to 5 decimal places.
//   StvRules::kNorthernIreland   Electoral Law Act (Northern Ireland) 1962, Schedule 5 (as
//                                substituted by SI 1985/454), rules 45-53: a surplus moves from
//                                the last parcel received, values cut to 2 decimal places,
//                                small surpluses deferred, the lowest excluded together.
// The count is a value: a stage table in the shape of an official result sheet (per stage the
// action, the transfers, every candidate's total and the non-transferable papers). Pure: no
// I/O. Votes are fixed-point integers in units of 1/100000 of a vote, so that the statutory
// truncations are exact and a count is the same on every machine.
//
//   BallotProfile profile = ...;          // readers/blt.h reads one from a BLT file
//   Result<StvCount> count = CountStv(profile, StvRules::kScotland);
//   for (size_t c : count->elected) ... profile.candidates[c] ...
//   count->stages.back().totals[c]         // in StvCount::kUnit units
#ifndef PSEPHOS_CORE_STV_H_
#define PSEPHOS_CORE_STV_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

enum class StvRules { kScotland, kNorthernIreland };
std::string_view ToString(StvRules rules);  // "scotland", "ni"
std::optional<StvRules> ParseStvRules(std::string_view text);

// `weight` identical ballot papers ranking `preferences` (0-based candidate indices, first
// preference first). A ballot with no preference is not a valid vote: it is left out of the
// valid poll (a BLT file may hold one, as East Dunbartonshire 2017 ward 2 does).
struct StvBallot {
  int64_t weight = 0;
  std::vector<int> preferences;
};

// A ward's ballots: what a BLT file holds.
struct BallotProfile {
  std::string title;                    // "Ward 1 - Almond"
  int seats = 0;
  std::vector<std::string> candidates;  // as on the ballot paper: "Graham HUTCHISON (C)"
  std::vector<StvBallot> ballots;
};

enum class StvAction { kFirstPreferences, kSurplus, kExclusion };
std::string_view ToString(StvAction action);  // "first preferences", "surplus", "exclusion"

// One stage of the count: a column of the official result sheet.
struct StvStage {
  int number = 1;  // 1 is the first preferences
  StvAction action = StvAction::kFirstPreferences;
  // Whose surplus moved, or who was excluded (Northern Ireland may exclude several at once).
  std::vector<size_t> from;
  std::vector<int64_t> transfers;  // per candidate, this stage (negative for `from`)
  std::vector<int64_t> totals;     // per candidate at the end of the stage
  int64_t non_transferable = 0;    // this stage: papers with no further preference
  int64_t lost = 0;                // this stage: value lost by cutting transfer values
  int64_t non_transferable_total = 0;  // cumulative
  int64_t lost_total = 0;              // cumulative
  std::vector<size_t> elected;     // deemed elected at the end of the stage, most votes first
  std::vector<size_t> deferred;    // Northern Ireland: surpluses left untransferred this stage
  std::vector<std::string> notes;  // ties and how they were broken
};

struct StvOptions {
  // The order in which the returning officer drew lots, candidate indices, first drawn first.
  // Used only for a tie that every earlier stage leaves equal: the first drawn counts as
  // having more votes. Empty: such a tie stops the count, reported, never picked.
  std::vector<size_t> lot;
};

struct StvCount {
  static constexpr int64_t kUnit = 100000;  // one vote

  StvRules rules = StvRules::kScotland;
  int seats = 0;
  int64_t valid_poll = 0;      // ballot papers with a first preference
  int64_t empty_ballots = 0;   // papers in the profile with no preference at all
  int64_t quota = 0;           // whole votes: floor(valid / (seats + 1)) + 1
  std::vector<StvStage> stages;
  std::vector<size_t> elected;  // in order of election
  // A tie that only a lot can break and none was given: the count stopped at the last stage;
  // `tied` are the candidates level. The elected set is then incomplete.
  bool unresolved_tie = false;
  std::vector<size_t> tied;
  bool decided_by_lot = false;

  std::vector<int64_t> FirstPreferences() const { return stages.front().totals; }
  bool IsElected(size_t candidate) const;
};

// Counts a profile. Fails, naming the field, on seats < 1, seats above candidates, a
// preference for a candidate that does not exist, a repeated preference, a negative weight,
// more than 100,000,000 papers in all (more than the count's 64-bit units can hold), or no
// valid ballot. Nothing is counted on failure.
Result<StvCount> CountStv(const BallotProfile& profile, StvRules rules,
                          const StvOptions& options = {});

// Votes in kUnit units as text with `decimals` places, cut, not rounded: "2091.00000".
std::string FormatStvVotes(int64_t units, int decimals = 5);

}  // namespace psephos

#endif  // PSEPHOS_CORE_STV_H_
