// views.h
//
// How the night is shown: the state of the parties, a council, the list of councils and the
// headlines, each as JSON (for --json and, later, the HTTP API: one shape for both) and as
// text for a terminal. Every figure that is a change names its baseline.
//
//   nlohmann::json j = StateOfPartiesJson(TallyParties(night, filter, baseline), night.registry());
//   std::cout << StateOfPartiesText(state, night.registry());
#ifndef PSEPHOS_PUBLISH_VIEWS_H_
#define PSEPHOS_PUBLISH_VIEWS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/night.h"
#include "core/state_of_parties.h"

namespace psephos {

nlohmann::json StateOfPartiesJson(const StateOfParties& state, const PartyRegistry& registry);
std::string StateOfPartiesText(const StateOfParties& state, const PartyRegistry& registry);

// One council: setup, composition before (both baselines) and after, control, labels, change,
// and (with wards = true) every declared ward with its candidates.
nlohmann::json CouncilJson(const Night& night, const Council& council, bool wards);
std::string CouncilText(const Night& night, const Council& council, Baseline baseline);

// Every council matching the filter, one line each: declared or awaiting, and the label.
nlohmann::json CouncilListJson(const Night& night, const CouncilFilter& filter);
std::string CouncilListText(const Night& night, const CouncilFilter& filter, Baseline baseline);

// The party registry, for a page that draws with its names and colours: every party's id, name,
// short name, colour and totals group ("" when it is its own). A control key not listed is an
// independent ("IND:<name>", drawn as IND) or a party the registry does not know.
nlohmann::json PartyRegistryJson(const PartyRegistry& registry);

// Headlines of settled councils, in the order their deciding declaration was applied, with
// mayors' results in their place (for the whole night only: a mayor has no council filter).
std::vector<std::string> Headlines(const Night& night, const CouncilFilter& filter, Baseline baseline);

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_VIEWS_H_
