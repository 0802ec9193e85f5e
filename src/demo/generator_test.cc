#include "demo/generator.h"

#include "core/night.h"
#include "core/party.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <set>
#include <string>

namespace psephos {
namespace {

// FNV-1a over every field of the night, so "same night" means same in every detail.
class Digest {
 public:
  void Add(std::string_view text) {
    for (unsigned char c : text) Byte(c);
    Byte(0xFF);  // a separator, so "ab","c" differs from "a","bc"
  }
  void Add(int64_t value) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(value >> (8 * i)));
  }
  void AddMaybe(const std::optional<int64_t>& value) { Add(value ? *value : -1); }
  void AddMaybe(const OptionalShortString& value) { Add(value ? value->view() : "\x01"); }
  uint64_t value() const { return hash_; }

 private:
  void Byte(unsigned char c) { hash_ = (hash_ ^ c) * 1099511628211ull; }
  uint64_t hash_ = 14695981039346656037ull;
};

uint64_t DigestOf(const GeneratedNight& night) {
  Digest digest;
  const Election& e = night.election;
  digest.Add(e.id);
  digest.Add(e.name);
  digest.Add(e.date);
  digest.Add(int64_t{e.rehearsal});
  for (const Council& c : e.councils) {
    digest.Add(c.id);
    digest.Add(c.gss);
    digest.Add(c.name);
    digest.Add(ToString(c.type));
    digest.Add(c.region);
    digest.Add(int64_t{c.total_seats});
    digest.Add(ToString(c.cycle));
    for (const auto& [key, seats] : c.not_up) {
      digest.Add(key);
      digest.Add(int64_t{seats});
    }
    digest.Add(int64_t{c.vacant_not_up});
    digest.Add(int64_t{c.has_baseline});
    for (const Ward& w : c.wards) {
      digest.Add(w.id);
      digest.Add(w.gss);
      digest.Add(w.name);
      for (const SeatUp& s : w.seats_up) {
        digest.AddMaybe(s.defending);
        digest.AddMaybe(s.last_won);
      }
    }
  }
  for (const Declaration& d : night.declarations) {
    for (std::string_view text : std::initializer_list<std::string_view>{d.ballot_id, d.council, d.council_name, d.council_gss,
                                                                          d.ward, d.ward_name, d.ward_gss, d.declared_at})
      digest.Add(text);
    digest.Add(int64_t{d.seats});
    digest.AddMaybe(d.electorate);
    digest.AddMaybe(d.ballot_papers);
    digest.AddMaybe(d.rejected);
    digest.Add(ToString(d.status));
    for (const Candidate& cand : d.candidates) {
      digest.Add(cand.name);
      digest.Add(cand.party);
      digest.Add(cand.votes);
      digest.Add(int64_t{cand.elected ? (*cand.elected ? 1 : 0) : 2});
    }
  }
  return digest.value();
}

int SeatsUp(const GeneratedNight& night) {
  int seats = 0;
  for (const Council& c : night.election.councils) seats += c.SeatsUp();
  return seats;
}

// Counts of elected and the votes around the cut, for a contested declaration.
struct Cut {
  int elected = 0;
  int64_t lowest_elected = INT64_MAX;
  int64_t highest_beaten = -1;
};
Cut CutOf(const Declaration& d) {
  Cut cut;
  for (const Candidate& c : d.candidates) {
    if (c.elected.value_or(false)) {
      ++cut.elected;
      cut.lowest_elected = std::min<int64_t>(cut.lowest_elected, c.votes);
    } else {
      cut.highest_beaten = std::max<int64_t>(cut.highest_beaten, c.votes);
    }
  }
  return cut;
}

