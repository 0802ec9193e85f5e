// percentile.h
//
// The benchmarks' one statistic: the q-th quantile of a sample by the nearest rank below (p50,
// p99 of a run's latencies), as every figure in BENCHMARKS.md is reported.
//
//   double p99 = Percentile(latencies_ms, 0.99);
#ifndef PSEPHOS_BENCH_PERCENTILE_H_
#define PSEPHOS_BENCH_PERCENTILE_H_

#include <algorithm>
#include <cstddef>
#include <vector>

namespace psephos::bench {

inline double Percentile(std::vector<double> sample, double q) {
  std::sort(sample.begin(), sample.end());
  return sample[std::min(sample.size() - 1, static_cast<size_t>(q * static_cast<double>(sample.size())))];
}

}  // namespace psephos::bench

#endif  // PSEPHOS_BENCH_PERCENTILE_H_
