// analysis_views.h
//
// How the analysis is shown: vote shares and swing, the projected national share, the
// Commons projection and its simulation, a council's marginality and the closest councils of
// the night, each as JSON (the CLI's --json and, later, the HTTP API: one shape for both) and
// as text for a terminal. Every figure says how it was made: the share method, the swing
// method, the number of wards a projection rests on, "extra" or "switched" votes.
//
//   nlohmann::json j = MarginalityJson(*MarginalityOf(night, "barnet"), night.registry());
//   std::cout << MarginalityText(m, night.registry());
#ifndef PSEPHOS_PUBLISH_ANALYSIS_VIEWS_H_
#define PSEPHOS_PUBLISH_ANALYSIS_VIEWS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/commons.h"
#include "analysis/marginality.h"
#include "analysis/pns.h"
#include "analysis/shares.h"
#include "core/party.h"

namespace psephos {

nlohmann::json SharesJson(const VoteShares& shares, const PartyRegistry& registry);
std::string SharesText(const VoteShares& shares, const PartyRegistry& registry);

// One line a council: its wards and its three largest parties' shares (and changes).
nlohmann::json SharesByCouncilJson(const std::vector<VoteShares>& councils,
                                   const PartyRegistry& registry);
std::string SharesByCouncilText(const std::vector<VoteShares>& councils,
                                const PartyRegistry& registry);

nlohmann::json SwingJson(const Swing& swing, const PartyRegistry& registry);
std::string SwingText(const Swing& swing, const PartyRegistry& registry);

nlohmann::json PnsJson(const ProjectedNationalShare& pns, const PartyRegistry& registry);
std::string PnsText(const ProjectedNationalShare& pns, const PartyRegistry& registry);

// `source` says where the shares came from ("given", "projected national share").
nlohmann::json CommonsJson(const CommonsProjection& projection,
                           const std::map<std::string, double>& shares, const std::string& source,
                           const std::optional<CommonsSimulation>& simulation,
                           const PartyRegistry& registry);
std::string CommonsText(const CommonsProjection& projection,
                        const std::map<std::string, double>& shares, const std::string& source,
                        const std::optional<CommonsSimulation>& simulation,
                        const PartyRegistry& registry);

nlohmann::json MarginalityJson(const CouncilMarginality& marginality,
                               const PartyRegistry& registry);
std::string MarginalityText(const CouncilMarginality& marginality, const PartyRegistry& registry);

nlohmann::json ClosestJson(const std::vector<CloseCouncil>& closest, const PartyRegistry& registry);
std::string ClosestText(const std::vector<CloseCouncil>& closest, const PartyRegistry& registry);

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_ANALYSIS_VIEWS_H_