// The checks every generated night must pass, whatever the seed or scale.
void ExpectWellFormed(const GeneratedNight& night) {
  std::map<std::string, const Council*> councils;
  for (const Council& c : night.election.councils) {
    EXPECT_TRUE(councils.emplace(c.id, &c).second) << "council id repeated: " << c.id;
    EXPECT_EQ(c.id, Slugify(c.name));
    int not_up = c.vacant_not_up;
    for (const auto& [key, seats] : c.not_up) not_up += seats;
    EXPECT_EQ(not_up + c.SeatsUp(), c.total_seats) << c.id;
    if (c.cycle == ElectoralCycle::kAllOut) {
      EXPECT_EQ(not_up, 0) << c.id;
    }
    std::set<std::string> ward_ids;
    for (const Ward& w : c.wards) {
      EXPECT_TRUE(ward_ids.insert(w.id.str()).second) << c.id << "/" << w.id;
      EXPECT_GE(w.seats_up.size(), 1u);
      EXPECT_LE(w.seats_up.size(), 3u);
    }
  }
  std::set<std::string> ballots;
  std::string previous_time;
  for (const Declaration& d : night.declarations) {
    SCOPED_TRACE(d.ballot_id);
    EXPECT_TRUE(ballots.insert(d.ballot_id.str()).second);
    EXPECT_EQ(d.ballot_id, BallotId(d.council, d.ward, night.election.date));
    auto council = councils.find(d.council.str());
    ASSERT_NE(council, councils.end());
    EXPECT_EQ(d.council_name, council->second->name);
    const Ward* ward = council->second->FindWard(d.ward);
    ASSERT_NE(ward, nullptr);
    EXPECT_EQ(d.seats, static_cast<int>(ward->seats_up.size()));
    EXPECT_FALSE(d.declared_at.empty());
    EXPECT_LE(previous_time, d.declared_at);
    previous_time = d.declared_at;
    std::set<std::string> names;
    for (const Candidate& c : d.candidates) EXPECT_TRUE(names.insert(c.name.str()).second) << c.name;
    switch (d.status) {
      case PollStatus::kContested: {
        ASSERT_GT(d.candidates.size(), static_cast<size_t>(d.seats));
        const Cut cut = CutOf(d);
        EXPECT_EQ(cut.elected, d.seats);
        EXPECT_GE(cut.lowest_elected, cut.highest_beaten);
        for (const Candidate& c : d.candidates) EXPECT_TRUE(c.elected.has_value());
        ASSERT_TRUE(d.Turnout().has_value());
        EXPECT_GE(*d.Turnout(), 0.24);
        EXPECT_LE(*d.Turnout(), 0.46);
        int64_t votes = 0;
        for (const Candidate& c : d.candidates) votes += c.votes;
        EXPECT_LE(votes, (*d.ballot_papers - *d.rejected) * d.seats);
        EXPECT_LT(*d.rejected * 100, *d.ballot_papers);
        break;
      }
      case PollStatus::kUncontested:
        EXPECT_LE(d.candidates.size(), static_cast<size_t>(d.seats));
        for (const Candidate& c : d.candidates) {
          EXPECT_EQ(c.votes, 0);
          EXPECT_EQ(c.elected, std::optional<bool>(true));
        }
        break;
      case PollStatus::kPostponed:
        for (const Candidate& c : d.candidates) {
          EXPECT_EQ(c.votes, 0);
          EXPECT_FALSE(c.elected.has_value());
        }
        break;
    }
  }
  size_t wards = 0;
  for (const Council& c : night.election.councils) wards += c.wards.size();
  EXPECT_EQ(night.declarations.size(), wards) << "one declaration per ward";
}

TEST(GenerateNight, SameSeedGivesTheSameNight) {
  EXPECT_EQ(DigestOf(GenerateNight({})), DigestOf(GenerateNight({})));
  EXPECT_EQ(DigestOf(GenerateNight({.seed = 7})), DigestOf(GenerateNight({.seed = 7})));
}

// The stream is the same night in council order: sorting its declarations by time (level
// times keep council and ward order) gives GenerateNight's night exactly.
TEST(StreamNight, GivesTheNightOfGenerateNight) {
  const GeneratorOptions options{.seed = 11, .scale = 2};
  GeneratedNight streamed;
  streamed.election = NightElection(options);
  StreamNight(options, [&](Council& council, std::vector<Declaration>& declarations) {
    streamed.election.councils.push_back(std::move(council));
    for (Declaration& d : declarations) streamed.declarations.push_back(std::move(d));
  });
  std::stable_sort(streamed.declarations.begin(), streamed.declarations.end(),
                   [](const Declaration& a, const Declaration& b) { return a.declared_at < b.declared_at; });
  EXPECT_EQ(DigestOf(streamed), DigestOf(GenerateNight(options)));
}

TEST(GenerateNight, DifferentSeedGivesADifferentNight) {
  EXPECT_NE(DigestOf(GenerateNight({.seed = 2018})), DigestOf(GenerateNight({.seed = 2019})));
}

