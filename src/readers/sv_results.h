// sv_results.h
//
// Reads published supplementary-vote results: one row per candidate with first choices and,
// for the two who went to the second round, the second choices added and the final total
// (../shared/data/mayoral-supplementary-vote/sv_official_results_compiled.csv; columns
// contest_id, contest, poll_date, candidate, party, first_pref_votes, second_round_added,
// second_round_total, outcome, source). Rows of one contest_id make one contest, in file order.
//
// Checked while reading, all or nothing, each error naming file, line and column: counts are
// whole numbers; a final total is first choices plus second choices added; a contest has one
// date and one "elected" outcome at most.
//
//   Result<std::vector<PublishedSvContest>> contests = ReadSvResultsCsv(path);
//   for (auto& p : *contests) {
//     Result<SvCount> count = CountSupplementaryVote(p.contest);
//     ... compare count->winner with p.published_winner ...
//   }
#ifndef PSEPHOS_READERS_SV_RESULTS_H_
#define PSEPHOS_READERS_SV_RESULTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/mayor.h"
#include "core/supplementary_vote.h"

namespace psephos {

struct PublishedSvContest {
  std::string ballot_id;  // mayor.tower-hamlets.2018-05-03
  std::string name;       // "Tower Hamlets Mayor"
  std::string area;       // "Tower Hamlets" (the name without "Mayor", "Mayor of", "(re-run)")
  std::string date;       // 2018-05-03
  SvContest contest;      // second_added set when the file gives a second round
  // As published: each candidate's second-round total (nullopt for the eliminated), and who
  // the outcome column says was elected.
  std::vector<std::optional<int64_t>> published_totals;
  std::optional<size_t> published_winner;
  std::vector<int64_t> lines;  // the line of each candidate's row
};

Result<std::vector<PublishedSvContest>> ReadSvResultsCsv(const std::string& path);
Result<std::vector<PublishedSvContest>> ParseSvResultsCsv(std::string_view text, const std::string& file);

// A counted contest as a MayoralResult, ready for the night and its headlines.
MayoralResult ToMayoralResult(const PublishedSvContest& published, const SvCount& count);

}  // namespace psephos

#endif  // PSEPHOS_READERS_SV_RESULTS_H_
