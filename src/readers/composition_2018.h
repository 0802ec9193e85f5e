// composition_2018.h
//
// Council composition by party, as in Open Data Manchester's September 2018 snapshot of
// councillors' parties (../shared/data/council-composition-sept2018-odm/
// council_seats_by_party_label_sept2018.csv: LAD18CD, LAD18NM, party_label_as_scraped, seats).
// It stands in for an eve-of-poll (or after) composition: seats held per party per council.
//
// Labels are raw ("Conservative Group", "Labour (Co-op)", "Independent Member", "Not
// specified"); each is resolved through the party registry (data/party_aliases.csv maps all
// 198 of the 2018 file). Council groups of independents, "Not specified" and the like resolve
// to "IND" and are counted together under "IND": this file names no councillors, so the
// independents cannot be told apart here, and whoever uses the composition must not treat the
// "IND" count as one party for control. A label with no letters or digits (Maidstone's "_") is
// read as "Not specified". The file records filled seats only (no vacancies), so `total` is
// the sum of the seats listed.
//
//   Result<std::vector<CouncilComposition>> councils =
//       ReadCouncilSeatsCsv(path, DefaultPartyRegistry(), ReadOptions{});
//   for (const CouncilComposition& c : *councils) Use(c.council_gss, c.seats, c.total);
#ifndef PSEPHOS_READERS_COMPOSITION_2018_H_
#define PSEPHOS_READERS_COMPOSITION_2018_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

struct CouncilComposition {
  std::string council_gss;   // LAD18CD: E06/E07/E08/E09...
  std::string council_name;  // LAD18NM as written
  // Seats by party id; independents counted together under "IND".
  std::map<std::string, int> seats;
  int total = 0;  // the sum of seats
};

// Reads the file at `path`: one CouncilComposition per council, in the order councils first
// appear. All or nothing: a bad row gives an Error naming file, line and column. With
// UnknownParties::kLocal an unknown label counts under "LOCAL:<slug>" instead of failing.
Result<std::vector<CouncilComposition>> ReadCouncilSeatsCsv(const std::string& path,
                                                            const PartyRegistry& registry,
                                                            const ReadOptions& options);

// The same from text in memory; `file` is the name errors carry.
Result<std::vector<CouncilComposition>> ReadCouncilSeatsText(std::string_view text,
                                                             std::string file,
                                                             const PartyRegistry& registry,
                                                             const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_COMPOSITION_2018_H_
