#include "publish/analysis_views.h"

#include <fmt/format.h>

namespace psephos {

namespace {

using nlohmann::json;

json MaybeNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::string SignedPoints(double v) { return fmt::format("{:+.1f}", v); }

// "1 seat", "3 seats".
std::string Count(int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

json WardTargetsJson(const std::vector<WardTarget>& wards) {
  json out = json::array();
  for (const WardTarget& w : wards) {
    json j = {{"ward", w.ward}, {"name", w.ward_name}, {"seats", w.seats}, {"votes", w.votes}};
    if (!w.other.empty()) j["other_party"] = w.other;
    out.push_back(j);
  }
  return out;
}

json MarginJson(const ControlMargin& m) {
  json j = {{"goal", std::string(ToString(m.goal))},
            {"kind", std::string(ToString(m.kind))},
            {"possible", m.possible},
            {"seats_to_change", m.seats_to_change}};
  if (m.possible) {
    j["votes"] = m.votes;
    j["wards"] = WardTargetsJson(m.wards);
  } else {
    j["why_not"] = m.why_not;
  }
  return j;
}

// "Bedford 180 (1 seat), Earlsfield 281 (1 seat)"; switched votes name the other party.
std::string WardTargetsText(const ControlMargin& m, const PartyRegistry& registry) {
  std::string out;
  for (const WardTarget& w : m.wards) {
    out += out.empty() ? "" : ", ";
    out += fmt::format("{} {}", w.ward_name, w.votes);
    if (!w.other.empty())
      out += fmt::format(" {} {}", m.goal == MarginGoal::kWinControl ? "from" : "to",
                         registry.ShortName(w.other));
    out += " (" + Count(w.seats, "seat", "seats") + ")";
  }
  return out;
}

std::string MarginText(const ControlMargin& m, const PartyRegistry& registry) {
  const bool win = m.goal == MarginGoal::kWinControl;
  const char* what = m.kind == MarginKind::kExtraVotes
                         ? (win ? "extra votes" : "votes lost")
                         : (win ? "votes switched to it" : "votes switched away");
  if (!m.possible) return fmt::format("    {}: not possible ({})\n", what, m.why_not);
  return fmt::format("    {}: {} in {}: {}\n", what, m.votes,
                     Count(static_cast<int64_t>(m.wards.size()), "ward", "wards"),
                     WardTargetsText(m, registry));
}

}  // namespace

json SharesJson(const VoteShares& s, const PartyRegistry& registry) {
  json parties = json::array();
  for (const PartyShare& p : s.parties)
    parties.push_back({{"party", p.group},
                       {"name", registry.DisplayName(p.group)},
                       {"votes", p.votes},
                       {"share", p.share},
                       {"compared_share", MaybeNumber(p.compared_now)},
                       {"compared_share_before", MaybeNumber(p.compared_before)},
                       {"change", MaybeNumber(p.change)}});
  return {{"method", std::string(ToString(s.method))},
          {"method_description", std::string(Describe(s.method))},
          {"scope", s.scope},
          {"wards", s.wards},
          {"total_votes", s.total_votes},
          {"wards_compared", s.wards_compared},
          {"change_against", s.wards_compared ? "the last time the same seats were fought" : ""},
          {"parties", parties}};
}

std::string SharesText(const VoteShares& s, const PartyRegistry& registry) {
  std::string out = fmt::format("Vote share, {}: {} contested wards; method: {}\n", s.scope,
                                s.wards, Describe(s.method));
  if (s.wards_compared)
    out += fmt::format(
        "Change since the seats were last fought, over the {} wards fought both times.\n",
        s.wards_compared);
  out += fmt::format("\n{:<28} {:>12} {:>7}{}\n", "Party", "Votes", "Share",
                     s.wards_compared ? "     +/-" : "");
  for (const PartyShare& p : s.parties) {
    out +=
        fmt::format("{:<28} {:>12.0f} {:>6.1f}%", registry.DisplayName(p.group), p.votes, p.share);
    if (p.change) out += fmt::format(" {:>7}", SignedPoints(*p.change));
    out += "\n";
  }
  return out;
}

json SharesByCouncilJson(const std::vector<VoteShares>& councils, const PartyRegistry& registry) {
  json out = json::array();
  for (const VoteShares& s : councils) out.push_back(SharesJson(s, registry));
  return out;
}

std::string SharesByCouncilText(const std::vector<VoteShares>& councils,
                                const PartyRegistry& registry) {
  if (councils.empty()) return "(no council has a contested ward declared)\n";
  std::string out = fmt::format(
      "Vote share by council; method: {}{}\n\n", Describe(councils.front().method),
      councils.front().wards_compared ? "; change since the seats were last fought" : "");
  for (const VoteShares& s : councils) {
    out += fmt::format("{:<28} {:>3} wards ", s.scope, s.wards);
    for (size_t i = 0; i < s.parties.size() && i < 3; ++i) {
      const PartyShare& p = s.parties[i];
      out += fmt::format("  {} {:.1f}%", registry.ShortName(p.group), p.share);
      if (p.change) out += fmt::format(" ({})", SignedPoints(*p.change));
    }
    out += "\n";
  }
  return out;
}

json SwingJson(const Swing& s, const PartyRegistry& registry) {
  return {{"from", s.from},
          {"from_name", registry.DisplayName(s.from)},
          {"to", s.to},
          {"to_name", registry.DisplayName(s.to)},
          {"points", s.points},
          {"wards_compared", s.wards_compared},
          {"method", std::string(ToString(s.method))},
          {"formula", "((to change) - (from change)) / 2"}};
}

std::string SwingText(const Swing& s, const PartyRegistry& registry) {
  return fmt::format(
      "Butler swing from {} to {}: {:.2f} points ({} gained on {} if positive), over {} wards "
      "fought "
      "both times; shares by {}\n",
      registry.DisplayName(s.from), registry.DisplayName(s.to), s.points, registry.ShortName(s.to),
      registry.ShortName(s.from), s.wards_compared, Describe(s.method));
}

json PnsJson(const ProjectedNationalShare& pns, const PartyRegistry& registry) {
  json parties = json::array();
  for (const PnsParty& p : pns.parties)
    parties.push_back({{"party", p.group},
                       {"name", registry.DisplayName(p.group)},
                       {"share", p.share},
                       {"baseline", p.baseline},
                       {"change", p.change},
                       {"wards", p.wards}});
  return {{"method", std::string(ToString(pns.method))},
          {"baseline", pns.baseline_name},
          {"wards", pns.wards},
          {"scaled", pns.scaled},
          {"others", pns.others},
          {"parties", parties},
          {"documentation", "docs/PNS.md"}};
}

std::string PnsText(const ProjectedNationalShare& pns, const PartyRegistry& registry) {
  std::string out = fmt::format(
      "Projected national share, from {} comparable wards (method docs/PNS.md; shares by {}; "
      "baseline {})\n\n",
      pns.wards, Describe(pns.method), pns.baseline_name);
  out +=
      fmt::format("{:<28} {:>6} {:>9} {:>7} {:>6}\n", "Party", "PNS", "baseline", "+/-", "wards");
  for (const PnsParty& p : pns.parties)
    out += fmt::format("{:<28} {:>5.1f}% {:>8.1f}% {:>7} {:>6}\n", registry.DisplayName(p.group),
                       p.share, p.baseline, SignedPoints(p.change), p.wards);
  out += fmt::format("{:<28} {:>5.1f}%\n", "Others", pns.others);
  if (pns.scaled) out += "(the named parties passed 100% and were scaled down together)\n";
  return out;
}

json CommonsJson(const CommonsProjection& p, const std::map<std::string, double>& shares,
                 const std::string& source, const std::optional<CommonsSimulation>& sim,
                 const PartyRegistry& registry) {
  json seats = json::array();
  for (const auto& [party, n] : p.Ranked())
    seats.push_back({{"party", party}, {"name", registry.DisplayName(party)}, {"seats", n}});
  json j = {{"swing", std::string(ToString(p.method))},
            {"shares", shares},
            {"shares_source", source},
            {"seats_total", p.seats_total},
            {"majority_line", p.majority_line},
            {"seats", seats},
            {"majority", p.majority ? json(*p.majority) : json(nullptr)},
            {"hung", !p.majority},
            {"seats_changing_hands", p.seats_changing_hands},
            {"baseline", "general election 2017"}};
  if (sim) {
    json outcomes = json::array(), intervals = json::array();
    for (const auto& [outcome, prob] : sim->outcomes)
      outcomes.push_back({{"outcome", outcome}, {"probability", prob}});
    for (const SeatInterval& s : sim->seats)
      intervals.push_back({{"party", s.party},
                           {"mean", s.mean},
                           {"median", s.median},
                           {"low", s.low},
                           {"high", s.high}});
    j["simulation"] = {
        {"simulations", sim->simulations},      {"seed", sim->seed},    {"sd", sim->sd},
        {"interval", "5th to 95th percentile"}, {"outcomes", outcomes}, {"seats", intervals},
        {"documentation", "docs/COMMONS.md"}};
  }
  return j;
}

std::string CommonsText(const CommonsProjection& p, const std::map<std::string, double>& shares,
                        const std::string& source, const std::optional<CommonsSimulation>& sim,
                        const PartyRegistry& registry) {
  std::string given;
  for (const auto& [party, share] : shares)
    given +=
        fmt::format("{}{} {:.1f}", given.empty() ? "" : ", ", registry.ShortName(party), share);
  std::string out =
      fmt::format("Commons projection, {} swing from the 2017 general election; shares ({}): {}\n",
                  ToString(p.method), source, given);
  out += p.majority ? fmt::format("{} majority: {} seats of {} ({} needed)\n",
                                  registry.DisplayName(*p.majority), p.seats.at(*p.majority),
                                  p.seats_total, p.majority_line)
                    : fmt::format("Hung parliament: no party reaches {} of {} seats\n",
                                  p.majority_line, p.seats_total);
  out += fmt::format("{} seats change hands.\n\n", p.seats_changing_hands);
  for (const auto& [party, n] : p.Ranked())
    out += fmt::format("{:<34} {:>4}\n", registry.DisplayName(party), n);
  if (sim) {
    out += fmt::format(
        "\nSimulation: {} draws, seed {}, share error sd {:.1f} points at 35% (docs/COMMONS.md)\n",
        sim->simulations, sim->seed, sim->sd);
    for (const auto& [outcome, prob] : sim->outcomes)
      out += fmt::format("  {:<32} {:>6.1f}%\n",
                         outcome == kHung ? std::string("Hung parliament")
                                          : registry.DisplayName(outcome) + " majority",
                         100 * prob);
    out += "Seats, median (5th-95th percentile):\n";
    for (const SeatInterval& s : sim->seats)
      out += fmt::format("  {:<32} {:>4} ({}-{})\n", registry.DisplayName(s.party), s.median, s.low,
                         s.high);
  }
  return out;
}

json MarginalityJson(const CouncilMarginality& m, const PartyRegistry& registry) {
  json parties = json::array();
  for (const PartyMarginality& p : m.parties)
    parties.push_back({{"party", p.party},
                       {"name", registry.DisplayName(p.party)},
                       {"seats", p.seats},
                       {"candidates", p.candidates},
                       {"in_control", p.in_control},
                       {"extra_votes", MarginJson(p.extra)},
                       {"switched_votes", MarginJson(p.switched)}});
  return {{"council", m.council},
          {"name", m.name},
          {"total_seats", m.total_seats},
          {"majority_line", m.majority_line},
          {"control", m.control ? json(*m.control) : json("NOC")},
          {"complete", m.complete},
          {"wards_counted", m.wards_counted},
          {"parties", parties}};
}

std::string MarginalityText(const CouncilMarginality& m, const PartyRegistry& registry) {
  std::string out =
      fmt::format("{}: {} seats, {} for control; {}{}\n", m.name, m.total_seats, m.majority_line,
                  m.control ? registry.DisplayName(*m.control) + " control" : "no overall control",
                  m.complete ? "" : " (not all wards declared: only the declared seats count)");
  out +=
      "Votes are voters: one extra supporter adds a vote to each of the party's candidates in a "
      "ward.\n";
  std::string hopeless;  // no seats and no way to control: one line for them all
  for (const PartyMarginality& p : m.parties) {
    if (p.seats == 0 && !p.extra.possible && !p.switched.possible && m.parties.size() > 1) {
      hopeless += (hopeless.empty() ? "" : ", ") + registry.DisplayName(p.party) + " (" +
                  Count(p.candidates, "candidate", "candidates") + ")";
      continue;
    }
    out += fmt::format("\n{} ({}, {}): ", registry.DisplayName(p.party),
                       Count(p.seats, "seat", "seats"),
                       Count(p.candidates, "candidate", "candidates"));
    out += p.in_control ? "would lose control by losing " +
                              Count(p.extra.seats_to_change, "seat", "seats") + "\n"
                        : "would win control with " +
                              Count(p.extra.seats_to_change, "more seat", "more seats") + "\n";
    out += MarginText(p.extra, registry) + MarginText(p.switched, registry);
  }
  if (!hopeless.empty()) out += "\nStood too few candidates to win control: " + hopeless + "\n";
  return out;
}

json ClosestJson(const std::vector<CloseCouncil>& closest, const PartyRegistry& registry) {
  json out = json::array();
  for (const CloseCouncil& c : closest)
    out.push_back({{"council", c.council},
                   {"name", c.name},
                   {"control", c.control ? json(*c.control) : json("NOC")},
                   {"party", c.party},
                   {"party_name", registry.DisplayName(c.party)},
                   {"margin", MarginJson(c.margin)}});
  return out;
}

std::string ClosestText(const std::vector<CloseCouncil>& closest, const PartyRegistry& registry) {
  std::string out =
      "Closest councils of the night (fewest extra or lost votes that would have changed "
      "control)\n\n";
  for (const CloseCouncil& c : closest) {
    const bool win = c.margin.goal == MarginGoal::kWinControl;
    out += fmt::format("{:<28} {:>6} votes: {} {} control ({}) - {}\n", c.name, c.margin.votes,
                       registry.DisplayName(c.party), win ? "would have won" : "would have lost",
                       Count(c.margin.seats_to_change, "seat", "seats"),
                       WardTargetsText(c.margin, registry));
  }
  if (closest.empty()) out += "(no complete council yet)\n";
  return out;
}

}  // namespace psephos
