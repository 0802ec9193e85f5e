#include "readers/blt.h"

#include <gtest/gtest.h>

namespace psephos {
namespace {

constexpr const char* kGood =
    "4 2\n"
    "3 1 2 0\n"
    "2 2 0\n"
    "1 4 3 2 1 0\n"
    "0\n"
    "Ann ABLE (Lab)\n"
    "\"Bob BAKER (SNP)\"\n"
    "Cat COLE (C)\n"
    "Dan DOE (Grn)\n"
    "\"Ward 9 - Somewhere\"";  // no newline at the end, as the real files

TEST(Blt, ReadsAProfile) {
  auto profile = ParseBlt(kGood, "w.blt");
  ASSERT_TRUE(profile) << profile.error().ToString();
  EXPECT_EQ(profile->seats, 2);
  ASSERT_EQ(profile->candidates.size(), 4u);
  EXPECT_EQ(profile->candidates[1], "Bob BAKER (SNP)");
  EXPECT_EQ(profile->title, "Ward 9 - Somewhere");
  ASSERT_EQ(profile->ballots.size(), 3u);
  EXPECT_EQ(profile->ballots[0].weight, 3);
  EXPECT_EQ(profile->ballots[0].preferences, (std::vector<int>{0, 1}));
  EXPECT_EQ(profile->ballots[2].preferences, (std::vector<int>{3, 2, 1, 0}));
}

TEST(Blt, CrLfAndBlankLines) {
  auto profile = ParseBlt("2 1\r\n\r\n5 1 0\r\n4 2 1 0\r\n0\r\nA\r\nB\r\nT\r\n", "w.blt");
  ASSERT_TRUE(profile) << profile.error().ToString();
  EXPECT_EQ(profile->ballots.size(), 2u);
  EXPECT_EQ(profile->title, "T");
}

// A lone "\r" ends a line too, "\r\n" is one end, and a byte-order mark is not part of the
// header; line numbers count every line, blank ones included.
TEST(Blt, LineEndsAndNumbers) {
  auto profile = ParseBlt("\xEF\xBB\xBF" "2 1\r5 1 0\r\n\n4 2 1 0\r0\rA\rB\rT", "w.blt");
  ASSERT_TRUE(profile) << profile.error().ToString();
  EXPECT_EQ(profile->ballots.size(), 2u);
  EXPECT_EQ(profile->candidates, (std::vector<std::string>{"A", "B"}));
  auto bad = ParseBlt("2 1\r\n\r\n5 1 0\r\r4 3 0\r\n0\r\nA\r\nB\r\nT", "w.blt");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString(), "w.blt:5: preference 1: a preference for candidate 3, but the ward has 2 candidates");
  auto cut = ParseBlt("2 1\r\n5 1 0\r\n\r\n", "w.blt");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().ToString(), "w.blt:4: ballots: the file ends before the line '0' that closes the ballots");
}

struct Bad {
  const char* text;
  const char* error;  // the whole of Error::ToString()
};

class BltErrors : public ::testing::TestWithParam<Bad> {};

TEST_P(BltErrors, NameFileLineAndField) {
  auto profile = ParseBlt(GetParam().text, "w.blt");
  ASSERT_FALSE(profile);
  EXPECT_EQ(profile.error().ToString(), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Bad, BltErrors,
    ::testing::Values(
        Bad{"3 2\n5 1 4 0\n0\nA\nB\nC\nT", "w.blt:2: preference 2: a preference for candidate 4, but the ward has 3 candidates"},
        Bad{"3 2\n5 1 0\n2 2 3 2 0\n0\nA\nB\nC\nT", "w.blt:3: preference 3: candidate 2 is ranked twice on one ballot"},
        Bad{"2 3\n5 1 0\n0\nA\nB\nT", "w.blt:1: seats: 3 seats but only 2 candidates"},
        Bad{"3\n", "w.blt:1: header: expected '<candidates> <seats>', found '3'"},
        Bad{"3 1\n5 1 2\n0\nA\nB\nC\nT", "w.blt:2: end: a ballot line must end with 0"},
        Bad{"3 1\nfive 1 0\n0\nA\nB\nC\nT", "w.blt:2: weight: expected a number of ballot papers, found 'five'"},
        Bad{"3 1\n5 1 x 0\n0\nA\nB\nC\nT", "w.blt:2: preference 2: expected a candidate number, found 'x'"},
        Bad{"3 1\n5 1 0\n", "w.blt:3: ballots: the file ends before the line '0' that closes the ballots"},
        Bad{"3 1\n5 1 0\n0\nA\nB\n", "w.blt:6: candidate 3: expected 3 candidate names, found 2"},
        Bad{"3 1\n-2\n5 1 0\n0\nA\nB\nC\nT", "w.blt:2: weight: withdrawn candidates (negative numbers) are not supported"},
        Bad{"3 1\n5 1=2 0\n0\nA\nB\nC\nT", "w.blt:2: preferences: equal rankings ('=') are not supported"},
        Bad{"2 1\n5 1 0\n0\nA\nB\nT\nmore", "w.blt:7: title: unexpected line after the title: 'more'"},
        Bad{"", "w.blt:1: header: an empty file: expected '<candidates> <seats>'"}));

TEST(Blt, MissingFile) {
  auto profile = ReadBlt("/nonexistent/w.blt");
  ASSERT_FALSE(profile);
  EXPECT_EQ(profile.error().file, "/nonexistent/w.blt");
}

}  // namespace
}  // namespace psephos
