// london_2014.h
//
// Reader for the London borough council elections of 22 May 2014, candidate level, as in
// ../shared/data/london-boroughs-2014/london_council_election_2014_ward.csv (the GLA/London
// Datastore layout: Ward_code, Borough_code, Borough_name, Ward_name, candidate, party,
// party_long, number_votes, elected_flag, Number of councillors in ward).
//
// One Declaration per ward, in file order: council slug Slugify(Borough_name), council_gss
// Borough_code, ward slug Slugify(Ward_name), ward_gss Ward_code, ballot id
// local.<council>.<ward>.2014-05-22, seats from "Number of councillors in ward". The file has
// no electorate, ballot papers or rejected ballots, so those stay unset.
//
// Quirks handled (see the data folder's SOURCE.md):
//   - a UTF-8 BOM and CRLF line ends (CsvTable handles both);
//   - one vote count written "1,571" (ParseCount accepts grouped thousands);
//   - candidate "Surname, Forenames Title*", the star marking a sitting councillor: the star is
//     dropped, the rest kept as written;
//   - party is a short code (LAB, THF, REA, ...) with a long name; the long name is resolved
//     first because some codes are shared by different parties (NLP is both the Liberal Party
//     and the National Liberal Party; REA covers nine residents' groups), the code second;
//   - Faraday ward (Southwark) is flagged "yes" where the rest of the file says "Yes": its poll
//     was postponed after a candidate died and held later. It is read like any other ward and a
//     warning names it (any ward whose flags are spelled unlike the file's usual spelling is
//     named the same way).
//
//   ReadOptions options;  // strict: every party must resolve
//   Result<DeclarationSet> set =
//       ReadLondon2014Csv(path, DefaultPartyRegistry(), options);
//   if (!set) return Fail(set.error());   // names file, line and column
//   for (const std::string& w : set->warnings) Log(w);
#ifndef PSEPHOS_READERS_LONDON_2014_H_
#define PSEPHOS_READERS_LONDON_2014_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

// The date of the 2014 London borough elections, used in every ballot id of the file.
inline constexpr std::string_view kLondon2014Date = "2014-05-22";

// Reads the file at `path`. All or nothing: any bad row gives an Error naming the file, the
// line and the column, and no declarations. With options.election_date set to another date
// the result is empty (the file holds only the 2014 polls).
Result<DeclarationSet> ReadLondon2014Csv(const std::string& path, const PartyRegistry& registry,
                                         const ReadOptions& options);

// The same from text in memory; `file` is the name errors carry.
Result<DeclarationSet> ReadLondon2014Text(std::string_view text, std::string file,
                                          const PartyRegistry& registry,
                                          const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_LONDON_2014_H_
