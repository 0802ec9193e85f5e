#include "publish/views.h"

#include <fmt/format.h>

#include <algorithm>

namespace psephos {

namespace {

using nlohmann::json;

std::string Signed(int n) { return n > 0 ? "+" + std::to_string(n) : std::to_string(n); }

std::string GroupName(const PartyRegistry& registry, const std::string& group) {
  return registry.DisplayName(group);
}

json ControlJson(const Control& c) {
  if (!c.settled) return "pending";
  return c.party ? json(*c.party) : json("NOC");
}

json CompositionJson(const Composition& c) {
  json seats = json::object();
  for (const auto& [key, n] : c.seats)
    if (n) seats[key] = n;
  return {{"seats", seats}, {"vacant", c.vacant}, {"unknown", c.unknown}, {"total", c.Total()}};
}

json ChangeJson(const SeatsByKey& change) {
  json out = json::object();
  for (const auto& [group, n] : change) out[group] = n;
  return out;
}

std::string ControlText(const Control& c, const PartyRegistry& registry) {
  if (!c.settled) return "not yet known";
  return c.party ? registry.DisplayName(*c.party) : "no overall control";
}

// "Lab 30, Con 29, LD 2, Grn 2" by seats, most first; independents one by one.
std::string CompositionText(const Composition& c, const PartyRegistry& registry) {
  std::vector<std::pair<std::string, int>> parts(c.seats.begin(), c.seats.end());
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [key, n] : parts) {
    if (!n) continue;
    out += (out.empty() ? "" : ", ") + registry.ShortName(key) + " " + std::to_string(n);
  }
  if (c.vacant) out += (out.empty() ? "" : ", ") + std::string("vacant ") + std::to_string(c.vacant);
  if (c.unknown) out += (out.empty() ? "" : ", ") + std::string("to declare ") + std::to_string(c.unknown);
  return out.empty() ? "(none)" : out;
}

}  // namespace

json StateOfPartiesJson(const StateOfParties& s, const PartyRegistry& registry) {
  json parties = json::array();
  for (const PartyTally& t : s.parties)
    parties.push_back({{"party", t.group}, {"name", GroupName(registry, t.group)},
                       {"councils", t.councils}, {"councils_change", t.councils_change},
                       {"seats", t.seats}, {"seats_change", t.seats_change}});
  return {{"baseline", std::string(ToString(s.baseline))},
          {"baseline_description", std::string(Describe(s.baseline))},
          {"filter", s.filter},
          {"councils_settled", s.councils_settled},
          {"councils_total", s.councils_total},
          {"wards_declared", s.wards_declared},
          {"wards_total", s.wards_total},
          {"parties", parties},
          {"noc", {{"councils", s.noc}, {"councils_change", s.noc_change}}}};
}

std::string StateOfPartiesText(const StateOfParties& s, const PartyRegistry& registry) {
  std::string out = fmt::format("State of the parties after {} of {} councils ({}; {} of {} wards declared)\n",
                                s.councils_settled, s.councils_total, s.filter, s.wards_declared, s.wards_total);
  out += fmt::format("Changes are {}.\n\n", Describe(s.baseline));
  out += fmt::format("{:<28} {:>8} {:>7} {:>7} {:>7}\n", "Party", "Councils", "+/-", "Seats", "+/-");
  for (const PartyTally& t : s.parties)
    out += fmt::format("{:<28} {:>8} {:>7} {:>7} {:>7}\n", GroupName(registry, t.group), t.councils,
                       Signed(t.councils_change), t.seats, Signed(t.seats_change));
  out += fmt::format("{:<28} {:>8} {:>7}\n", "No overall control", s.noc, Signed(s.noc_change));
  return out;
}

