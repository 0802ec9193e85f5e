#include "demo/generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>
#include <tuple>
#include <utility>

#include "demo/internal/council_builder.h"
#include "demo/internal/names.h"
#include "demo/internal/random.h"

namespace psephos {

namespace {

using demo_internal::BuildCouncil;
using demo_internal::BuiltCouncil;
using demo_internal::CouncilPlan;
using demo_internal::DeriveSeed;
using demo_internal::Rng;

// One block is the 150 councils of May 2018; `scale` repeats the block with fresh councils.
constexpr int kLondonBoroughs = 32;
constexpr int kMetropolitanBoroughs = 34;
constexpr int kDistricts = 67;
constexpr int kUnitaries = 17;
constexpr int kCouncilsPerBlock = kLondonBoroughs + kMetropolitanBoroughs + kDistricts + kUnitaries;

// Independent random streams, so that (say) a change in how names are drawn does not move
// every vote on the night.
enum StreamTag : uint64_t { kNames = 1, kBlocks = 2, kCouncils = 3, kTimes = 4 };

// Regions where each type of council is found, weighted roughly by how many there are.
std::string_view PickRegion(Rng& rng, CouncilType type) {
  struct Weighted {
    std::string_view region;
    int weight;
  };
  static const std::vector<Weighted> metropolitan = {
      {"North West", 14}, {"Yorkshire and The Humber", 8}, {"North East", 5}, {"West Midlands", 7}};
  static const std::vector<Weighted> district = {
      {"East of England", 18}, {"South East", 20}, {"South West", 6}, {"East Midlands", 8},
      {"West Midlands", 7},    {"North West", 6},  {"Yorkshire and The Humber", 2}};
  static const std::vector<Weighted> unitary = {
      {"South East", 4},    {"South West", 3}, {"East Midlands", 2}, {"East of England", 3},
      {"North West", 2},    {"North East", 1}, {"Yorkshire and The Humber", 1},
      {"West Midlands", 1}};
  const std::vector<Weighted>* table = &district;
  switch (type) {
    case CouncilType::kLondonBorough: return "London";
    case CouncilType::kMetropolitanBorough: table = &metropolitan; break;
    case CouncilType::kNonMetropolitanDistrict: table = &district; break;
    case CouncilType::kUnitary: table = &unitary; break;
  }
  std::vector<int> weights;
  for (const Weighted& w : *table) weights.push_back(w.weight);
  return (*table)[rng.Pick(weights)].region;
}

// Council sizes as in 2018: London 45-70 seats, mets 48-99 (most near 60), districts 30-60,
// unitaries 40-70. Thirds councils of three-member wards need a multiple of three.
int PickSize(Rng& rng, CouncilType type, ElectoralCycle cycle) {
  int size = 0;
  switch (type) {
    case CouncilType::kLondonBorough: size = rng.Triangular(45, 70); break;
    case CouncilType::kMetropolitanBorough:
      size = rng.Chance(15, 100) ? rng.Between(66, 99) : 48 + rng.Triangular(0, 30);
      break;
    case CouncilType::kNonMetropolitanDistrict: size = rng.Triangular(30, 60); break;
    case CouncilType::kUnitary: size = rng.Triangular(40, 70); break;
  }
  if (cycle == ElectoralCycle::kHalves) size -= size % 2;
  if (cycle == ElectoralCycle::kThirds && type != CouncilType::kNonMetropolitanDistrict)
    size -= size % 3;
  return size;
}

// The 150 councils of a block: type and cycle in a fixed mix, shuffled within each type.
std::vector<std::pair<CouncilType, ElectoralCycle>> BlockShape(Rng& rng) {
  std::vector<std::pair<CouncilType, ElectoralCycle>> shape;
  auto add = [&](CouncilType type, int thirds, int halves, int all_out) {
    std::vector<ElectoralCycle> cycles;
    cycles.insert(cycles.end(), thirds, ElectoralCycle::kThirds);
    cycles.insert(cycles.end(), halves, ElectoralCycle::kHalves);
    cycles.insert(cycles.end(), all_out, ElectoralCycle::kAllOut);
    rng.Shuffle(cycles);
    for (ElectoralCycle cycle : cycles) shape.push_back({type, cycle});
  };
  add(CouncilType::kLondonBorough, 0, 0, kLondonBoroughs);
  add(CouncilType::kMetropolitanBorough, kMetropolitanBoroughs, 0, 0);
  add(CouncilType::kNonMetropolitanDistrict, 53, 7, 7);
  add(CouncilType::kUnitary, 14, 0, 3);
  return shape;
}

std::chrono::sys_days ParseDate(const std::string& text) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3) {
    year_month_day date{year{y}, month{m}, day{d}};
    if (date.ok()) return sys_days{date};
  }
  return sys_days{year{2018} / May / 3};
}

