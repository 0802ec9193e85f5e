// party.h
//
// Parties and the registry that names them. A party is keyed by its Electoral Commission id
// ("PP53" Labour, "PP52" Conservative, "PP90" Liberal Democrats); a few keys are the
// project's own where no single id exists: "IND" (an independent candidate), "RES"
// (the totals group of residents' and ratepayers' associations) and "LOCAL:<slug>" for
// local groups whose id we do not hold.
//
// Two keys matter and they differ:
//   - the control key, used for a council's composition and control: the party id, except
//     that each independent is separate ("IND:<name>"), as independents are not a party;
//   - the totals group, used in national tallies: Labour and Co-operative counts as Labour,
//     every independent as "IND", every residents' group as "RES".
//
//   PartyRegistry registry = ...;              // built by readers/party_registry_reader.h
//   std::optional<std::string> id = registry.Resolve("Labour Party Candiate");  // "PP53"
//   registry.TotalsGroup("IND:Jane Smith");    // "IND"
#ifndef PSEPHOS_CORE_PARTY_H_
#define PSEPHOS_CORE_PARTY_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/position_index.h"
#include "core/string_map.h"

namespace psephos {

inline constexpr std::string_view kIndependent = "IND";
inline constexpr std::string_view kResidents = "RES";

struct Party {
  std::string id;          // "PP53"
  std::string name;        // "Labour", as a newsroom writes it in a headline
  std::string short_name;  // "Lab"
  std::string colour;      // "#E4003B": the page draws with it
  std::string group;       // totals group id; "" means the party is its own group
};

class PartyRegistry {
 public:
  // Adds a party. Fails on an empty or repeated id.
  Status Add(Party party);
  // Adds an alias: a spelling of a party's name as found in results files. Matching ignores
  // case, punctuation, "&" vs "and" and a leading "The". An alias ending in '*' matches any
  // label that starts with it ("Havering Residents Association*"). Fails when the id is not
  // registered or the alias already names another party.
  Status AddAlias(std::string_view alias, std::string_view id);

  const Party* Find(std::string_view id) const;
  // The party id for a label: an id itself ("PP53", "party:53", "PP 53"), a registered
  // name, or an alias. nullopt when nothing matches.
  std::optional<std::string> Resolve(std::string_view label) const;

  // The control key of a candidate of party `id` called `candidate_name`.
  static std::string ControlKey(std::string_view id, std::string_view candidate_name);
  // The totals group of a control key or party id: a view into the registry, or `key` itself
  // when the party has no group (so it lives as long as the shorter of the two). Tallies call
  // this for every party of every council they add, so it does not allocate.
  std::string_view TotalsGroup(std::string_view key) const;
  // "Labour", "Independent (Jane Smith)", or the key itself when unknown.
  std::string DisplayName(std::string_view key) const;
  std::string ShortName(std::string_view key) const;

  const std::vector<Party>& parties() const { return parties_; }

  // Lower case; '&' -> "and"; apostrophes and punctuation dropped; runs of space folded;
  // a leading "the " dropped.
  static std::string Normalize(std::string_view label);

 private:
  std::vector<Party> parties_;
  // Every candidate of every declaration is looked up here (and its totals group): an index of
  // positions in parties_, open-addressed, where a hash map of nodes found a bucket by division
  // and followed a pointer to it (a twentieth of reading a 100x night, perf).
  PositionIndex by_id_;
  StringMap<std::string> aliases_;   // normalized -> id
  std::vector<std::pair<std::string, std::string>> prefixes_; // normalized prefix -> id
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_PARTY_H_
