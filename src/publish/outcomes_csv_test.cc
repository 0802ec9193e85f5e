#include "publish/outcomes_csv.h"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/ward_count.h"
#include "demo/generator.h"
#include "readers/party_registry_reader.h"

namespace psephos {
namespace {

// The lines of `text` that hold a quote.
std::vector<std::string> QuotedLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find('"') != std::string::npos) out.push_back(line);
  return out;
}

// An independent's control key is the candidate's name: one with a comma and quotes is written
// as one RFC 4180 field (quotes doubled), in the ward's line and the council's seats; no other
// field of the night is quoted.
TEST(OutcomesCsv, AKeyWithACommaOrAQuoteIsOneQuotedField) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  Result<Night> night = Night::Create(demo.election, DefaultPartyRegistry());
  ASSERT_TRUE(night) << night.error().ToString();
  Declaration first = demo.declarations[0];
  ASSERT_FALSE(first.candidates.empty());
  const Result<WardCount> count = CountWard(first);
  ASSERT_TRUE(count && !count->elected.empty());
  const size_t winner = count->elected[0];
  first.candidates[winner].party = std::string(kIndependent);
  first.candidates[winner].name = "Smith, John \"Jack\"";
  ASSERT_TRUE(night->Apply(first)) << "the declaration with an independent winner";
  for (size_t i = 1; i < 10; ++i) ASSERT_TRUE(night->Apply(demo.declarations[i]));

  std::ostringstream out;
  WriteOutcomesCsv(*night, out);
  const std::string field = "\"IND:Smith, John \"\"Jack\"\"\"";
  EXPECT_EQ(QuotedLines(out.str()),
            (std::vector<std::string>{"ward," + std::string(first.ballot_id.view()) + "," + field + ",1",
                                      "seats," + first.council.str() + "," + field + ",1"}));
}

TEST(OutcomesCsv, PlainFieldsAreWrittenAsTheyAre) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  Result<Night> night = Night::Create(demo.election, DefaultPartyRegistry());
  ASSERT_TRUE(night) << night.error().ToString();
  ASSERT_TRUE(night->ApplyAll(demo.declarations));
  std::ostringstream out;
  WriteOutcomesCsv(*night, out);
  EXPECT_TRUE(QuotedLines(out.str()).empty());
  EXPECT_NE(out.str().find("\nsettled,"), std::string::npos);
}

// Made on two threads a block of councils each, the lines are the same and in the same order,
// whichever of the two finishes first: the night has 4,200 councils, a pair of blocks shared and
// a last block made alone.
TEST(OutcomesCsv, TheSameLinesMadeOnTwoThreads) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{.scale = 28});
  ASSERT_EQ(demo.election.councils.size(), 4200u);
  Result<Night> night = Night::Create(demo.election, DefaultPartyRegistry());
  ASSERT_TRUE(night) << night.error().ToString();
  ASSERT_TRUE(night->ApplyAll(demo.declarations));
  std::ostringstream one;
  WriteOutcomesCsv(*night, one);
  // Every council's line, in the night's order, and every council in the state of the parties.
  std::vector<std::string> council_ids, expected_ids;
  std::istringstream lines(one.str());
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("council,")) council_ids.push_back(line.substr(8, line.find(',', 8) - 8));
  for (const Council& council : night->councils()) expected_ids.push_back(council.id);
  EXPECT_TRUE(council_ids == expected_ids) << "the councils' lines are not in the night's order";
  const std::string settled = one.str().substr(one.str().rfind("\nsettled,") + 1);
  EXPECT_TRUE(settled.ends_with(",4200\n")) << settled;  // of the councils, how many settled

  int shared = 0;
  const RunBoth on_two_threads = [&](const std::function<void()>& a, const std::function<void()>& b) {
    ++shared;
    std::thread other(b);
    a();
    other.join();
  };
  const RunBoth other_first = [&](const std::function<void()>& a, const std::function<void()>& b) {
    ++shared;
    b();
    a();
  };
  for (const RunBoth* run_both : {&on_two_threads, &other_first}) {
    shared = 0;
    std::ostringstream two;
    WriteOutcomesCsv(*night, two, *run_both);
    EXPECT_EQ(shared, 1);
    EXPECT_TRUE(two.str() == one.str()) << "the lines differ made on two threads";
  }
}

}  // namespace
}  // namespace psephos
