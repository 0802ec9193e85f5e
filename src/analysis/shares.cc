#include "analysis/shares.h"

#include <algorithm>
#include <unordered_map>

#include "core/string_map.h"

namespace psephos {

std::string_view ToString(ShareMethod method) {
  switch (method) {
    case ShareMethod::kTopCandidate:
      return "top-candidate";
    case ShareMethod::kRawTotal:
      return "raw-total";
    case ShareMethod::kAveragePerCandidate:
      return "average-per-candidate";
  }
  return "top-candidate";
}

std::optional<ShareMethod> ParseShareMethod(std::string_view text) {
  for (ShareMethod m :
       {ShareMethod::kTopCandidate, ShareMethod::kRawTotal, ShareMethod::kAveragePerCandidate})
    if (text == ToString(m)) return m;
  return std::nullopt;
}

std::string_view Describe(ShareMethod method) {
  switch (method) {
    case ShareMethod::kTopCandidate:
      return "top candidate of each party in each ward";
    case ShareMethod::kRawTotal:
      return "raw total of votes";
    case ShareMethod::kAveragePerCandidate:
      return "average votes per candidate of each party";
  }
  return "";
}

WardVotes VotesInWard(const Declaration& declaration, const PartyRegistry& registry,
                      ShareMethod method) {
  WardVotes out;
  if (declaration.status != PollStatus::kContested) return out;
  // By control key first, so that each independent is its own "party" (its top candidate is
  // itself), then summed into totals groups.
  struct Tally {
    double sum = 0, top = 0;
    int candidates = 0;
  };
  std::map<std::string, Tally> by_key;
  for (const Candidate& c : declaration.candidates) {
    Tally& t = by_key[PartyRegistry::ControlKey(c.party, c.name)];
    const double v = static_cast<double>(c.votes);
    t.sum += v;
    t.top = std::max(t.top, v);
    ++t.candidates;
  }
  for (const auto& [key, t] : by_key) {
    double v = t.sum;
    if (method == ShareMethod::kTopCandidate) v = t.top;
    if (method == ShareMethod::kAveragePerCandidate) v = t.sum / t.candidates;
    out.by_group[std::string(registry.TotalsGroup(key))] += v;
    out.total += v;
  }
  if (out.total <= 0) return WardVotes{};
  return out;
}

namespace {

bool InScope(const Night& night, const Declaration& d, const CouncilFilter& filter,
             std::string_view council) {
  if (!council.empty()) return d.council == council;
  const Council* c = night.FindCouncil(d.council);
  return c && filter.Matches(*c);
}

// Accumulated votes by group and their total.
struct Totals {
  std::map<std::string, double> votes;
  double total = 0;
  void Add(const WardVotes& w) {
    for (const auto& [group, v] : w.by_group) votes[group] += v;
    total += w.total;
  }
  double ShareOf(const std::string& group) const {
    auto it = votes.find(group);
    return it == votes.end() || total <= 0 ? 0.0 : 100.0 * it->second / total;
  }
};

}  // namespace

std::vector<ComparableWard> ComparableWards(const Night& now, const Night& before,
                                            const CouncilFilter& filter, std::string_view council) {
  // The earlier contest's contested wards, by GSS code and by council/ward slug.
  StringMap<const Declaration*> by_gss, by_slug;
  for (const auto& d : before.declarations()) {
    if (d->status != PollStatus::kContested) continue;
    if (!d->ward_gss.empty()) by_gss.emplace(d->ward_gss, d);
    by_slug.emplace(d->council + "/" + d->ward, d);
  }
  std::vector<ComparableWard> out;
  for (const auto& d : now.declarations()) {
    if (d->status != PollStatus::kContested || !InScope(now, *d, filter, council)) continue;
    const Declaration* match = nullptr;
    if (!d->ward_gss.empty())
      if (auto it = by_gss.find(d->ward_gss); it != by_gss.end()) match = it->second;
    // By name only where a code is missing: two different codes mean new boundaries.
    if (!match)
      if (auto it = by_slug.find(d->council + "/" + d->ward);
          it != by_slug.end() && (d->ward_gss.empty() || it->second->ward_gss.empty()))
        match = it->second;
    if (match) out.push_back({d, match});
  }
  return out;
}

const PartyShare* VoteShares::Find(std::string_view group) const {
  for (const PartyShare& p : parties)
    if (p.group == group) return &p;
  return nullptr;
}

VoteShares SharesOf(const Night& night, const ShareQuery& query, const Night* before) {
  VoteShares out;
  out.method = query.method;
  if (!query.council.empty()) {
    const Council* c = night.FindCouncil(query.council);
    out.scope = c ? c->name : query.council;
  } else {
    out.scope = query.filter.Describe();
  }
  Totals all;
  for (const auto& d : night.declarations()) {
    if (!InScope(night, *d, query.filter, query.council)) continue;
    WardVotes w = VotesInWard(*d, night.registry(), query.method);
    if (w.total <= 0) continue;
    all.Add(w);
    ++out.wards;
  }
  out.total_votes = all.total;
  Totals now_cmp, before_cmp;
  if (before) {
    for (const ComparableWard& pair :
         ComparableWards(night, *before, query.filter, query.council)) {
      WardVotes n = VotesInWard(*pair.now, night.registry(), query.method);
      WardVotes b = VotesInWard(*pair.before, before->registry(), query.method);
      if (n.total <= 0 || b.total <= 0) continue;
      now_cmp.Add(n);
      before_cmp.Add(b);
      ++out.wards_compared;
    }
  }
  std::map<std::string, PartyShare> parties;
  for (const auto& [group, v] : all.votes) {
    parties[group].votes = v;
    parties[group].share = all.ShareOf(group);
  }
  // A party that stood last time but not now still has a change (down to zero).
  for (const auto& [group, v] : before_cmp.votes) parties[group];
  for (auto& [group, p] : parties) {
    p.group = group;
    if (out.wards_compared == 0) continue;
    p.compared_now = now_cmp.ShareOf(group);
    p.compared_before = before_cmp.ShareOf(group);
    p.change = *p.compared_now - *p.compared_before;
  }
  for (auto& [group, p] : parties) out.parties.push_back(std::move(p));
  std::stable_sort(out.parties.begin(), out.parties.end(),
                   [](const PartyShare& a, const PartyShare& b) { return a.share > b.share; });
  return out;
}

std::vector<VoteShares> SharesByCouncil(const Night& night, const ShareQuery& query,
                                        const Night* before) {
  std::vector<VoteShares> out;
  for (const Council& council : night.councils()) {
    if (!query.filter.Matches(council)) continue;
    ShareQuery one = query;
    one.council = council.id;
    VoteShares s = SharesOf(night, one, before);
    if (s.wards > 0) out.push_back(std::move(s));
  }
  return out;
}

Result<Swing> ButlerSwing(const VoteShares& shares, std::string_view from, std::string_view to) {
  if (shares.wards_compared == 0)
    return MakeError("no ward is comparable with last time: give the previous contest's results",
                     "swing");
  if (from == to) return MakeError("a swing needs two different parties", "swing");
  auto change = [&](std::string_view group) {
    const PartyShare* p = shares.Find(group);
    return p && p->change ? *p->change : 0.0;
  };
  Swing s;
  s.from = std::string(from);
  s.to = std::string(to);
  s.points = (change(to) - change(from)) / 2.0;
  s.wards_compared = shares.wards_compared;
  s.method = shares.method;
  return s;
}

}  // namespace psephos
