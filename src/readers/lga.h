// lga.h
//
// Reads councils' own results files: the LGA "local transparency guidance - publishing
// election results data" CSV (one row per candidate, as Trafford publishes 2016-2026 in
// trafford-2016-2026-lga/trafford_council_election_results.csv), and the simplest form a
// council posts on the night: one row per candidate with the ward code, ward, candidate,
// party label and votes, nothing else (local_election_results_2018_simple.csv).
//
//   ReadOptions options;
//   options.election_date = "2018-05-03";      // the LGA file holds every poll since 2016
//   Result<DeclarationSet> set = ReadLgaCsv(path, DefaultPartyRegistry(), options);
//
//   WardVotesContext trafford{"trafford", "Trafford", {{"E05000819", 2}}};  // Altrincham: 2
//   Result<DeclarationSet> night = ReadWardVotesCsv(path, registry, options, trafford);
//
// How the LGA fields are read:
//   - TypeofElection says what each row is: DistrictAndBorough, County, Unitary,
//     LondonBorough, Metropolitan... rows are local ward contests ("...ByElection" adds ".by" to
//     the ballot id); Parliamentary, European, Mayoral, PoliceAndCrimeCommissioner, Parish
//     and Referendum rows are skipped with a warning (they are not council seats); anything
//     else is an error.
//   - Council slug and name from ElectedBodyLabel ("Trafford Council" -> "trafford",
//     "Trafford"); its GSS code from the small table in internal/council_codes.h (the LGA
//     schema has no council code), "" for a council not in it.
//   - Ward GSS: the last path segment of ElectoralAreaURI; ward slug from ElectoralAreaLabel.
//   - Party: the last segment of PoliticalPartyURI (the Electoral Commission id, "PP52").
//     Empty URI: the PoliticalPartyLabel is resolved (normally "Independent" -> IND); both
//     empty is an error. An id the registry lacks is resolved by its label with a warning
//     (e.g. a party registered here under a LOCAL id); when the label does not
//     resolve either, it is an unknown party.
//   - Candidate name: commonly used forenames/surname where given, else the full ones.
//   - Elected: ELECTED / NOT ELECTED. Seats of a contest = the number of ELECTED flags
//     (Altrincham 2018 elected two on one ballot); none elected is an error.
//   - VotesCast is the ward's ballot papers counted, rejected included: it is the turnout
//     numerator (Trafford 2016 Altrincham: 3288 / 8472 = 38.8%, as PercentageTurnout says)
//     and equals valid votes plus rejected ballots in single-seat wards, give or take the
//     council's own arithmetic. It becomes Declaration::ballot_papers; EligibleElectorate
//     the electorate; rejected = the sum of the BallotsRejected* columns (unknown when all
//     are empty). These ward values must agree on every row of a contest.
#ifndef PSEPHOS_READERS_LGA_H_
#define PSEPHOS_READERS_LGA_H_

#include <map>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

Result<DeclarationSet> ReadLgaCsv(const std::string& path, const PartyRegistry& registry,
                                  const ReadOptions& options);
Result<DeclarationSet> ReadLgaCsvText(std::string_view text, std::string file,
                                      const PartyRegistry& registry, const ReadOptions& options);

// What a ward-votes file does not say: whose wards they are and how many seats each fills.
struct WardVotesContext {
  std::string council;       // slug: "trafford"
  std::string council_name;  // "" -> from the slug
  // Seats by ward GSS code or ward slug; a ward not listed elects one.
  std::map<std::string, int> seats;
};

// A CSV with columns wardcode, ward, candidate, party, votes (one row per candidate, any
// order), for the poll on options.election_date, which is required: the file does not give
// it. Labels are trimmed and resolved through the registry (hand-typed labels need aliases).
// There are no elected flags, so candidates' `elected` stays unknown for the core to count.
Result<DeclarationSet> ReadWardVotesCsv(const std::string& path, const PartyRegistry& registry,
                                        const ReadOptions& options,
                                        const WardVotesContext& context);
Result<DeclarationSet> ReadWardVotesCsvText(std::string_view text, std::string file,
                                            const PartyRegistry& registry,
                                            const ReadOptions& options,
                                            const WardVotesContext& context);

}  // namespace psephos

#endif  // PSEPHOS_READERS_LGA_H_
