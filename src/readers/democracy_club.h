// democracy_club.h
//
// Reads Democracy Club results: the API's result_sets as a JSON array (API v0.9, as saved in
// sheffield-barnsley-2018-dc/results-2018.dc-api.json) and the same data flattened to one CSV
// row per candidate (results-2018.flat.csv: ballot_paper_id, election_id, post_id, post_label,
// person_id, person_name, party_id, party_name, votes, elected, turnout_reported, spoilt).
// Both give the same declarations.
//
//   Result<DeclarationSet> set =
//       ReadDemocracyClubJson("results-2018.dc-api.json", DefaultPartyRegistry(), {});
//   // From an HTTP body: ReadDemocracyClubJsonText(body, "POST /results", registry, options).
//
// How the fields are read:
//   - Ballot ids are given (local.<council>.<ward>[.by].<date>); the council and ward slugs
//     and the date come from them. ReadOptions::election_date keeps one date.
//   - Ward GSS from the post id "MTW:E05010881" (the part after ':'; "" if it is not E0...).
//   - Party ids: "party:53" is Electoral Commission PP53; "joint-party:53-119" (Labour and
//     Co-operative) counts for its first party, PP53, as DOMAIN.md says; "ynmp-party:2" is
//     Democracy Club's independent, "IND"; an id the registry holds as it is ("RES") is
//     taken as it is. An id the registry does not hold is resolved by
//     the party's name, with a warning (the registry keeps some parties under local ids);
//     when the name does not resolve either it is an unknown party (kLocal: a local party).
//   - Elected: JSON is_winner and membership.elected must agree; CSV elected t/f.
//   - Seats: the number of candidates flagged elected. Democracy Club gives a flag for every
//     candidate, and a multi-seat ballot flags each winner, so the flags are the only source
//     of the seat count; a ballot with no winner flagged is an error.
//   - council_name from the JSON election name ("Sheffield local election" -> "Sheffield"),
//     in the CSV from the slug ("sheffield" -> "Sheffield"); council GSS from a small table
//     of known councils, "" otherwise.
//   - Rejected ballots from num_spoilt_ballots / spoilt when given. num_turnout_reported is a
//     percentage with no electorate beside it, so ballot papers and electorate stay unknown.
//   - JSON errors name the line where the ballot's or candidate's object starts, and the
//     key path as the field ("candidate_results[2].num_ballots").
#ifndef PSEPHOS_READERS_DEMOCRACY_CLUB_H_
#define PSEPHOS_READERS_DEMOCRACY_CLUB_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

Result<DeclarationSet> ReadDemocracyClubJson(const std::string& path,
                                             const PartyRegistry& registry,
                                             const ReadOptions& options);
// `file` names the source in errors ("" for none).
Result<DeclarationSet> ReadDemocracyClubJsonText(std::string_view text, std::string file,
                                                 const PartyRegistry& registry,
                                                 const ReadOptions& options);

Result<DeclarationSet> ReadDemocracyClubCsv(const std::string& path,
                                            const PartyRegistry& registry,
                                            const ReadOptions& options);
Result<DeclarationSet> ReadDemocracyClubCsvText(std::string_view text, std::string file,
                                                const PartyRegistry& registry,
                                                const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_DEMOCRACY_CLUB_H_