// The UK's offset from UTC on a day: +01:00 in British Summer Time (last Sunday of March to
// last Sunday of October), else Z. English local elections are in May, so nearly always +01:00.
const char* UkOffset(std::chrono::sys_days day) {
  using namespace std::chrono;
  const year y = year_month_day{day}.year();
  const sys_days bst_start{y / March / Sunday[last]};
  const sys_days bst_end{y / October / Sunday[last]};
  return day >= bst_start && day < bst_end ? "+01:00" : "Z";
}

// "2018-05-04T02:13:27+01:00" for `seconds` after midnight at the start of polling day.
std::string FormatTime(std::chrono::sys_days polling_day, int64_t seconds) {
  using namespace std::chrono;
  const sys_days day = polling_day + days{seconds / 86400};
  const int64_t s = seconds % 86400;
  const year_month_day ymd{day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%s", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60),
                UkOffset(day));
  return text;
}

// When a council's wards declare, in seconds after midnight at the start of polling day. Polls
// close at 22:00; overnight counts declare from about 23:30, busiest 02:00-04:00; the rest
// count on Friday from late morning. A council's wards come out close together.
void SetTimes(Rng& rng, CouncilType type, std::vector<Declaration>& declarations,
              std::vector<int64_t>& seconds) {
  int overnight_per_cent = 55;
  if (type == CouncilType::kMetropolitanBorough) overnight_per_cent = 85;
  if (type == CouncilType::kNonMetropolitanDistrict) overnight_per_cent = 45;
  const bool london = type == CouncilType::kLondonBorough;
  int start_minutes = 0, span_minutes = 0;
  if (rng.Chance(overnight_per_cent, 100)) {
    start_minutes = 23 * 60 + 30 + rng.Triangular(0, 300);  // 23:30 to 04:30, peak 02:00
    span_minutes = london ? rng.Between(90, 300) : rng.Between(20, 90);
  } else {
    start_minutes = 24 * 60 + 11 * 60 + rng.Triangular(0, 300);  // Friday 11:00 to 16:00
    span_minutes = london ? rng.Between(60, 150) : rng.Between(20, 120);
  }
  const int64_t start = int64_t{start_minutes} * 60;
  for (const Declaration& d : declarations) {
    // A postponed poll is announced when the count opens.
    seconds.push_back(d.status == PollStatus::kPostponed
                          ? start
                          : start + static_cast<int64_t>(rng.Below(uint64_t(span_minutes) * 60 + 1)));
  }
}

// The night's header: id, name, date and rehearsal flag, with no councils yet.
Election NightHeader(const std::string& date) {
  Election election;
  election.id = "local." + date;
  election.name = "Demo night: English local elections (synthetic)";
  election.date = date;
  election.rehearsal = true;  // made-up results: never to be mistaken for a real night
  return election;
}

