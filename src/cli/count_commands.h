// count_commands.h
//
// The psephos subcommands for counts other than first past the post, each working from a file
// alone (no night needed):
//   psephos stv FILE.blt [--rules scotland|ni] [--json] [--decimals N] [--lot 3,1,2]
//       an STV ward counted stage by stage, printed as the official result sheet
//   psephos mayor FILE.csv [--contest mayor.watford.2018-05-03] [--json]
//       supplementary-vote mayors from published round totals: both rounds and the headline
// main.cc registers them before parsing and runs them after:
//   CountCommands counts;
//   AddCountCommands(app, counts);
//   ... app.parse(argc, argv) ...
//   if (std::optional<int> code = RunCountCommands(counts)) return *code;
#ifndef PSEPHOS_CLI_COUNT_COMMANDS_H_
#define PSEPHOS_CLI_COUNT_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace psephos {

struct CountCommands {
  CLI::App* stv = nullptr;
  CLI::App* mayor = nullptr;
  std::string file;
  std::string rules = "scotland";
  bool json = false;
  int decimals = 5;
  std::vector<int> lot;  // 1-based candidate numbers, first drawn first
  std::string contest;
};

void AddCountCommands(CLI::App& app, CountCommands& counts);
// The exit code when one of these subcommands was given (0 done, 2 bad input, 3 no such
// contest); nullopt when another subcommand was.
std::optional<int> RunCountCommands(const CountCommands& counts);

}  // namespace psephos

#endif  // PSEPHOS_CLI_COUNT_COMMANDS_H_
