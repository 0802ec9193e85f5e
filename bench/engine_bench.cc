// engine_bench.cc
//
// The incremental benchmark (scripts/bench incremental): one declaration applied with every
// derived view updated, timed one by one over a whole synthetic night (demo/generator.h) in
// declared order, at 1x, 10x and 100x the night of 3 May 2018. Google Benchmark runs each
// night once (Iterations(1), manual time = the sum of the declarations' times) and reports
// the distribution as counters: p50_us, p99_us and max_us per declaration.
//
//   BM_NightApply/S          core only: Night::Apply (check, count, re-decide the council) and
//                            PartyTallies for all councils under both baselines
//   BM_EngineDeclare/S       Engine::Declare with every view the service keeps (tallies for
//                            all councils, London, each region and type, both baselines) and
//                            the log entry written, on an in-memory log (no durability)
//   BM_EngineDeclareSqlite/S/N  the same on the SQLite results log (WAL, synchronous=FULL: an
//                            fsync each), for the first N declarations of the night
//   BM_LogPage               GET /api/log's body for a page of 1,000 declarations
//
//   build/release/bench/psephos_engine_bench --benchmark_filter='BM_NightApply/1$'
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/night.h"
#include "core/state_of_parties.h"
#include "demo/generator.h"
#include "engine/engine.h"
#include "publish/live_views.h"
#include "readers/party_registry_reader.h"
#include "store/memory_log.h"
#include "store/sqlite_log.h"

namespace psephos {
namespace {

using Clock = std::chrono::steady_clock;

// Reports the per-declaration times (nanoseconds) as counters and the sum as the manual time.
void Report(benchmark::State& state, std::vector<double>& ns) {
  std::sort(ns.begin(), ns.end());
  double total = 0;
  for (double t : ns) total += t;
  state.SetIterationTime(total / 1e9);
  auto at = [&](double q) { return ns[std::min(ns.size() - 1, static_cast<size_t>(q * ns.size()))] / 1e3; };
  state.counters["declarations"] = static_cast<double>(ns.size());
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = ns.back() / 1e3;
}

const GeneratedNight& NightAt(int scale) {
  static std::map<int, GeneratedNight> nights;
  auto it = nights.find(scale);
  if (it == nights.end()) it = nights.emplace(scale, GenerateNight({.seed = 2018, .scale = scale})).first;
  return it->second;
}

void BM_NightApply(benchmark::State& state) {
  const GeneratedNight& generated = NightAt(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Result<Night> night = Night::Create(generated.election, DefaultPartyRegistry());
    if (!night) {
      state.SkipWithError(night.error().ToString().c_str());
      return;
    }
    std::vector<PartyTallies> tallies = {{CouncilFilter{}, Baseline::kLastFought},
                                         {CouncilFilter{}, Baseline::kEveOfPoll}};
    for (const Council& c : night->councils())
      for (PartyTallies& t : tallies) t.Add(c, ContributionOf(*night->Outcome(c.id), night->registry()));
    std::vector<double> ns;
    ns.reserve(generated.declarations.size());
    for (const Declaration& d : generated.declarations) {
      Declaration copy = d;
      const auto start = Clock::now();
      const Council& council = *night->FindCouncil(copy.council);
      const CouncilContribution before = ContributionOf(*night->Outcome(copy.council), night->registry());
      Status s = night->Apply(std::move(copy));
      const CouncilContribution after = ContributionOf(*night->Outcome(council.id), night->registry());
      for (PartyTallies& t : tallies) {
        t.Add(council, before, -1);
        t.Add(council, after, +1);
      }
      ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - start).count());
      if (!s) {
        state.SkipWithError(s.error().ToString().c_str());
        return;
      }
    }
    benchmark::DoNotOptimize(tallies[1].State());
    Report(state, ns);
  }
}

void RunEngine(benchmark::State& state, std::unique_ptr<ResultsLog> log, size_t limit) {
  const GeneratedNight& generated = NightAt(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    EngineOptions options;
    options.clock = [] { return std::string("2018-05-04T02:00:00Z"); };
    auto engine = Engine::Open(std::move(log), &generated.election, DefaultPartyRegistry(), options);
    if (!engine) {
      state.SkipWithError(engine.error().ToString().c_str());
      return;
    }
    const Writer writer{"bench", "engine_bench"};
    std::vector<double> ns;
    const size_t n = std::min(limit, generated.declarations.size());
    ns.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      std::vector<Declaration> one = {generated.declarations[i]};
      const auto start = Clock::now();
      auto receipt = (*engine)->Declare(std::move(one), Revision::kNew, writer);
      ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - start).count());
      if (!receipt) {
        state.SkipWithError(receipt.error().ToString().c_str());
        return;
      }
    }
    benchmark::DoNotOptimize((*engine)->Parties(CouncilFilter{}, Baseline::kEveOfPoll));
    Report(state, ns);
  }
}

void BM_EngineDeclare(benchmark::State& state) {
  RunEngine(state, OpenMemoryLog(), SIZE_MAX);
}

void BM_EngineDeclareSqlite(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("psephos-engine-bench-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  auto log = OpenSqliteLog(path.string());
  if (!log) {
    state.SkipWithError(log.error().ToString().c_str());
    return;
  }
  RunEngine(state, std::move(*log), static_cast<size_t>(state.range(1)));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// GET /api/log's body for a page of 1,000 declarations as the engine logged them.
void BM_LogPage(benchmark::State& state) {
  GeneratedNight night = GenerateNight(GeneratorOptions{});
  auto engine = Engine::Open(OpenMemoryLog(), &night.election, DefaultPartyRegistry());
  if (!engine) {
    state.SkipWithError(engine.error().ToString().c_str());
    return;
  }
  for (size_t i = 0; i < 1000 && i < night.declarations.size(); ++i)
    if (!(*engine)->Declare({night.declarations[i]}, Revision::kNew, Writer{"http", "desk"})) {
      state.SkipWithError("a declaration was refused");
      return;
    }
  auto entries = (*engine)->log().Read(1, 1000);  // after the setup: the declarations
  if (!entries) {
    state.SkipWithError(entries.error().ToString().c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(LogPageJson(1, (*engine)->seq(), false, *entries));
  state.counters["entries"] = static_cast<double>(entries->size());
}

BENCHMARK(BM_NightApply)->Arg(1)->Arg(10)->Arg(100)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LogPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EngineDeclare)->Arg(1)->Arg(10)->Arg(100)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EngineDeclareSqlite)
    ->Args({1, 50})
    ->Args({1, 2000})
    ->Args({100, 2000})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace psephos

BENCHMARK_MAIN();
