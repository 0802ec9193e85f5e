// london_2022.h
//
// Reader for the London borough council elections of 5 May 2022 as the GLA collected them
// (../shared/data/london-boroughs-2022-gla): a candidate file (candidate_level_cleaned_2022.csv:
// borough_original, ward_original, election_date, surname, firstname, party, votes, elected,
// ward, borough, WD22CD, LAD22CD) joined on (LAD22CD, WD22CD) with a ward file
// (ward_level_cleaned_2022.csv: num_councillors, entitled_electors, valid_ballots,
// rejected_ballots, ballots_polling, ballots_postal, ...).
//
// One Declaration per ward, in the candidate file's order. Council slug and name come from
// borough_original with "&" written "and" ("Kensington & Chelsea" -> kensington-and-chelsea),
// so that 2014 and 2022 name a borough alike; ward slug Slugify(ward_original).
//
// Ballot papers. The ward file's columns do not mean the same in every borough:
// ballots_polling + ballots_postal equals valid_ballots in 658 wards and valid_ballots +
// rejected_ballots in Lewisham's 19; the single-member wards show valid_ballots including the
// rejected papers (Bromley, Darwin: votes 1,625 + rejected 5 = "valid" 1,630). What is the same
// everywhere is that polling + postal counts every ballot paper in the count, rejected
// included, so:
//   electorate    = entitled_electors
//   ballot_papers = ballots_polling + ballots_postal
//   rejected      = rejected_ballots
// (valid_ballots is read and checked to be a count, not used.)
//
// Party labels are the raw ballot-paper descriptions (105 spellings); each must resolve
// through the registry (data/party_aliases.csv), or with UnknownParties::kLocal becomes a
// local party. Independents resolve to "IND"; the core separates them by name for control.
//
//   Result<DeclarationSet> set = ReadLondon2022Csv(candidates_path, wards_path,
//                                                  DefaultPartyRegistry(), ReadOptions{});
#ifndef PSEPHOS_READERS_LONDON_2022_H_
#define PSEPHOS_READERS_LONDON_2022_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

// Reads and joins the two files. All or nothing: a bad row in either file, a candidate's
// ward missing from the ward file, a ward with no candidates, or a ward whose elected flags
// do not number its seats gives an Error naming the file, the line and the column.
// options.election_date keeps only rows of that date.
Result<DeclarationSet> ReadLondon2022Csv(const std::string& candidates_path,
                                         const std::string& wards_path,
                                         const PartyRegistry& registry,
                                         const ReadOptions& options);

// The same from texts in memory; the file names are what errors carry.
Result<DeclarationSet> ReadLondon2022Text(std::string_view candidates_text,
                                          std::string candidates_file,
                                          std::string_view wards_text, std::string wards_file,
                                          const PartyRegistry& registry,
                                          const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_LONDON_2022_H_