TEST(GenerateNight, ShapeOfMay2018AtScaleOne) {
  const GeneratedNight night = GenerateNight({});
  EXPECT_EQ(night.election.id, "local.2018-05-03");
  EXPECT_EQ(night.election.name, "Demo night: English local elections (synthetic)");
  EXPECT_EQ(night.election.date, "2018-05-03");
  ASSERT_EQ(night.election.councils.size(), 150u);
  std::map<CouncilType, int> types;
  const std::set<std::string> regions = {
      "London",        "North West",      "North East", "Yorkshire and The Humber",
      "East Midlands", "West Midlands",   "East of England", "South East", "South West"};
  for (const Council& c : night.election.councils) {
    ++types[c.type];
    EXPECT_TRUE(regions.count(c.region)) << c.region;
    EXPECT_EQ(c.region == "London", c.type == CouncilType::kLondonBorough);
    if (c.type == CouncilType::kLondonBorough) {
      EXPECT_EQ(c.cycle, ElectoralCycle::kAllOut);
      EXPECT_GE(c.total_seats, 45);
      EXPECT_LE(c.total_seats, 70);
      for (const Ward& w : c.wards) EXPECT_GE(w.seats_up.size(), 2u);
    }
    if (c.type == CouncilType::kMetropolitanBorough) {
      EXPECT_EQ(c.cycle, ElectoralCycle::kThirds);
    }
  }
  EXPECT_EQ(types[CouncilType::kLondonBorough], 32);
  EXPECT_EQ(types[CouncilType::kMetropolitanBorough], 34);
  EXPECT_EQ(types[CouncilType::kNonMetropolitanDistrict], 67);
  EXPECT_EQ(types[CouncilType::kUnitary], 17);
  EXPECT_GE(SeatsUp(night), 4200);
  EXPECT_LE(SeatsUp(night), 4600);
}

TEST(GenerateNight, WellFormedForSeveralSeeds) {
  for (uint64_t seed : {2018ull, 1ull, 42ull, 123456789ull}) {
    SCOPED_TRACE(seed);
    const GeneratedNight night = GenerateNight({.seed = seed});
    ExpectWellFormed(night);
    EXPECT_GE(SeatsUp(night), 4200);
    EXPECT_LE(SeatsUp(night), 4600);
  }
}

TEST(GenerateNight, RareCasesAppearAtLeastOnce) {
  for (uint64_t seed : {2018ull, 1ull, 42ull}) {
    SCOPED_TRACE(seed);
    const GeneratedNight night = GenerateNight({.seed = seed});
    int uncontested = 0, postponed = 0, ties = 0;
    for (const Declaration& d : night.declarations) {
      if (d.status == PollStatus::kUncontested) ++uncontested;
      if (d.status == PollStatus::kPostponed) ++postponed;
      if (d.status == PollStatus::kContested) {
        const Cut cut = CutOf(d);
        if (cut.lowest_elected == cut.highest_beaten) ++ties;  // level at the cut: by lot
      }
    }
    // At least one of each, and rare: a handful in some 2,900 wards.
    EXPECT_GE(uncontested, 1);
    EXPECT_LE(uncontested, 15);
    EXPECT_GE(postponed, 1);
    EXPECT_LE(postponed, 3);
    EXPECT_GE(ties, 1);
    EXPECT_LE(ties, 10);
  }
}

TEST(GenerateNight, DeclarationsRunThroughTheNightAndFriday) {
  const GeneratedNight night = GenerateNight({});
  ASSERT_FALSE(night.declarations.empty());
  EXPECT_GE(night.declarations.front().declared_at, "2018-05-03T23:30:00+01:00");
  EXPECT_LE(night.declarations.back().declared_at, "2018-05-04T19:00:00+01:00");
  int overnight = 0, friday = 0;
  for (const Declaration& d : night.declarations) {
    if (d.declared_at < "2018-05-04T08:00") ++overnight;
    if (d.declared_at > "2018-05-04T11:00") ++friday;
  }
  EXPECT_GT(overnight, 500);
  EXPECT_GT(friday, 300);
}

TEST(GenerateNight, ScaleMultipliesTheCouncils) {
  const GeneratedNight one = GenerateNight({});
  const GeneratedNight two = GenerateNight({.scale = 2});
  EXPECT_EQ(two.election.councils.size(), 300u);
  EXPECT_GT(SeatsUp(two), SeatsUp(one) * 18 / 10);
  EXPECT_LT(SeatsUp(two), SeatsUp(one) * 22 / 10);
  ExpectWellFormed(two);
}

TEST(GenerateNight, TakesThePollingDate) {
  const GeneratedNight night = GenerateNight({.date = "2019-05-02"});
  EXPECT_EQ(night.election.id, "local.2019-05-02");
  ASSERT_FALSE(night.declarations.empty());
  EXPECT_TRUE(night.declarations.front().ballot_id.view().ends_with(".2019-05-02"));
  EXPECT_TRUE(night.declarations.back().declared_at.view().starts_with("2019-05-03T"));
}

