// string_map.h
//
// A hash map (and set) keyed by string and looked up by string_view without making a string:
// for the lookups on the path of every declaration (councils, wards, parties), where a
// std::map's string compares and a key's allocation were what the incremental benchmark
// measured, and for sets as large as a night (a batch's wards: 2.9 million at 1000x).
//
//   StringMap<size_t> index;
//   index.emplace("trafford", 0);
//   auto it = index.find(std::string_view("trafford"));
#ifndef PSEPHOS_CORE_STRING_MAP_H_
#define PSEPHOS_CORE_STRING_MAP_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace psephos {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace psephos

#endif  // PSEPHOS_CORE_STRING_MAP_H_