json CouncilJson(const Night& night, const Council& council, bool wards) {
  const PartyRegistry& registry = night.registry();
  const CouncilOutcome& o = *night.Outcome(council.id);
  json labels = json::object(), headlines = json::object(), before = json::object(),
       change = json::object(), compositions = json::object();
  for (Baseline b : {Baseline::kEveOfPoll, Baseline::kLastFought}) {
    std::string key(ToString(b));
    labels[key] = o.Label(b, registry);
    headlines[key] = Headline(council, o, b, registry);
    before[key] = ControlJson(o.Before(b));
    change[key] = ChangeJson(o.Change(b));
  }
  compositions["eve-of-poll"] = CompositionJson(o.eve_of_poll);
  compositions["last-fought"] = CompositionJson(o.last_fought);
  compositions["after"] = CompositionJson(o.after);
  json largest = o.control.IsNoc() ? json(o.LargestParties()) : json::array();
  json out = {{"id", council.id}, {"gss", council.gss}, {"name", council.name},
              {"type", std::string(ToString(council.type))}, {"region", council.region},
              {"cycle", std::string(ToString(council.cycle))}, {"seats", council.total_seats},
              {"seats_up", o.seats_up}, {"wards_total", o.wards_total},
              {"wards_declared", o.wards_declared}, {"wards_postponed", o.wards_postponed},
              {"has_baseline", o.has_baseline}, {"control", ControlJson(o.control)},
              {"control_before", before}, {"label", labels}, {"headline", headlines},
              {"largest_parties", largest}, {"composition", compositions},
              {"won", o.won}, {"seat_change", change},
              {"last_fought_complete", o.last_fought_known}};
  if (wards) {
    json list = json::array();
    const auto* declared = night.Declared(council.id);
    for (const Ward& w : council.wards) {
      json wj = {{"id", w.id}, {"name", w.name}, {"gss", w.gss}, {"seats", w.seats_up.size()}};
      auto it = declared ? declared->find(w.id) : decltype(declared->end()){};
      if (!declared || it == declared->end()) {
        wj["declared"] = false;
        list.push_back(wj);
        continue;
      }
      const Declaration& d = *it->declaration;
      const WardCount& c = it->count;
      json cands = json::array();
      for (size_t i = 0; i < d.candidates.size(); ++i) {
        const Candidate& cand = d.candidates[i];
        bool elected = std::find(c.elected.begin(), c.elected.end(), i) != c.elected.end();
        bool tied = std::find(c.tied.begin(), c.tied.end(), i) != c.tied.end();
        cands.push_back({{"name", cand.name}, {"party", cand.party},
                         {"party_name", registry.DisplayName(cand.party)}, {"votes", cand.votes},
                         {"elected", elected}, {"tied", tied}});
      }
      wj["declared"] = true;
      wj["ballot"] = d.ballot_id;
      wj["status"] = std::string(ToString(d.status));
      wj["declared_at"] = d.declared_at;
      wj["candidates"] = cands;
      wj["majority"] = c.majority ? json(*c.majority) : json(nullptr);
      wj["decided_by_lot"] = c.decided_by_lot;
      wj["unresolved_tie"] = c.unresolved_tie;
      wj["electorate"] = d.electorate ? json(*d.electorate) : json(nullptr);
      wj["ballot_papers"] = d.ballot_papers ? json(*d.ballot_papers) : json(nullptr);
      wj["rejected"] = d.rejected ? json(*d.rejected) : json(nullptr);
      auto turnout = d.Turnout();
      wj["turnout"] = turnout ? json(*turnout) : json(nullptr);
      list.push_back(wj);
    }
    out["wards"] = list;
  }
  return out;
}

