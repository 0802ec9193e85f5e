#include "core/council_outcome.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <utility>

#include <boost/container/small_vector.hpp>

namespace psephos {

std::string_view ToString(Baseline baseline) {
  return baseline == Baseline::kLastFought ? "last-fought" : "eve-of-poll";
}

std::optional<Baseline> ParseBaseline(std::string_view text) {
  if (text == "last-fought") return Baseline::kLastFought;
  if (text == "eve-of-poll") return Baseline::kEveOfPoll;
  return std::nullopt;
}

std::string_view Describe(Baseline baseline) {
  return baseline == Baseline::kLastFought ? "since the seats were last fought"
                                           : "since the eve of poll";
}

int Composition::Total() const {
  int total = vacant + unknown;
  for (const auto& [key, n] : seats) total += n;
  return total;
}

int Composition::Of(std::string_view key) const {
  auto it = seats.find(key);
  return it == seats.end() ? 0 : it->second;
}

std::vector<std::string> Composition::Largest() const {
  std::vector<std::string> largest;
  int most = 0;
  for (const auto& [key, n] : seats) {
    if (n <= 0) continue;
    if (n > most) {
      most = n;
      largest = {key.str()};
    } else if (n == most) {
      largest.push_back(key.str());
    }
  }
  return largest;
}

Control ControlOf(const Composition& composition) {
  // Control is more than half of all seats, vacancies included (DOMAIN.md).
  const int total = composition.Total();
  const int majority = total / 2 + 1;
  int best = 0;
  for (const auto& [key, n] : composition.seats) {
    if (n >= majority) return Control{key.str(), true};
    best = std::max(best, n);
  }
  // No one has it yet. It is settled as NOC only when no party, even one with no seats so far,
  // could reach a majority by taking every unknown seat.
  if (best + composition.unknown < majority) return Control{std::nullopt, true};
  return Control{std::nullopt, false};
}

const Control& CouncilOutcome::Before(Baseline baseline) const {
  return baseline == Baseline::kLastFought ? before_last_fought : before_eve_of_poll;
}

const SeatsByKey& CouncilOutcome::Change(Baseline baseline) const {
  return baseline == Baseline::kLastFought ? change_last_fought : change_eve_of_poll;
}

std::string CouncilOutcome::Label(Baseline baseline, const PartyRegistry& registry) const {
  if (!control.settled) return "";
  auto name = [&](std::string_view key) { return registry.DisplayName(key); };
  if (!has_baseline) return control.party ? name(*control.party) + " control" : "NOC";
  const Control& before = Before(baseline);
  if (!before.settled) {
    // The baseline itself is incomplete (seats with no known last winner).
    return control.party ? name(*control.party) + " control" : "NOC";
  }
  if (control.party) {
    if (before.party == control.party) return name(*control.party) + " hold";
    return name(*control.party) + " gain from " + (before.party ? name(*before.party) : "NOC");
  }
  if (before.party) return "NOC gain from " + name(*before.party);
  return "NOC hold";
}

namespace {

bool WardBefore(const WardResult& result, std::string_view ward_id) { return result.declaration->ward < ward_id; }

}  // namespace

DeclaredWards::const_iterator DeclaredWards::find(std::string_view ward_id) const {
  auto it = std::lower_bound(results_.begin(), results_.end(), ward_id, WardBefore);
  return it != results_.end() && it->declaration->ward == ward_id ? it : results_.end();
}

WardResult* DeclaredWards::FindMutable(std::string_view ward_id) {
  const auto it = std::as_const(*this).find(ward_id);
  return it == end() ? nullptr : &results_[static_cast<size_t>(it - begin())];
}

const WardResult& DeclaredWards::Insert(WardResult result) {
  auto it = std::lower_bound(results_.begin(), results_.end(), result.declaration->ward.view(), WardBefore);
  assert(it == results_.end() || it->declaration->ward != result.declaration->ward);
  return *results_.insert(it, std::move(result));
}

uint32_t WardIndex::Hash(std::string_view id) { return static_cast<uint32_t>(std::hash<std::string_view>{}(id)); }

WardIndex::WardIndex(const std::vector<Ward>& wards) {
  by_hash_.reserve(wards.size());
  for (size_t i = 0; i < wards.size(); ++i) by_hash_.push_back({Hash(wards[i].id), static_cast<uint32_t>(i)});
  std::sort(by_hash_.begin(), by_hash_.end(),
            [](const Entry& a, const Entry& b) { return a.hash < b.hash || (a.hash == b.hash && a.position < b.position); });
}

std::optional<size_t> WardIndex::Find(const std::vector<Ward>& wards, std::string_view id) const {
  const uint32_t hash = Hash(id);
  auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), hash,
                             [](const Entry& e, uint32_t h) { return e.hash < h; });
  for (; it != by_hash_.end() && it->hash == hash; ++it)
    if (wards[it->position].id == id) return it->position;
  return std::nullopt;
}

