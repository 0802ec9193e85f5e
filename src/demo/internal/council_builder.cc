#include "demo/internal/council_builder.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <set>

#include "demo/internal/names.h"
#include "demo/internal/profile.h"

namespace psephos::demo_internal {

namespace {

// Hands out person names unique within a council: an independent's control key is
// "IND:<name>" (party.h), so two independents with one name would merge into one "party".
class People {
 public:
  explicit People(Rng& rng) : rng_(rng) {}
  PersonName Fresh() {
    for (;;) {
      PersonName person = MakePersonName(rng_);
      if (used_.insert(person.Full()).second) return person;
    }
  }
  std::string FreshIndependentKey() { return "IND:" + Fresh().Full(); }

 private:
  Rng& rng_;
  std::set<std::string> used_;
};

// A ward's lean: each party's vote weight (tenths of a percent) last time and now, before
// deciding who stands. The same ward shift enters both, so a safe ward stays safe.
struct WardLean {
  Weights last{};
  Weights now{};
};

WardLean MakeLean(Rng& rng, const CouncilProfile& profile) {
  WardLean lean;
  for (int p = 0; p < kPartyCount; ++p) {
    if (p == kCon || p == kLab) {
      // Big parties: an additive shift (sd about 11-12 points) between wards.
      const int shift = static_cast<int>(rng.Bell(p == kCon ? 110 : 120));
      lean.last[p] = std::max(5, profile.last[p] + shift + static_cast<int>(rng.Bell(20)));
      lean.now[p] = std::max(5, profile.now[p] + shift + static_cast<int>(rng.Bell(25)));
    } else if (p == kLd || p == kGrn || p == kUkip || p == kRes) {
      // Smaller parties are patchy: strong in a few wards, nowhere in others.
      const int sd = p == kLd ? 450 : p == kRes ? 400 : p == kGrn ? 550 : 300;
      const int factor = std::max(200, 1000 + static_cast<int>(rng.Bell(sd)));
      lean.last[p] = profile.last[p] * factor / 1000;
      lean.now[p] = profile.now[p] * std::max(150, factor + static_cast<int>(rng.Bell(80))) / 1000;
    } else {
      lean.last[p] = profile.last[p];
      lean.now[p] = profile.now[p];
    }
  }
  return lean;
}

// One party's slate in a ward, or one independent.
struct Entry {
  PartyIndex party;
  int weight = 0;  // vote weight on the night
  int count = 1;   // candidates standing
  std::vector<PersonName> people;
};

int SlateSize(Rng& rng, int seats, int full_per_cent) {
  if (seats == 1 || rng.Chance(full_per_cent, 100)) return seats;
  return rng.Between(1, seats - 1);
}

// Who stands in a contested ward, and how strongly.
std::vector<Entry> ChooseSlates(Rng& rng, const CouncilProfile& profile, const WardLean& lean,
                                int seats, bool london) {
  std::vector<Entry> entries;
  auto add = [&](PartyIndex party, int per_mille, int full_per_cent, int weight) {
    if (!rng.Chance(per_mille, 1000)) return;
    entries.push_back({party, std::max(10, weight), SlateSize(rng, seats, full_per_cent), {}});
  };
  add(kCon, 970, 90, lean.now[kCon]);
  add(kLab, lean.now[kLab] >= 150 ? 960 : 800, 90, lean.now[kLab]);
  add(kLd, std::min(980, 350 + lean.now[kLd] * 2), 50, lean.now[kLd]);
  add(kGrn, london ? 850 : 450, london ? 50 : 0, lean.now[kGrn]);
  if (profile.last[kUkip] > 0) add(kUkip, 180, 0, lean.now[kUkip]);
  if (profile.has_residents) add(kRes, 750, 70, lean.now[kRes]);
  add(kMinor, london ? 120 : 50, 0, rng.Between(10, 40));
  const bool independent_minded = profile.independent_per_mille >= 300;
  for (int i = 0; i < 2; ++i) {
    if (!rng.Chance(i == 0 ? profile.independent_per_mille : 100, 1000)) break;
    int weight = independent_minded ? rng.Between(150, 450) : rng.Between(60, 330);
    entries.push_back({kInd, weight, 1, {}});
  }
  for (Entry& entry : entries)
    if (entry.party != kInd && entry.count > seats) entry.count = seats;
  return entries;
}

std::string ControlKeyOf(const Entry& entry, const CouncilProfile& profile) {
  if (entry.party == kInd) return "IND:" + entry.people[0].Full();
  return std::string(PartyId(entry.party, profile));
}

// Who won the seats up when they were last fought: the ward re-run at the old weights, with
// full slates, the independents standing now as the incumbents, and now and then an
// independent who has since stood down.
std::vector<std::string> LastWon(Rng& rng, const CouncilProfile& profile, const WardLean& lean,
                                 const std::vector<Entry>& entries, int seats, People& people) {
  std::vector<std::pair<int, std::string>> positions;
  for (PartyIndex p : {kCon, kLab, kLd, kGrn, kUkip, kRes}) {
    if (lean.last[p] <= 0 || (p == kRes && !profile.has_residents)) continue;
    for (int k = 0; k < seats; ++k)
      positions.push_back({lean.last[p] * (1000 - k * rng.Between(0, 60)) / 1000,
                           std::string(PartyId(p, profile))});
  }
  bool any_independent = false;
  for (const Entry& entry : entries) {
    if (entry.party != kInd) continue;
    any_independent = true;
    positions.push_back({entry.weight + static_cast<int>(rng.Bell(30)), ControlKeyOf(entry, profile)});
  }
  if (!any_independent && rng.Chance(profile.independent_per_mille, 2000))
    positions.push_back({rng.Between(40, 300), people.FreshIndependentKey()});
  std::stable_sort(positions.begin(), positions.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> won;
  for (int k = 0; k < seats; ++k) won.push_back(positions[k].second);
  return won;
}

// Who holds a seat on the eve of poll, given who won it: mostly the same; now and then a
// vacancy (nullopt), a councillor who left their party, or a by-election gain. UKIP's 2014
// councillors drifted away in numbers (to the Conservatives, or to sit as independents).
std::optional<std::string> EveOfPoll(Rng& rng, const std::string& won, People& people) {
  if (won == "PP85") {
    switch (rng.Pick({55, 25, 20})) {
      case 1: return "PP52";
      case 2: return people.FreshIndependentKey();
      default: break;
    }
  }
  const uint64_t r = rng.Below(1000);
  if (r < 8) return std::nullopt;
  if (r < 20 && !won.starts_with("IND:")) return people.FreshIndependentKey();
  if (r < 35) {
    static const std::vector<std::string> gainers = {"PP90", "PP52", "PP53"};
    const std::string& gainer = rng.Of(gainers);
    if (gainer != won) return gainer;
  }
  return won;
}

// Wards' member counts adding up to `size`, each in [smallest, 3].
std::vector<int> WardMembers(Rng& rng, int size, const std::vector<int>& weights_1_2_3) {
  std::vector<int> members;
  int remaining = size;
  while (remaining > 4) {
    int m = static_cast<int>(rng.Pick(weights_1_2_3)) + 1;
    members.push_back(m);
    remaining -= m;
  }
  if (remaining == 4) {
    members.push_back(2);
    remaining = 2;
  }
  if (remaining == 1 && weights_1_2_3[0] == 0) {
    members.back() += 1;  // no one-member wards here: fold the odd seat in
    if (members.back() > 3) {
      members.back() = 2;
      members.push_back(2);
    }
  } else if (remaining > 0) {
    members.push_back(remaining);
  }
  return members;
}

// Electors per councillor by type: London and the cities have big wards, districts small ones.
std::pair<int, int> ElectorsPerCouncillor(CouncilType type) {
  switch (type) {
    case CouncilType::kLondonBorough: return {3000, 4200};
    case CouncilType::kMetropolitanBorough: return {3200, 4500};
    case CouncilType::kNonMetropolitanDistrict: return {1700, 2700};
    case CouncilType::kUnitary: return {2400, 3500};
  }
  return {2000, 3000};
}

std::pair<int, int> TurnoutPerMille(CouncilType type) {
  switch (type) {
    case CouncilType::kLondonBorough: return {300, 450};
    case CouncilType::kMetropolitanBorough: return {250, 380};
    case CouncilType::kNonMetropolitanDistrict: return {280, 430};
    case CouncilType::kUnitary: return {260, 400};
  }
  return {250, 450};
}

// Elected flags from the votes: the top `seats`; a tie for the last place is decided by lot,
// as the returning officer would.
void FlagElected(Rng& rng, Declaration& declaration) {
  CompactVector<Candidate>& candidates = declaration.candidates;
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return candidates[a].votes > candidates[b].votes;
  });
  const size_t seats = static_cast<size_t>(declaration.seats);
  const int64_t cut = candidates[order[seats - 1]].votes;
  std::vector<size_t> tied;
  size_t above = 0;
  for (size_t i : order) {
    candidates[i].elected = false;
    if (candidates[i].votes > cut) {
      candidates[i].elected = true;
      ++above;
    } else if (candidates[i].votes == cut) {
      tied.push_back(i);
    }
  }
  rng.Shuffle(tied);  // the lot
  for (size_t k = 0; k < seats - above; ++k) candidates[tied[k]].elected = true;
}

// The forced tie: in the contested ward where the last seat was won most narrowly, the last
// winner's vote is brought down to the best loser's (down, so no ward gets more votes than
// its ballot papers allow).
void ForceTie(std::vector<Declaration>& declarations) {
  Declaration* best = nullptr;
  size_t best_winner = 0;
  int64_t best_gap = INT64_MAX;
  for (Declaration& d : declarations) {
    if (d.status != PollStatus::kContested || d.candidates.size() <= static_cast<size_t>(d.seats))
      continue;
    std::vector<size_t> order(d.candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return d.candidates[a].votes > d.candidates[b].votes;
    });
    const int64_t gap = d.candidates[order[d.seats - 1]].votes - d.candidates[order[d.seats]].votes;
    if (gap < best_gap) {
      best = &d;
      best_gap = gap;
      best_winner = order[d.seats - 1];
    }
  }
  if (best) best->candidates[best_winner].votes -= best_gap;
}

}  // namespace

