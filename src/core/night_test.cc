// Night's check of a batch (core/night.h); whole nights are tested through the engine and the
// data-driven cases in tests/.
#include "core/night.h"

#include <gtest/gtest.h>

#include <iterator>
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

// The declarations read back in the order applied: a recount in the place of the declaration it
// corrects, a withdrawn one gone, and a ward declared again after its withdrawal at the end.
TEST(Night, DeclarationsReadBackInTheOrderApplied) {
  Night night = InferringNight();
  auto wards = [&] {
    std::vector<std::string> out;
    for (const Declaration* d : night.declarations()) out.push_back(d->council.str() + "/" + d->ward.str());
    return out;
  };
  ASSERT_TRUE(night.ApplyAll({Uncontested("a", "x"), Uncontested("a", "y")}));
  ASSERT_TRUE(night.ApplyAll({Uncontested("b", "z")}));
  EXPECT_EQ(wards(), (std::vector<std::string>{"a/x", "a/y", "b/z"}));

  Declaration recount = Uncontested("a", "y");
  recount.candidates[0].name = "Bea Example";
  ASSERT_TRUE(night.ApplyAll({recount}, Revision::kCorrection));
  EXPECT_EQ(wards(), (std::vector<std::string>{"a/x", "a/y", "b/z"}));
  EXPECT_EQ((*std::next(night.declarations().begin()))->candidates[0].name, "Bea Example");

  ASSERT_TRUE(night.CheckWithdrawal("a", "x"));
  night.Withdraw("a", "x");
  EXPECT_EQ(wards(), (std::vector<std::string>{"a/y", "b/z"}));
  EXPECT_EQ(night.declarations().size(), 2u);
  ASSERT_TRUE(night.CheckWithdrawal("b", "z"));
  night.Withdraw("b", "z");
  EXPECT_EQ(wards(), (std::vector<std::string>{"a/y"}));  // a last batch withdrawn whole

  ASSERT_TRUE(night.ApplyAll({Uncontested("a", "x")}));
  EXPECT_EQ(wards(), (std::vector<std::string>{"a/y", "a/x"}));
  EXPECT_EQ(night.declarations().size(), 2u);

  // Moved, the declarations go with the night (where they are), and none are left behind.
  Night moved = std::move(night);
  EXPECT_EQ(moved.declarations().size(), 2u);
  EXPECT_EQ((*moved.declarations().begin())->ward, "y");
  EXPECT_EQ(night.declarations().size(), 0u);  // NOLINT: checked on purpose
  EXPECT_TRUE(night.declarations().begin() == night.declarations().end());
}

}  // namespace
}  // namespace psephos
