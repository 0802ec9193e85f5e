#include "analysis/marginality.h"

#include <gtest/gtest.h>

#include "analysis/analysis_testing.h"
#include "readers/results_file.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::MakeNight;
using testing::TestWard;

constexpr char kCon[] = "PP52";
constexpr char kLab[] = "PP53";
constexpr char kGreen[] = "PP63";

// Eleven seats, six for control. Conservatives hold 7 (A, B, C x2, D x3), Labour 4 (E x3, F).
// Labour needs 2 more seats.
//   A (1 seat)  Con 100, Lab 97: Lab needs 97 + x > 100, x = 4 for one seat.
//   B (1 seat)  Con 100, Lab 92: x = 9 for one seat.
//   C (2 seats) Con 100, 100; Lab 95, 95. Block voting: one extra Labour voter adds a vote to
//               both Labour candidates, so 95 + 6 = 101 beats both Conservatives: x = 6 gives
//               one seat and the same 6 gives two.
//   D (3 seats) Con 500 x3, Lab 100 x3: 401 for any seat.
// Greedy by the cheapest next seat takes A (4), then the cheapest further seat, C's first (6):
// 10 votes. The exact answer is C alone: 6 votes for both seats.
Night GreedyNight() {
  return MakeNight({
      TestWard("greedy", "a", 1, {{kCon, 100}, {kLab, 97}}),
      TestWard("greedy", "b", 1, {{kCon, 100}, {kLab, 92}}),
      TestWard("greedy", "c", 2, {{kCon, 100}, {kCon, 100}, {kLab, 95}, {kLab, 95}}),
      TestWard("greedy", "d", 3,
               {{kCon, 500}, {kCon, 500}, {kCon, 500}, {kLab, 100}, {kLab, 100}, {kLab, 100}}),
      TestWard("greedy", "e", 3,
               {{kLab, 300}, {kLab, 300}, {kLab, 300}, {kCon, 100}, {kCon, 100}, {kCon, 100}}),
      TestWard("greedy", "f", 1, {{kLab, 300}, {kCon, 100}, {kGreen, 50}}),
  });
}

TEST(Marginality, ExactWhereGreedyIsWrong) {
  Night night = GreedyNight();
  auto m = MarginalityOf(night, "greedy");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  EXPECT_EQ(m->total_seats, 11);
  EXPECT_EQ(m->majority_line, 6);
  ASSERT_EQ(m->control, std::optional<std::string>(kCon));
  const PartyMarginality* lab = m->Find(kLab);
  ASSERT_NE(lab, nullptr);
  EXPECT_EQ(lab->seats, 4);
  EXPECT_FALSE(lab->in_control);
  ASSERT_TRUE(lab->extra.possible);
  EXPECT_EQ(lab->extra.seats_to_change, 2);
  EXPECT_EQ(lab->extra.votes, 6);  // not the greedy 10
  ASSERT_EQ(lab->extra.wards.size(), 1u);
  EXPECT_EQ(lab->extra.wards[0].ward, "c");
  EXPECT_EQ(lab->extra.wards[0].seats, 2);
}

TEST(Marginality, SwitchedVotesCountTwice) {
  // A switch from Con to Lab closes the gap by two.
  //   A: 97 + x > 100 - x, x = 2.   B: 92 + x > 100 - x, x = 5.
  //   C: 95 + x > 100 - x, x = 3 for both seats.
  // Two seats: C for 3 beats A + B for 7.
  Night night = GreedyNight();
  auto m = MarginalityOf(night, "greedy", kLab);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->parties.size(), 1u);
  const ControlMargin& s = m->parties[0].switched;
  ASSERT_TRUE(s.possible);
  EXPECT_EQ(s.kind, MarginKind::kSwitchedVotes);
  EXPECT_EQ(s.votes, 3);
  ASSERT_EQ(s.wards.size(), 1u);
  EXPECT_EQ(s.wards[0].ward, "c");
  EXPECT_EQ(s.wards[0].other, kCon);
}

TEST(Marginality, ControllingPartyHeldOnBy) {
  // Conservatives hold 7 of 11; losing 2 seats leaves 5, short of 6.
  //   A: 100 - x < 97, x = 4 (one seat).  B: 100 - x < 92, x = 9.
  //   C: 100 - x < 95, x = 6 loses both seats at once.  D: 401.
  // Cheapest: C alone, 6 votes (A + B would be 13, A + C 10).
  // Switched to Labour: A 100 - x < 97 + x, x = 2; C 100 - x < 95 + x, x = 3 for both.
  Night night = GreedyNight();
  auto m = MarginalityOf(night, "greedy", kCon);
  ASSERT_TRUE(m.ok());
  const PartyMarginality& con = m->parties[0];
  EXPECT_TRUE(con.in_control);
  EXPECT_EQ(con.extra.goal, MarginGoal::kLoseControl);
  EXPECT_EQ(con.extra.seats_to_change, 2);
  EXPECT_EQ(con.extra.votes, 6);
  ASSERT_EQ(con.extra.wards.size(), 1u);
  EXPECT_EQ(con.extra.wards[0].ward, "c");
  EXPECT_EQ(con.switched.votes, 3);
  EXPECT_EQ(con.switched.wards[0].other, kLab);
}

