#include "readers/sv_results.h"

#include <map>

#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

// "Tower Hamlets Mayor (re-run)" -> "Tower Hamlets"; "Mayor of London" -> "London".
std::string AreaOf(std::string name) {
  if (size_t p = name.find(" ("); p != std::string::npos) name = name.substr(0, p);
  if (name.starts_with("Mayor of ")) name = name.substr(9);
  if (name.ends_with(" Mayor")) name = name.substr(0, name.size() - 6);
  return TrimText(name);
}

}  // namespace

Result<std::vector<PublishedSvContest>> ParseSvResultsCsv(std::string_view text, const std::string& file) {
  Result<CsvTable> table = ParseCsv(text, file);
  if (!table) return table.error();
  size_t col[9];
  const char* names[9] = {"contest_id", "contest", "poll_date", "candidate", "party",
                          "first_pref_votes", "second_round_added", "second_round_total", "outcome"};
  for (size_t i = 0; i < 9; ++i) {
    Result<size_t> c = table->Column(names[i]);
    if (!c) return c.error();
    col[i] = *c;
  }
  enum { kId, kContest, kDate, kCandidate, kParty, kFirst, kAdded, kTotal, kOutcome };
  std::vector<PublishedSvContest> out;
  std::map<std::string, size_t> index;
  for (const CsvRow& row : table->rows) {
    const std::string id = TrimText(row.fields[col[kId]]);
    if (id.empty()) return table->FieldError(row, col[kId], "expected a contest id");
    auto [it, added] = index.emplace(id, out.size());
    if (added) {
      PublishedSvContest p;
      p.ballot_id = id;
      p.name = TrimText(row.fields[col[kContest]]);
      p.area = AreaOf(p.name);
      p.date = TrimText(row.fields[col[kDate]]);
      out.push_back(std::move(p));
    }
    PublishedSvContest& p = out[it->second];
    if (TrimText(row.fields[col[kDate]]) != p.date)
      return table->FieldError(row, col[kDate], "a contest has one poll date; this row says another");
    Result<int64_t> first = ParseCount(*table, row, col[kFirst]);
    if (!first) return first.error();
    Result<std::optional<int64_t>> more = ParseOptionalCount(*table, row, col[kAdded]);
    if (!more) return more.error();
    Result<std::optional<int64_t>> total = ParseOptionalCount(*table, row, col[kTotal]);
    if (!total) return total.error();
    if (more->has_value() != total->has_value())
      return table->FieldError(row, col[kTotal], "give both the second choices added and the total, or neither");
    if (*total && **total != *first + **more)
      return table->FieldError(row, col[kTotal], "the total " + std::to_string(**total) + " is not the first choices " +
                                                     std::to_string(*first) + " plus the " + std::to_string(**more) + " added");
    std::string candidate = TrimText(row.fields[col[kCandidate]]);
    if (candidate.empty()) return table->FieldError(row, col[kCandidate], "expected a candidate's name");
    if (TrimText(row.fields[col[kOutcome]]).starts_with("elected")) {
      if (p.published_winner) return table->FieldError(row, col[kOutcome], "a second candidate marked elected");
      p.published_winner = p.contest.candidates.size();
    }
    p.contest.candidates.push_back(SvCandidate{candidate, TrimText(row.fields[col[kParty]]), *first});
    p.published_totals.push_back(*total);
    p.lines.push_back(row.line);
    if (*more && !p.contest.second_added) p.contest.second_added.emplace();
  }
  // Second choices added, per candidate (zero for the eliminated), where a second round was run.
  for (PublishedSvContest& p : out) {
    if (!p.contest.second_added) continue;
    p.contest.second_added->assign(p.published_totals.size(), 0);
    for (size_t c = 0; c < p.published_totals.size(); ++c)
      if (p.published_totals[c]) (*p.contest.second_added)[c] = *p.published_totals[c] - p.contest.candidates[c].first;
  }
  return out;
}

Result<std::vector<PublishedSvContest>> ReadSvResultsCsv(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ParseSvResultsCsv(*text, path);
}

MayoralResult ToMayoralResult(const PublishedSvContest& published, const SvCount& count) {
  return MayoralResult{published.ballot_id, published.area, published.contest, count};
}

}  // namespace psephos