// The night must be one the core accepts whole: every declaration checks against its council's
// setup, every count is valid, and the ties carry the lot's decision.
TEST(GenerateNight, AppliesCleanlyToTheCoreNight) {
  PartyRegistry registry;
  for (const char* id : {"PP52", "PP53", "PP90", "PP63", "PP85", "PP54", "PP804", "PP106", "PP79",
                         "PP2755", "PP66", "PP243", "PP1931", "IND", "RES"})
    ASSERT_TRUE(registry.Add({id, id, id, "#000000", ""}));
  GeneratedNight generated = GenerateNight({});
  Result<Night> night = Night::Create(std::move(generated.election), std::move(registry));
  ASSERT_TRUE(night) << night.error().ToString();
  for (Declaration& d : generated.declarations) {
    const std::string ballot = d.ballot_id.str();
    Status status = night->Apply(std::move(d));
    ASSERT_TRUE(status) << ballot << ": " << status.error().ToString();
  }
  int by_lot = 0, unresolved = 0, settled = 0;
  for (const Council& c : night->councils()) {
    for (const WardResult& result : *night->Declared(c.id)) {
      by_lot += result.count.decided_by_lot;
      unresolved += result.count.unresolved_tie;
    }
    settled += night->Outcome(c.id)->control.settled;
  }
  EXPECT_GE(by_lot, 1);
  EXPECT_EQ(unresolved, 0);
  EXPECT_GE(settled, 140);  // only a postponed poll can leave control open
}

// Control before (eve of poll) and after, computed here so the test does not lean on the
// core's outcome code: the demo must look like May 2018 to be worth demonstrating.
std::optional<std::string> Controller(const std::map<std::string, int>& seats, int total) {
  for (const auto& [key, n] : seats)
    if (2 * n > total) return key;
  return std::nullopt;
}

TEST(GenerateNight, ControlPictureLooksLikeMay2018) {
  const GeneratedNight night = GenerateNight({});
  std::map<std::string, std::map<std::string, int>> after;  // council -> key -> seats
  for (const Council& c : night.election.councils)
    for (const auto& [key, n] : c.not_up) after[c.id][key.str()] = n;
  for (const Declaration& d : night.declarations) {
    const Ward* ward = nullptr;
    for (const Council& c : night.election.councils)
      if (c.id == d.council) ward = c.FindWard(d.ward);
    if (d.status == PollStatus::kPostponed) {
      for (const SeatUp& s : ward->seats_up)
        if (s.defending) ++after[d.council.str()][s.defending->str()];
      continue;
    }
    for (const Candidate& c : d.candidates)
      if (c.elected.value_or(false))
        ++after[d.council.str()][c.party == "IND" ? "IND:" + c.name : c.party.str()];
  }
  std::map<std::string, int> before_held, after_held;
  std::map<std::string, std::map<std::string, int>> by_type;  // type -> controller -> councils
  int changes = 0, wards = 0, candidates = 0;
  for (const Council& c : night.election.councils) {
    std::map<std::string, int> eve;
    for (const auto& [key, n] : c.not_up) eve[key.str()] = n;
    for (const Ward& w : c.wards)
      for (const SeatUp& s : w.seats_up)
        if (s.defending) ++eve[s.defending->str()];
    const std::string before = Controller(eve, c.total_seats).value_or("NOC");
    const std::string now = Controller(after[c.id], c.total_seats).value_or("NOC");
    ++before_held[before];
    ++by_type[std::string(ToString(c.type))][before];
    ++after_held[now];
    if (before != now) ++changes;
    wards += static_cast<int>(c.wards.size());
  }
  for (const Declaration& d : night.declarations) candidates += static_cast<int>(d.candidates.size());
  std::cout << "seed 2018: " << night.election.councils.size() << " councils, " << SeatsUp(night)
            << " seats up, " << wards << " wards, " << candidates << " candidates; "
            << changes << " councils change control\n";
  for (const auto& [key, n] : before_held)
    std::cout << "  " << key << ": before " << n << ", after " << after_held[key] << "\n";
  for (const auto& [type, held] : by_type) {
    std::cout << "  " << type << " before:";
    for (const auto& [key, n] : held) std::cout << " " << key << " " << n;
    std::cout << "\n";
  }
  EXPECT_GE(before_held["PP53"], 50);
  EXPECT_GE(before_held["PP52"], 30);
  EXPECT_GE(before_held["PP90"], 2);
  EXPECT_GE(before_held["NOC"], 8);
  EXPECT_GE(changes, 3);
  EXPECT_LE(changes, 30);
}

}  // namespace
}  // namespace psephos
