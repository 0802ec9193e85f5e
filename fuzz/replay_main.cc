// replay_main.cc
//
// Replays the committed fuzz inputs through the same targets libFuzzer drives, built with the
// ordinary toolchain, so the default test run (and CI) checks every past crash and the corpus
// without clang. Each file in fuzz/corpus/<target>/ and fuzz/regressions/<target>/ is run
// once; a crash fails the test (the release build aborts, the asan build reports it).
//
//   fuzz_replay fuzz                    # every target's corpus and regressions
//   fuzz_replay --target lga FILE...    # given files through one target
//   fuzz_replay --write-api-seeds DIR   # valid API bodies for the demo night (fuzz/corpus)
//
// A folder naming no known target fails, so a renamed target cannot silently stop replaying.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_targets.h"

namespace fs = std::filesystem;
using psephos::fuzz::FuzzTarget;

namespace {

std::map<std::string, const FuzzTarget*> Targets() {
  std::map<std::string, const FuzzTarget*> targets;
  for (const FuzzTarget& t : psephos::fuzz::ReaderFuzzTargets()) targets[t.name] = &t;
#if PSEPHOS_FUZZ_WITH_API
  for (const FuzzTarget& t : psephos::fuzz::ApiFuzzTargets()) targets[t.name] = &t;
#endif
  return targets;
}

// Targets that exist in the full build but not in this one (the asan preset has no server).
const std::set<std::string>& ApiOnly() {
  static const std::set<std::string> names = {"api-declarations", "api-declarations-csv", "api-corrections",
                                              "api-withdrawals", "api-councils", "api-mayors", "api-get", "tokens"};
  return names;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void Run(const FuzzTarget& target, const fs::path& file) {
  const std::string bytes = Slurp(file);
  target.run(bytes);
}

}  // namespace

int main(int argc, char** argv) {
  const auto targets = Targets();
  if (argc >= 3 && std::string(argv[1]) == "--target") {
    auto it = targets.find(argv[2]);
    if (it == targets.end()) {
      std::fprintf(stderr, "no fuzz target %s\n", argv[2]);
      return 2;
    }
    for (int i = 3; i < argc; ++i) Run(*it->second, argv[i]);
    return 0;
  }
#if PSEPHOS_FUZZ_WITH_API
  if (argc == 3 && std::string(argv[1]) == "--write-api-seeds") {
    psephos::fuzz::WriteApiSeeds(argv[2]);
    return 0;
  }
#endif
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_replay FUZZ_DIR | fuzz_replay --target NAME FILE...\n");
    return 2;
  }
  const fs::path root = argv[1];
  int files = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    if (!fs::is_directory(root / kind)) continue;
    // Sorted, as the files are: the API targets share one service, so order is state.
    std::vector<fs::path> dirs;
    for (const auto& dir : fs::directory_iterator(root / kind))
      if (dir.is_directory()) dirs.push_back(dir.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& dir : dirs) {
      const std::string name = dir.filename().string();
      auto it = targets.find(name);
      if (it == targets.end()) {
        if (ApiOnly().contains(name) && !PSEPHOS_FUZZ_WITH_API) continue;
        std::fprintf(stderr, "%s: no fuzz target named %s\n", dir.c_str(), name.c_str());
        return 1;
      }
      std::vector<fs::path> paths;
      for (const auto& f : fs::directory_iterator(dir))
        if (f.is_regular_file()) paths.push_back(f.path());
      std::sort(paths.begin(), paths.end());  // the same order every run: the API targets keep state
      for (const fs::path& p : paths) {
        Run(*it->second, p);
        ++files;
      }
      std::printf("%s/%s: %zu files\n", kind, name.c_str(), paths.size());
    }
  }
  std::printf("replayed %d files, no crash\n", files);
  return 0;
}
