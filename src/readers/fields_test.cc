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

}  // namespace
}  // namespace psephos
