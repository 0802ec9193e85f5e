#include "analysis/commons.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "analysis/internal/random.h"

namespace psephos {

namespace {

// Where a party did not stand: it can never win the seat, whatever the swing.
constexpr float kAbsent = -1e30f;
constexpr std::string_view kNorthernIreland = "Northern Ireland";

}  // namespace

std::string_view ToString(SwingMethod method) {
  return method == SwingMethod::kUniform ? "uniform" : "proportional";
}

std::optional<SwingMethod> ParseSwingMethod(std::string_view text) {
  if (text == "uniform") return SwingMethod::kUniform;
  if (text == "proportional") return SwingMethod::kProportional;
  return std::nullopt;
}

std::vector<std::pair<std::string, int>> CommonsProjection::Ranked() const {
  std::vector<std::pair<std::string, int>> out(seats.begin(), seats.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

Result<CommonsModel> CommonsModel::Create(std::vector<ConstituencyResult> seats) {
  if (seats.empty()) return MakeError("no constituency results", "constituencies");
  CommonsModel m;
  m.seats_ = std::move(seats);
  // Britain's totals, and which seats move.
  std::map<std::string, int64_t> gb_votes;
  int64_t gb_valid = 0;
  std::map<std::string, bool> stands_in_swung;
  for (size_t i = 0; i < m.seats_.size(); ++i) {
    const ConstituencyResult& seat = m.seats_[i];
    if (seat.valid_votes <= 0) return MakeError("a constituency with no valid votes", seat.ons_id);
    if (seat.country == kNorthernIreland) continue;
    gb_valid += seat.valid_votes;
    for (const auto& [party, votes] : seat.votes) gb_votes[party] += votes;
    if (seat.winner == kSpeaker) continue;
    m.swung_.push_back(static_cast<int>(i));
    for (const auto& [party, votes] : seat.votes)
      if (votes > 0) stands_in_swung[party] = true;
  }
  if (gb_valid <= 0) return MakeError("no constituency in Great Britain", "constituencies");
  for (const auto& [party, votes] : gb_votes)
    if (votes > 0)
      m.national_[party] = 100.0 * static_cast<double>(votes) / static_cast<double>(gb_valid);
  for (const auto& [party, stands] : stands_in_swung) m.parties_.push_back(party);
  m.labels_ = m.parties_;
  auto label_of = [&m](const std::string& key) {
    auto it = std::find(m.labels_.begin(), m.labels_.end(), key);
    if (it != m.labels_.end()) return static_cast<int>(it - m.labels_.begin());
    m.labels_.push_back(key);
    return static_cast<int>(m.labels_.size() - 1);
  };
  for (size_t p = 0; p < m.parties_.size(); ++p)
    if (m.parties_[p] == kOtherParties) m.other_column_ = static_cast<int>(p);

  const size_t n = m.swung_.size(), parties = m.parties_.size();
  SeatTable& all = m.all_;
  all.seats = n;
  all.share.assign(parties * n, kAbsent);
  for (size_t p = 0; p < parties; ++p) all.party.push_back(static_cast<int>(p));
  for (size_t j = 0; j < n; ++j) all.seat.push_back(static_cast<int>(j));
  m.national_by_column_.assign(parties, 0);
  m.area_factor_.assign(parties, 1);
  std::vector<int64_t> valid_where_stood(parties, 0);
  for (size_t j = 0; j < n; ++j) {
    const ConstituencyResult& seat = m.seats_[static_cast<size_t>(m.swung_[j])];
    for (size_t p = 0; p < parties; ++p) {
      auto it = seat.votes.find(m.parties_[p]);
      if (it == seat.votes.end() || it->second <= 0) continue;
      all.share[p * n + j] = static_cast<float>(100.0 * static_cast<double>(it->second) /
                                                static_cast<double>(seat.valid_votes));
      valid_where_stood[p] += seat.valid_votes;
    }
  }
  for (size_t p = 0; p < parties; ++p) {
    m.national_by_column_[p] = m.national_[m.parties_[p]];
    if (valid_where_stood[p] > 0)
      m.area_factor_[p] = static_cast<double>(gb_valid) / static_cast<double>(valid_where_stood[p]);
  }
  // When "others" win a seat it is theirs under the name it had (an independent), else OTHER.
  for (int index : m.swung_) {
    const std::string& winner = m.seats_[static_cast<size_t>(index)].winner;
    bool is_column = std::find(m.parties_.begin(), m.parties_.end(), winner) != m.parties_.end();
    all.other_label.push_back(is_column ? m.other_column_ : label_of(winner));
  }
  m.fixed_label_.assign(m.seats_.size(), -1);
  for (size_t i = 0; i < m.seats_.size(); ++i)
    if (std::find(m.swung_.begin(), m.swung_.end(), static_cast<int>(i)) == m.swung_.end())
      m.fixed_label_[i] = label_of(m.seats_[i].winner);
  if (m.other_column_ < 0) m.other_column_ = label_of(std::string(kOtherParties));
  m.fixed_counts_.assign(m.labels_.size(), 0);
  for (int label : m.fixed_label_)
    if (label >= 0) ++m.fixed_counts_[static_cast<size_t>(label)];
  return m;
}

Status CommonsModel::Check(const std::map<std::string, double>& shares) const {
  for (const auto& [party, share] : shares) {
    if (!(share >= 0 && share <= 100))
      return MakeError("a share must be between 0 and 100 percent", party);
    if (std::find(parties_.begin(), parties_.end(), party) == parties_.end())
      return MakeError("the party stood in no constituency in Great Britain", party);
  }
  return {};
}

void CommonsModel::Adjustments(const double* shares, SwingMethod method, double* adjust) const {
  for (size_t p = 0; p < parties_.size(); ++p) {
    const double target = shares[p];
    if (std::isnan(target)) {  // not named: unchanged
      adjust[p] = method == SwingMethod::kUniform ? 0.0 : 1.0;
    } else if (method == SwingMethod::kUniform) {
      adjust[p] = (target - national_by_column_[p]) * area_factor_[p];
    } else {
      adjust[p] = national_by_column_[p] > 0 ? target / national_by_column_[p] : 1.0;
    }
  }
}

void CommonsModel::CountWinners(const SeatTable& table, const double* adjust, SwingMethod method,
                                Scratch& scratch, int* counts, int* winners) const {
  // The hot loop of a simulation: column by column over every seat, keeping the best so far.
  // Column order and single precision let the compiler vectorise the inner loop four seats at
  // a time on plain SSE2, and the table (at most 632 x 8 floats, 20 KB) stays in the L1
  // cache. Floats are exact enough: two parties' shares in a seat differ by at least one vote
  // in 100,000 (1e-5 relative), far above float's 6e-8. Shares are not floored at zero here:
  // flooring changes no winner unless every party in a seat falls below zero.
  const size_t n = table.seats, columns = table.party.size();
  float* __restrict b = scratch.best.data();
  int* __restrict w = scratch.winner.data();
  std::fill_n(b, n, -std::numeric_limits<float>::infinity());
  std::fill_n(w, n, 0);
  // Branch-free (a mask for the winner) so that GCC vectorises it; a ?: on w does not.
  auto keep_best = [&](const float* __restrict share, float a, int party, bool scale) {
    for (size_t j = 0; j < n; ++j) {
      const float v = scale ? share[j] * a : share[j] + a;
      const int better = -static_cast<int>(v > b[j]);
      b[j] = v > b[j] ? v : b[j];
      w[j] = (w[j] & ~better) | (party & better);
    }
  };
  for (size_t c = 0; c < columns; ++c) {
    const int party = table.party[c];
    const float a = static_cast<float>(adjust[party]);
    if (method == SwingMethod::kUniform)
      keep_best(&table.share[c * n], a, party, false);
    else
      keep_best(&table.share[c * n], a, party, true);
  }
  // Count party by party with a vectorised compare: a counts[w[j]]++ per seat would chain
  // store-to-load latencies on the same few counters.
  for (size_t c = 0; c < columns; ++c) {
    const int party = table.party[c];
    int won = 0;
    for (size_t j = 0; j < n; ++j) won += w[j] == party;
    if (party != other_column_)
      counts[party] += won;
    else if (won > 0)  // rare: "others" win a seat, under the name they had
      for (size_t j = 0; j < n; ++j)
        if (w[j] == party) ++counts[table.other_label[j]];
  }
  if (winners)
    for (size_t j = 0; j < n; ++j)
      winners[table.seat[j]] = w[j] == other_column_ ? table.other_label[j] : w[j];
}

CommonsModel::SeatTable CommonsModel::Prune(const double* low, const double* high,
                                            SwingMethod method, int* fixed_counts) const {
  // Every simulated share lies in [low, high] (the normal draws are bounded: analysis_internal
  // ::SimulationRng), and a seat's share moves monotonically with its party's national share.
  // So a party whose best case in a seat is below another's worst case can never win it, and
  // a seat with one possible winner is the same in every draw: count it once, leave it out.
  const size_t n = all_.seats, parties = parties_.size();
  std::vector<double> lo(parties), hi(parties);
  Adjustments(low, method, lo.data());
  Adjustments(high, method, hi.data());
  constexpr float kSlack =
      1e-3f;  // points: float rounding must not make a possible winner impossible
  std::vector<char> contender(parties * n, 0), used(parties, 0);
  std::vector<int> open;
  for (size_t j = 0; j < n; ++j) {
    float floor_of_best = -std::numeric_limits<float>::infinity();
    auto at = [&](size_t p, double a) {
      const float s = all_.share[p * n + j];
      return method == SwingMethod::kUniform ? s + static_cast<float>(a)
                                             : s * static_cast<float>(a);
    };
    for (size_t p = 0; p < parties; ++p)
      if (all_.share[p * n + j] > kAbsent) floor_of_best = std::max(floor_of_best, at(p, lo[p]));
    int possible = 0, only = 0;
    for (size_t p = 0; p < parties; ++p)
      if (all_.share[p * n + j] > kAbsent && at(p, hi[p]) >= floor_of_best - kSlack) {
        contender[p * n + j] = 1;
        ++possible;
        only = static_cast<int>(p);
      }
    if (possible == 1) {
      ++fixed_counts[only == other_column_ ? all_.other_label[j] : only];
      continue;
    }
    open.push_back(static_cast<int>(j));
    for (size_t p = 0; p < parties; ++p) used[p] |= contender[p * n + j];
  }
  SeatTable t;
  t.seats = open.size();
  for (size_t p = 0; p < parties; ++p)
    if (used[p]) t.party.push_back(static_cast<int>(p));
  t.share.assign(t.party.size() * t.seats, kAbsent);
  for (size_t k = 0; k < t.seats; ++k) {
    const size_t j = static_cast<size_t>(open[k]);
    t.seat.push_back(open[k]);
    t.other_label.push_back(all_.other_label[j]);
    for (size_t c = 0; c < t.party.size(); ++c) {
      const size_t p = static_cast<size_t>(t.party[c]);
      if (contender[p * n + j]) t.share[c * t.seats + k] = all_.share[p * n + j];
    }
  }
  return t;
}

namespace {

// The named shares in column order; NaN where a party is not named.
std::vector<double> Columns(const std::vector<std::string>& parties,
                            const std::map<std::string, double>& shares) {
  std::vector<double> out(parties.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t p = 0; p < parties.size(); ++p)
    if (auto it = shares.find(parties[p]); it != shares.end()) out[p] = it->second;
  return out;
}

}  // namespace

Result<CommonsProjection> CommonsModel::Project(const std::map<std::string, double>& shares,
                                                SwingMethod method) const {
  if (Status s = Check(shares); !s) return s.error();
  std::vector<double> target = Columns(parties_, shares), adjust(parties_.size());
  Adjustments(target.data(), method, adjust.data());
  std::vector<int> counts(fixed_counts_), winners(swung_.size());
  Scratch scratch{std::vector<float>(all_.seats), std::vector<int>(all_.seats)};
  CountWinners(all_, adjust.data(), method, scratch, counts.data(), winners.data());

  CommonsProjection out;
  out.method = method;
  out.seats_total = SeatCount();
  out.majority_line = MajorityLine();
  for (size_t l = 0; l < labels_.size(); ++l)
    if (counts[l] > 0) {
      out.seats[labels_[l]] = counts[l];
      if (counts[l] >= out.majority_line) out.majority = labels_[l];
    }
  out.winners.resize(seats_.size());
  for (size_t i = 0; i < seats_.size(); ++i)
    if (fixed_label_[i] >= 0) out.winners[i] = labels_[static_cast<size_t>(fixed_label_[i])];
  for (size_t j = 0; j < swung_.size(); ++j)
    out.winners[static_cast<size_t>(swung_[j])] = labels_[static_cast<size_t>(winners[j])];
  for (size_t i = 0; i < seats_.size(); ++i)
    if (out.winners[i] != seats_[i].winner) ++out.seats_changing_hands;
  return out;
}

Result<CommonsSimulation> CommonsModel::Simulate(const std::map<std::string, double>& shares,
                                                 SwingMethod method,
                                                 const SimulationOptions& options) const {
  if (Status s = Check(shares); !s) return s.error();
  if (options.simulations < 1) return MakeError("at least one simulation is needed", "simulations");
  if (!(options.sd >= 0)) return MakeError("the standard deviation must not be negative", "sd");
  const size_t parties = parties_.size(), labels = labels_.size();
  const int total = SeatCount(), line = MajorityLine();
  std::vector<double> target = Columns(parties_, shares), sd(parties, 0), drawn(parties),
                      adjust(parties);
  for (size_t p = 0; p < parties; ++p)
    if (!std::isnan(target[p])) sd[p] = options.sd * std::sqrt(target[p] / 35.0);
  // Everything the loop touches is allocated here, once; seats no draw can change are
  // counted once, outside the loop (Prune).
  std::vector<double> low(target), high(target);
  for (size_t p = 0; p < parties; ++p) {
    low[p] = std::max(0.0, target[p] - analysis_internal::SimulationRng::kNormalBound * sd[p]);
    high[p] = target[p] + analysis_internal::SimulationRng::kNormalBound * sd[p];
  }
  std::vector<int> fixed(fixed_counts_);
  const SeatTable open =
      options.set_aside_safe_seats ? Prune(low.data(), high.data(), method, fixed.data()) : all_;
  std::vector<int> counts(labels), histogram(labels * static_cast<size_t>(total + 1), 0),
      outcome(labels + 1, 0);
  Scratch scratch{std::vector<float>(open.seats), std::vector<int>(open.seats)};
  analysis_internal::SimulationRng rng(options.seed);
  for (int sim = 0; sim < options.simulations; ++sim) {
    for (size_t p = 0; p < parties; ++p)
      drawn[p] = std::isnan(target[p]) ? target[p]
                                       : std::max(0.0, target[p] + sd[p] * rng.StandardNormal());
    Adjustments(drawn.data(), method, adjust.data());
    std::copy(fixed.begin(), fixed.end(), counts.begin());
    CountWinners(open, adjust.data(), method, scratch, counts.data(), nullptr);
    size_t result = labels;  // hung
    for (size_t l = 0; l < labels; ++l) {
      ++histogram[l * static_cast<size_t>(total + 1) + static_cast<size_t>(counts[l])];
      if (counts[l] >= line) result = l;
    }
    ++outcome[result];
  }

  CommonsSimulation out;
  out.method = method;
  out.simulations = options.simulations;
  out.seed = options.seed;
  out.sd = options.sd;
  out.majority_line = line;
  const double n = options.simulations;
  for (size_t l = 0; l <= labels; ++l)
    if (outcome[l] > 0)
      out.outcomes.emplace_back(l == labels ? std::string(kHung) : labels_[l], outcome[l] / n);
  std::stable_sort(out.outcomes.begin(), out.outcomes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t l = 0; l < labels; ++l) {
    const int* h = &histogram[l * static_cast<size_t>(total + 1)];
    SeatInterval s;
    s.party = labels_[l];
    // The k-th percentile is the smallest seat count with at least k% of draws at or below it.
    auto percentile = [&](double fraction) {
      int64_t seen = 0;
      for (int c = 0; c <= total; ++c) {
        seen += h[c];
        if (static_cast<double>(seen) >= fraction * n) return c;
      }
      return total;
    };
    double sum = 0;
    for (int c = 0; c <= total; ++c) sum += static_cast<double>(c) * h[c];
    s.mean = sum / n;
    if (s.mean == 0) continue;
    s.low = percentile(0.05);
    s.median = percentile(0.5);
    s.high = percentile(0.95);
    out.seats.push_back(s);
  }
  std::stable_sort(out.seats.begin(), out.seats.end(),
                   [](const auto& a, const auto& b) { return a.mean > b.mean; });
  return out;
}

Result<CommonsBacktest> Backtest(const CommonsModel& before, const CommonsModel& after,
                                 SwingMethod method) {
  std::map<std::string, double> target;
  for (const auto& [party, share] : after.national_shares())
    if (before.national_shares().count(party)) target[party] = share;
  auto projection = before.Project(target, method);
  if (!projection) return projection.error();
  std::unordered_map<std::string, std::string> real;
  CommonsBacktest out;
  out.method = method;
  for (const ConstituencyResult& seat : after.constituencies()) {
    real[seat.ons_id] = seat.winner;
    ++out.actual[seat.winner];
  }
  out.projected = projection->seats;
  for (size_t i = 0; i < before.constituencies().size(); ++i) {
    auto it = real.find(before.constituencies()[i].ons_id);
    if (it == real.end()) continue;
    ++out.seats_compared;
    if (it->second != projection->winners[i]) {
      ++out.seats_wrong;
      ++out.wrong_by_country[before.constituencies()[i].country];
    }
  }
  std::map<std::string, int> all = out.actual;
  for (const auto& [party, seats] : out.projected) all[party];
  int error = 0;
  for (const auto& entry : all) {
    // A named reference, not a structured binding: clang 14 (the fuzz preset) cannot capture those.
    const std::string& party = entry.first;
    auto get = [&party](const std::map<std::string, int>& m) {
      auto it = m.find(party);
      return it == m.end() ? 0 : it->second;
    };
    error += std::abs(get(out.projected) - get(out.actual));
  }
  out.seats_error = error / 2;
  return out;
}

}  // namespace psephos