CouncilStart StartCouncil(const Council& council) {
  CouncilStart start;
  CouncilOutcome& out = start.undeclared;
  out.council = council.id;
  out.has_baseline = council.has_baseline;
  out.wards_total = static_cast<int>(council.wards.size());

  Composition not_up;
  not_up.seats.insert(boost::container::ordered_unique_range, council.not_up.begin(), council.not_up.end());
  not_up.vacant = council.vacant_not_up;
  out.eve_of_poll = out.last_fought = out.after = not_up;
  start.ward_index = WardIndex(council.wards);
  for (size_t i = 0; i < council.wards.size(); ++i) {
    const Ward& ward = council.wards[i];
    out.seats_up += static_cast<int>(ward.seats_up.size());
    for (const SeatUp& seat : ward.seats_up) {
      if (seat.defending) ++out.eve_of_poll.seats[seat.defending->view()];
      else ++out.eve_of_poll.vacant;
      if (seat.last_won) ++out.last_fought.seats[seat.last_won->view()];
      else ++out.last_fought.unknown;
    }
  }
  // Every seat up is unknown until its ward declares.
  out.after.unknown += out.seats_up;
  out.before_eve_of_poll = ControlOf(out.eve_of_poll);
  out.before_last_fought = ControlOf(out.last_fought);
  out.control = ControlOf(out.after);
  return start;
}

namespace {

// Key's entry in `seats`, made at nought when it has none: only a key new to the map is made
// (an independent's "IND:<name>" is a heap block as a ShortString), not one a look-up.
SeatsByKey::iterator EntryOf(SeatsByKey& seats, std::string_view key) {
  auto it = seats.lower_bound(key);
  if (it == seats.end() || it->first != key) it = seats.emplace_hint(it, key, 0);
  return it;
}

}  // namespace

