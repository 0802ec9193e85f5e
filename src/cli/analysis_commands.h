// analysis_commands.h
//
// The analysis subcommands of psephos, kept apart from main.cc so that adding one touches
// only this pair of files:
//   psephos shares --results F [--previous F] [--council ID | --by-council] [--method M] [--london
//   ...] psephos swing CON LAB --results F --previous F psephos pns --results F --previous F
//   [--baseline-share CON=29,LAB=31,LD=13] psephos commons [--share CON=42.4,LAB=40.0,...] [--swing
//   proportional] [--simulations N --seed K] psephos marginality COUNCIL --results F [--party P]
//   psephos closest --results F [--limit N]
// All take --json. main.cc registers them and runs them in two lines:
//
//   AnalysisCommands analysis(app, input);         // after the other subcommands
//   ...app.parse(argc, argv)...
//   if (auto code = analysis.Run(std::cout, std::cerr)) return *code;
#ifndef PSEPHOS_CLI_ANALYSIS_COMMANDS_H_
#define PSEPHOS_CLI_ANALYSIS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/night_input.h"
#include "core/state_of_parties.h"

namespace psephos {

class AnalysisCommands {
 public:
  // Adds the subcommands to `app`; they read the night from `input`, shared with the others.
  AnalysisCommands(CLI::App& app, NightInput& input);
  AnalysisCommands(const AnalysisCommands&) = delete;
  AnalysisCommands& operator=(const AnalysisCommands&) = delete;

  // When one of these subcommands was given: runs it and returns its exit code (0 done, 1
  // usage, 2 bad input, 3 not found). Otherwise nullopt.
  std::optional<int> Run(std::ostream& out, std::ostream& err) const;

  struct Options {
    bool json = false;
    CouncilFilter filter;  // --london, --region, --type
    std::string council, method = "top-candidate";
    bool by_council = false;            // shares
    std::vector<std::string> previous;  // [FORMAT:]FILE of the last time the seats were fought
    std::string previous_date;
    std::string from, to;                      // swing
    std::string baseline_share;                // pns, commons
    std::string share, swing = "uniform", ge;  // commons
    int simulations = 100000;
    uint64_t seed = 1;
    double sd = 2.5;
    std::string party;  // marginality
    size_t limit = 10;  // closest
  };

 private:
  NightInput& input_;
  Options options_;
  CLI::App* shares_ = nullptr;
  CLI::App* swing_ = nullptr;
  CLI::App* pns_ = nullptr;
  CLI::App* commons_ = nullptr;
  CLI::App* marginality_ = nullptr;
  CLI::App* closest_ = nullptr;
};

}  // namespace psephos

#endif  // PSEPHOS_CLI_ANALYSIS_COMMANDS_H_
