// party_shares.h
//
// National shares as people type them, for a Commons projection or a PNS baseline:
// "CON=42.4,LAB=40.0,LD=7.4". Parties by id ("PP53"), name or alias ("Labour"), or the short
// name the tables print ("Lab", "CON", "LD"). Shared by the CLI's options and the API's query.
//
//   Result<std::map<std::string, double>> s = ParseShares(registry, "CON=42.4,LAB=40", "--share");
#ifndef PSEPHOS_ANALYSIS_PARTY_SHARES_H_
#define PSEPHOS_ANALYSIS_PARTY_SHARES_H_

#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/party.h"

namespace psephos {

std::optional<std::string> PartyByLabel(const PartyRegistry& registry, const std::string& label);

// Fails, naming `field`, on an item that is not PARTY=PERCENT, an unknown party, or nothing.
Result<std::map<std::string, double>> ParseShares(const PartyRegistry& registry, const std::string& text,
                                                  const std::string& field);

}  // namespace psephos

#endif  // PSEPHOS_ANALYSIS_PARTY_SHARES_H_