void AddWard(CouncilOutcome& out, OutcomeTouches& touches, const Council& council, const Ward& ward,
             const WardResult& result, const PartyRegistry& registry, int sign) {
  const int up = static_cast<int>(ward.seats_up.size());
  const Declaration& d = *result.declaration;
  const WardCount& count = result.count;
  const bool postponed = count.status == PollStatus::kPostponed;
  out.wards_declared += sign;
  out.seats_declared += sign * up;
  if (postponed) out.wards_postponed += sign;

  // Change by totals group: a group stays in the map while some declared seat touches it, as
  // DecideCouncil's map has every group it ever added to, even when the sum is nought. A ward's
  // changes are summed by group before they reach the council's maps: its winners and the seats
  // they take are mostly of one or two groups, and the maps were searched once a change (a
  // third of applying a night, callgrind). Summed or one by one they come to the same maps: a
  // ward added (+1) only raises a group's touches, and taken away (-1) it brings them to nought
  // only with its last.
  struct GroupChange {
    std::string_view group;  // the registry's, or a party id or seat key the ward holds
    int touches = 0, delta = 0;
  };
  using GroupChanges = boost::container::small_vector<GroupChange, 6>;
  GroupChanges last_fought, eve_of_poll;
  auto note = [&](GroupChanges& changes, std::string_view group, int delta) {
    for (GroupChange& c : changes)
      if (c.group == group) {
        ++c.touches;
        c.delta += delta;
        return;
      }
    changes.push_back({group, 1, delta});
  };
  auto apply = [&](SeatsByKey& values, SeatsByKey& touched, const GroupChanges& changes) {
    for (const GroupChange& c : changes) {
      auto t = EntryOf(touched, c.group);
      t->second += sign * c.touches;
      if (t->second == 0) {
        touched.erase(t);
        if (auto v = values.find(c.group); v != values.end()) values.erase(v);
      } else {
        EntryOf(values, c.group)->second += sign * c.delta;
      }
    }
  };
  // Won here, by control key; seats the count cannot fill stay unknown. After = not up + won,
  // so a key leaves `after` with its last win only when it holds no seat not up.
  for (size_t i : count.elected) {
    const Candidate& c = d.candidates[i];
    const std::string key = PartyRegistry::ControlKey(c.party, c.name);
    if (auto won = EntryOf(out.won, key); (won->second += sign) == 0) out.won.erase(won);
    if (auto after = EntryOf(out.after.seats, key); (after->second += sign) == 0 && !council.not_up.count(key))
      out.after.seats.erase(after);
    // By the party id, which the declaration holds, not the key made here: an independent's
    // group is the same either way.
    const std::string_view group = registry.TotalsGroup(c.party);
    note(last_fought, group, +1);
    note(eve_of_poll, group, +1);
  }
  out.after.unknown -= sign * count.SeatsFilled();
  // Against each baseline, the declared ward's seats are compared with what they were.
  // A postponed ward has no result yet, so it changes nothing.
  if (!postponed) {
    bool last_winner_unknown = false;
    for (const SeatUp& seat : ward.seats_up) {
      if (seat.defending) note(eve_of_poll, registry.TotalsGroup(*seat.defending), -1);
      if (seat.last_won) note(last_fought, registry.TotalsGroup(*seat.last_won), -1);
      else last_winner_unknown = true;
    }
    if (last_winner_unknown) touches.wards_without_last_winner += sign;
    out.last_fought_known = touches.wards_without_last_winner == 0;
  }
  apply(out.change_last_fought, touches.change_last_fought, last_fought);
  apply(out.change_eve_of_poll, touches.change_eve_of_poll, eve_of_poll);
}

CouncilOutcome DecideCouncil(const Council& council, const CouncilStart& start,
                             const DeclaredWards& declared,
                             const PartyRegistry& registry, OutcomeTouches* touches) {
  CouncilOutcome out = start.undeclared;
  OutcomeTouches local;
  OutcomeTouches& t = touches ? *touches : local;
  t = OutcomeTouches{};
  for (const WardResult& result : declared) {
    if (auto index = start.ward_index.Find(council.wards, result.declaration->ward))
      AddWard(out, t, council, council.wards[*index], result, registry, +1);
  }
  SettleControl(out);
  return out;
}

std::string Headline(const Council& council, const CouncilOutcome& outcome, Baseline baseline,
                     const PartyRegistry& registry) {
  std::string label = outcome.Label(baseline, registry);
  if (label.empty()) return "";
  std::string line = council.name + ": " + label;
  if (outcome.control.IsNoc()) {
    // Name the largest party once the seats still to declare cannot change which it is.
    std::vector<std::pair<int, std::string>> held;
    for (const auto& [key, n] : outcome.after.seats) held.emplace_back(n, key);
    std::sort(held.begin(), held.end(), std::greater<>());
    const int lead = held.empty() ? 0 : held[0].first - (held.size() > 1 ? held[1].first : 0);
    if (lead > outcome.after.unknown)
      line += ", " + registry.DisplayName(held[0].second) + " the largest party";
  }
  if (outcome.WardsLeft() > 0) {
    int left = outcome.WardsLeft();
    line += " (called with " + std::to_string(left) + (left == 1 ? " ward" : " wards") + " to declare)";
  }
  return line;
}

}  // namespace psephos
