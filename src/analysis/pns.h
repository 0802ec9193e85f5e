// pns.h
//
// Projected National Share (DOMAIN.md; the method in full is docs/PNS.md): what Great Britain
// would have voted had everyone voted, from the change in share in wards comparable with the
// last time they were fought, added to the national share of that earlier year (the baseline).
//
// In short: in each ward contested now and last time, each party's share now and then by the
// chosen method (default: top candidate); a party's change is the mean of its ward changes,
// every ward weighing the same, over the wards where it stood both times (a party that enters
// or leaves a ward would otherwise show a change that is only its candidacy); its projected
// share is its baseline share plus that change, floored at zero; the rest is "others". If the
// named parties would pass 100 they are scaled down to 100 together. Every share is reported
// with the number of wards it rests on.
//
//   PnsOptions options;                                   // baseline: BBC PNS 2014
//   Result<ProjectedNationalShare> pns = ProjectNationalShare(night, previous_night, options);
//   pns->Of("PP53");                                      // Labour, percent
#ifndef PSEPHOS_ANALYSIS_PNS_H_
#define PSEPHOS_ANALYSIS_PNS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/shares.h"
#include "core/error.h"
#include "core/night.h"

namespace psephos {

// The BBC's projected national share of 2014, the year the seats of 2018 were last fought:
// Con 29, Lab 31, LD 13 (implied by Ipsos MORI's 2018 changes "up 6, up 4, up 3" against the
// 2018 PNS of 35/35/16; ../shared/data/national-2018-context, figures.csv, source IPSOS).
std::map<std::string, double> Pns2014Baseline();
inline constexpr std::string_view kPns2014BaselineName = "BBC projected national share 2014";

struct PnsOptions {
  // National share (percent) by totals group when the seats were last fought.
  std::map<std::string, double> baseline = Pns2014Baseline();
  std::string baseline_name = std::string(kPns2014BaselineName);
  ShareMethod method = ShareMethod::kTopCandidate;
  CouncilFilter filter;  // which councils' wards may count (default: all)
};

struct PnsParty {
  std::string group;
  double share = 0;     // projected national share, percent
  double baseline = 0;  // national share last time, percent
  double change = 0;    // mean change over `wards`, points
  int wards = 0;        // comparable wards where the party stood both times
};

struct ProjectedNationalShare {
  std::vector<PnsParty> parties;  // largest projected share first
  double others = 0;              // 100 minus the named parties
  int wards = 0;                  // comparable wards used
  bool scaled = false;            // the named parties passed 100 and were scaled down
  ShareMethod method = ShareMethod::kTopCandidate;
  std::string baseline_name;

  // Projected share of a group, 0 when it is not one of the named parties.
  double Of(std::string_view group) const;
  // Group -> projected share, for the Commons projection.
  std::map<std::string, double> Shares() const;
};

// Fails when no ward of `now` is comparable with `before`, or the baseline is empty or holds a
// share outside 0..100.
Result<ProjectedNationalShare> ProjectNationalShare(const Night& now, const Night& before,
                                                    const PnsOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_ANALYSIS_PNS_H_