BuiltCouncil BuildCouncil(Rng& rng, const CouncilPlan& plan) {
  BuiltCouncil built;
  Council& council = built.council;
  council.id = Slugify(plan.name);
  council.name = plan.name;
  council.type = plan.type;
  council.region = plan.region;
  council.cycle = plan.cycle;
  const bool london = plan.type == CouncilType::kLondonBorough;
  const CouncilProfile profile = MakeProfile(rng, plan.type);
  People people(rng);

  // Ward structure. Councils elected by thirds mostly have three-member wards electing one
  // each year; by halves, two-member wards; all-out councils mix one-, two- and three-member
  // wards (London only two and three).
  std::vector<int> members;
  switch (plan.cycle) {
    case ElectoralCycle::kAllOut:
      members = WardMembers(rng, plan.size, london ? std::vector<int>{0, 25, 75}
                                                   : std::vector<int>{25, 35, 40});
      break;
    case ElectoralCycle::kThirds:
      members = plan.type == CouncilType::kNonMetropolitanDistrict
                    ? WardMembers(rng, plan.size, {0, 30, 70})
                    : std::vector<int>(static_cast<size_t>(plan.size / 3), 3);
      break;
    case ElectoralCycle::kHalves:
      members = std::vector<int>(static_cast<size_t>(plan.size / 2), 2);
      break;
  }

  const auto [electors_lo, electors_hi] = ElectorsPerCouncillor(plan.type);
  const auto [turnout_lo, turnout_hi] = TurnoutPerMille(plan.type);
  std::set<std::string> ward_ids;
  council.wards.reserve(members.size());
  built.declarations.reserve(members.size());
  const size_t forced_uncontested = plan.force_uncontested ? rng.Below(members.size()) : SIZE_MAX;
  size_t forced_postponed = plan.force_postponed ? rng.Below(members.size()) : SIZE_MAX;
  if (plan.force_postponed && forced_postponed == forced_uncontested)
    forced_postponed = (forced_postponed + 1) % members.size();

  for (size_t w = 0; w < members.size(); ++w) {
    Ward ward;
    do ward.name = WardName(rng, plan.name);
    while (!ward_ids.insert(Slugify(ward.name)).second);
    ward.id = Slugify(ward.name);
    // Seats up: all of them all-out; otherwise one, and now and then a second (a casual
    // vacancy filled at the same poll: a "double vacancy").
    int seats = members[w];
    if (plan.cycle != ElectoralCycle::kAllOut)
      seats = (members[w] >= 2 && rng.Chance(3, 100)) ? 2 : 1;

    const WardLean lean = MakeLean(rng, profile);
    std::vector<Entry> entries = ChooseSlates(rng, profile, lean, seats, london);
    PollStatus status = PollStatus::kContested;
    if (w == forced_uncontested || (!london && seats == 1 && rng.Chance(3, 1000))) {
      // Uncontested: only the ward's strongest party put up candidates.
      PartyIndex top = kCon;
      for (PartyIndex p : {kLab, kLd})
        if (lean.now[p] > lean.now[top]) top = p;
      entries = {{top, lean.now[top], seats, {}}};
      status = PollStatus::kUncontested;
    } else {
      // A contest needs more candidates than seats: paper candidates fill the gap.
      auto count = [&] {
        int n = 0;
        for (const Entry& e : entries) n += e.count;
        return n;
      };
      for (PartyIndex p : {kGrn, kLd, kLab, kCon}) {
        if (count() > seats) break;
        bool present = false;
        for (Entry& e : entries)
          if (e.party == p) present = true;
        if (!present) entries.push_back({p, std::max(10, lean.now[p]), 1, {}});
      }
      if (count() <= seats) entries.push_back({kInd, rng.Between(40, 200), 1, {}});
      if (w == forced_postponed || rng.Chance(1, 4000)) status = PollStatus::kPostponed;
    }
    for (Entry& entry : entries)
      for (int k = 0; k < entry.count; ++k) entry.people.push_back(people.Fresh());

    // The baseline: last won and defending for the seats up, and the seats not up.
    const std::vector<std::string> last_won = LastWon(rng, profile, lean, entries, seats, people);
    for (const std::string& won : last_won) ward.seats_up.push_back({EveOfPoll(rng, won, people), won});
    for (int k = seats; k < members[w]; ++k) {
      // Elected in other years: the ward's lean with that year's swing.
      PartyIndex winner = kCon;
      int best = -1;
      for (PartyIndex p : {kCon, kLab, kLd, kGrn, kUkip, kRes}) {
        if (p == kRes && !profile.has_residents) continue;
        const int weight = lean.last[p] + static_cast<int>(rng.Bell(50));
        if (weight > best) {
          best = weight;
          winner = p;
        }
      }
      std::string won = std::string(PartyId(winner, profile));
      if (rng.Chance(profile.independent_per_mille, 1500)) won = people.FreshIndependentKey();
      if (std::optional<std::string> holder = EveOfPoll(rng, won, people))
        ++council.not_up[*holder];
      else
        ++council.vacant_not_up;
    }

    // The declaration.
    Declaration d;
    d.ballot_id = BallotId(council.id, ward.id, plan.date);
    d.council = council.id;
    d.council_name = council.name;
    d.ward = ward.id;
    d.ward_name = ward.name;
    d.seats = seats;
    d.status = status;
    const int64_t electorate =
        static_cast<int64_t>(members[w]) * rng.Between(electors_lo, electors_hi);
    d.electorate = electorate;
    int64_t valid = 0;
    if (status == PollStatus::kContested) {
      const int64_t papers = electorate * rng.Between(turnout_lo, turnout_hi) / 1000;
      d.ballot_papers = papers;
      d.rejected = papers * rng.Between(1, 6) / 1000;  // about 0.3%
      valid = papers - *d.rejected;
    }
    // Weights in thousandths, with a personal vote below the granularity of the lean, so two
    // parties on the same weight do not come out level on votes (ties stay rare, as in life).
    std::vector<int64_t> fine;
    int64_t total_weight = 0;
    for (const Entry& e : entries) {
      fine.push_back(int64_t{e.weight} * 1000 + static_cast<int64_t>(rng.Below(1000)));
      total_weight += fine.back();
    }
    for (size_t e = 0; e < entries.size(); ++e) {
      const Entry& entry = entries[e];
      // Running mates poll close to the slate's leader but not level: some voters split. Each
      // mate drops a little further, so mates are never level by construction (a tie between
      // running mates for the last seat would otherwise come up far more often than in life).
      const int64_t top = valid * fine[e] / total_weight;
      int drop = 0;
      for (int k = 0; k < entry.count; ++k) {
        Candidate candidate;
        candidate.name = entry.people[k].Full();
        candidate.party = std::string(PartyId(entry.party, profile));
        if (status == PollStatus::kContested)
          {
          if (k > 0) drop += rng.Between(5, 45);
          candidate.votes = Candidate::Votes(top * (1000 - drop) / 1000);
        }
        if (status == PollStatus::kUncontested) candidate.elected = true;
        d.candidates.push_back(std::move(candidate));
      }
    }
    // Ballot papers list candidates by surname.
    std::stable_sort(d.candidates.begin(), d.candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                       std::string_view an = a.name, bn = b.name;
                       auto surname = [](std::string_view n) { return n.substr(n.rfind(' ') + 1); };
                       if (surname(an) != surname(bn)) return surname(an) < surname(bn);
                       return an < bn;
                     });
    council.wards.push_back(std::move(ward));
    built.declarations.push_back(std::move(d));
  }

  if (plan.force_tie) ForceTie(built.declarations);
  for (Declaration& d : built.declarations)
    if (d.status == PollStatus::kContested) FlagElected(rng, d);

  int not_up = council.vacant_not_up;
  for (const auto& [key, seats] : council.not_up) not_up += seats;
  council.total_seats = not_up + council.SeatsUp();
  return built;
}

}  // namespace psephos::demo_internal
