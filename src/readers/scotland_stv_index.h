// scotland_stv_index.h
//
// A Scottish council election read from ballot data: the index of
// ../shared/data/scotland-stv (index.csv or ballots-only.csv: year, council, ward_code,
// ward_name, seats, blt_file, ...), each row's BLT file counted by the Scottish rules
// (core/stv.h) and declared as an STV ward (readers/stv_ward.h). So a Scottish council's
// composition and control come from its wards' ballots on the same night as English councils:
//
//   psephos councils --results scotland-stv:../shared/data/scotland-stv/index.csv --date 2017-05-04
//
// All or nothing. Errors name the index's file, line and column, or the BLT file's own line:
// a BLT whose seats differ from the index's, a count that ends in a tie for the lot, a party
// that does not resolve. Poll dates are those of the ordinary Scottish council elections
// (3 May 2007, 3 May 2012, 4 May 2017, 5 May 2022); options.election_date keeps one of them.
#ifndef PSEPHOS_READERS_SCOTLAND_STV_INDEX_H_
#define PSEPHOS_READERS_SCOTLAND_STV_INDEX_H_

#include <string>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

Result<DeclarationSet> ReadScotlandStvIndex(const std::string& path, const PartyRegistry& registry,
                                            const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_SCOTLAND_STV_INDEX_H_
