// constituency.h
//
// ConstituencyResult: one Westminster constituency's general-election result, as the House of
// Commons Library summarises it (votes per party, electorate, valid and invalid votes, winner).
// The Commons projection (DOMAIN.md, "Shares, swing and projections") starts from the 650 of
// them: it moves each party's share and takes the new winner. Plain values, no I/O; the
// reader is readers/constituency_csv.h.
//
// Party keys are registry ids: con PP52, lab PP53, ld PP90, ukip PP85, green PP63, snp PP102,
// pc PP77, dup PP70, sf PP39, sdlp PP55, uup PP83, alliance PP103, and "OTHER" for every other
// candidate together. The Speaker wins as "SPK", an independent as "IND".
//
//   for (const ConstituencyResult& seat : results)
//     double con_share = double(seat.votes.at("PP52")) / seat.valid_votes;
#ifndef PSEPHOS_CORE_CONSTITUENCY_H_
#define PSEPHOS_CORE_CONSTITUENCY_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace psephos {

inline constexpr std::string_view kOtherParties = "OTHER";
inline constexpr std::string_view kSpeaker = "SPK";

struct ConstituencyResult {
  std::string ons_id;   // E14/W07/S14/N06...
  std::string name;     // "Aberavon"
  std::string region;   // "Wales", "London", ...
  std::string country;  // "England", "Wales", "Scotland", "Northern Ireland"
  int64_t electorate = 0;
  int64_t valid_votes = 0;    // the sum of `votes`
  int64_t invalid_votes = 0;  // rejected ballot papers
  // Votes by party id; "OTHER" for the rest together. Every column of the source is present,
  // zero where the party did not stand.
  std::map<std::string, int64_t> votes;
  // Party id of the winner; "SPK" for the Speaker, "IND" for an independent.
  std::string winner;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_CONSTITUENCY_H_
