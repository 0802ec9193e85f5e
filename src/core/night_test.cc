// Night's check of a batch (core/night.h); whole nights are tested through the engine and the
// data-driven cases in tests/.
#include "core/night.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace psephos {
namespace {

Declaration Uncontested(std::string council, std::string ward) {
  Declaration d;
  d.council = council;
  d.ward = ward;
  d.ballot_id = "local." + council + "." + ward + ".2018-05-03";
  d.status = PollStatus::kUncontested;
  d.candidates.push_back(Candidate{"Ann Example", "PP53", 0, std::nullopt});
  return d;
}

Night InferringNight() {
  PartyRegistry registry;
  EXPECT_TRUE(registry.Add({"PP53", "Labour", "Lab", "#E4003B", ""}));
  Election election;
  election.date = "2018-05-03";
  auto night = Night::Create(std::move(election), std::move(registry), NightOptions{.infer_councils = true});
  EXPECT_TRUE(night) << night.error().ToString();
  return std::move(*night);
}

// A ward twice in one batch is refused, naming the second; wards are told apart by council and
// ward, not by the two joined: "a" + "b/c" and "a/b" + "c" are two wards.
TEST(Night, AWardTwiceInOneBatchIsRefusedAndOnlyThen) {
  Night night = InferringNight();
  std::vector<Declaration> twice{Uncontested("a", "x"), Uncontested("b", "x"), Uncontested("a", "x")};
  auto refused = night.Check(twice, Revision::kNew);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.find("ward 'x' of 'a' appears twice in one batch"), std::string::npos)
      << refused.error().ToString();

  std::vector<Declaration> distinct{Uncontested("a", "b/c"), Uncontested("a/b", "c")};
  EXPECT_TRUE(night.ApplyAll(distinct)) << "two wards whose ids joined with '/' agree";
  EXPECT_EQ(night.declarations().size(), 2u);
}

}  // namespace
}  // namespace psephos
