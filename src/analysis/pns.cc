#include "analysis/pns.h"

#include <algorithm>

namespace psephos {

std::map<std::string, double> Pns2014Baseline() {
  return {{"PP52", 29.0}, {"PP53", 31.0}, {"PP90", 13.0}};
}

double ProjectedNationalShare::Of(std::string_view group) const {
  for (const PnsParty& p : parties)
    if (p.group == group) return p.share;
  return 0;
}

std::map<std::string, double> ProjectedNationalShare::Shares() const {
  std::map<std::string, double> out;
  for (const PnsParty& p : parties) out[p.group] = p.share;
  return out;
}

Result<ProjectedNationalShare> ProjectNationalShare(const Night& now, const Night& before,
                                                    const PnsOptions& options) {
  if (options.baseline.empty())
    return MakeError("the national baseline names no party", "baseline");
  for (const auto& [group, share] : options.baseline)
    if (share < 0 || share > 100)
      return MakeError("a share must be between 0 and 100 percent", "baseline " + group);
  ProjectedNationalShare out;
  out.method = options.method;
  out.baseline_name = options.baseline_name;
  std::map<std::string, double> change_sum;
  std::map<std::string, int> wards;
  for (const ComparableWard& pair : ComparableWards(now, before, options.filter)) {
    WardVotes n = VotesInWard(*pair.now, now.registry(), options.method);
    WardVotes b = VotesInWard(*pair.before, before.registry(), options.method);
    if (n.total <= 0 || b.total <= 0) continue;
    ++out.wards;
    for (const auto& [group, base] : options.baseline) {
      auto in_now = n.by_group.find(group);
      auto in_before = b.by_group.find(group);
      // Only where the party stood both times: see the header.
      if (in_now == n.by_group.end() || in_before == b.by_group.end()) continue;
      change_sum[group] += 100.0 * in_now->second / n.total - 100.0 * in_before->second / b.total;
      ++wards[group];
    }
  }
  if (out.wards == 0)
    return MakeError("no ward declared tonight was contested last time: nothing to project from",
                     "previous");
  double named = 0;
  for (const auto& [group, base] : options.baseline) {
    PnsParty p;
    p.group = group;
    p.baseline = base;
    p.wards = wards[group];
    p.change = p.wards > 0 ? change_sum[group] / p.wards : 0.0;
    p.share = std::max(0.0, base + p.change);
    named += p.share;
    out.parties.push_back(p);
  }
  if (named > 100) {
    out.scaled = true;
    for (PnsParty& p : out.parties) p.share *= 100.0 / named;
    named = 100;
  }
  out.others = 100 - named;
  std::stable_sort(out.parties.begin(), out.parties.end(),
                   [](const PnsParty& a, const PnsParty& b) { return a.share > b.share; });
  return out;
}

}  // namespace psephos
