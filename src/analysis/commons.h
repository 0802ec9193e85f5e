// commons.h
//
// What a national share means for Parliament (DOMAIN.md; method in docs/COMMONS.md). Starting
// from the constituency results of the last general election (GE2017, core/constituency.h),
// each party's change in national share is applied to every seat in Great Britain and the
// winner taken: 650 seats, 326 for a majority, otherwise a hung parliament.
//   - Uniform swing adds the change in points. A party that stood in only part of Britain
//     (the SNP in Scotland, Plaid Cymru in Wales, UKIP or the Greens in some seats) gets its
//     change scaled to the seats it contested: change x (GB votes / votes in its seats), so
//     that its GB share moves by the change asked for. It gains nothing where it did not stand.
//   - Proportional swing multiplies the party's share in each seat by new / old national share.
//   - Northern Ireland's 18 seats (its parties do not stand in Britain) and the Speaker's seat
//     are held as they were.
// A party the given shares do not name keeps its seat shares.
//
// Simulation: each named party's national share gets an independent normal error with
// standard deviation sd x sqrt(share / 35) points (sd 2.5 by default: the 2017 PNS was 5
// points off the Conservatives' general-election share), the projection is made, and the
// outcomes counted. Seeded and reproducible on every platform (analysis/internal/random.h).
//
//   Result<CommonsModel> model = CommonsModel::Create(ge2017_results);
//   Result<CommonsProjection> p = model->Project({{"PP52", 42.4}, {"PP53", 40.0}},
//   SwingMethod::kUniform); Result<CommonsSimulation> sim = model->Simulate(shares,
//   SwingMethod::kUniform, {.simulations = 100000});
#ifndef PSEPHOS_ANALYSIS_COMMONS_H_
#define PSEPHOS_ANALYSIS_COMMONS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/constituency.h"
#include "core/error.h"

namespace psephos {

enum class SwingMethod { kUniform, kProportional };
std::string_view ToString(SwingMethod method);  // "uniform", "proportional"
std::optional<SwingMethod> ParseSwingMethod(std::string_view text);

inline constexpr std::string_view kHung = "HUNG";

struct CommonsProjection {
  SwingMethod method = SwingMethod::kUniform;
  int seats_total = 0;
  int majority_line = 0;                // seats for a majority: 326 of 650
  std::map<std::string, int> seats;     // by party key (constituency.h), winners only
  std::optional<std::string> majority;  // the party with a majority; nullopt: hung
  std::vector<std::string> winners;     // by constituency, in the model's order
  int seats_changing_hands = 0;         // against the general election itself

  // Parties by seats, most first.
  std::vector<std::pair<std::string, int>> Ranked() const;
};

struct SimulationOptions {
  int simulations = 10000;
  uint64_t seed = 1;
  double sd = 2.5;  // points, for a party on 35 percent (see the header)
  // Set aside the seats no draw can change before the loop. The answer is the same either
  // way (a test checks it); off only to check that.
  bool set_aside_safe_seats = true;
};

struct SeatInterval {
  std::string party;
  double mean = 0;
  int median = 0;
  int low = 0;   // 5th percentile
  int high = 0;  // 95th percentile
};

struct CommonsSimulation {
  SwingMethod method = SwingMethod::kUniform;
  int simulations = 0;
  uint64_t seed = 0;
  double sd = 0;
  int majority_line = 0;
  // Outcome ("PP52" a Conservative majority, ..., "HUNG") -> probability; most likely first.
  std::vector<std::pair<std::string, double>> outcomes;
  std::vector<SeatInterval> seats;  // most seats (by mean) first
};

// Precomputed, flat per-constituency data, so that one projection is a tight loop over
// 632 seats and a simulation allocates nothing per draw.
class CommonsModel {
 public:
  // Fails on an empty list or a seat with no valid votes.
  static Result<CommonsModel> Create(std::vector<ConstituencyResult> seats);

  const std::vector<ConstituencyResult>& constituencies() const { return seats_; }
  int SeatCount() const { return static_cast<int>(seats_.size()); }
  int MajorityLine() const { return SeatCount() / 2 + 1; }
  // Great Britain's share of the vote by party at the election, percent (Northern Ireland
  // left out, as a projected national share is for Great Britain).
  const std::map<std::string, double>& national_shares() const { return national_; }

  // Fails on a party that stood in no seat in Britain, or a share outside 0..100.
  Result<CommonsProjection> Project(const std::map<std::string, double>& shares,
                                    SwingMethod method) const;
  // Fails as Project does, and on fewer than one simulation or a negative sd.
  Result<CommonsSimulation> Simulate(const std::map<std::string, double>& shares,
                                     SwingMethod method, const SimulationOptions& options) const;

 private:
  CommonsModel() = default;
  Status Check(const std::map<std::string, double>& shares) const;
  // The seats and parties the hot loop runs over: shares [column][seat] (-1e30 where the
  // party did not stand or cannot win), each column's party (index into parties_), and per
  // seat its index among the swung seats and its label when "others" win it.
  struct SeatTable {
    size_t seats = 0;
    std::vector<int> party;
    std::vector<float> share;
    std::vector<int> seat;
    std::vector<int> other_label;
  };
  // Per-party adjustment for one set of shares: points to add (uniform), or a factor
  // (proportional).
  void Adjustments(const double* shares, SwingMethod method, double* adjust) const;
  // The best share so far and its party, per seat of a table: allocated once a call.
  struct Scratch {
    std::vector<float> best;
    std::vector<int> winner;
  };
  // Adds the winner of every seat of `table` to `counts` (by label); with `winners`, also by
  // swung seat.
  void CountWinners(const SeatTable& table, const double* adjust, SwingMethod method,
                    Scratch& scratch, int* counts, int* winners) const;
  // The table of seats some share in [low, high] could change; the others are added to
  // `fixed_counts` (by label).
  SeatTable Prune(const double* low, const double* high, SwingMethod method,
                  int* fixed_counts) const;

  std::vector<ConstituencyResult> seats_;
  std::map<std::string, double> national_;
  std::vector<std::string> parties_;  // the columns that move, in order
  std::vector<std::string> labels_;   // every winner's key: parties_ first, then the rest
  std::vector<int> swung_;            // seat index of each swung seat
  SeatTable all_;                     // every swung seat and party
  std::vector<int> fixed_counts_;     // by label: seats held as they were
  std::vector<int> fixed_label_;      // by seat: the label of a held seat, -1 for swung seats
  std::vector<double> national_by_column_, area_factor_;
  int other_column_ = -1;
};

// The 2015 -> 2017 check: the change in Britain's shares between two elections applied to the
// first election's seats, compared seat by seat (joined on ons_id) with the second's winners.
struct CommonsBacktest {
  SwingMethod method = SwingMethod::kUniform;
  std::map<std::string, int> projected, actual;  // seats by party
  int seats_wrong = 0;  // constituencies whose projected winner is not the real one
  std::map<std::string, int> wrong_by_country;  // "Scotland" -> seats wrong there
  int seats_error = 0;                          // half the sum over parties of |projected - actual|
  int seats_compared = 0;
};
Result<CommonsBacktest> Backtest(const CommonsModel& before, const CommonsModel& after,
                                 SwingMethod method);

}  // namespace psephos

#endif  // PSEPHOS_ANALYSIS_COMMONS_H_
