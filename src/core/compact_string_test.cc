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

// Texts each side of the inline limit, with bytes a C string would stop at.
std::vector<std::string> Texts() {
  return {"",
          "PP53",
          std::string("a\0b", 3),
          std::string(CompactString::kInline - 1, 'x'),
          std::string(CompactString::kInline, 'y'),
          std::string(CompactString::kInline + 1, 'z'),
          "Independent (Jane Smith-Fotheringham)",
          std::string(100000, 'w')};
}

TEST(CompactString, HoldsEveryTextExactly) {
  for (const std::string& text : Texts()) {
    CompactString s = text;
    EXPECT_EQ(s.view(), text);
    EXPECT_EQ(s.size(), text.size());
    EXPECT_EQ(s.empty(), text.empty());
    EXPECT_EQ(s.str(), text);
    EXPECT_EQ(std::string(s.begin(), s.end()), text);
  }
}

TEST(CompactString, CopiesAndMovesKeepTheText) {
  for (const std::string& text : Texts()) {
    CompactString original = text;
    CompactString copy = original;
    EXPECT_EQ(copy, text);
    EXPECT_EQ(original, text);
    CompactString moved = std::move(copy);
    EXPECT_EQ(moved, text);
    EXPECT_TRUE(copy.empty());  // NOLINT: a moved-from CompactString is empty, and usable
    copy = "reused";
    EXPECT_EQ(copy, "reused");
    for (const std::string& other : Texts()) {
      CompactString target = other;
      target = original;  // copy-assign over each kind of text
      EXPECT_EQ(target, text);
      CompactString source = other;
      target = std::move(source);  // move-assign over it
      EXPECT_EQ(target, other);
    }
    CompactString& self = original;
    original = self;
    EXPECT_EQ(original, text);
    original = std::move(self);
    EXPECT_EQ(original, text);
  }
}

TEST(CompactString, ComparesWithEveryKindOfString) {
  const CompactString party = "PP53";
  const std::string same = "PP53";
  EXPECT_TRUE(party == "PP53");
  EXPECT_TRUE(party == same);
  EXPECT_TRUE(same == party);
  EXPECT_TRUE(party == std::string_view("PP53"));
  EXPECT_TRUE(party == CompactString("PP53"));
  EXPECT_TRUE(party != "PP52");
  EXPECT_TRUE(CompactString("PP52") < party);
  EXPECT_TRUE(party < std::string(20, 'Z'));
  std::map<CompactString, int, std::less<>> by_key{{"b", 2}, {std::string(30, 'a'), 1}};
  EXPECT_EQ(by_key.begin()->second, 1);
  EXPECT_EQ(by_key.find(std::string_view("b"))->second, 2);
}

TEST(CompactString, JoinsPrintsAndHashesAsItsText) {
  const CompactString party = "PP53";
  EXPECT_EQ("party '" + party + "'", "party 'PP53'");
  EXPECT_EQ(std::string("id ") + party, "id PP53");
  EXPECT_EQ(party + std::string(" of ") + party, "PP53 of PP53");
  std::ostringstream out;
  out << party << CompactString(std::string(40, 'q'));
  EXPECT_EQ(out.str(), "PP53" + std::string(40, 'q'));
  EXPECT_EQ(fmt::format("[{:>6}]", party), "[  PP53]");
  EXPECT_EQ(std::hash<CompactString>{}(party), std::hash<std::string_view>{}("PP53"));
}

TEST(CompactString, IsSixteenBytes) { EXPECT_EQ(sizeof(CompactString), 16u); }

TEST(OptionalCompactString, IsNoneOrATextAndSaysWhichThroughCopiesAndMoves) {
  const std::string long_text(40, 'x');  // a heap block: copies must not share it
  OptionalCompactString none, empty = "", party = "PP53", heap = long_text;
  EXPECT_FALSE(none);
  EXPECT_EQ(none, std::nullopt);
  EXPECT_TRUE(empty);  // "" is a text, not none
  EXPECT_NE(empty, none);
  EXPECT_EQ(*party, "PP53");
  EXPECT_EQ(party->size(), 4u);
  EXPECT_EQ(heap.value_or(""), long_text);
  EXPECT_EQ(none.value_or("vacant"), "vacant");

  OptionalCompactString copy_of_none = none, copy_of_heap = heap;
  EXPECT_FALSE(copy_of_none);
  EXPECT_EQ(copy_of_heap, heap);
  copy_of_heap = none;  // its block freed (ASan would see a leak or a double free)
  EXPECT_FALSE(copy_of_heap);
  copy_of_none = heap;
  EXPECT_EQ(*copy_of_none, long_text);

  OptionalCompactString moved_none = std::move(none);
  EXPECT_FALSE(moved_none);
  EXPECT_FALSE(none);  // NOLINT: moved from, and still none, as std::optional would be
  OptionalCompactString moved_heap = std::move(heap);
  EXPECT_EQ(*moved_heap, long_text);
  moved_heap = std::move(moved_none);
  EXPECT_FALSE(moved_heap);
  EXPECT_FALSE(moved_none);  // NOLINT

  EXPECT_EQ(OptionalCompactString(std::optional<std::string>()), std::nullopt);
  EXPECT_EQ(OptionalCompactString(std::optional<std::string>("PP52")), OptionalCompactString("PP52"));
  EXPECT_EQ(sizeof(OptionalCompactString), 16u);
}

}  // namespace
}  // namespace psephos
