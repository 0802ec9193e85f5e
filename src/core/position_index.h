// position_index.h
//
// PositionIndex: finds an item by key among items the caller keeps in a sequence, holding only
// each item's position and the hash of its key. For sets as large as a night (a file's ballots, a
// batch's wards: 2.9 million at 1000x), where a hash set of the keys made a node and a copy of
// the key for each (some 90 bytes a ward: 260 MB at 1000x); this is a slot of 8 bytes (32 bits of
// the hash, and the position: 67 MB at 1000x where 64-bit ones were 134), at most half full, and
// the key is compared in the caller's item only where the hashes' 32 bits agree. Up to 2^32 - 1
// items.
//
//   PositionIndex index;
//   for (size_t i = 0; i < items.size(); ++i) {
//     size_t first = index.FindOrAdd(Hash(items[i].key), i,
//                                    [&](size_t p) { return items[p].key == items[i].key; });
//     if (first != i) ... items[i] repeats items[first] ...
//   }
//   std::optional<size_t> at = index.Find(Hash(key), [&](size_t p) { return items[p].key == key; });
//   index.Prefetch(Hash(items[i + 8].key));  // in a loop over millions: a cache miss not waited for
//
// ShortKeyHash is a hash for the short keys looked up by the million (party ids, a results
// file's party ids as written), cheaper than std::hash for up to sixteen bytes.
#ifndef PSEPHOS_CORE_POSITION_INDEX_H_
#define PSEPHOS_CORE_POSITION_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace psephos {

// Keys of up to sixteen bytes ("PP53", "party:53", "ynmp-party:2") are read as one or two words
// in loads of fixed size (overlapping where the key is shorter; three bytes for fewer than four),
// not by a memcpy of the key's length, which is a call, and mixed by one multiplication; longer
// ones by std::hash. The product's high half, which every byte reaches, is folded into the low
// 32 bits that PositionIndex uses.
inline uint64_t ShortKeyHash(std::string_view key) {
  const size_t n = key.size();
  if (n > 16) return std::hash<std::string_view>{}(key);
  const auto* p = reinterpret_cast<const unsigned char*>(key.data());
  uint64_t word = 0;
  if (n > 8) {
    uint64_t first, last;
    std::memcpy(&first, p, 8);
    std::memcpy(&last, p + n - 8, 8);
    word = first ^ (last * 0xC2B2AE3D27D4EB4Full);
  } else if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    word = first | uint64_t{last} << 32;
  } else if (n > 0) {
    word = p[0] | uint64_t{p[n / 2]} << 8 | uint64_t{p[n - 1]} << 16;
  }
  word = (word ^ n) * 0x9E3779B97F4A7C15ull;
  return word ^ (word >> 32);
}

class PositionIndex {
 public:
  // The position of an item already added whose key `same(position)` says is the one sought
  // (`hash` being that key's hash); when there is none, adds `position` and returns it.
  template <typename Same>
  size_t FindOrAdd(uint64_t hash, size_t position, Same&& same) {
    if (position >= kFree) throw std::length_error("a PositionIndex holds fewer than 2^32 - 1 items");
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[SlotOf(static_cast<uint32_t>(hash), same)];
    if (slot.position != kFree) return slot.position;
    slot = Slot{static_cast<uint32_t>(hash), static_cast<uint32_t>(position)};
    ++size_;
    return position;
  }
  // The position of an item added whose key `same(position)` says is the one sought, or none.
  template <typename Same>
  std::optional<size_t> Find(uint64_t hash, Same&& same) const {
    if (slots_.empty()) return std::nullopt;
    const Slot& slot = slots_[SlotOf(static_cast<uint32_t>(hash), same)];
    if (slot.position == kFree) return std::nullopt;
    return slot.position;
  }
  // Asks for the memory where an item of this hash is found or added, ahead of a FindOrAdd or
  // Find of it: in an index of millions, each is otherwise a cache miss the caller waits for.
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<uint32_t>(hash) & (slots_.size() - 1)]);
  }
  // Room for `n` items without growing.
  void Reserve(size_t n) {
    while (slots_.size() < n * 2) Grow();
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint32_t hash = 0;
    uint32_t position = kFree;
  };
  // The slot of the item sought, or the free slot where it would go. There is one: the slots
  // are at most half full.
  template <typename Same>
  size_t SlotOf(uint32_t short_hash, Same& same) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = short_hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.position == kFree || (slot.hash == short_hash && same(size_t{slot.position}))) return i;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max<size_t>(64, slots_.size() * 2)));
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.position == kFree) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].position != kFree) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_POSITION_INDEX_H_
