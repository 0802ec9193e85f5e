// random.h
//
// The demo night's pseudo-random numbers: xoshiro256** seeded through splitmix64, both written
// out here so that one seed gives one night on every machine and standard library. The
// <random> distributions are not used on purpose: std::uniform_int_distribution and
// std::normal_distribution are free to differ between libstdc++, libc++ and MSVC. Everything
// here is integer arithmetic, so no floating-point rounding or FMA contraction can creep in.
//
//   Rng rng(DeriveSeed(seed, council_index));   // an independent stream per council
//   int seats = rng.Between(45, 70);            // inclusive
//   if (rng.Chance(3, 100)) ...                 // 3 times in 100
//   int64_t noise = rng.Bell(80);               // bell-shaped, mean 0, sd about 80
#ifndef PSEPHOS_DEMO_INTERNAL_RANDOM_H_
#define PSEPHOS_DEMO_INTERNAL_RANDOM_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace psephos::demo_internal {

// splitmix64 (Steele, Lea, Flood 2014): one step. Used to seed and to derive seeds.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A seed for the sub-stream `index` of `seed`, so that councils do not share numbers and a
// change to one council's generation does not shift every council after it.
inline uint64_t DeriveSeed(uint64_t seed, uint64_t index) {
  uint64_t state = seed ^ (index * 0xD1B54A32D192ED03ull);
  SplitMix64(state);
  return SplitMix64(state);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  // xoshiro256** 1.0 (Blackman and Vigna 2018).
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0, without modulo bias (rejection of the short last bucket).
  uint64_t Below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = Next();
    while (x >= limit);
    return x % n;
  }

  // Uniform in [lo, hi], inclusive.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True `numerator` times in `denominator`.
  bool Chance(uint64_t numerator, uint64_t denominator) { return Below(denominator) < numerator; }

  // Bell-shaped noise with mean 0 and standard deviation about `sd`: the sum of four uniforms
  // (Irwin-Hall), which needs no logarithms or cosines whose last bits vary by platform.
  int64_t Bell(int64_t sd) {
    if (sd <= 0) return 0;
    // Each uniform on [0, 2w) has variance w^2/3; four of them w^2*4/3; w = sd*sqrt(3)/2.
    const int64_t w = sd * 866 / 1000;
    if (w <= 0) return 0;
    int64_t sum = 0;
    for (int i = 0; i < 4; ++i) sum += static_cast<int64_t>(Below(static_cast<uint64_t>(2 * w)));
    return sum - 4 * w;
  }

  // Triangular on [lo, hi], peaking in the middle (the mean of two uniforms).
  int Triangular(int lo, int hi) { return (Between(lo, hi) + Between(lo, hi)) / 2; }

  // An index drawn with the given integer weights (not all zero).
  size_t Pick(const std::vector<int>& weights) {
    int64_t total = 0;
    for (int w : weights) total += w;
    int64_t x = static_cast<int64_t>(Below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

  template <typename T>
  const T& Of(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // Fisher-Yates, written out: std::shuffle's use of the generator is unspecified.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace psephos::demo_internal

#endif  // PSEPHOS_DEMO_INTERNAL_RANDOM_H_
