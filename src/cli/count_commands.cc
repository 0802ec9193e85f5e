#include "cli/count_commands.h"

#include <iostream>

#include "core/stv.h"
#include "core/supplementary_vote.h"
#include "publish/count_views.h"
#include "readers/blt.h"
#include "readers/sv_results.h"

namespace psephos {

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitNotFound = 3;

int Fail(const Error& e) {
  std::cerr << "psephos: " << e.ToString() << "\n";
  return kExitBadInput;
}

int RunStv(const CountCommands& o) {
  Result<BallotProfile> profile = ReadBlt(o.file);
  if (!profile) return Fail(profile.error());
  StvOptions options;
  for (int c : o.lot) {
    if (c < 1 || c > static_cast<int>(profile->candidates.size()))
      return Fail(MakeError("no candidate " + std::to_string(c) + " in this ward", "--lot", o.file));
    options.lot.push_back(static_cast<size_t>(c - 1));
  }
  Result<StvCount> count = CountStv(*profile, *ParseStvRules(o.rules), options);
  if (!count) {
    count.error().file = o.file;
    return Fail(count.error());
  }
  if (o.json) std::cout << StvCountJson(*profile, *count).dump(2) << "\n";
  else std::cout << StvCountText(*profile, *count, o.decimals);
  return 0;
}

int RunMayor(const CountCommands& o) {
  Result<std::vector<PublishedSvContest>> contests = ReadSvResultsCsv(o.file);
  if (!contests) return Fail(contests.error());
  nlohmann::json all = nlohmann::json::array();
  bool found = false;
  for (const PublishedSvContest& p : *contests) {
    if (!o.contest.empty() && p.ballot_id != o.contest) continue;
    found = true;
    Result<SvCount> count = CountSupplementaryVote(p.contest);
    if (!count) {
      count.error().file = o.file;
      count.error().line = p.lines.front();
      return Fail(count.error());
    }
    MayoralResult result = ToMayoralResult(p, *count);
    if (o.json) all.push_back(MayoralJson(result));
    else std::cout << MayoralText(result) << "\n";
  }
  if (!found) {
    std::cerr << "psephos: no contest '" << o.contest << "' in " << o.file << "\n";
    return kExitNotFound;
  }
  if (o.json) std::cout << all.dump(2) << "\n";
  return 0;
}

}  // namespace

void AddCountCommands(CLI::App& app, CountCommands& o) {
  o.stv = app.add_subcommand("stv", "Count an STV ward from its ballots (BLT) and print the stage table");
  o.stv->add_option("file", o.file, "Ballot profile in BLT format")->required();
  o.stv->add_option("--rules", o.rules,
                    "Counting rules: scotland (Scottish Local Government Elections Order 2007) or ni "
                    "(Electoral Law Act (Northern Ireland) 1962, Schedule 5); docs/STV.md")
      ->check(CLI::IsMember({"scotland", "ni"}))
      ->capture_default_str();
  o.stv->add_flag("--json", o.json, "The stage table as JSON");
  o.stv->add_option("--decimals", o.decimals, "Decimal places shown (cut, not rounded)")
      ->check(CLI::Range(0, 5))
      ->capture_default_str();
  o.stv->add_option("--lot", o.lot,
                    "The returning officer's lot for a tie no earlier stage breaks: candidate numbers "
                    "(1 = first in the file), first drawn first, e.g. --lot 3,1")
      ->delimiter(',');
  o.mayor = app.add_subcommand("mayor", "Supplementary-vote mayors from published round totals: both rounds and the headline");
  o.mayor->add_option("file", o.file,
                      "CSV with contest_id, contest, poll_date, candidate, party, first_pref_votes, "
                      "second_round_added, second_round_total, outcome")
      ->required();
  o.mayor->add_option("--contest", o.contest, "Only this contest (e.g. mayor.watford.2018-05-03)");
  o.mayor->add_flag("--json", o.json, "As JSON");
}

std::optional<int> RunCountCommands(const CountCommands& o) {
  if (o.stv && o.stv->parsed()) return RunStv(o);
  if (o.mayor && o.mayor->parsed()) return RunMayor(o);
  return std::nullopt;
}

}  // namespace psephos
