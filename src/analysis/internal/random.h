// random.h
//
// The Commons simulation's pseudo-random numbers: SplitMix64 (Steele, Lea and Flood 2014), a
// 64-bit generator that passes BigCrush and needs one word of state, written out so that one
// seed gives the same simulation on every machine and standard library (<random>'s
// distributions may differ between libraries). Normal draws are the sum of twelve uniforms
// less six (Irwin-Hall): no logarithms or cosines whose last bits vary by platform.
//
//   SimulationRng rng(seed);
//   double z = rng.StandardNormal();      // mean 0, sd 1, within +-6
#ifndef PSEPHOS_ANALYSIS_INTERNAL_RANDOM_H_
#define PSEPHOS_ANALYSIS_INTERNAL_RANDOM_H_

#include <cstdint>

namespace psephos::analysis_internal {

class SimulationRng {
 public:
  explicit SimulationRng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform on [0, 1): the top 53 bits, exactly representable as a double.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Irwin-Hall with twelve terms: variance 12 * 1/12 = 1, and never beyond kNormalBound
  // either side (the Commons simulation relies on the bound to set aside safe seats).
  static constexpr double kNormalBound = 6.0;
  double StandardNormal() {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += Uniform();
    return sum - 6.0;
  }

 private:
  uint64_t state_;
};

}  // namespace psephos::analysis_internal

#endif  // PSEPHOS_ANALYSIS_INTERNAL_RANDOM_H_
