// constituency_csv.h
//
// Reader for the House of Commons Library's constituency results summaries of the 2015 and
// 2017 general elections (../shared/data/ge2017-hoc-constituency, ge2015-hoc-constituency):
// ons_id, ons_region_id, constituency_name, county_name, region_name, country_name,
// constituency_type, declaration_time, result, first_party, second_party, electorate,
// valid_votes, invalid_votes, majority, con, lab, ld, ukip, green, snp, pc, dup, sf, sdlp, uup,
// alliance, other[, other_winner].
//
// With a header, columns are found by name (extra columns are ignored). Without one (the
// copied 2015 file), the columns are taken in the order above: 28 fields, or 29 with
// other_winner. Every row is checked: valid_votes must equal the sum of the 13 party columns,
// and first_party must be a known code (Con, Lab, LD, UKIP, Green, SNP, PC, DUP, SF, SDLP,
// UUP, Alliance, Spk, Ind). All or nothing; errors name the file, the line and the column.
//
//   Result<std::vector<ConstituencyResult>> seats = ReadConstituencyCsv(path, /*has_header=*/true);
//   if (!seats) return Fail(seats.error());
#ifndef PSEPHOS_READERS_CONSTITUENCY_CSV_H_
#define PSEPHOS_READERS_CONSTITUENCY_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/constituency.h"
#include "core/error.h"

namespace psephos {

// Reads the file at `path`, one result per row in file order.
Result<std::vector<ConstituencyResult>> ReadConstituencyCsv(const std::string& path, bool has_header);

// The same from text in memory; `file` is the name errors carry.
Result<std::vector<ConstituencyResult>> ReadConstituencyText(std::string_view text, std::string file,
                                                             bool has_header);

}  // namespace psephos

#endif  // PSEPHOS_READERS_CONSTITUENCY_CSV_H_
