// analysis_testing.h
//
// Test support for the analysis layer: hand-made nights in a few lines. A ward is written as
// its seats and candidates ("PP52" 100, "PP53" 97); a night is built from its wards with the
// councils inferred (all-out, every seat up), as a past year's results are. Tests only.
//
//   Night night = MakeNight({TestWard("c", "a", 1, {{"PP52", 100}, {"PP53", 97}})});
#ifndef PSEPHOS_ANALYSIS_ANALYSIS_TESTING_H_
#define PSEPHOS_ANALYSIS_ANALYSIS_TESTING_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/night.h"
#include "readers/party_registry_reader.h"

namespace psephos::testing {

struct TestCandidate {
  std::string party;
  int64_t votes = 0;
};

inline Declaration TestWard(const std::string& council, const std::string& ward, int seats,
                            const std::vector<TestCandidate>& candidates,
                            const std::string& date = "2018-05-03") {
  Declaration d;
  d.council = council;
  d.council_name = council;
  d.ward = ward;
  d.ward_name = ward;
  d.ballot_id = BallotId(council, ward, date);
  d.seats = seats;
  int n = 0;
  for (const TestCandidate& c : candidates)
    d.candidates.push_back(
        Candidate{c.party + " candidate " + std::to_string(++n), c.party, Candidate::Votes(c.votes), std::nullopt});
  return d;
}

inline Night MakeNight(std::vector<Declaration> wards) {
  Election election;
  election.id = "local.2018-05-03";
  election.date = "2018-05-03";
  auto night = Night::Create(std::move(election), DefaultPartyRegistry(),
                             NightOptions{.infer_councils = true});
  EXPECT_TRUE(night.ok());
  Status s = night->ApplyAll(std::move(wards));
  EXPECT_TRUE(s.ok()) << s.error().ToString();
  return std::move(*night);
}

}  // namespace psephos::testing

#endif  // PSEPHOS_ANALYSIS_ANALYSIS_TESTING_H_
