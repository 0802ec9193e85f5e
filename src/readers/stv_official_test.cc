#include "readers/stv_official.h"

#include <gtest/gtest.h>

namespace psephos {
namespace {

TEST(SheetFigure, MatchesAtThePrintedPrecision) {
  auto two = ParseSheetFigure("1250.05");
  ASSERT_TRUE(two);
  EXPECT_EQ(two->decimals, 2);
  EXPECT_TRUE(two->Matches(125004905));   // 1250.04905 prints as 1250.05
  EXPECT_FALSE(two->Matches(125003999));  // 1250.03999 does not
  auto five = ParseSheetFigure("-631");
  ASSERT_TRUE(five);
  EXPECT_EQ(five->units, -63100000);
  EXPECT_TRUE(ParseSheetFigure("2425.8172")->Matches(242581720));
  EXPECT_FALSE(ParseSheetFigure("1.2.3"));
  EXPECT_FALSE(ParseSheetFigure("12.123456"));
  EXPECT_FALSE(ParseSheetFigure(""));
}

TEST(OfficialStvCount, ReadsStagesAndFates) {
  const char* text = R"({"Constituency": {"countInfo": {"Valid_Poll": "10", "Number_Of_Seats": "1", "Quota": "6",
    "Constituency_Name": "X"}, "countGroup": [
    {"Count_Number": "1", "Candidate_Id": "1", "Firstname": "A", "Surname": "B", "Party_Name": "P",
     "Transfers": "0", "Total_Votes": "6", "Status": "Elected", "Occurred_On_Count": "1"},
    {"Count_Number": "1", "Candidate_Id": "2", "Firstname": "C", "Surname": "D", "Party_Name": "Q",
     "Transfers": "0", "Total_Votes": "4", "Status": null, "Occurred_On_Count": null}]}})";
  auto sheet = ParseOfficialStvCount(text, "s.json");
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  EXPECT_EQ(sheet->quota, 6);
  ASSERT_EQ(sheet->candidates.size(), 2u);
  EXPECT_EQ(sheet->candidates[0].elected_at, 1);
  EXPECT_EQ(sheet->candidates[1].name, "C D");
  EXPECT_EQ(sheet->stages[0].totals[1]->units, 400000);
}

TEST(OfficialStvCount, ErrorsNameTheField) {
  auto sheet = ParseOfficialStvCount(R"({"Constituency": {"countInfo": {}, "countGroup": []}})", "s.json");
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.error().ToString(), "s.json: Constituency.countInfo.Number_Of_Seats: expected a string or a number");
  EXPECT_FALSE(ParseOfficialStvCount("{", "s.json"));
}

}  // namespace
}  // namespace psephos
