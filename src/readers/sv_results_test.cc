#include "readers/sv_results.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>

#include "readers/csv.h"
#include "readers/fields.h"

#include "testing.h"

namespace psephos {
namespace {

constexpr const char* kFile = "mayoral-supplementary-vote/sv_official_results_compiled.csv";

// The published winners and second-round totals (SOURCE.md there), counted again: each
// contest's top two by first choices must be the two the file gives second-round totals for,
// the totals must be first + added, and the count's winner the one marked elected.
TEST(SvResults, PublishedContestsCountToTheirWinners) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  auto contests = ReadSvResultsCsv(path);
  ASSERT_TRUE(contests) << contests.error().ToString();
  std::map<std::string, std::string> headlines;
  for (const auto& p : *contests) {
    auto count = CountSupplementaryVote(p.contest);
    ASSERT_TRUE(count) << p.ballot_id << ": " << count.error().ToString();
    ASSERT_TRUE(count->winner) << p.ballot_id;
    EXPECT_EQ(count->winner, p.published_winner) << p.ballot_id;
    EXPECT_FALSE(count->won_on_first) << p.ballot_id;  // all six went to a second round
    for (size_t c = 0; c < p.contest.candidates.size(); ++c)
      if (p.published_totals[c]) {
        EXPECT_EQ(count->totals[c], *p.published_totals[c]) << p.ballot_id << " " << c;
      }
    headlines[p.ballot_id] = MayoralHeadline(ToMayoralResult(p, *count));
  }
  EXPECT_EQ(headlines.size(), 6u);
  EXPECT_EQ(headlines["mayor.sheffield-city-ca.2018-05-03"],
            "Sheffield City Region mayor: Dan Jarvis (Labour and Co-operative) elected after second choices");
  EXPECT_EQ(headlines["mayor.tower-hamlets.2018-05-03"],
            "Tower Hamlets mayor: John Biggs (Labour) elected after second choices");
  EXPECT_EQ(headlines["mayor.watford.2018-05-03"],
            "Watford mayor: Peter Taylor (Liberal Democrats) elected after second choices");
  EXPECT_EQ(headlines["mayor.london.2016-05-05"], "London mayor: Sadiq Khan (Labour) elected after second choices");
  EXPECT_EQ(headlines["mayor.london.2012-05-03"],
            "London mayor: Boris Johnson (Conservative) elected after second choices");
}

TEST(SvResults, Figures) {
  std::string path;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  auto contests = ReadSvResultsCsv(path);
  ASSERT_TRUE(contests) << contests.error().ToString();
  for (const auto& p : *contests) {
    auto count = CountSupplementaryVote(p.contest);
    ASSERT_TRUE(count);
    if (p.ballot_id == "mayor.sheffield-city-ca.2018-05-03") {
      // 255,560 valid first choices (SOURCE.md: Jarvis's 122,635 is 48.0% of them; 47.1% is of
      // all 260,260 ballots, rejected included): short of half, so a second round.
      EXPECT_EQ(count->valid_first, 255560);
      EXPECT_EQ(count->totals[0], 144154);
      EXPECT_EQ(count->totals[1], 50619);
    }
    if (p.ballot_id == "mayor.tower-hamlets.2018-05-03") {
      EXPECT_EQ(count->totals[0], 44865);
      EXPECT_EQ(count->totals[1], 16878);
      EXPECT_EQ(count->non_transferable, 11109 + 6149 + 5598 + 3365 + 728 - 7246 - 3765);
    }
    if (p.ballot_id == "mayor.watford.2018-05-03") {
      EXPECT_EQ(count->totals[0], 15931);
    }
    if (p.ballot_id == "mayor.london.2016-05-05") {
      EXPECT_EQ(count->totals[0], 1310143);
    }
    if (p.ballot_id == "mayor.london.2012-05-03") {
      EXPECT_EQ(count->totals[1], 992273);
    }
  }
}

// London 2016 by ward (russss/london-elections-2016): each candidate's column, summed over the
// 629 wards and 34 postal batches, is that candidate's published first choices. The file has
// no column for Prince Zylinski (13,202 first choices): its parser dropped it (SOURCE.md), so
// the ward file cannot be counted on its own; the compiled totals are what the count uses.
TEST(SvResults, London2016WardFileAddsUpToThePublishedFirstChoices) {
  std::string path, wards;
  PSEPHOS_SHARED_DATA_OR_SKIP(path, kFile);
  PSEPHOS_SHARED_DATA_OR_SKIP(wards, "mayoral-supplementary-vote/london-mayor-2016-first-preference-by-ward.csv");
  auto contests = ReadSvResultsCsv(path);
  ASSERT_TRUE(contests);
  const PublishedSvContest* london = nullptr;
  for (const auto& p : *contests)
    if (p.ballot_id == "mayor.london.2016-05-05") london = &p;
  ASSERT_NE(london, nullptr);
  auto text = ReadFile(wards);
  ASSERT_TRUE(text);
  auto table = ParseCsv(*text, wards);
  ASSERT_TRUE(table) << table.error().ToString();
  EXPECT_EQ(table->rows.size(), 663u);
  int matched = 0;
  for (const SvCandidate& c : london->contest.candidates) {
    std::string surname = c.name.substr(c.name.rfind(' ') + 1);
    for (char& ch : surname) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::optional<size_t> column;
    for (size_t i = 0; i < table->header.size(); ++i)
      if (table->header[i].ends_with(" " + surname)) column = i;
    if (!column) {
      EXPECT_EQ(c.name, "Prince Zylinski");  // the one column the file lacks
      continue;
    }
    int64_t sum = 0;
    for (const CsvRow& row : table->rows) {
      auto votes = ParseCount(*table, row, *column);
      ASSERT_TRUE(votes) << votes.error().ToString();
      sum += *votes;
    }
    EXPECT_EQ(sum, c.first) << c.name;
    ++matched;
  }
  EXPECT_EQ(matched, 11);
}

TEST(SvResults, ErrorsNameLineAndColumn) {
  const std::string header =
      "contest_id,contest,poll_date,candidate,party,first_pref_votes,second_round_added,second_round_total,outcome,source\n";
  auto bad = ParseSvResultsCsv(header + "mayor.x.2018-05-03,X Mayor,2018-05-03,A,Lab,100,5,106,elected round 2,\n", "sv.csv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 2);
  EXPECT_EQ(bad.error().field, "second_round_total");
  bad = ParseSvResultsCsv(header + "mayor.x.2018-05-03,X Mayor,2018-05-03,A,Lab,1O0,,,,\n", "sv.csv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "first_pref_votes");
}

}  // namespace
}  // namespace psephos
