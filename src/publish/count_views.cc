#include "publish/count_views.h"

#include <fmt/format.h>

#include <algorithm>

namespace psephos {

namespace {

double Votes(int64_t units) { return static_cast<double>(units) / static_cast<double>(StvCount::kUnit); }

// Per candidate: the stage elected (0: not), the stage whose transfer excluded them (0: not).
struct Fate {
  std::vector<int> elected_at, excluded_at;
};

Fate FatesOf(const StvCount& count, size_t candidates) {
  Fate f{std::vector<int>(candidates, 0), std::vector<int>(candidates, 0)};
  for (const StvStage& s : count.stages) {
    for (size_t c : s.elected) f.elected_at[c] = s.number;
    if (s.action == StvAction::kExclusion)
      for (size_t c : s.from) f.excluded_at[c] = s.number;
  }
  return f;
}

std::string Action(const BallotProfile& profile, const StvStage& s) {
  if (s.action == StvAction::kFirstPreferences) return "First preferences";
  std::string names;
  for (size_t c : s.from) names += (names.empty() ? "" : ", ") + profile.candidates[c];
  return (s.action == StvAction::kSurplus ? "Surplus of " : "Exclusion of ") + names;
}

nlohmann::json ByName(const BallotProfile& profile, const std::vector<int64_t>& figures) {
  nlohmann::json out = nlohmann::json::object();
  for (size_t c = 0; c < figures.size(); ++c) out[profile.candidates[c]] = Votes(figures[c]);
  return out;
}

nlohmann::json Names(const BallotProfile& profile, const std::vector<size_t>& who) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t c : who) out.push_back(profile.candidates[c]);
  return out;
}

}  // namespace

nlohmann::json StvCountJson(const BallotProfile& profile, const StvCount& count) {
  Fate fate = FatesOf(count, profile.candidates.size());
  nlohmann::json candidates = nlohmann::json::array();
  std::vector<int64_t> first = count.FirstPreferences();
  for (size_t c = 0; c < profile.candidates.size(); ++c)
    candidates.push_back({{"name", profile.candidates[c]},
                          {"first_preferences", Votes(first[c])},
                          {"elected", count.IsElected(c)},
                          {"elected_at_stage", fate.elected_at[c] ? nlohmann::json(fate.elected_at[c]) : nlohmann::json()},
                          {"excluded_at_stage", fate.excluded_at[c] ? nlohmann::json(fate.excluded_at[c]) : nlohmann::json()}});
  nlohmann::json stages = nlohmann::json::array();
  for (const StvStage& s : count.stages)
    stages.push_back({{"stage", s.number},
                      {"action", std::string(ToString(s.action))},
                      {"description", Action(profile, s)},
                      {"from", Names(profile, s.from)},
                      {"transfers", ByName(profile, s.transfers)},
                      {"totals", ByName(profile, s.totals)},
                      {"non_transferable", Votes(s.non_transferable)},
                      {"non_transferable_total", Votes(s.non_transferable_total)},
                      {"lost_to_fractions", Votes(s.lost)},
                      {"lost_to_fractions_total", Votes(s.lost_total)},
                      {"elected", Names(profile, s.elected)},
                      {"deferred_surpluses", Names(profile, s.deferred)},
                      {"notes", s.notes}});
  return {{"ward", profile.title},
          {"rules", std::string(ToString(count.rules))},
          {"seats", count.seats},
          {"valid_poll", count.valid_poll},
          {"empty_ballots", count.empty_ballots},
          {"quota", count.quota},
          {"candidates", candidates},
          {"stages", stages},
          {"elected", Names(profile, count.elected)},
          {"decided_by_lot", count.decided_by_lot},
          {"unresolved_tie", count.unresolved_tie},
          {"tied", Names(profile, count.tied)}};
}

