// generate_command.h
//
// `psephos generate`: writes the seeded synthetic night (demo/generator.h) at any scale as
// files, for benchmarks and for anyone who wants a big night to feed another tool. Streams
// council by council, so a 1000x night (150,000 councils, about 4.4 million seats) is written
// in bounded memory. The same scale and seed give the same bytes.
//
//   psephos generate --scale 10 --seed 2018 --out night-10x
//
// Files in the output folder:
//   results.csv    Democracy Club flat CSV (readers/democracy_club.h): a row per candidate,
//                  postponed polls left out (they have no result); party ids in Democracy
//                  Club's form where one exists (party:52, ynmp-party:2), else the registry id
//   setup.json     our JSON night (docs/NIGHT_FORMAT.md): the councils, no declarations
//   night.json     the same with every declaration, in council and ward order (--no-json skips it)
//   councils.csv   council,total_seats                    the setup as flat tables, for tools
//   not_up.csv     council,party,seats                    that read CSV only (bench/peers/):
//   seats_up.csv   council,ballot_paper_id,seat,defending  party = control key ("IND:<name>")
//   groups.csv     party,group                            the totals group of registry ids
#ifndef PSEPHOS_CLI_GENERATE_COMMAND_H_
#define PSEPHOS_CLI_GENERATE_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace psephos {

struct GenerateInput {
  int scale = 1;
  uint64_t seed = 2018;
  std::string out;
  bool no_json = false;
};

CLI::App* AddGenerateCommand(CLI::App& app, GenerateInput& input);
// Exit codes as main.cc: 0 written; 2 a file could not be written.
int RunGenerate(const GenerateInput& input);

}  // namespace psephos

#endif  // PSEPHOS_CLI_GENERATE_COMMAND_H_
