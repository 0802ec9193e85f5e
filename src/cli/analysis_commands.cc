#include "cli/analysis_commands.h"

#include "analysis/party_shares.h"

#include <algorithm>
#include <cctype>

#include "analysis/commons.h"
#include "analysis/marginality.h"
#include "analysis/pns.h"
#include "analysis/shares.h"
#include "publish/analysis_views.h"
#include "readers/constituency_csv.h"
#include "readers/party_registry_reader.h"

namespace psephos {

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitNotFound = 3;
constexpr char kDefaultGe2017[] =
    "../shared/data/ge2017-hoc-constituency/HoC-GE2017-constituency-results.csv";

using Options = AnalysisCommands::Options;

int Fail(std::ostream& err, const Error& e, int code = kExitBadInput) {
  err << "psephos: " << e.ToString() << "\n";
  return code;
}

void Print(std::ostream& out, const nlohmann::json& j) { out << j.dump(2) << "\n"; }

// The night and, when --previous is given, the last time the same seats were fought.
struct Nights {
  std::optional<Night> now, before;
};

Result<Nights> Load(const NightInput& input, const Options& o, bool need_previous,
                    std::ostream& err) {
  if (!input.demo && input.night_file.empty() && input.results.empty())
    return MakeError("give --demo, --night FILE or --results FILE (see --help)", "--results");
  if (need_previous && o.previous.empty())
    return MakeError("needs the last time the same seats were fought: --previous [FORMAT:]FILE",
                     "--previous");
  Nights nights;
  auto now = BuildNight(input, err);
  if (!now) return now.error();
  nights.now.emplace(std::move(*now));
  if (!o.previous.empty()) {
    NightInput previous;
    previous.results = o.previous;
    previous.date = o.previous_date;
    previous.allow_unknown_parties = input.allow_unknown_parties;
    auto before = BuildNight(previous, err);
    if (!before) return before.error();
    nights.before.emplace(std::move(*before));
  }
  return nights;
}

int RunShares(const Nights& n, const Options& o, std::ostream& out, std::ostream& err) {
  ShareQuery q{o.filter, o.council, *ParseShareMethod(o.method)};
  if (!o.council.empty() && !n.now->FindCouncil(o.council)) {
    err << "psephos: no council '" << o.council << "'\n";
    return kExitNotFound;
  }
  const Night* before = n.before ? &*n.before : nullptr;
  if (o.by_council) {
    std::vector<VoteShares> councils = SharesByCouncil(*n.now, q, before);
    if (o.json)
      Print(out, SharesByCouncilJson(councils, n.now->registry()));
    else
      out << SharesByCouncilText(councils, n.now->registry());
    return 0;
  }
  VoteShares s = SharesOf(*n.now, q, before);
  if (o.json)
    Print(out, SharesJson(s, n.now->registry()));
  else
    out << SharesText(s, n.now->registry());
  return 0;
}

int RunSwing(const Nights& n, const Options& o, std::ostream& out, std::ostream& err) {
  const PartyRegistry& registry = n.now->registry();
  auto from = PartyByLabel(registry, o.from), to = PartyByLabel(registry, o.to);
  if (!from || !to) {
    err << "psephos: unknown party '" << (from ? o.to : o.from) << "'\n";
    return kExitUsage;
  }
  VoteShares s =
      SharesOf(*n.now, ShareQuery{o.filter, o.council, *ParseShareMethod(o.method)}, &*n.before);
  auto swing = ButlerSwing(s, registry.TotalsGroup(*from), registry.TotalsGroup(*to));
  if (!swing) return Fail(err, swing.error());
  if (o.json)
    Print(out, SwingJson(*swing, registry));
  else
    out << SwingText(*swing, registry);
  return 0;
}

Result<ProjectedNationalShare> Pns(const Nights& n, const Options& o) {
  PnsOptions options;
  options.method = *ParseShareMethod(o.method);
  options.filter = o.filter;
  if (!o.baseline_share.empty()) {
    auto baseline = ParseShares(n.now->registry(), o.baseline_share, "--baseline-share");
    if (!baseline) return baseline.error();
    options.baseline = *baseline;
    options.baseline_name = "given: " + o.baseline_share;
  }
  return ProjectNationalShare(*n.now, *n.before, options);
}

int RunPns(const Nights& n, const Options& o, std::ostream& out, std::ostream& err) {
  auto pns = Pns(n, o);
  if (!pns) return Fail(err, pns.error());
  if (o.json)
    Print(out, PnsJson(*pns, n.now->registry()));
  else
    out << PnsText(*pns, n.now->registry());
  return 0;
}

int RunCommons(const NightInput& input, const Options& o, std::ostream& out, std::ostream& err) {
  const PartyRegistry& registry = DefaultPartyRegistry();
  std::map<std::string, double> shares;
  std::string source = "given";
  if (!o.share.empty()) {
    auto given = ParseShares(registry, o.share, "--share");
    if (!given) return Fail(err, given.error(), kExitUsage);
    shares = *given;
  } else {
    auto nights = Load(input, o, true, err);
    if (!nights) return Fail(err, nights.error(), kExitUsage);
    auto pns = Pns(*nights, o);
    if (!pns) return Fail(err, pns.error());
    shares = pns->Shares();
    source = "projected national share from " + std::to_string(pns->wards) + " wards";
  }
  auto seats = ReadConstituencyCsv(o.ge.empty() ? kDefaultGe2017 : o.ge, true);
  if (!seats) return Fail(err, seats.error());
  auto model = CommonsModel::Create(std::move(*seats));
  if (!model) return Fail(err, model.error());
  const SwingMethod method = *ParseSwingMethod(o.swing);
  auto projection = model->Project(shares, method);
  if (!projection) return Fail(err, projection.error());
  std::optional<CommonsSimulation> simulation;
  if (o.simulations > 0) {
    auto sim =
        model->Simulate(shares, method, {.simulations = o.simulations, .seed = o.seed, .sd = o.sd});
    if (!sim) return Fail(err, sim.error());
    simulation = std::move(*sim);
  }
  if (o.json)
    Print(out, CommonsJson(*projection, shares, source, simulation, registry));
  else
    out << CommonsText(*projection, shares, source, simulation, registry);
  return 0;
}

int RunMarginality(const Nights& n, const Options& o, std::ostream& out, std::ostream& err) {
  if (!n.now->FindCouncil(o.council)) {
    err << "psephos: no council '" << o.council << "' (psephos councils lists them)\n";
    return kExitNotFound;
  }
  std::optional<std::string> party;
  if (!o.party.empty()) {
    party = PartyByLabel(n.now->registry(), o.party);
    if (!party) {
      err << "psephos: unknown party '" << o.party << "'\n";
      return kExitUsage;
    }
  }
  auto m = MarginalityOf(*n.now, o.council, party);
  if (!m) return Fail(err, m.error(), kExitNotFound);
  if (o.json)
    Print(out, MarginalityJson(*m, n.now->registry()));
  else
    out << MarginalityText(*m, n.now->registry());
  return 0;
}

int RunClosest(const Nights& n, const Options& o, std::ostream& out) {
  auto closest = ClosestCouncils(*n.now, o.limit);
  if (o.json)
    Print(out, ClosestJson(closest, n.now->registry()));
  else
    out << ClosestText(closest, n.now->registry());
  return 0;
}

void AddCommon(CLI::App& cmd, NightInput& input, Options& o) {
  AddNightOptions(cmd, input);
  cmd.add_flag("--json", o.json, "Machine-readable JSON on standard output");
}

void AddPrevious(CLI::App& cmd, Options& o) {
  cmd.add_option(
      "--previous", o.previous,
      "Results of the last time the same seats were fought, [FORMAT:]FILE as for --results; "
      "repeatable (e.g. the London 2014 file for London 2018). Wards are paired by GSS code, "
      "else by council and ward name");
  cmd.add_option("--previous-date", o.previous_date,
                 "Only polls of this date in the --previous files");
}

void AddShareOptions(CLI::App& cmd, Options& o) {
  cmd.add_option(
         "--method", o.method,
         "How a party's votes in a multi-member ward count: top-candidate (its best candidate), "
         "raw-total (every vote) or average-per-candidate")
      ->check(CLI::IsMember({"top-candidate", "raw-total", "average-per-candidate"}))
      ->capture_default_str();
  // Straight into the CouncilFilter the analysis takes.
  cmd.add_flag("--london", o.filter.london_only, "London boroughs only");
  cmd.add_option_function<std::string>(
      "--region", [&o](const std::string& region) { o.filter.region = region; },
      "Only councils in this region");
  cmd.add_option_function<std::string>(
         "--type", [&o](const std::string& type) { o.filter.type = ParseCouncilType(type); },
         "Only councils of this type")
      ->check(CLI::IsMember(
          {"london-borough", "metropolitan-borough", "non-metropolitan-district", "unitary"}));
}

}  // namespace