std::string StvCountText(const BallotProfile& profile, const StvCount& count, int decimals) {
  Fate fate = FatesOf(count, profile.candidates.size());
  size_t name_width = 24;
  for (const std::string& name : profile.candidates) name_width = std::max(name_width, name.size() + 2);
  const size_t col = static_cast<size_t>(std::max(11, 8 + decimals));
  std::string out = fmt::format("{}\n", profile.title.empty() ? "STV count" : profile.title);
  out += fmt::format("Rules: {}. Seats: {}. Valid poll: {}. Quota: {}.\n",
                     count.rules == StvRules::kScotland ? "Scottish Local Government Elections Order 2007"
                                                        : "Electoral Law Act (Northern Ireland) 1962, Schedule 5",
                     count.seats, count.valid_poll, count.quota);
  if (count.empty_ballots > 0) out += fmt::format("Papers with no preference (not valid): {}.\n", count.empty_ballots);
  out += "\n";
  for (const StvStage& s : count.stages) {
    out += fmt::format("Stage {}: {}", s.number, Action(profile, s));
    if (!s.deferred.empty()) out += fmt::format(" (surplus of {} deferred)", profile.candidates[s.deferred[0]]);
    for (const std::string& note : s.notes) out += "; " + note;
    out += "\n";
  }
  auto table = [&](const char* title, auto figure_of, bool marks) {
    std::string t = fmt::format("\n{:<{}}", title, name_width);
    for (const StvStage& s : count.stages) t += fmt::format("{:>{}} ", fmt::format("Stage {}", s.number), col);
    t += "\n";
    for (size_t c = 0; c < profile.candidates.size(); ++c) {
      t += fmt::format("{:<{}}", profile.candidates[c], name_width);
      for (const StvStage& s : count.stages) {
        // As on the sheet: blank once a candidate's papers have all gone.
        if (fate.excluded_at[c] != 0 && s.number > fate.excluded_at[c]) {
          t += std::string(col + 1, ' ');
          continue;
        }
        std::string mark = !marks ? " " : fate.elected_at[c] == s.number ? "*" : fate.excluded_at[c] == s.number ? "x" : " ";
        t += fmt::format("{:>{}}", FormatStvVotes(figure_of(s, c), decimals) + mark, col + 1);
      }
      t += "\n";
    }
    return t;
  };
  out += table("Totals", [](const StvStage& s, size_t c) { return s.totals[c]; }, true);
  out += fmt::format("{:<{}}", "Non-transferable", name_width);
  for (const StvStage& s : count.stages) out += fmt::format("{:>{}} ", FormatStvVotes(s.non_transferable_total, decimals), col);
  out += fmt::format("\n{:<{}}", "Lost to fractions", name_width);
  for (const StvStage& s : count.stages) out += fmt::format("{:>{}} ", FormatStvVotes(s.lost_total, decimals), col);
  out += "\n";
  out += table("Transfers", [](const StvStage& s, size_t c) { return s.transfers[c]; }, false);
  out += "\n";
  for (size_t i = 0; i < count.elected.size(); ++i)
    out += fmt::format("Elected {}: {} (stage {})\n", i + 1, profile.candidates[count.elected[i]],
                       fate.elected_at[count.elected[i]]);
  if (count.unresolved_tie) {
    std::string names;
    for (size_t c : count.tied) names += (names.empty() ? "" : ", ") + profile.candidates[c];
    out += fmt::format("A tie that only a lot can break: {}. The count stops here (give --lot).\n", names);
  }
  return out;
}

nlohmann::json MayoralJson(const MayoralResult& result) {
  const SvCount& count = result.count;
  nlohmann::json candidates = nlohmann::json::array();
  for (size_t c = 0; c < result.contest.candidates.size(); ++c) {
    bool finalist = std::find(count.finalists.begin(), count.finalists.end(), c) != count.finalists.end();
    candidates.push_back({{"name", result.contest.candidates[c].name},
                          {"party", result.contest.candidates[c].party},
                          {"first_choices", count.first[c]},
                          {"second_choices_added", finalist ? nlohmann::json(count.second_added[c]) : nlohmann::json()},
                          {"second_round_total", finalist ? nlohmann::json(count.totals[c]) : nlohmann::json()},
                          {"elected", count.winner == c}});
  }
  return {{"ballot", result.ballot_id},
          {"area", result.area},
          {"valid_first_choices", count.valid_first},
          {"won_on_first_choices", count.won_on_first},
          {"second_round", !count.won_on_first && !count.finalists.empty()},
          {"non_transferable", count.non_transferable},
          {"candidates", candidates},
          {"decided_by_lot", count.decided_by_lot},
          {"unresolved_tie", count.unresolved_tie},
          {"headline", MayoralHeadline(result)}};
}

std::string MayoralText(const MayoralResult& result) {
  const SvCount& count = result.count;
  std::string out = MayoralHeadline(result) + "\n";
  size_t name_w = 9, party_w = 5;
  for (const SvCandidate& c : result.contest.candidates) {
    name_w = std::max(name_w, c.name.size());
    party_w = std::max(party_w, c.party.size());
  }
  out += fmt::format("{:<{}}  {:<{}} {:>10} {:>7} {:>10} {:>10}\n", "Candidate", name_w, "Party", party_w, "1st", "%",
                     "2nd added", "Total");
  for (size_t c = 0; c < result.contest.candidates.size(); ++c) {
    const SvCandidate& cand = result.contest.candidates[c];
    bool finalist = std::find(count.finalists.begin(), count.finalists.end(), c) != count.finalists.end();
    double share = 100.0 * static_cast<double>(count.first[c]) / static_cast<double>(count.valid_first);
    out += fmt::format("{:<{}}  {:<{}} {:>10} {:>7.1f} {:>10} {:>10}{}\n", cand.name, name_w, cand.party, party_w,
                       count.first[c], share,
                       finalist ? std::to_string(count.second_added[c]) : "",
                       finalist ? std::to_string(count.totals[c]) : "", count.winner == c ? "  elected" : "");
  }
  out += fmt::format("Valid first choices: {} (more than half needed to win outright: {}).\n", count.valid_first,
                     count.valid_first / 2 + 1);
  if (!count.won_on_first && !count.finalists.empty() && !count.second_round_missing)
    out += fmt::format("Ballots of eliminated candidates with no second choice for the top two: {}.\n",
                       count.non_transferable);
  return out;
}

}  // namespace psephos
