// night_input.h
//
// The inputs every psephos command shares, and how they become a Night: a night file in our
// JSON (councils set up before polling day, and declarations), results files in any format
// the readers know, or the bundled demo night. All or nothing: if any file is bad, the
// command reports it and nothing is shown.
//
//   NightInput input;                 // filled by CLI11 (AddNightOptions)
//   Result<Night> night = BuildNight(input, std::cerr);
#ifndef PSEPHOS_CLI_NIGHT_INPUT_H_
#define PSEPHOS_CLI_NIGHT_INPUT_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/night.h"

namespace psephos {

struct NightInput {
  bool demo = false;
  std::string night_file;
  std::vector<std::string> results;  // [FORMAT:]FILE, see readers/results_file.h
  std::string date;
  bool allow_unknown_parties = false;
};

void AddNightOptions(CLI::App& command, NightInput& input);

// Warnings (unknown parties made local, notes from readers) go to `warnings`. The night made
// shares a big batch's work between two threads (RunOnTwoThreads).
Result<Night> BuildNight(const NightInput& input, std::ostream& warnings);

// A RunBoth (core/night.h) that runs `b` on a thread of its own while the caller runs `a`, and
// throws what either threw once both are done; with no thread to be had, it runs both here. The
// one-shot commands give it to the night and to the outcome lines (publish/outcomes_csv.h),
// psephos serve to its fan-out (server/service.h).
void RunOnTwoThreads(const std::function<void()>& a, const std::function<void()>& b);

}  // namespace psephos

#endif  // PSEPHOS_CLI_NIGHT_INPUT_H_
