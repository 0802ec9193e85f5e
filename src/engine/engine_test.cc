#include "engine/engine.h"

#include <gtest/gtest.h>

#include "demo/generator.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "store/memory_log.h"
#include "store/sqlite_log.h"
#include "testing.h"

namespace psephos {
namespace {

// The clock is fixed so that two engines fed the same writes log the same bytes.
EngineOptions FixedClock() {
  EngineOptions options;
  options.clock = [] { return std::string("2018-05-04T01:00:00Z"); };
  return options;
}

std::unique_ptr<ResultsLog> OpenLog(const std::string& path) {
  auto log = OpenSqliteLog(path);
  EXPECT_TRUE(log) << log.error().ToString();
  return std::move(*log);
}

Writer Desk() { return Writer{"test", "desk-1"}; }

// A small night: the first `councils` councils of the demo night, and their declarations.
GeneratedNight SmallNight(size_t councils) {
  GeneratedNight night = GenerateNight(GeneratorOptions{});
  night.election.councils.resize(councils);
  std::erase_if(night.declarations, [&](const Declaration& d) {
    for (const Council& c : night.election.councils)
      if (c.id == d.council) return false;
    return true;
  });
  return night;
}

std::string Describe(const StateOfParties& s) {
  std::string out = s.filter + " " + std::to_string(s.councils_settled) + "/" + std::to_string(s.councils_total) +
                    " wards " + std::to_string(s.wards_declared) + " noc " + std::to_string(s.noc) + "(" +
                    std::to_string(s.noc_change) + ")";
  for (const PartyTally& t : s.parties)
    out += " " + t.group + ":" + std::to_string(t.councils) + "(" + std::to_string(t.councils_change) + ")/" +
           std::to_string(t.seats) + "(" + std::to_string(t.seats_change) + ")";
  return out;
}

std::vector<CouncilFilter> SomeFilters(const Night& night) {
  std::vector<CouncilFilter> filters(2);
  filters[1].london_only = true;
  filters.push_back(CouncilFilter{false, night.councils().front().region, std::nullopt});
  filters.push_back(CouncilFilter{false, std::nullopt, CouncilType::kMetropolitanBorough});
  // Not kept incrementally: tallied on demand.
  filters.push_back(CouncilFilter{false, night.councils().front().region, night.councils().front().type});
  return filters;
}

TEST(Engine, IncrementalTalliesEqualAFreshTallyAtEveryStep) {
  testing::TempDir dir;
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  auto engine = Engine::Open(OpenLog(dir.File("night.db")), &demo.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(engine) << engine.error().ToString();
  Engine& e = **engine;
  const auto filters = SomeFilters(e.night());
  size_t i = 0;
  for (size_t start = 0; start < demo.declarations.size(); start += 97) {
    std::vector<Declaration> batch(demo.declarations.begin() + static_cast<long>(start),
                                   demo.declarations.begin() +
                                       static_cast<long>(std::min(start + 97, demo.declarations.size())));
    auto receipt = e.Declare(std::move(batch), Revision::kNew, Desk());
    ASSERT_TRUE(receipt) << receipt.error().ToString();
    if (++i % 5 != 0) continue;  // compare every fifth batch: a fresh tally is the slow way
    for (const CouncilFilter& f : filters)
      for (Baseline b : {Baseline::kLastFought, Baseline::kEveOfPoll})
        ASSERT_EQ(Describe(e.Parties(f, b)), Describe(TallyParties(e.night(), f, b))) << "after batch " << i;
  }
  EXPECT_EQ(e.seq(), static_cast<int64_t>(demo.declarations.size()) + 1);
  for (const CouncilFilter& f : filters)
    for (Baseline b : {Baseline::kLastFought, Baseline::kEveOfPoll})
      EXPECT_EQ(Describe(e.Parties(f, b)), Describe(TallyParties(e.night(), f, b)));
  EXPECT_EQ(e.Parties({}, Baseline::kEveOfPoll).councils_settled, 150);
}

// The night keeps each council's outcome ward by ward (AddWard); it must equal the council
// decided whole from its declared wards after every declaration, recount and withdrawal.
TEST(Engine, CouncilOutcomesFollowedWardByWardEqualTheCouncilDecidedWhole) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  // In memory: some 4,000 writes, and what is tested is the night, not the disk.
  auto engine = Engine::Open(OpenMemoryLog(), &demo.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(engine) << engine.error().ToString();
  Engine& e = **engine;
  auto expect_whole = [&](const std::string& council_id, size_t step) {
    const Night& night = e.night();
    const CouncilOutcome whole =
        DecideCouncil(*night.FindCouncil(council_id), *night.Declared(council_id), night.registry());
    ASSERT_TRUE(*night.Outcome(council_id) == whole) << council_id << " at declaration " << step;
  };
  int recounts = 0, withdrawals = 0;
  for (size_t i = 0; i < demo.declarations.size(); ++i) {
    const Declaration& d = demo.declarations[i];
    ASSERT_TRUE(e.Declare({d}, Revision::kNew, Desk())) << i;
    expect_whole(d.council.str(), i);
    if (i % 7 == 3) {
      // A recount that turns the votes round, so other candidates win.
      Declaration recount = demo.declarations[i - 2];
      std::vector<int64_t> votes;
      for (const Candidate& c : recount.candidates) votes.push_back(c.votes);
      for (size_t k = 0; k < votes.size(); ++k) {
        recount.candidates[k].votes = votes[votes.size() - 1 - k];
        recount.candidates[k].elected.reset();  // the returning officer's flags were for the first count
      }
      auto corrected = e.Declare({recount}, Revision::kCorrection, Desk());
      ASSERT_TRUE(corrected) << i << ": " << corrected.error().ToString();
      expect_whole(recount.council.str(), i);
      ++recounts;
    }
    if (i % 11 == 5) {
      const Declaration& gone = demo.declarations[i - 1];
      ASSERT_TRUE(e.Withdraw(gone.council.str(), gone.ward.str(), Desk())) << i;
      expect_whole(gone.council.str(), i);
      ASSERT_TRUE(e.Declare({gone}, Revision::kNew, Desk())) << i;
      expect_whole(gone.council.str(), i);
      ++withdrawals;
    }
  }
  EXPECT_GT(recounts, 300);
  EXPECT_GT(withdrawals, 200);
}

TEST(Engine, RestartFoldsTheLogToTheSameNightAndDeltas) {
  testing::TempDir dir;
  GeneratedNight night = SmallNight(6);
  std::vector<std::string> first_deltas, second_deltas;
  auto record = [](std::vector<std::string>& out) {
    return [&out](const Delta& d, const Engine&) {
      out.push_back(std::to_string(d.seq) + " " + std::string(ToString(d.kind)) + " " + d.council + "/" + d.ward +
                    (d.council_decided ? " decided" : ""));
    };
  };
  std::string before;
  {
    auto engine = Engine::Open(OpenLog(dir.File("night.db")), &night.election, DefaultPartyRegistry(), FixedClock(),
                               record(first_deltas));
    ASSERT_TRUE(engine);
    for (const Declaration& d : night.declarations)
      ASSERT_TRUE((*engine)->Declare({d}, Revision::kNew, Desk())) << d.ballot_id;
    // A recount: the first ward's votes changed; then a withdrawal of the second ward.
    Declaration recount = night.declarations[0];
    for (Candidate& c : recount.candidates) c.votes += 1;
    ASSERT_TRUE((*engine)->Declare({recount}, Revision::kCorrection, Desk()));
    ASSERT_TRUE((*engine)->Withdraw(night.declarations[1].council.str(), night.declarations[1].ward.str(), Desk()));
    before = Describe((*engine)->Parties({}, Baseline::kEveOfPoll));
  }
  auto engine = Engine::Open(OpenLog(dir.File("night.db")), nullptr, DefaultPartyRegistry(), FixedClock(),
                             record(second_deltas));
  ASSERT_TRUE(engine) << engine.error().ToString();
  EXPECT_EQ(Describe((*engine)->Parties({}, Baseline::kEveOfPoll)), before);
  EXPECT_EQ(first_deltas, second_deltas);
  EXPECT_EQ((*engine)->seq(), static_cast<int64_t>(night.declarations.size()) + 3);
  EXPECT_FALSE((*engine)->IsDeclared(night.declarations[1].council, night.declarations[1].ward));
  EXPECT_TRUE((*engine)->IsDeclared(night.declarations[0].council, night.declarations[0].ward));
}

TEST(Engine, BadWritesAreRefusedWithNothingLoggedOrApplied) {
  testing::TempDir dir;
  GeneratedNight night = SmallNight(2);
  auto engine = Engine::Open(OpenLog(dir.File("night.db")), &night.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(engine);
  Engine& e = **engine;
  const Declaration& good = night.declarations[0];
  ASSERT_TRUE(e.Declare({good}, Revision::kNew, Desk()));
  const int64_t seq = e.seq();
  const std::string state = Describe(e.Parties({}, Baseline::kEveOfPoll));

  auto expect_refused = [&](Result<Receipt> r, ErrorKind kind, const std::string& words) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, kind) << r.error().ToString();
    EXPECT_NE(r.error().ToString().find(words), std::string::npos) << r.error().ToString();
    EXPECT_EQ(e.seq(), seq);
    EXPECT_EQ(e.log().LastSeq(), seq);
    EXPECT_EQ(Describe(e.Parties({}, Baseline::kEveOfPoll)), state);
  };
  expect_refused(e.Declare({good}, Revision::kNew, Desk()), ErrorKind::kConflict, "already declared");
  expect_refused(e.Declare({night.declarations[1]}, Revision::kCorrection, Desk()), ErrorKind::kConflict,
                 "has not been declared");
  Declaration unknown_ward = night.declarations[1];
  unknown_ward.ward = "nowhere";
  unknown_ward.ward_gss = "";
  expect_refused(e.Declare({unknown_ward}, Revision::kNew, Desk()), ErrorKind::kNotFound, "no ward 'nowhere'");
  Declaration unknown_council = night.declarations[1];
  unknown_council.council = "atlantis";
  expect_refused(e.Declare({unknown_council}, Revision::kNew, Desk()), ErrorKind::kNotFound, "unknown council");
  Declaration too_many_votes = night.declarations[1];
  too_many_votes.status = PollStatus::kContested;
  too_many_votes.ballot_papers = 10;
  too_many_votes.rejected = 0;
  expect_refused(e.Declare({too_many_votes}, Revision::kNew, Desk()), ErrorKind::kInvalid, "valid ballot papers");
  // One bad declaration in a batch: the good one beside it is not applied either.
  expect_refused(e.Declare({night.declarations[2], unknown_ward}, Revision::kNew, Desk()), ErrorKind::kNotFound,
                 "nowhere");
  EXPECT_FALSE(e.IsDeclared(night.declarations[2].council, night.declarations[2].ward));
  expect_refused(e.Withdraw(night.declarations[3].council.str(), night.declarations[3].ward.str(), Desk()),
                 ErrorKind::kConflict, "nothing to withdraw");
  Council smaller = night.election.councils[0];
  smaller.wards.pop_back();
  expect_refused(e.ReplaceCouncil(smaller, Desk()), ErrorKind::kInvalid, "seats");
}

// A declaration moves its council's part in each tally (MoveBetween, PartyTallies::Apply); a setup
// that moves the council to another region and type takes it out of some tallies and into others.
TEST(Engine, TalliesFollowACouncilMovedToAnotherRegionAndType) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  auto engine = Engine::Open(OpenMemoryLog(), &demo.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(engine) << engine.error().ToString();
  Engine& e = **engine;
  for (const Declaration& d : demo.declarations) ASSERT_TRUE(e.Declare({d}, Revision::kNew, Desk()));
  Council moved = e.night().councils().front();
  const Council* other = nullptr;
  for (const Council& c : e.night().councils())
    if (c.region != moved.region && c.type != moved.type) other = &c;
  ASSERT_NE(other, nullptr);
  moved.region = other->region;
  moved.type = other->type;
  ASSERT_TRUE(e.ReplaceCouncil(moved, Desk()));
  auto filters = SomeFilters(e.night());
  filters.push_back(CouncilFilter{false, moved.region, std::nullopt});
  filters.push_back(CouncilFilter{false, std::nullopt, moved.type});
  auto expect_tallies_true = [&](const char* when) {
    for (const CouncilFilter& f : filters)
      for (Baseline b : {Baseline::kLastFought, Baseline::kEveOfPoll})
        EXPECT_EQ(Describe(e.Parties(f, b)), Describe(TallyParties(e.night(), f, b))) << f.Describe() << ", " << when;
  };
  expect_tallies_true("after the move");
  // And the council's next change moves the tallies of its new region and type, not its old.
  const auto* declared = e.night().Declared(moved.id);
  ASSERT_TRUE(declared && !declared->empty());
  ASSERT_TRUE(e.Withdraw(moved.id, declared->begin()->declaration->ward.str(), Desk()));
  expect_tallies_true("after a withdrawal in the moved council");
}

TEST(Engine, CouncilSetupReplacedChangesTheBaselineNotTheResults) {
  testing::TempDir dir;
  GeneratedNight night = SmallNight(1);
  auto engine = Engine::Open(OpenLog(dir.File("night.db")), &night.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(engine);
  Council council = night.election.councils[0];
  // A by-election before polling day: the first ward's first seat changes hands.
  SeatUp& seat = council.wards[0].seats_up[0];
  const std::string gainer = seat.defending == std::optional<std::string>("PP53") ? "PP52" : "PP53";
  const CouncilOutcome before = *(*engine)->night().Outcome(council.id);
  seat.defending = gainer;
  ASSERT_TRUE((*engine)->ReplaceCouncil(council, Desk()));
  const CouncilOutcome& after = *(*engine)->night().Outcome(council.id);
  EXPECT_EQ(after.eve_of_poll.Of(gainer), before.eve_of_poll.Of(gainer) + 1);
  EXPECT_EQ(after.eve_of_poll.Total(), before.eve_of_poll.Total());
  EXPECT_EQ(after.last_fought.seats, before.last_fought.seats);  // the last election is history
  EXPECT_EQ((*engine)->ChangedAt(council.id), 2);
  EXPECT_EQ((*engine)->night().FindCouncil(council.id)->wards[0].seats_up[0].defending, gainer);
}

TEST(Engine, EmptyLogNeedsASetupAndABadLogIsNamed) {
  testing::TempDir dir;
  auto none = Engine::Open(OpenLog(dir.File("a.db")), nullptr, DefaultPartyRegistry());
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("empty"), std::string::npos);

  GeneratedNight night = SmallNight(1);
  {
    auto log = OpenLog(dir.File("b.db"));
    std::vector<LogEntry> entries{
        LogEntry{0, EntryKind::kSetup, "t", "test", "me", WriteNightJson(night.election, {})},
        LogEntry{0, EntryKind::kDeclaration, "t", "test", "me", "{\"council\": \"atlantis\"}"}};
    ASSERT_TRUE(log->Append(entries).ok());
  }
  auto bad = Engine::Open(OpenLog(dir.File("b.db")), nullptr, DefaultPartyRegistry());
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().ToString().find("entry 2"), std::string::npos) << bad.error().ToString();
}

// Two engines on one log, as two servers on one PostgreSQL database, each appending only after
// the entry it expects to be last.
TEST(Engine, TwoEnginesOnOneLogCatchUpAndRefuseAWardTheOtherDeclared) {
  GeneratedNight night = SmallNight(3);
  auto store = std::make_shared<MemoryLogStore>();
  std::vector<int64_t> heard_by_b;
  auto a = Engine::Open(OpenMemoryLog(store), &night.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(a) << a.error().ToString();
  // B starts on a log that A has set up: it folds A's setup, not its own.
  auto b = Engine::Open(OpenMemoryLog(store), nullptr, DefaultPartyRegistry(), FixedClock(),
                        [&](const Delta& d, const Engine&) { heard_by_b.push_back(d.seq); });
  ASSERT_TRUE(b) << b.error().ToString();

  const Declaration& first = night.declarations[0];
  const Declaration& second = night.declarations[1];
  ASSERT_TRUE((*a)->Declare({first}, Revision::kNew, Desk()));
  // B has not caught up: its append finds the log moved on, so it folds entry 2 (A's), checks
  // its own write again against that night, and logs it as entry 3.
  auto receipt = (*b)->Declare({second}, Revision::kNew, Desk());
  ASSERT_TRUE(receipt) << receipt.error().ToString();
  EXPECT_EQ(receipt->first_seq, 3);
  EXPECT_EQ(heard_by_b, (std::vector<int64_t>{1, 2, 3}));

  // A has not caught up either: the ward B declared is refused once A sees it, nothing logged.
  auto twice = (*a)->Declare({second}, Revision::kNew, Desk());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict) << twice.error().ToString();
  EXPECT_EQ(store->entries.size(), 3u);
  EXPECT_EQ((*a)->seq(), 3);

  auto caught_up = (*b)->CatchUp();
  ASSERT_TRUE(caught_up);
  EXPECT_EQ(*caught_up, 0u);
  for (Baseline baseline : {Baseline::kLastFought, Baseline::kEveOfPoll})
    EXPECT_EQ(Describe((*a)->Parties({}, baseline)), Describe((*b)->Parties({}, baseline)));
}

// A write retried after the log moved on is checked again as it was given, not as its first
// check left it: here the first check found the ward by its GSS code, and the setup that came in
// meanwhile gives that code to another ward.
TEST(Engine, ARetriedWriteIsCheckedAgainAsGiven) {
  GeneratedNight night = SmallNight(1);
  Council& council = night.election.councils[0];
  // Two wards with as many seats up, so that either takes the declaration.
  size_t first = 0, second = 0;
  for (size_t i = 0; i < council.wards.size() && !second; ++i)
    for (size_t j = i + 1; j < council.wards.size() && !second; ++j)
      if (council.wards[i].seats_up.size() == council.wards[j].seats_up.size()) first = i, second = j;
  ASSERT_NE(second, 0u) << "the test needs two wards alike";
  council.wards[first].gss = "E05000001";
  council.wards[second].gss = "E05000002";
  auto store = std::make_shared<MemoryLogStore>();
  auto a = Engine::Open(OpenMemoryLog(store), &night.election, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(a) << a.error().ToString();
  auto b = Engine::Open(OpenMemoryLog(store), nullptr, DefaultPartyRegistry(), FixedClock());
  ASSERT_TRUE(b) << b.error().ToString();

  // A swaps the two wards' codes; B has not caught up.
  Council swapped = council;
  std::swap(swapped.wards[first].gss, swapped.wards[second].gss);
  ASSERT_TRUE((*a)->ReplaceCouncil(swapped, Desk()));

  // B declares by GSS code alone: against its stale night E05000001 is the first ward; once it
  // has caught up, the second.
  Declaration d;
  for (const Declaration& candidate : night.declarations)
    if (candidate.ward == council.wards[second].id) d = candidate;
  ASSERT_FALSE(d.candidates.empty());
  d.ward = "";
  d.ward_name = "a name the setup does not have";
  d.ballot_id = "";
  d.ward_gss = "E05000001";
  auto receipt = (*b)->Declare({d}, Revision::kNew, Desk());
  ASSERT_TRUE(receipt) << receipt.error().ToString();
  EXPECT_EQ(receipt->first_seq, 3);
  const auto* declared = (*b)->night().Declared(council.id);
  ASSERT_NE(declared, nullptr);
  EXPECT_TRUE(declared->contains(council.wards[second].id));
  EXPECT_FALSE(declared->contains(council.wards[first].id));
}

}  // namespace
}  // namespace psephos
