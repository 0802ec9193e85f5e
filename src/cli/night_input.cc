#include "cli/night_input.h"

#if PSEPHOS_MIMALLOC
#include <mimalloc.h>
#endif

#include <algorithm>
#include <cctype>
#include <exception>
#include <functional>
#include <future>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>

#include "demo/generator.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "readers/results_file.h"

namespace psephos {

void AddNightOptions(CLI::App& command, NightInput& input) {
  command.add_flag("--demo", input.demo, "Use the bundled demo night (synthetic, seeded)");
  command.add_option("--night", input.night_file,
                     "Night file in Psephos JSON: councils set up before polling day, and declarations "
                     "(docs/NIGHT_FORMAT.md)")
      ->check(CLI::ExistingFile);
  command.add_option("--results", input.results,
                     "Results file to import, [FORMAT:]FILE; repeatable. Formats: " +
                         std::string(ResultsFormatNames()) + " (detected when not given)");
  command.add_option("--date", input.date, "Only polls held on this date (YYYY-MM-DD), for files holding several")
      ->check(CLI::Validator(
          [](std::string& date) -> std::string {
            // A date that matches no poll would silently leave every row out.
            const bool digits = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                                std::all_of(date.begin(), date.end(), [](char c) { return std::isdigit(c) || c == '-'; });
            return digits ? "" : "expected a date as YYYY-MM-DD (e.g. 2018-05-03), found '" + date + "'";
          },
          "YYYY-MM-DD"));
  command.add_flag("--allow-unknown-parties", input.allow_unknown_parties,
                   "Make a local party of any label the registry does not know, with a warning, "
                   "instead of refusing the file");
}

namespace {

// Memory the program frees goes back to the system at once rather than after mimalloc's delay
// (25 ms, in case it is wanted again): building a night frees a great deal on one thread (the
// setup's document; the results' rows once they are declarations) while another allocates, and
// with the delay the 100x batch's peak was 610 MB, not 563 (the time the same). Nothing to do
// under another allocator.
void ReturnFreedMemoryAtOnce() {
#if PSEPHOS_MIMALLOC
  mi_option_set(mi_option_decommit_delay, 0);
#endif
}

// What the setup thread gives: the night file's declarations and either the night made from its
// councils or, when a results file may still add a party to the registry, its election.
struct Setup {
  std::vector<Declaration> declarations;
  std::optional<Result<Night>> night;
  Election election;  // when `night` is not made
};

}  // namespace

// `a` here and `b` on a thread of its own. What either throws is thrown here once both are done,
// not left to end the process on the other thread; with no thread to be had, this one runs both.
void RunOnTwoThreads(const std::function<void()>& a, const std::function<void()>& b) {
  std::exception_ptr failed_there, failed_here;
  std::thread other;
  try {
    other = std::thread([&] {
      try {
        b();
      } catch (...) {
        failed_there = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    b();
  }
  try {
    a();
  } catch (...) {
    failed_here = std::current_exception();
  }
  if (other.joinable()) other.join();
  if (failed_here) std::rethrow_exception(failed_here);
  if (failed_there) std::rethrow_exception(failed_there);
}

Result<Night> BuildNight(const NightInput& input, std::ostream& warnings) {
  ReturnFreedMemoryAtOnce();
  PartyRegistry registry = DefaultPartyRegistry();
  // The setup file is read, and the night made from it, on a thread of its own while the results
  // files are read here: they do not depend on each other, and reading the results is the longer.
  // It has its own copy of the registry, which is the whole of it unless a results file may add
  // local parties (--allow-unknown-parties): then the night is made here, after them. What the
  // setup has wrong is still told before anything about the results, and a night that cannot be
  // made after them.
  std::future<Result<Setup>> setup;
  if (!input.night_file.empty())
    setup = std::async(std::launch::async, [path = input.night_file, known = registry,
                                            make_night = !input.allow_unknown_parties]() -> Result<Setup> {
      auto file = ReadNightJson(path, known);
      if (!file) return file.error();
      Setup out;
      out.declarations = std::move(file->declarations);
      if (make_night)
        out.night = Night::Create(std::move(file->election), known, NightOptions{.run_both = RunOnTwoThreads});
      else out.election = std::move(file->election);
      return out;
    });

  ReadOptions options;
  options.election_date = input.date;
  options.unknown_parties = input.allow_unknown_parties ? UnknownParties::kLocal : UnknownParties::kError;
  std::vector<std::pair<std::string, std::vector<Declaration>>> results;
  std::optional<Error> results_error;
  std::ostringstream results_warnings;
  for (const std::string& spec : input.results) {
    auto set = ReadResultsFile(spec, registry, options);
    if (!set) {
      results_error = set.error();
      break;
    }
    for (const auto& [label, id] : set->new_parties) {
      results_warnings << "warning: " << spec << ": unknown party '" << label << "' counted as local party " << id << "\n";
      if (!registry.Find(id)) (void)registry.Add(Party{id, label, label, "#AAAAAA", ""});
    }
    for (const std::string& w : set->warnings) results_warnings << "warning: " << w << "\n";
    results.emplace_back(spec, std::move(set->declarations));
  }

  Election election;
  // Each source's declarations, applied as one batch each so that an error names its file.
  std::vector<std::pair<std::string, std::vector<Declaration>>> batches;
  if (input.demo) {
    GeneratedNight demo = GenerateNight(GeneratorOptions{});
    election = std::move(demo.election);
    batches.emplace_back("the demo night", std::move(demo.declarations));
  }
  std::optional<Result<Night>> made;
  if (setup.valid()) {
    auto file = setup.get();
    if (!file) return file.error();
    if (input.demo) return MakeError("give --demo or --night, not both", "--night");
    if (file->night) made = std::move(file->night);
    else election = std::move(file->election);
    batches.emplace_back(input.night_file, std::move(file->declarations));
  }
  if (results_error) return *results_error;
  warnings << results_warnings.str();
  for (auto& batch : results) {
    if (!made && election.date.empty() && !batch.second.empty()) {
      // Results alone: the election is the date of the first poll read.
      election.date = BallotDate(batch.second.front().ballot_id);
      election.id = "local." + election.date;
    }
    batches.push_back(std::move(batch));
  }
  NightOptions night_options{.run_both = RunOnTwoThreads};
  // Without a night file there is no setup to check against: councils come from the results.
  night_options.infer_councils = input.night_file.empty() && !input.demo;
  Result<Night> night = made ? std::move(*made) : Night::Create(std::move(election), std::move(registry), night_options);
  if (!night) {
    Error e = night.error();
    if (e.file.empty()) e.file = input.night_file;
    return e;
  }
  for (auto& [source, declarations] : batches)
    if (Status s = night->ApplyAll(std::move(declarations)); !s) {
      Error e = s.error();
      if (e.file != source) e.file = e.file.empty() ? source : source + ": " + e.file;
      return e;
    }
  return night;
}

}  // namespace psephos