std::string CouncilText(const Night& night, const Council& council, Baseline baseline) {
  const PartyRegistry& registry = night.registry();
  const CouncilOutcome& o = *night.Outcome(council.id);
  std::string out = fmt::format("{} ({}, {}, {} seats, elected by {})\n", council.name,
                                ToString(council.type), council.region.empty() ? "region not known" : council.region,
                                council.total_seats, ToString(council.cycle));
  out += fmt::format("Wards declared: {} of {}", o.wards_declared, o.wards_total);
  if (o.wards_postponed) out += fmt::format(" ({} postponed)", o.wards_postponed);
  out += "\n";
  std::string label = o.Label(baseline, registry);
  out += fmt::format("Result: {}\n", label.empty() ? "not yet known" : label);
  if (o.control.IsNoc()) {
    std::vector<std::string> names;
    for (const auto& k : o.LargestParties()) names.push_back(registry.DisplayName(k));
    if (!names.empty())
      out += fmt::format("Largest party: {}\n", fmt::join(names, " and "));
  }
  if (o.has_baseline) {
    out += fmt::format("Before (eve of poll):    {}  -> {}\n", CompositionText(o.eve_of_poll, registry),
                       ControlText(o.before_eve_of_poll, registry));
    out += fmt::format("Before (last fought):    {}  -> {}\n", CompositionText(o.last_fought, registry),
                       ControlText(o.before_last_fought, registry));
  }
  out += fmt::format("After:                   {}  -> {}\n", CompositionText(o.after, registry),
                     ControlText(o.control, registry));
  if (o.has_baseline) {
    for (Baseline b : {Baseline::kLastFought, Baseline::kEveOfPoll}) {
      std::string parts;
      for (const auto& [group, n] : o.Change(b))
        if (n) parts += (parts.empty() ? "" : ", ") + registry.ShortName(group) + " " + Signed(n);
      out += fmt::format("Change {}: {}\n", Describe(b), parts.empty() ? "none" : parts);
    }
  }
  // Every ward, declared or awaiting, so that before the first declaration (or after every one
  // was withdrawn) the list says what is still to come.
  const auto* declared = night.Declared(council.id);
  if (!declared || council.wards.empty()) return out;
  out += "\n";
  for (const Ward& w : council.wards) {
    auto it = declared->find(w.id);
    if (it == declared->end()) {
      out += fmt::format("{} ({} seat{}): awaiting declaration\n", w.name, w.seats_up.size(),
                         w.seats_up.size() == 1 ? "" : "s");
      continue;
    }
    const Declaration& d = *it->declaration;
    const WardCount& c = it->count;
    out += fmt::format("{} ({} seat{}){}", w.name.empty() ? d.ward_name : w.name, d.seats, d.seats == 1 ? "" : "s",
                       d.status == PollStatus::kContested ? "" : fmt::format(" - {}", ToString(d.status)));
    if (auto t = d.Turnout()) out += fmt::format(", turnout {:.1f}%", *t * 100);
    if (c.majority) out += fmt::format(", majority {}", *c.majority);
    if (c.decided_by_lot) out += ", last seat decided by lot";
    if (c.unresolved_tie) out += fmt::format(", TIE: {} seat(s) to be decided by lot", c.seats_in_tie);
    out += "\n";
    std::vector<size_t> order(d.candidates.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return d.candidates[a].votes > d.candidates[b].votes; });
    for (size_t i : order) {
      const Candidate& cand = d.candidates[i];
      bool elected = std::find(c.elected.begin(), c.elected.end(), i) != c.elected.end();
      bool tied = std::find(c.tied.begin(), c.tied.end(), i) != c.tied.end();
      out += fmt::format("  {:<32} {:<24} {:>7} {}\n", cand.name, registry.DisplayName(cand.party), cand.votes,
                         elected ? "elected" : (tied && c.unresolved_tie ? "tied" : ""));
    }
  }
  return out;
}

json CouncilListJson(const Night& night, const CouncilFilter& filter) {
  json list = json::array();
  for (const Council& c : night.councils())
    if (filter.Matches(c)) list.push_back(CouncilJson(night, c, false));
  return list;
}

std::string CouncilListText(const Night& night, const CouncilFilter& filter, Baseline baseline) {
  std::string out;
  for (const Council& c : night.councils()) {
    if (!filter.Matches(c)) continue;
    const CouncilOutcome& o = *night.Outcome(c.id);
    std::string label = o.Label(baseline, night.registry());
    std::string state = o.Complete() ? "declared" : fmt::format("{} of {} wards", o.wards_declared, o.wards_total);
    if (o.wards_declared == 0) state = "awaiting";
    out += fmt::format("{:<28} {:<16} {}\n", c.name, state, label.empty() ? "-" : label);
  }
  return out;
}

json PartyRegistryJson(const PartyRegistry& registry) {
  json parties = json::array();
  for (const Party& p : registry.parties())
    parties.push_back({{"id", p.id}, {"name", p.name}, {"short_name", p.short_name}, {"colour", p.colour},
                       {"group", p.group}});
  return {{"independent", std::string(kIndependent)}, {"residents", std::string(kResidents)}, {"parties", parties}};
}

std::vector<std::string> Headlines(const Night& night, const CouncilFilter& filter, Baseline baseline) {
  std::vector<std::string> out;
  for (const std::string& id : night.news_order()) {
    if (const MayoralResult* mayor = night.FindMayor(id)) {
      // A mayor has no council type or region: it is news for the whole night only.
      if (filter.IsEverything()) out.push_back(MayoralHeadline(*mayor));
      continue;
    }
    const Council* c = night.FindCouncil(id);
    if (!c || !filter.Matches(*c)) continue;
    std::string line = Headline(*c, *night.Outcome(id), baseline, night.registry());
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace psephos