TEST(Marginality, TooFewCandidates) {
  // The Greens stood once (ward F, 1 seat) and need 6 of 11: even winning F gives 1.
  Night night = GreedyNight();
  auto m = MarginalityOf(night, "greedy", kGreen);
  ASSERT_TRUE(m.ok());
  const PartyMarginality& green = m->parties[0];
  EXPECT_EQ(green.candidates, 1);
  EXPECT_FALSE(green.extra.possible);
  EXPECT_NE(green.extra.why_not.find("stood too few candidates"), std::string::npos)
      << green.extra.why_not;
}

TEST(Marginality, TieAtTheCutIsNotAWin) {
  // One seat: Con 50, Lab 50, decided by lot for Con (flags). Lab needs 1 vote to win outright,
  // one seat of one is control. Con would lose control by losing 1 vote.
  Declaration d = TestWard("tie", "only", 1, {{kCon, 50}, {kLab, 50}});
  d.candidates[0].elected = true;
  d.candidates[1].elected = false;
  Night night = MakeNight({d});
  auto m = MarginalityOf(night, "tie");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->Find(kLab)->extra.votes, 1);
  EXPECT_EQ(m->Find(kCon)->extra.votes, 1);
}

TEST(Marginality, UnknownCouncilAndParty) {
  Night night = GreedyNight();
  EXPECT_FALSE(MarginalityOf(night, "nowhere").ok());
  EXPECT_FALSE(MarginalityOf(night, "greedy", std::string("PP90")).ok());
}

TEST(Marginality, ClosestCouncils) {
  // "greedy" changes hands for 6 (Con losing C); "close" for 1 (a one-seat council won by 1).
  std::vector<Declaration> wards = {
      TestWard("greedy", "a", 1, {{kCon, 100}, {kLab, 97}}),
      TestWard("greedy", "c", 2, {{kCon, 100}, {kCon, 100}, {kLab, 95}, {kLab, 95}}),
      TestWard("close", "x", 1, {{kLab, 61}, {kCon, 60}}),
  };
  // greedy: 3 seats, Con 3, line 2; Con must lose 2: C alone (6) beats A (4) + nothing else.
  Night night = MakeNight(std::move(wards));
  auto closest = ClosestCouncils(night, 10);
  ASSERT_EQ(closest.size(), 2u);
  EXPECT_EQ(closest[0].council, "close");
  EXPECT_EQ(closest[0].margin.votes, 2);  // Lab 61 - x < 60: x = 2 (a tie at 60 would go to lot)
  EXPECT_EQ(closest[1].council, "greedy");
  EXPECT_EQ(closest[1].margin.votes, 6);
  EXPECT_EQ(ClosestCouncils(night, 1).size(), 1u);
}

// London 2014: the second party in Wandsworth and Barnet (Labour in both), with wards named.
TEST(Marginality, London2014WandsworthAndBarnet) {
  std::string file;
  PSEPHOS_SHARED_DATA_OR_SKIP(file, "london-boroughs-2014/london_council_election_2014_ward.csv");
  auto set = ReadResultsFile(file, DefaultPartyRegistry(), ReadOptions{});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  Night night = MakeNight(std::move(set->declarations));
  for (const char* council : {"wandsworth", "barnet"}) {
    auto m = MarginalityOf(night, council, std::string(kLab));
    ASSERT_TRUE(m.ok()) << m.error().ToString();
    const PartyMarginality& lab = m->parties[0];
    ASSERT_TRUE(lab.extra.possible) << lab.extra.why_not;
    EXPECT_FALSE(lab.extra.wards.empty());
    EXPECT_LE(lab.switched.votes, lab.extra.votes);
    std::cout << council << ": Labour " << lab.seats << " of " << m->total_seats << ", needs "
              << lab.extra.seats_to_change << " seats: " << lab.extra.votes << " extra votes in";
    for (const WardTarget& w : lab.extra.wards)
      std::cout << " " << w.ward_name << " (" << w.votes << ")";
    std::cout << "; " << lab.switched.votes << " switched\n";
  }
  // Barnet 2014: Con 32 of 63, Lab 30: Labour needs 2 seats.
  auto barnet = MarginalityOf(night, "barnet", std::string(kLab));
  EXPECT_EQ(barnet->parties[0].seats, 30);
  EXPECT_EQ(barnet->parties[0].extra.seats_to_change, 2);
}

}  // namespace
}  // namespace psephos

