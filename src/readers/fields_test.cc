#include "readers/fields.h"

#include <gtest/gtest.h>

namespace psephos {
namespace {

// Every spelling of an elected flag the readers meet, in any case and with the blanks around
// it that spreadsheets leave (spaces, tabs, no-break spaces); anything else is no flag.
TEST(Fields, ElectedFlagsInEverySpelling) {
  for (const char* yes : {"yes", "Y", "TRUE", "t", "Elected", "1", " t ", "\tYes", "\xC2\xA0" "ELECTED"})
    EXPECT_EQ(ParseFlagText(yes), true) << yes;
  for (const char* no : {"no", "N", "False", "f", "NOT ELECTED", "not elected", "0", " f\t"})
    EXPECT_EQ(ParseFlagText(no), false) << no;
  for (const char* neither : {"", " ", "maybe", "tt", "not  elected", "not elected!", "yes please, elected"})
    EXPECT_EQ(ParseFlagText(neither), std::nullopt) << neither;
}

TEST(Fields, CountsGroupDigitsInThrees) {
  EXPECT_EQ(ParseCountText("1,571"), 1571);
  EXPECT_EQ(ParseCountText(" 42 "), 42);
  EXPECT_EQ(ParseCountText("15,71"), std::nullopt);
  EXPECT_EQ(ParseCountText("-3"), std::nullopt);
  EXPECT_EQ(ParseCountText("1000000001"), std::nullopt);
}

// Up to nine plain digits are read at once, the rest the long way: both agree at the edges.
TEST(Fields, CountsAtTheEdgesOfPlainDigits) {
  EXPECT_EQ(ParseCountText("0"), 0);
  EXPECT_EQ(ParseCountText("007"), 7);
  EXPECT_EQ(ParseCountText("999999999"), 999'999'999);
  EXPECT_EQ(ParseCountText("1000000000"), 1'000'000'000);
  EXPECT_EQ(ParseCountText("0000000001"), 1);
  EXPECT_EQ(ParseCountText("00000000001"), std::nullopt);  // eleven digits
  EXPECT_EQ(ParseCountText("12 "), 12);
  EXPECT_EQ(ParseCountText("1/2"), std::nullopt);  // the bytes either side of the digits
  EXPECT_EQ(ParseCountText("1:2"), std::nullopt);
  EXPECT_EQ(ParseCountText("\xC2\xB2"), std::nullopt);
  EXPECT_EQ(ParseCountText(""), std::nullopt);
}

}  // namespace
}  // namespace psephos
