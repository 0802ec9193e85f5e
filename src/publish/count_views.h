// count_views.h
//
// The counts of other voting systems shown as a results service shows them:
//   - an STV count as the stage table of an official result sheet (per stage the action, every
//     candidate's transfers and total, the non-transferable papers), as JSON and as text;
//   - a mayoral (supplementary vote) result: both rounds and the headline, as JSON and text.
//
//   std::cout << StvCountText(profile, *count, 5);
//   nlohmann::json j = StvCountJson(profile, *count);
#ifndef PSEPHOS_PUBLISH_COUNT_VIEWS_H_
#define PSEPHOS_PUBLISH_COUNT_VIEWS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/mayor.h"
#include "core/stv.h"

namespace psephos {

// Figures as numbers of votes (5 decimal places at most); stages in order, each with the
// candidates' transfers and totals keyed by name; when each candidate was elected or excluded.
nlohmann::json StvCountJson(const BallotProfile& profile, const StvCount& count);
// The sheet: a header (seats, valid poll, quota, rules), a row per candidate with the total at
// every stage (`decimals` places, cut), then the transfers, the non-transferable papers and
// the elected in order. "*" marks the stage a candidate was elected, "x" excluded.
std::string StvCountText(const BallotProfile& profile, const StvCount& count, int decimals = 5);

nlohmann::json MayoralJson(const MayoralResult& result);
std::string MayoralText(const MayoralResult& result);

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_COUNT_VIEWS_H_
