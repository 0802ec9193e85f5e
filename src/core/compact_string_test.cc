#include "core/compact_string.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace psephos {
namespace {

// Each kind of compact text is held to the same tests.
template <typename Text>
class CompactText : public ::testing::Test {};
using TextKinds = ::testing::Types<CompactString, ShortString>;
TYPED_TEST_SUITE(CompactText, TextKinds);

// Texts each side of either kind's inline limit, with bytes a C string would stop at.
std::vector<std::string> Texts() {
  std::vector<std::string> texts = {"", "PP53", std::string("a\0b", 3), "Independent (Jane Smith-Fotheringham)",
                                    std::string(100000, 'w')};
  for (size_t limit : {CompactString::kInline, ShortString::kInline})
    for (size_t n : {limit - 1, limit, limit + 1}) texts.push_back(std::string(n, static_cast<char>('a' + n % 26)));
  return texts;
}

TYPED_TEST(CompactText, HoldsEveryTextExactly) {
  for (const std::string& text : Texts()) {
    TypeParam s = text;
    EXPECT_EQ(s.view(), text);
    EXPECT_EQ(s.size(), text.size());
    EXPECT_EQ(s.empty(), text.empty());
    EXPECT_EQ(s.str(), text);
    EXPECT_EQ(std::string(s.begin(), s.end()), text);
  }
}

TYPED_TEST(CompactText, CopiesAndMovesKeepTheText) {
  for (const std::string& text : Texts()) {
    TypeParam original = text;
    TypeParam copy = original;
    EXPECT_EQ(copy, text);
    EXPECT_EQ(original, text);
    TypeParam moved = std::move(copy);
    EXPECT_EQ(moved, text);
    EXPECT_TRUE(copy.empty());  // NOLINT: a moved-from text is empty, and usable
    copy = "reused";
    EXPECT_EQ(copy, "reused");
    for (const std::string& other : Texts()) {
      TypeParam target = other;
      target = original;  // copy-assign over each kind of text
      EXPECT_EQ(target, text);
      TypeParam source = other;
      target = std::move(source);  // move-assign over it
      EXPECT_EQ(target, other);
    }
    TypeParam& self = original;
    original = self;
    EXPECT_EQ(original, text);
    original = std::move(self);
    EXPECT_EQ(original, text);
  }
}

TYPED_TEST(CompactText, ComparesWithEveryKindOfString) {
  const TypeParam party = "PP53";
  const std::string same = "PP53";
  EXPECT_TRUE(party == "PP53");
  EXPECT_TRUE(party == same);
  EXPECT_TRUE(same == party);
  EXPECT_TRUE(party == std::string_view("PP53"));
  EXPECT_TRUE(party == TypeParam("PP53"));
  EXPECT_TRUE(party != "PP52");
  EXPECT_TRUE(TypeParam("PP52") < party);
  EXPECT_TRUE(party < std::string(20, 'Z'));
  std::map<TypeParam, int, std::less<>> by_key{{"b", 2}, {std::string(30, 'a'), 1}};
  EXPECT_EQ(by_key.begin()->second, 1);
  EXPECT_EQ(by_key.find(std::string_view("b"))->second, 2);
}

// Compared a byte at a time (SameText, CompareText), texts order as std::string orders them:
// bytes unsigned (é after z), a prefix first, inline texts and heap ones alike.
TYPED_TEST(CompactText, OrdersAsStdStringOrders) {
  const std::vector<std::string> texts = {"", "a", "ab", "abc", "b", "PP53", "PP52", "PP5", "IND:Ann", "IND:Zoë",
                                          "z", "\xC3\xA9", "\x7F", std::string(1, '\x01'), std::string(20, 'a'),
                                          std::string(20, 'a') + "b", std::string(19, 'a')};
  for (const std::string& x : texts)
    for (const std::string& y : texts) {
      const TypeParam a(x), b(y);
      EXPECT_EQ(a <=> b, x.compare(y) <=> 0) << x << " " << y;
      EXPECT_EQ(a <=> std::string_view(y), x.compare(y) <=> 0) << x << " " << y;
      EXPECT_EQ(a == b, x == y) << x << " " << y;
      EXPECT_EQ(a == y, x == y) << x << " " << y;
    }
}

TYPED_TEST(CompactText, JoinsPrintsAndHashesAsItsText) {
  const TypeParam party = "PP53";
  EXPECT_EQ("party '" + party + "'", "party 'PP53'");
  EXPECT_EQ(std::string("id ") + party, "id PP53");
  EXPECT_EQ(party + std::string(" of ") + party, "PP53 of PP53");
  std::ostringstream out;
  out << party << TypeParam(std::string(40, 'q'));
  EXPECT_EQ(out.str(), "PP53" + std::string(40, 'q'));
  EXPECT_EQ(fmt::format("[{:>6}]", party), "[  PP53]");
  EXPECT_EQ(std::hash<TypeParam>{}(party), std::hash<std::string_view>{}("PP53"));
}

TEST(CompactString, IsSixteenBytes) { EXPECT_EQ(sizeof(CompactString), 16u); }
TEST(ShortString, IsEightBytes) { EXPECT_EQ(sizeof(ShortString), 8u); }

template <typename Optional>
class OptionalCompactText : public ::testing::Test {};
using OptionalKinds = ::testing::Types<OptionalCompactString, OptionalShortString>;
TYPED_TEST_SUITE(OptionalCompactText, OptionalKinds);

TYPED_TEST(OptionalCompactText, IsNoneOrATextAndSaysWhichThroughCopiesAndMoves) {
  const std::string long_text(40, 'x');  // a heap block: copies must not share it
  TypeParam none, empty = "", party = "PP53", heap = long_text;
  EXPECT_FALSE(none);
  EXPECT_EQ(none, std::nullopt);
  EXPECT_TRUE(empty);  // "" is a text, not none
  EXPECT_NE(empty, none);
  EXPECT_EQ(*party, "PP53");
  EXPECT_EQ(party->size(), 4u);
  EXPECT_EQ(heap.value_or(""), long_text);
  EXPECT_EQ(none.value_or("vacant"), "vacant");

  TypeParam copy_of_none = none, copy_of_heap = heap;
  EXPECT_FALSE(copy_of_none);
  EXPECT_EQ(copy_of_heap, heap);
  copy_of_heap = none;  // its block freed (ASan would see a leak or a double free)
  EXPECT_FALSE(copy_of_heap);
  copy_of_none = heap;
  EXPECT_EQ(*copy_of_none, long_text);

  TypeParam moved_none = std::move(none);
  EXPECT_FALSE(moved_none);
  EXPECT_FALSE(none);  // NOLINT: moved from, and still none, as std::optional would be
  TypeParam moved_heap = std::move(heap);
  EXPECT_EQ(*moved_heap, long_text);
  moved_heap = std::move(moved_none);
  EXPECT_FALSE(moved_heap);
  EXPECT_FALSE(moved_none);  // NOLINT

  // Against a text and an optional string, as std::optional compares: two nones are equal.
  const TypeParam text = "PP53";
  EXPECT_TRUE(text == "PP53");
  EXPECT_TRUE(text != std::string_view("PP52"));
  EXPECT_TRUE(TypeParam() != "PP53");
  EXPECT_TRUE(TypeParam() == std::optional<std::string>());
  EXPECT_FALSE(TypeParam() != std::optional<std::string>());
  EXPECT_TRUE(text == std::optional<std::string>("PP53"));
  EXPECT_TRUE(text != std::optional<std::string>());
  EXPECT_TRUE(TypeParam() != std::optional<std::string>("PP53"));
  EXPECT_EQ(TypeParam(std::optional<std::string>()), std::nullopt);
  EXPECT_EQ(TypeParam(std::optional<std::string>("PP52")), TypeParam("PP52"));
}

TEST(OptionalCompactText, IsTheSizeOfItsText) {
  EXPECT_EQ(sizeof(OptionalCompactString), 16u);
  EXPECT_EQ(sizeof(OptionalShortString), 8u);
}

}  // namespace
}  // namespace psephos
