// Benchmarks of the analysis layer: the Commons projection and its simulation (100k draws)
// on GE2017, and exact marginality for every council of the demo night.
// Run: scripts/bench analysis (release build); figures in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "analysis/commons.h"
#include "analysis/marginality.h"
#include "demo/generator.h"
#include "readers/constituency_csv.h"
#include "readers/party_registry_reader.h"

namespace psephos {
namespace {

const CommonsModel* Ge2017() {
  static const std::optional<CommonsModel> model = []() -> std::optional<CommonsModel> {
    const char* env = std::getenv("PSEPHOS_SHARED_DATA");
    std::string dir = env ? env : PSEPHOS_DEFAULT_SHARED_DATA;
    auto seats = ReadConstituencyCsv(
        dir + "/ge2017-hoc-constituency/HoC-GE2017-constituency-results.csv", true);
    if (!seats) return std::nullopt;
    auto m = CommonsModel::Create(std::move(*seats));
    if (!m) return std::nullopt;
    return std::move(*m);
  }();
  return model ? &*model : nullptr;
}

const std::map<std::string, double> kShares = {
    {"PP52", 35}, {"PP53", 35}, {"PP90", 16}, {"PP85", 2}, {"PP63", 3}};

void BM_CommonsProjection(benchmark::State& state) {
  const CommonsModel* model = Ge2017();
  if (!model) return state.SkipWithError("../shared/data/ge2017-hoc-constituency is absent");
  for (auto _ : state) benchmark::DoNotOptimize(model->Project(kShares, SwingMethod::kUniform));
}
BENCHMARK(BM_CommonsProjection);

void BM_CommonsSimulation(benchmark::State& state) {
  const CommonsModel* model = Ge2017();
  if (!model) return state.SkipWithError("../shared/data/ge2017-hoc-constituency is absent");
  const auto method = state.range(1) ? SwingMethod::kProportional : SwingMethod::kUniform;
  SimulationOptions options{
      .simulations = static_cast<int>(state.range(0)), .seed = 2018, .sd = 2.5};
  for (auto _ : state) benchmark::DoNotOptimize(model->Simulate(kShares, method, options));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CommonsSimulation)
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);
// A quick one for the ctest smoke run.
BENCHMARK(BM_CommonsSimulation)->Name("Smoke/CommonsSimulation")->Args({100, 0});

const Night& DemoNight() {
  static const Night night = [] {
    GeneratedNight g = GenerateNight(GeneratorOptions{});
    auto n = Night::Create(std::move(g.election), DefaultPartyRegistry());
    (void)n->ApplyAll(std::move(g.declarations));
    return std::move(*n);
  }();
  return night;
}

void BM_MarginalityEveryCouncil(benchmark::State& state) {
  const Night& night = DemoNight();
  for (auto _ : state)
    for (const Council& council : night.councils())
      benchmark::DoNotOptimize(MarginalityOf(night, council.id));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(night.councils().size()));
}
BENCHMARK(BM_MarginalityEveryCouncil)->Unit(benchmark::kMillisecond);

void BM_ClosestCouncils(benchmark::State& state) {
  const Night& night = DemoNight();
  for (auto _ : state) benchmark::DoNotOptimize(ClosestCouncils(night, 10));
}
BENCHMARK(BM_ClosestCouncils)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace psephos

BENCHMARK_MAIN();
