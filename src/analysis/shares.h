// shares.h
//
// Vote shares and swing (DOMAIN.md, "Shares, swing and projections"). In a multi-member ward
// a voter may back a whole slate, so the raw sum of votes counts a full slate up to three
// times. Three ways to count a party's votes in a ward are offered, and every result says
// which it used:
//   - kTopCandidate (the default): the party's best candidate in the ward;
//   - kRawTotal: every vote cast for the party's candidates;
//   - kAveragePerCandidate: the party's votes divided by its number of candidates.
// Parties are totals groups (party.h): Labour and Co-operative is Labour; independents are
// counted candidate by candidate (each is separate) and then grouped as "Independent".
//
// Change in share is against the last time the same seats were fought: a second Night holding
// the earlier contest's declarations (read by the same readers, e.g. London 2014 for London
// 2018 or 2022). Wards are paired by ward GSS code, or by council and ward slug where either
// side has no code (two different codes mean the boundaries changed: not paired); only wards
// contested both times are compared (ComparableWards). Change is measured
// over the compared wards alone, so a ward that was not fought last time (or whose boundaries
// moved) does not masquerade as a gain.
//
//   ShareQuery query;                                    // all councils, top candidate
//   VoteShares shares = SharesOf(night, query, &previous_night);
//   Result<Swing> swing = ButlerSwing(shares, "PP52", "PP53");   // Con to Lab, in points
//
// Pure functions of a snapshot: no I/O.
#ifndef PSEPHOS_ANALYSIS_SHARES_H_
#define PSEPHOS_ANALYSIS_SHARES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/night.h"
#include "core/state_of_parties.h"

namespace psephos {

enum class ShareMethod { kTopCandidate, kRawTotal, kAveragePerCandidate };
// "top-candidate", "raw-total", "average-per-candidate".
std::string_view ToString(ShareMethod method);
std::optional<ShareMethod> ParseShareMethod(std::string_view text);
// "top candidate of each party in each ward", ...: how output names the method.
std::string_view Describe(ShareMethod method);

// A party's votes in one ward by a method, keyed by totals group; `total` is the sum over
// groups (the denominator of a share). Empty for a ward with no votes (uncontested, postponed).
struct WardVotes {
  std::map<std::string, double> by_group;
  double total = 0;
};
WardVotes VotesInWard(const Declaration& declaration, const PartyRegistry& registry,
                      ShareMethod method);

// A ward contested now and the same ward's contest last time.
struct ComparableWard {
  const Declaration* now = nullptr;
  const Declaration* before = nullptr;
};
// The contested wards of `now` (in councils matching `filter`, or only council `council` when
// it is not empty) paired with their contested counterparts in `before`, in declaration order.
std::vector<ComparableWard> ComparableWards(const Night& now, const Night& before,
                                            const CouncilFilter& filter,
                                            std::string_view council = {});

struct ShareQuery {
  CouncilFilter filter;
  std::string council;  // one council's slug; "" for every council matching the filter
  ShareMethod method = ShareMethod::kTopCandidate;
};

struct PartyShare {
  std::string group;  // totals group
  double votes = 0;   // by the method (an average per candidate is fractional)
  double share = 0;   // percent of all votes by the method, over every contested ward
  // Over the compared wards only: the share now and last time, and the change in points.
  std::optional<double> compared_now;
  std::optional<double> compared_before;
  std::optional<double> change;
};

struct VoteShares {
  ShareMethod method = ShareMethod::kTopCandidate;
  std::string scope;                // "Wandsworth", "London", "all councils"
  int wards = 0;                    // contested wards counted
  double total_votes = 0;           // by the method
  std::vector<PartyShare> parties;  // largest share first
  int wards_compared = 0;           // 0: no change is known (no previous night, or no ward matched)

  const PartyShare* Find(std::string_view group) const;
};

// Shares over the declared contested wards the query picks. With `before`, each party's
// change over the wards comparable with last time.
VoteShares SharesOf(const Night& night, const ShareQuery& query, const Night* before = nullptr);

// One VoteShares a council, for every council the query's filter matches that has a contested
// ward declared (query.council is ignored), in the night's council order.
std::vector<VoteShares> SharesByCouncil(const Night& night, const ShareQuery& query,
                                        const Night* before = nullptr);

// Butler swing from party `from` to party `to`: ((to now - to before) - (from now - from
// before)) / 2 over the compared wards, in points; positive when `to` gained on `from`.
// (DOMAIN.md writes the formula with A and B the other way round; we follow the usual
// convention of Butler and the BBC that a swing "from Con to Lab" is positive when Labour
// gains: docs/ANALYSIS.md.) A party absent from both counts as 0.
struct Swing {
  std::string from, to;
  double points = 0;
  int wards_compared = 0;
  ShareMethod method = ShareMethod::kTopCandidate;
};
Result<Swing> ButlerSwing(const VoteShares& shares, std::string_view from, std::string_view to);

}  // namespace psephos

#endif  // PSEPHOS_ANALYSIS_SHARES_H_
