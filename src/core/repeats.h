// repeats.h
//
// Repeats: which elements of a list repeat an earlier one, asked in order, for the checks that
// a contest names each candidate once (the count's, core/ward_count.h, and the readers'). The
// same decides it whichever is asked: pairwise for a contest's usual handful, with nothing
// allocated (the live path checks every declaration); through a set of keys past that, so that
// a hostile file of thousands of candidates is not quadratic. `same(a, b)` and `key(a) ==
// key(b)` must agree.
//
//   Repeats repeats(d.candidates, [](const Candidate& a, const Candidate& b) { return a.name == b.name; },
//                   [](const Candidate& c) { return std::string_view(c.name); });
//   for (size_t i = 0; i < d.candidates.size(); ++i)
//     if (repeats.Of(i)) return Error(...);
#ifndef PSEPHOS_CORE_REPEATS_H_
#define PSEPHOS_CORE_REPEATS_H_

#include <cstddef>
#include <set>
#include <span>
#include <type_traits>
#include <utility>

namespace psephos {

template <typename T, typename Same, typename Key>
class Repeats {
 public:
  // `items`: any contiguous list (a std::vector, a CompactVector), which must outlive this.
  template <typename Items>
  Repeats(const Items& items, Same same, Key key)
      : items_(items.data(), items.size()), same_(std::move(same)), key_(std::move(key)) {}

  // Whether items[i] repeats one before it. Ask for each i in order, from 0.
  bool Of(size_t i) {
    if (items_.size() > kPairwise) return !seen_.insert(key_(items_[i])).second;
    for (size_t j = 0; j < i; ++j)
      if (same_(items_[j], items_[i])) return true;
    return false;
  }

 private:
  static constexpr size_t kPairwise = 32;
  std::span<const T> items_;
  Same same_;
  Key key_;
  std::set<std::decay_t<std::invoke_result_t<Key&, const T&>>> seen_;
};

template <typename Items, typename Same, typename Key>
Repeats(const Items&, Same, Key) -> Repeats<typename Items::value_type, Same, Key>;

}  // namespace psephos

#endif  // PSEPHOS_CORE_REPEATS_H_