namespace psephos {
namespace {

// A check of exactness against brute force on small random councils: every ward's seats for
// each number of voters tried one by one (ties broken against the party for a gain, for it
// for a loss), and every combination of wards tried.
struct BruteWard {
  int seats = 0;
  std::vector<std::pair<std::string, int64_t>> candidates;
};

// Seats `party` wins with its votes moved by `shift` and `other`'s by -shift (floored at 0),
// ties at the cut broken against the party (`against`) or for it.
int BruteSeats(const BruteWard& w, const std::string& party, int64_t shift,
               const std::string& other, bool against) {
  std::vector<std::pair<int64_t, int>> order;  // (votes, 1 if ours) sorted so ties go as asked
  for (const auto& [key, votes] : w.candidates) {
    int64_t v = votes + (key == party ? shift : key == other ? -shift : 0);
    order.push_back({std::max<int64_t>(v, 0), key == party ? 1 : 0});
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return against ? a.second < b.second : a.second > b.second;
  });
  int ours = 0;
  for (int i = 0; i < w.seats && i < static_cast<int>(order.size()); ++i)
    ours += order[static_cast<size_t>(i)].second;
  return ours;
}

// Fewest voters over all choices of wards for `need` seats changing, trying every x per ward.
int64_t BruteForce(const std::vector<BruteWard>& wards, const std::string& party, bool win,
                   bool switched, int need) {
  constexpr int64_t kNone = -1;
  // cost[w][g]: fewest voters for g seats changing in ward w.
  std::vector<std::vector<int64_t>> cost;
  for (const BruteWard& w : wards) {
    std::vector<std::string> others{""};
    if (switched) {
      others.clear();
      for (const auto& [key, votes] : w.candidates)
        if (key != party && std::find(others.begin(), others.end(), key) == others.end())
          others.push_back(key);
    }
    const int now = BruteSeats(w, party, 0, "", true);
    int64_t most = 0;
    for (const auto& [key, votes] : w.candidates) most = std::max(most, votes);
    std::vector<int64_t> c(static_cast<size_t>(w.seats) + 1, kNone);
    c[0] = 0;
    for (const std::string& other : others)
      for (int64_t x = 0; x <= 2 * most + 2; ++x) {
        const int seats =
            win ? BruteSeats(w, party, x, other, true) : BruteSeats(w, party, -x, other, false);
        const int change = win ? seats - now : now - seats;
        for (int g = 1; g <= change; ++g)
          if (c[static_cast<size_t>(g)] == kNone || x < c[static_cast<size_t>(g)])
            c[static_cast<size_t>(g)] = x;
      }
    cost.push_back(c);
  }
  int64_t best = kNone;
  std::vector<size_t> pick(wards.size(), 0);
  while (true) {
    int seats = 0;
    int64_t votes = 0;
    bool ok = true;
    for (size_t i = 0; i < wards.size(); ++i) {
      if (cost[i][pick[i]] == kNone) ok = false;
      seats += static_cast<int>(pick[i]);
      votes += cost[i][pick[i]];
    }
    if (ok && seats >= need && (best == kNone || votes < best)) best = votes;
    size_t i = 0;
    while (i < wards.size() && ++pick[i] == cost[i].size()) pick[i++] = 0;
    if (i == wards.size()) break;
  }
  return best;
}

TEST(Marginality, MatchesBruteForceOnRandomCouncils) {
  uint64_t state = 12345;
  auto next = [&state](int n) {  // a small LCG: deterministic, for the test only
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(n));
  };
  const std::vector<std::string> parties = {kCon, kLab, "PP90"};
  int checked = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::vector<Declaration> declarations;
    std::vector<BruteWard> wards;
    const int ward_count = 2 + next(3);
    for (int w = 0; w < ward_count; ++w) {
      BruteWard bw;
      bw.seats = 1 + next(3);
      std::vector<testing::TestCandidate> candidates;
      int64_t distinct = 0;  // votes are all different, so no count has a tie to report
      for (const std::string& party : parties)
        for (int c = 0, n = next(bw.seats + 1); c < n; ++c) {
          const int64_t votes = 30 * next(15) + (++distinct);  // distinct below 30: no ties
          candidates.push_back({party, votes});
          bw.candidates.push_back({party, votes});
        }
      while (static_cast<int>(candidates.size()) <= bw.seats) {  // keep it contested
        candidates.push_back({"PP63", ++distinct});
        bw.candidates.push_back({"PP63", distinct});
      }
      declarations.push_back(TestWard("r", "w" + std::to_string(w), bw.seats, candidates));
      wards.push_back(bw);
    }
    Night night = MakeNight(std::move(declarations));
    auto m = MarginalityOf(night, "r");
    ASSERT_TRUE(m.ok());
    for (const PartyMarginality& p : m->parties) {
      for (const ControlMargin* margin : {&p.extra, &p.switched}) {
        const bool win = margin->goal == MarginGoal::kWinControl;
        const int64_t brute =
            BruteForce(wards, p.party, win, margin->kind == MarginKind::kSwitchedVotes,
                       margin->seats_to_change);
        if (margin->seats_to_change <= 0) continue;
        ASSERT_EQ(margin->possible, brute >= 0) << "trial " << trial << " " << p.party;
        if (brute >= 0) {
          EXPECT_EQ(margin->votes, brute)
              << "trial " << trial << " " << p.party << " " << ToString(margin->kind);
          int64_t sum = 0;
          for (const WardTarget& w : margin->wards) sum += w.votes;
          EXPECT_EQ(sum, margin->votes);
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace psephos
