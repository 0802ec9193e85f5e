#include "publish/outcomes_csv.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
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

}  // namespace
}  // namespace psephos