// Builds the councils one at a time in council order and hands each to `visit` with its
// wards' declarations (declared_at empty) and their times in seconds after midnight.
void BuildCouncils(const GeneratorOptions& options, const std::string& date,
                   const std::function<void(BuiltCouncil&, std::vector<int64_t>&)>& visit) {
  const int scale = std::max(1, options.scale);
  Rng names_rng(DeriveSeed(options.seed, kNames));
  std::set<std::string> council_ids;
  std::vector<int64_t> seconds;
  for (int block = 0; block < scale; ++block) {
    Rng block_rng(DeriveSeed(DeriveSeed(options.seed, kBlocks), static_cast<uint64_t>(block)));
    const auto shape = BlockShape(block_rng);
    // Where the night's rare cases fall: three different councils, the uncontested ward in a
    // district (where they happen in real life).
    const int tie_at = static_cast<int>(block_rng.Below(kCouncilsPerBlock));
    int postponed_at = tie_at;
    while (postponed_at == tie_at) postponed_at = static_cast<int>(block_rng.Below(kCouncilsPerBlock));
    int uncontested_at = tie_at;
    while (uncontested_at == tie_at || uncontested_at == postponed_at)
      uncontested_at = kLondonBoroughs + kMetropolitanBoroughs +
                       static_cast<int>(block_rng.Below(kDistricts));

    for (int i = 0; i < kCouncilsPerBlock; ++i) {
      const uint64_t index = static_cast<uint64_t>(block) * kCouncilsPerBlock + i;
      Rng rng(DeriveSeed(DeriveSeed(options.seed, kCouncils), index));
      CouncilPlan plan;
      do plan.name = demo_internal::CouncilName(names_rng);
      while (!council_ids.insert(Slugify(plan.name)).second);
      plan.type = shape[i].first;
      plan.cycle = shape[i].second;
      plan.region = std::string(PickRegion(rng, plan.type));
      plan.size = PickSize(rng, plan.type, plan.cycle);
      plan.date = date;
      plan.force_tie = i == tie_at;
      plan.force_postponed = i == postponed_at;
      plan.force_uncontested = i == uncontested_at;
      BuiltCouncil built = BuildCouncil(rng, plan);

      Rng time_rng(DeriveSeed(DeriveSeed(options.seed, kTimes), index));
      seconds.clear();
      SetTimes(time_rng, plan.type, built.declarations, seconds);
      visit(built, seconds);
    }
  }
}

}  // namespace

Election NightElection(const GeneratorOptions& options) {
  return NightHeader(FormatTime(ParseDate(options.date), 0).substr(0, 10));
}

void StreamNight(const GeneratorOptions& options, const CouncilVisitor& visit) {
  const std::chrono::sys_days polling_day = ParseDate(options.date);
  const std::string date = FormatTime(polling_day, 0).substr(0, 10);
  BuildCouncils(options, date, [&](BuiltCouncil& built, std::vector<int64_t>& seconds) {
    for (size_t w = 0; w < built.declarations.size(); ++w)
      built.declarations[w].declared_at = FormatTime(polling_day, seconds[w]);
    visit(built.council, built.declarations);
  });
}

GeneratedNight GenerateNight(const GeneratorOptions& options) {
  const int scale = std::max(1, options.scale);
  const std::chrono::sys_days polling_day = ParseDate(options.date);
  const std::string date = FormatTime(polling_day, 0).substr(0, 10);

  GeneratedNight night;
  night.election = NightHeader(date);
  night.election.councils.reserve(static_cast<size_t>(scale) * kCouncilsPerBlock);
  std::vector<Declaration>& declarations = night.declarations;
  // About 20 wards a council: reserving spares the copies a growing vector makes at scale.
  declarations.reserve(static_cast<size_t>(scale) * kCouncilsPerBlock * 20);
  std::vector<int64_t> seconds;
  BuildCouncils(options, date, [&](BuiltCouncil& built, std::vector<int64_t>& council_seconds) {
    seconds.insert(seconds.end(), council_seconds.begin(), council_seconds.end());
    for (Declaration& d : built.declarations) declarations.push_back(std::move(d));
    night.election.councils.push_back(std::move(built.council));
  });

  // Sort by time; level times keep council and ward order, so the order is total. The
  // declarations are permuted in place (one move each): at scale 1000 a second vector of them
  // would cost a gigabyte.
  std::vector<std::pair<int64_t, size_t>> order(declarations.size());
  for (size_t i = 0; i < declarations.size(); ++i) order[i] = {seconds[i], i};
  std::sort(order.begin(), order.end());
  std::vector<size_t> source(order.size());
  for (size_t p = 0; p < order.size(); ++p) source[p] = order[p].second;
  for (size_t p = 0; p < source.size(); ++p) {
    if (source[p] == p) continue;
    Declaration first = std::move(declarations[p]);
    size_t at = p;
    for (;;) {
      const size_t from = source[at];
      source[at] = at;
      if (from == p) {
        declarations[at] = std::move(first);
        break;
      }
      declarations[at] = std::move(declarations[from]);
      at = from;
    }
  }
  for (size_t p = 0; p < order.size(); ++p)
    declarations[p].declared_at = FormatTime(polling_day, order[p].first);
  return night;
}

}  // namespace psephos
