// Night's check of a batch (core/night.h); whole nights are tested through the engine and the
// data-driven cases in tests/.
#include "core/night.h"

#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <thread>
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

Night InferringNight(RunBoth run_both = {}) {
  PartyRegistry registry;
  EXPECT_TRUE(registry.Add({"PP53", "Labour", "Lab", "#E4003B", ""}));
  Election election;
  election.date = "2018-05-03";
  NightOptions options;
  options.infer_councils = true;
  options.run_both = std::move(run_both);
  auto night = Night::Create(std::move(election), std::move(registry), options);
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

// A night's setup is refused with the field that is wrong: a ward twice in a council, a ward's
// GSS code twice, a seat's party the registry does not have (after seats of a party it has, which
// are not looked up again), and nothing else.
TEST(Night, ASetupIsRefusedWhereItIsWrong) {
  auto create = [](std::function<void(Council&)> change) {
    PartyRegistry registry;
    EXPECT_TRUE(registry.Add({"PP53", "Labour", "Lab", "#E4003B", ""}));
    Council council;
    council.id = "ashby";
    council.name = "Ashby";
    for (const char* id : {"north", "south", "west"}) {
      SeatUp seat;
      seat.defending = ShortString("PP53");
      seat.last_won = ShortString("PP53");
      council.wards.push_back(Ward{id, std::string("E0500000") + id[0], id, CompactVector<SeatUp>(2, seat)});
    }
    council.total_seats = 6;
    change(council);
    Election election;
    election.date = "2018-05-03";
    election.councils.push_back(std::move(council));
    return Night::Create(std::move(election), std::move(registry));
  };
  EXPECT_TRUE(create([](Council&) {}));
  struct Case {
    std::function<void(Council&)> change;
    const char* field;
    const char* message;
  };
  const std::vector<Case> cases = {
      {[](Council& c) { c.wards[2].id = "north"; }, "councils.ashby.wards.north", "ward id appears twice"},
      {[](Council& c) { c.wards[1].gss = c.wards[0].gss; }, "councils.ashby.wards.south.gss",
       "ward GSS code E0500000n is in two councils or twice in one"},
      {[](Council& c) { c.wards[1].seats_up[1].last_won = ShortString("PP99"); }, "councils.ashby.wards.south.seats_up",
       "unknown party id 'PP99'"},
      {[](Council& c) { c.wards[0].seats_up[0].defending = ShortString(""); }, "councils.ashby.wards.north.seats_up",
       "unknown party id ''"},
      {[](Council& c) { c.not_up[""] = 1, c.total_seats = 7; }, "councils.ashby.not_up", "unknown party id ''"},
      {[](Council& c) { c.wards[2].seats_up[0].defending = ShortString("IND:Ann Example"); }, "", ""},
  };
  for (const Case& c : cases) {
    auto night = create(c.change);
    if (!*c.field) {
      EXPECT_TRUE(night) << night.error().ToString();
      continue;
    }
    ASSERT_FALSE(night) << c.message;
    EXPECT_EQ(night.error().field, c.field);
    EXPECT_EQ(night.error().message, c.message);
  }
}

// A big batch (a night read whole) has each block's own checks shared between the two of
// NightOptions::run_both, then taken in order: it gives the error checking one by one gives,
// the first in the batch's order, whichever share met it and whether it is the declaration's own
// (its place, its parties, its count) or the batch's (a ward twice). Shared between two threads,
// and, to show the order of the shares does not matter, run the second share first.
TEST(Night, ABigBatchGivesTheErrorOneByOneGives) {
  const std::vector<std::pair<const char*, RunBoth>> runners = {
      {"two threads",
       [](const std::function<void()>& a, const std::function<void()>& b) {
         std::thread other(b);
         a();
         other.join();
       }},
      {"the second share first", [](const std::function<void()>& a, const std::function<void()>& b) {
         b();
         a();
       }},
  };
  auto batch = [] {
    std::vector<Declaration> out;
    for (int i = 0; i < 40000; ++i) out.push_back(Uncontested("c" + std::to_string(i / 100), "w" + std::to_string(i)));
    return out;
  };
  using Change = std::function<void(std::vector<Declaration>&)>;
  struct Case {
    const char* what;
    std::vector<Change> changes;
    int at;               // the declaration the error is about
    const char* message;  // a phrase of it
  };
  auto at = [](int i, std::function<void(Declaration&)> change) -> Change {
    return [i, change](std::vector<Declaration>& b) { change(b[static_cast<size_t>(i)]); };
  };
  auto twice = [](int of) -> Change { return [of](std::vector<Declaration>& b) { b[of + 1] = b[of]; }; };
  // The ward of `of` again at `at`, a block or more later (the check takes 16,384 at a time).
  auto again = [](int of, int at) -> Change {
    return [of, at](std::vector<Declaration>& b) { b[static_cast<size_t>(at)] = b[static_cast<size_t>(of)]; };
  };
  auto unknown_party = [](Declaration& d) { d.candidates[0].party = "PP99"; };
  auto no_council = [](Declaration& d) { d.council = ""; };
  auto no_ward = [](Declaration& d) { d.ward = "nowhere"; };
  auto two_seats = [](Declaration& d) { d.seats = 2; };
  auto no_name = [](Declaration& d) { d.candidates[0].name = ""; };
  // On a night that takes councils from its declarations.
  const std::vector<Case> inferring = {
      {"a ward twice", {twice(29000)}, 29001, "appears twice in one batch"},
      {"an unknown party before a ward twice", {at(20000, unknown_party), twice(30000)}, 20000,
       "unknown party id 'PP99'"},
      {"a ward twice before no council", {twice(100), at(35000, no_council)}, 101, "appears twice in one batch"},
      {"a ward again a block later", {again(100, 20000)}, 20000, "appears twice in one batch"},
      // The batch's check comes before the party's, as one by one: the second of a pair with an
      // unknown party is a ward twice.
      {"a ward twice with an unknown party", {twice(17000), at(17001, unknown_party)}, 17001,
       "appears twice in one batch"},
      {"no council in one share after an unknown party in the other",
       {at(16400, unknown_party), at(24600, no_council)}, 16400, "unknown party id 'PP99'"},
  };
  // On a night set up before the poll: its wards, their seats, and what is declared already.
  const std::vector<Case> set_up = {
      {"a ward the council does not have", {at(30000, no_ward)}, 30000, "has no ward 'nowhere'"},
      {"seats that differ before a ward it does not have", {at(20000, two_seats), at(30000, no_ward)}, 20000,
       "declares 2 seats, but ward 'w20000' has 1 up"},
      {"a count that fails (a candidate with no name) before a ward twice", {at(18000, no_name), twice(25000)},
       18000, "a candidate needs a name"},
      {"a ward already declared", {}, 30000, "is already declared"},
  };
  for (const auto& [how, run_both] : runners) {
    SCOPED_TRACE(how);
    auto set_up_night = [&] {
      PartyRegistry registry;
      EXPECT_TRUE(registry.Add({"PP53", "Labour", "Lab", "#E4003B", ""}));
      Election election;
      election.date = "2018-05-03";
      for (int c = 0; c < 400; ++c) {
        Council council;
        council.id = "c" + std::to_string(c);
        council.name = "Council " + std::to_string(c);
        council.total_seats = 100;
        for (int w = 0; w < 100; ++w)
          council.wards.push_back(Ward{"w" + std::to_string(c * 100 + w), "", "Ward", CompactVector<SeatUp>(1)});
        election.councils.push_back(std::move(council));
      }
      NightOptions options;
      options.run_both = run_both;
      auto night = Night::Create(std::move(election), std::move(registry), options);
      EXPECT_TRUE(night) << night.error().ToString();
      return std::move(*night);
    };
    for (const auto* cases : {&inferring, &set_up}) {
      for (const Case& c : *cases) {
        SCOPED_TRACE(c.what);
        Night night = cases == &inferring ? InferringNight(run_both) : set_up_night();
        if (c.changes.empty()) {
          ASSERT_TRUE(night.ApplyAll({batch()[static_cast<size_t>(c.at)]}));
        }
        std::vector<Declaration> declarations = batch();
        for (const Change& change : c.changes) change(declarations);
        const std::string ballot = declarations[static_cast<size_t>(c.at)].ballot_id.str();
        const size_t before = night.declarations().size();
        Status refused = night.ApplyAll(std::move(declarations));
        ASSERT_FALSE(refused);
        EXPECT_NE(refused.error().message.find(c.message), std::string::npos) << refused.error().ToString();
        EXPECT_EQ(refused.error().file, ballot) << refused.error().ToString();
        EXPECT_EQ(night.declarations().size(), before) << "nothing applied";
      }
    }
    // Good, it is applied whole, as in batches small enough to be checked in one share.
    Night whole = InferringNight(run_both), in_parts = InferringNight(run_both), set_up_whole = set_up_night();
    ASSERT_TRUE(whole.ApplyAll(batch()));
    ASSERT_TRUE(set_up_whole.ApplyAll(batch()));
    EXPECT_EQ(set_up_whole.declarations().size(), 40000u);
    std::vector<Declaration> all = batch();
    for (size_t first = 0; first < all.size(); first += 1000)
      ASSERT_TRUE(in_parts.ApplyAll(std::vector<Declaration>(all.begin() + static_cast<long>(first),
                                                             all.begin() + static_cast<long>(first + 1000))));
    EXPECT_EQ(whole.declarations().size(), 40000u);
    for (const Council& council : in_parts.councils()) {
      ASSERT_NE(whole.Outcome(council.id), nullptr) << council.id;
      EXPECT_EQ(whole.Outcome(council.id)->after.seats, in_parts.Outcome(council.id)->after.seats) << council.id;
      EXPECT_EQ(whole.Outcome(council.id)->wards_declared, 100) << council.id;
    }
  }
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
