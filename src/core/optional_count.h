// optional_count.h
//
// OptionalCount: a whole number that may be unknown (an electorate, the ballot papers, a ward's
// majority), in 4 bytes where std::optional<int64_t> takes 16. A night holds four of them a
// ward, 2.9 million wards at 1000x (BENCHMARKS.md, Memory). It holds a 32-bit number but
// INT32_MIN, which stands for "unknown": the readers refuse a count over 10^9 and store no sum
// past 2^31 - 1 (LGA's rejected ballots are refused past 10^9; London 2022's polling and postal
// papers add up to at most 2 * 10^9), and a number it cannot hold is refused with
// std::out_of_range rather than kept wrong.
//
// It reads, writes and compares as std::optional<int64_t> does, and converts to and from one, so
// code written for the optional compiles unchanged and means the same for any number it holds
// (two unknowns are equal, against an optional too: the standard library's template would say
// otherwise, so there is an overload of its own):
//
//   OptionalCount electorate;              // unknown
//   electorate = 5120;
//   if (electorate) total += *electorate;
//   std::optional<int64_t> o = electorate;
//   electorate = std::nullopt;
#ifndef PSEPHOS_CORE_OPTIONAL_COUNT_H_
#define PSEPHOS_CORE_OPTIONAL_COUNT_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace psephos {

class OptionalCount {
 public:
  constexpr OptionalCount() noexcept = default;
  constexpr OptionalCount(std::nullopt_t) noexcept {}                         // NOLINT: as optional
  constexpr OptionalCount(int64_t value) : value_(Checked(value)) {}           // NOLINT: as optional
  constexpr OptionalCount(const std::optional<int64_t>& value)                // NOLINT: as optional
      : value_(value ? Checked(*value) : kUnknown) {}
  constexpr operator std::optional<int64_t>() const noexcept {               // NOLINT: as optional
    return has_value() ? std::optional<int64_t>(value_) : std::nullopt;
  }

  constexpr bool has_value() const noexcept { return value_ != kUnknown; }
  constexpr explicit operator bool() const noexcept { return has_value(); }
  // As std::optional's: only when has_value().
  constexpr int64_t operator*() const noexcept { return value_; }
  constexpr int64_t value() const {
    if (!has_value()) throw std::bad_optional_access();
    return value_;
  }
  constexpr int64_t value_or(int64_t otherwise) const noexcept { return has_value() ? value_ : otherwise; }
  constexpr void reset() noexcept { value_ = kUnknown; }

  // Equal when both are unknown or both hold the same number; with a number, equal only when known.
  friend constexpr bool operator==(OptionalCount a, OptionalCount b) noexcept { return a.value_ == b.value_; }
  friend constexpr bool operator==(OptionalCount a, std::nullopt_t) noexcept { return !a.has_value(); }
  friend constexpr bool operator==(OptionalCount a, int64_t b) noexcept { return a.has_value() && a.value_ == b; }
  friend constexpr bool operator==(OptionalCount a, const std::optional<int64_t>& b) noexcept {
    return b ? a == *b : !a.has_value();
  }

 private:
  static constexpr int32_t kUnknown = std::numeric_limits<int32_t>::min();
  static constexpr int32_t Checked(int64_t value) {
    if (value <= kUnknown || value > std::numeric_limits<int32_t>::max())
      throw std::out_of_range("a count of " + std::to_string(value) + " does not fit an OptionalCount");
    return static_cast<int32_t>(value);
  }
  int32_t value_ = kUnknown;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_OPTIONAL_COUNT_H_
