#include "core/position_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psephos {
namespace {

// Every byte of a key reaches its hash (a byte changed anywhere changes the 32 bits
// PositionIndex uses), whether read as words (up to sixteen bytes) or by std::hash, and so does
// its length.
TEST(ShortKeyHash, EveryByteAndTheLengthCount) {
  for (size_t n = 1; n <= 20; ++n) {
    const std::string key(n, 'a');
    const uint32_t base = static_cast<uint32_t>(ShortKeyHash(key));
    EXPECT_EQ(base, static_cast<uint32_t>(ShortKeyHash(std::string(n, 'a')))) << n;
    for (size_t i = 0; i < n; ++i) {
      std::string changed = key;
      changed[i] = 'b';
      EXPECT_NE(base, static_cast<uint32_t>(ShortKeyHash(changed))) << n << " " << i;
    }
    EXPECT_NE(base, static_cast<uint32_t>(ShortKeyHash(std::string(n + 1, 'a')))) << n;
  }
}

// Keys found among thousands by that hash, each once, and none that was not added.
TEST(PositionIndex, FindsEachKeyByShortKeyHash) {
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back((i % 3 == 0 ? "party:" : i % 3 == 1 ? "ynmp-party:" : "joint-party:") +
                                                std::to_string(i));
  PositionIndex index;
  for (size_t i = 0; i < keys.size(); ++i)
    ASSERT_EQ(index.FindOrAdd(ShortKeyHash(keys[i]), i, [&](size_t p) { return keys[p] == keys[i]; }), i);
  for (size_t i = 0; i < keys.size(); ++i)
    ASSERT_EQ(index.Find(ShortKeyHash(keys[i]), [&](size_t p) { return keys[p] == keys[i]; }), i) << keys[i];
  const std::string absent = "party:3001";
  EXPECT_EQ(index.Find(ShortKeyHash(absent), [&](size_t p) { return keys[p] == absent; }), std::nullopt);
}

}  // namespace
}  // namespace psephos
