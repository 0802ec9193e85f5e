// fuzz_targets.h
//
// The fuzz targets: one per reader (each results format, the night JSON, the composition and
// constituency CSVs, BLT ballots, STV sheets, SV results, the tokens file) and one per HTTP
// request body the service accepts. A target takes arbitrary bytes and must neither crash, leak
// nor hang on any of them; a bad input is an Error value, never a crash. The same functions
// are driven by libFuzzer (libfuzzer_main.cc, the fuzz preset) and by the replay test
// (replay_main.cc, every build), so a regression file is checked with or without clang.
//
//   const FuzzTarget* t = FindFuzzTarget("lga");
//   t->run(std::string_view(bytes, size));
//
// Two-file formats (london-2022, sheffield-2016) take both files in one input, split at the
// first line that is exactly kFileSeparator.
#ifndef PSEPHOS_FUZZ_FUZZ_TARGETS_H_
#define PSEPHOS_FUZZ_FUZZ_TARGETS_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace psephos::fuzz {

struct FuzzTarget {
  const char* name;  // as in fuzz/corpus/<name>, fuzz/regressions/<name>, fuzz_<name>
  void (*run)(std::string_view input);
  // One-time setup, run before the first input when given (LLVMFuzzerInitialize), so that it
  // is not timed as part of an input: the API targets' service takes a few tenths of a second
  // to make, and a fuzzer starved at nice 19 took that past the 10 s timeout.
  void (*prepare)() = nullptr;
};

inline constexpr std::string_view kFileSeparator = "-----8<-----\n";

// The two files of a two-file input; the second is empty when there is no separator.
std::pair<std::string_view, std::string_view> SplitFiles(std::string_view input);

// The readers' targets (core and readers only, so they build in the asan preset too).
std::span<const FuzzTarget> ReaderFuzzTargets();
// The HTTP API's targets (server, engine and an SQLite log in a temporary directory).
std::span<const FuzzTarget> ApiFuzzTargets();

// Writes valid bodies for the API targets into DIR/<target>/ (declarations, a correction, a
// withdrawal and a council of the fuzz service's demo night, and a CSV body), so that fuzzing
// starts from inputs that reach logging and applying. fuzz/corpus was made this way.
void WriteApiSeeds(const std::string& dir);

// Called when a target finds a broken property that is not a sanitizer's business (a night
// written by WriteNightJson that ParseNightJson refuses): prints `what` and aborts, so that
// libFuzzer records the input as a crash.
[[noreturn]] void PropertyFailed(std::string_view target, std::string_view what);

}  // namespace psephos::fuzz

#endif  // PSEPHOS_FUZZ_FUZZ_TARGETS_H_