AnalysisCommands::AnalysisCommands(CLI::App& app, NightInput& input) : input_(input) {
  Options& o = options_;
  shares_ = app.add_subcommand(
      "shares",
      "Vote share by party (method stated), with change since the seats were last fought");
  swing_ = app.add_subcommand("swing",
                              "Butler swing between two parties since the seats were last fought");
  pns_ = app.add_subcommand(
      "pns", "Projected national share from wards comparable with last time (docs/PNS.md)");
  commons_ = app.add_subcommand(
      "commons", "Commons projection from a national share, with a simulation of outcomes");
  marginality_ = app.add_subcommand(
      "marginality", "Fewest votes that would have changed a council's control, and where");
  closest_ = app.add_subcommand(
      "closest", "Closest councils of the night: fewest votes from a change of control");
  for (CLI::App* cmd : {shares_, swing_, pns_, commons_, marginality_, closest_})
    AddCommon(*cmd, input, o);
  for (CLI::App* cmd : {shares_, swing_, pns_, commons_}) AddPrevious(*cmd, o);
  for (CLI::App* cmd : {shares_, swing_, pns_, commons_}) AddShareOptions(*cmd, o);
  shares_->add_option("--council", o.council, "One council only (its slug)");
  shares_->add_flag("--by-council", o.by_council,
                    "One line a council (with the filters: those councils)");
  swing_->add_option("from", o.from, "The party the swing is from (CON, Lab, PP52, ...)")
      ->required();
  swing_->add_option("to", o.to, "The party the swing is to")->required();
  swing_->add_option("--council", o.council, "One council only (its slug)");
  for (CLI::App* cmd : {pns_, commons_})
    cmd->add_option("--baseline-share", o.baseline_share,
                    "National shares when the seats were last fought, e.g. CON=29,LAB=31,LD=13 "
                    "(default: the BBC's 2014 projected national share, which is that)");
  commons_->add_option("--share", o.share,
                       "National shares to project, e.g. CON=42.4,LAB=40.0,LD=7.4 "
                       "(default: the projected national share of the night)");
  commons_
      ->add_option("--swing", o.swing, "uniform (add the change in points) or proportional (scale)")
      ->check(CLI::IsMember({"uniform", "proportional"}))
      ->capture_default_str();
  commons_
      ->add_option("--simulations", o.simulations,
                   "Draws over the uncertainty of the shares (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  commons_->add_option("--seed", o.seed, "Seed of the simulation (the same seed, the same answer)")
      ->capture_default_str();
  commons_->add_option("--sd", o.sd, "Error of a 35% share, in points (docs/COMMONS.md)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  commons_->add_option(
      "--ge", o.ge,
      std::string("General election 2017 constituency results (default ") + kDefaultGe2017 + ")");
  marginality_->add_option("council", o.council, "Council id (its slug, e.g. barnet)")->required();
  marginality_->add_option("--party", o.party, "Only this party (CON, Lab, PP53, ...)");
  closest_->add_option("--limit", o.limit, "How many councils")->capture_default_str();
}

std::optional<int> AnalysisCommands::Run(std::ostream& out, std::ostream& err) const {
  const Options& o = options_;
  if (commons_->parsed()) return RunCommons(input_, o, out, err);
  const bool previous = swing_->parsed() || pns_->parsed();
  if (!(shares_->parsed() || previous || marginality_->parsed() || closest_->parsed()))
    return std::nullopt;
  auto nights = Load(input_, o, previous, err);
  if (!nights) {
    const bool usage = nights.error().field == "--results" || nights.error().field == "--previous";
    return Fail(err, nights.error(), usage ? kExitUsage : kExitBadInput);
  }
  if (shares_->parsed()) return RunShares(*nights, o, out, err);
  if (swing_->parsed()) return RunSwing(*nights, o, out, err);
  if (pns_->parsed()) return RunPns(*nights, o, out, err);
  if (marginality_->parsed()) return RunMarginality(*nights, o, out, err);
  return RunClosest(*nights, o, out);
}

}  // namespace psephos
