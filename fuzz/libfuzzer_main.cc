// libfuzzer_main.cc
//
// The libFuzzer entry point of one fuzz binary, fuzz_<target>: compiled once per target with
// PSEPHOS_FUZZ_TARGET naming it (fuzz/CMakeLists.txt). Run through scripts/fuzz, or by hand:
//
//   build/fuzz/fuzz/fuzz_lga -max_len=65536 -timeout=10 CORPUS_DIR    # fuzz
//   build/fuzz/fuzz/fuzz_lga fuzz/regressions/lga/*                    # replay files
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_targets.h"

namespace {

const psephos::fuzz::FuzzTarget& Target() {
  static const psephos::fuzz::FuzzTarget* target = [] {
    for (auto targets : {psephos::fuzz::ReaderFuzzTargets(), psephos::fuzz::ApiFuzzTargets()})
      for (const auto& t : targets)
        if (std::string_view(t.name) == PSEPHOS_FUZZ_TARGET) return &t;
    std::fprintf(stderr, "no fuzz target %s\n", PSEPHOS_FUZZ_TARGET);
    std::abort();
  }();
  return *target;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  if (Target().prepare) Target().prepare();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Target().run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
