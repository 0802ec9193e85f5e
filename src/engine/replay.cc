#include "engine/replay.h"

#include <algorithm>

namespace psephos {

namespace {

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int> Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<double> ParseIsoTime(std::string_view t) {
  // YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]
  auto y = Digits(t, 0, 4), mo = Digits(t, 5, 2), d = Digits(t, 8, 2), h = Digits(t, 11, 2), mi = Digits(t, 14, 2);
  if (!y || !mo || !d || !h || !mi || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':')
    return std::nullopt;
  if (*mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59) return std::nullopt;
  size_t pos = 16;
  int sec = 0;
  if (pos < t.size() && t[pos] == ':') {
    auto s = Digits(t, pos + 1, 2);
    if (!s || *s > 60) return std::nullopt;
    sec = *s;
    pos += 3;
    while (pos < t.size() && (t[pos] == '.' || (t[pos] >= '0' && t[pos] <= '9'))) ++pos;  // fractions
  }
  int offset = 0;
  if (pos < t.size()) {
    if (t[pos] == 'Z' && pos + 1 == t.size()) {
      offset = 0;
    } else if ((t[pos] == '+' || t[pos] == '-') && pos + 6 == t.size() && t[pos + 3] == ':') {
      auto oh = Digits(t, pos + 1, 2), om = Digits(t, pos + 4, 2);
      if (!oh || !om) return std::nullopt;
      offset = (t[pos] == '+' ? 1 : -1) * (*oh * 3600 + *om * 60);
    } else {
      return std::nullopt;
    }
  }
  const int64_t days = DaysFromCivil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d));
  return static_cast<double>(days * 86400 + *h * 3600 + *mi * 60 + sec - offset);
}

ReplayPlan PlanReplay(std::vector<Declaration> declarations, const Engine& engine) {
  ReplayPlan plan;
  std::vector<std::pair<double, size_t>> order;  // time, original index (keeps ties in order)
  double last = 0;
  std::optional<double> first;
  for (size_t i = 0; i < declarations.size(); ++i) {
    if (auto t = ParseIsoTime(declarations[i].declared_at)) {
      last = *t;
      if (!first || *t < *first) first = *t;
    }
    order.emplace_back(last, i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [time, i] : order) {
    Declaration& d = declarations[i];
    std::string ward = d.ward.empty() ? Slugify(d.ward_name) : d.ward.str();
    if (engine.IsDeclared(d.council, ward)) {
      ++plan.skipped;
      continue;
    }
    plan.steps.push_back(ReplayStep{first ? std::max(0.0, time - *first) : 0.0, std::move(d)});
  }
  return plan;
}

}  // namespace psephos
