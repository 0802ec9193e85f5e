// psephos: the command line.
//
//   psephos night --demo                       state of the parties and every council's outcome
//   psephos parties --results FILE --london    the state of the parties, filtered
//   psephos council trafford --night N.json --results lga:FILE --wards
//   psephos headlines --demo --json
//   psephos import --results FILE --out night.json
//   psephos serve                              the live service on the demo night (serve_command.h)
//   psephos stv WARD.blt [--rules ni] [--json]  an STV count, stage by stage (count_commands.h)
//   psephos mayor RESULTS.csv                   supplementary-vote mayors
//   psephos generate --scale 10 --out DIR       a synthetic night as files (generate_command.h)
//   psephos outcomes --night N.json --results F  every ward, council and party as flat CSV
//
// Exit codes: 0 done; 1 usage (bad option; see --help); 2 bad input (a file or value was
// wrong: nothing was applied, the message names file, line and field); 3 not found (no such
// council).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "cli/count_commands.h"
#include "cli/analysis_commands.h"
#include "cli/generate_command.h"
#include "cli/night_input.h"
#include "cli/serve_command.h"
#include "core/state_of_parties.h"
#include "publish/outcomes_csv.h"
#include "publish/views.h"
#include "readers/night_json.h"

namespace psephos {
namespace {

constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitNotFound = 3;

struct ViewOptions {
  bool json = false;
  bool london = false;
  std::string region;
  std::string type;
  std::string baseline = "eve-of-poll";
};

void AddViewOptions(CLI::App& cmd, ViewOptions& v, bool filters = true) {
  cmd.add_flag("--json", v.json, "Machine-readable JSON on standard output");
  cmd.add_option("--baseline", v.baseline,
                 "What changes are measured against: eve-of-poll (the composition just before "
                 "polling day, as news reports of control use) or last-fought (the last time the "
                 "same seats were fought, as national seat tallies use)")
      ->check(CLI::IsMember({"eve-of-poll", "last-fought"}))
      ->capture_default_str();
  if (!filters) return;
  cmd.add_flag("--london", v.london, "London boroughs only");
  cmd.add_option("--region", v.region, "Only councils in this region (e.g. \"North West\")");
  cmd.add_option("--type", v.type, "Only councils of this type")
      ->check(CLI::IsMember({"london-borough", "metropolitan-borough", "non-metropolitan-district", "unitary"}));
}

CouncilFilter FilterOf(const ViewOptions& v) {
  CouncilFilter f;
  f.london_only = v.london;
  if (!v.region.empty()) f.region = v.region;
  if (!v.type.empty()) f.type = ParseCouncilType(v.type);
  return f;
}

Baseline BaselineOf(const ViewOptions& v) { return *ParseBaseline(v.baseline); }

int Fail(const Error& e) {
  std::cerr << "psephos: " << e.ToString() << "\n";
  return kExitBadInput;
}

void PrintJson(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

int RunNight(const Night& night, const ViewOptions& v) {
  CouncilFilter filter = FilterOf(v);
  Baseline baseline = BaselineOf(v);
  StateOfParties state = TallyParties(night, filter, baseline);
  if (v.json) {
    PrintJson({{"election", night.election().id},
               {"name", night.election().name},
               {"rehearsal", night.election().rehearsal},
               {"state_of_parties", StateOfPartiesJson(state, night.registry())},
               {"councils", CouncilListJson(night, filter)},
               {"headlines", Headlines(night, filter, baseline)}});
    return 0;
  }
  if (night.election().rehearsal) std::cout << "REHEARSAL - not real results\n";
  if (!night.election().name.empty()) std::cout << night.election().name << "\n\n";
  std::cout << StateOfPartiesText(state, night.registry()) << "\n"
            << CouncilListText(night, filter, baseline);
  return 0;
}

int RunParties(const Night& night, const ViewOptions& v) {
  StateOfParties state = TallyParties(night, FilterOf(v), BaselineOf(v));
  if (v.json) PrintJson(StateOfPartiesJson(state, night.registry()));
  else std::cout << StateOfPartiesText(state, night.registry());
  return 0;
}

int RunCouncils(const Night& night, const ViewOptions& v) {
  if (v.json) PrintJson(CouncilListJson(night, FilterOf(v)));
  else std::cout << CouncilListText(night, FilterOf(v), BaselineOf(v));
  return 0;
}

int RunHeadlines(const Night& night, const ViewOptions& v) {
  auto lines = Headlines(night, FilterOf(v), BaselineOf(v));
  if (v.json) PrintJson(lines);
  else
    for (const auto& line : lines) std::cout << line << "\n";
  return 0;
}

int RunCouncil(const Night& night, const std::string& id, bool wards, const ViewOptions& v) {
  const Council* council = night.FindCouncil(id);
  if (!council) {
    std::cerr << "psephos: no council '" << id << "' (psephos councils lists them)\n";
    return kExitNotFound;
  }
  if (v.json) PrintJson(CouncilJson(night, *council, wards));
  else std::cout << CouncilText(night, *council, BaselineOf(v));
  return 0;
}

int RunImport(const Night& night, const std::string& out) {
  std::vector<Declaration> declarations;
  for (const auto& d : night.declarations()) declarations.push_back(*d);
  if (!out.empty()) {
    std::ofstream file(out);
    file << WriteNightJson(night.election(), declarations);
    if (!file) {
      std::cerr << "psephos: " << out << ": cannot write the file\n";
      return kExitBadInput;
    }
  }
  int seats = 0;
  for (const auto& d : declarations) seats += d.seats;
  std::cout << "Read " << declarations.size() << " ward declarations (" << seats << " seats) in "
            << night.councils().size() << " councils; all checked"
            << (out.empty() ? "" : ", written to " + out) << ".\n";
  return 0;
}

}  // namespace
}  // namespace psephos

int main(int argc, char** argv) {
  using namespace psephos;
  CLI::App app{"Psephos: results-night engine for UK local elections.\n"
               "Reads declarations, counts wards, decides councils and reports the night."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");

  NightInput input;
  ViewOptions view;
  std::string council_id, out;
  bool wards = false;

  auto* night_cmd = app.add_subcommand("night", "The state of the parties and every council's outcome");
  auto* parties_cmd = app.add_subcommand("parties", "The state of the parties after N of M councils");
  auto* councils_cmd = app.add_subcommand("councils", "Every council: declared or awaiting, and its result");
  auto* council_cmd = app.add_subcommand("council", "One council: composition before and after, control, change, wards");
  auto* headlines_cmd = app.add_subcommand("headlines", "Headlines in the order councils were decided");
  auto* import_cmd = app.add_subcommand("import", "Check results files and (with --out) write them as one night file");
  auto* outcomes_cmd = app.add_subcommand("outcomes", "Every ward's winners, council and party as flat CSV (publish/outcomes_csv.h)");
  for (CLI::App* cmd : {night_cmd, parties_cmd, councils_cmd, council_cmd, headlines_cmd, import_cmd, outcomes_cmd})
    AddNightOptions(*cmd, input);
  for (CLI::App* cmd : {night_cmd, parties_cmd, councils_cmd, headlines_cmd}) AddViewOptions(*cmd, view);
  AddViewOptions(*council_cmd, view, false);
  council_cmd->add_option("id", council_id, "Council id (its slug, e.g. trafford)")->required();
  council_cmd->add_flag("--wards", wards, "With --json: include every ward and its candidates");
  import_cmd->add_option("--out", out, "Write the checked night to this file (Psephos JSON)");
  ServeInput serve;
  CLI::App* serve_cmd = AddServeCommand(app, serve);
  CountCommands counts;
  AddCountCommands(app, counts);
  AnalysisCommands analysis(app, input);  // shares, swing, pns, commons, marginality, closest
  GenerateInput generate;
  CLI::App* generate_cmd = AddGenerateCommand(app, generate);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (serve_cmd->parsed()) return RunServe(serve);
  if (generate_cmd->parsed()) return RunGenerate(generate);
  if (std::optional<int> code = RunCountCommands(counts)) return *code;
  if (auto code = analysis.Run(std::cout, std::cerr)) return *code;
  if (!input.demo && input.night_file.empty() && input.results.empty()) {
    std::cerr << "psephos: give --demo, --night FILE or --results FILE (see --help)\n";
    return kExitUsage;
  }
  auto built = BuildNight(input, std::cerr);
  if (!built) return Fail(built.error());
  // Left to the end of the process, not taken apart: a 1000x night is some fifty million heap
  // objects, and freeing them one by one took seconds after the output was written.
  const Night& night = *new Night(std::move(*built));
  if (night_cmd->parsed()) return RunNight(night, view);
  if (parties_cmd->parsed()) return RunParties(night, view);
  if (councils_cmd->parsed()) return RunCouncils(night, view);
  if (council_cmd->parsed()) return RunCouncil(night, council_id, wards || !view.json, view);
  if (headlines_cmd->parsed()) return RunHeadlines(night, view);
  if (import_cmd->parsed()) return RunImport(night, out);
  if (outcomes_cmd->parsed()) {
    WriteOutcomesCsv(night, std::cout, RunOnTwoThreads);
    return 0;
  }
  return kExitUsage;
}
