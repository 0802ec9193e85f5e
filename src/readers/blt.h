// blt.h
//
// Reads ballot profiles in the BLT format (the de facto format of STV ballot data, as the
// Scottish councils' preference-profile reports are assembled in ../shared/data/scotland-stv):
//
//   7 3                      candidates, seats
//   64 1 0                   64 papers ranking candidate 1 only; each line ends with 0
//   2 7 6 5 4 3 2 1 0
//   0                        end of the ballots
//   Barney CROCKETT (Lab)    one name per candidate, optionally in double quotes
//   "Dyce/Bucksburn/Danestone Ward"    the title
//
// All or nothing: a bad line gives an Error naming the file, the line and the field (a
// preference for a candidate that does not exist, a candidate ranked twice, seats above the
// candidates, a line that is not numbers, a missing end marker), and no profile at all.
// Withdrawn candidates (a line of negative numbers) and equal rankings are not supported and
// are errors too: Scottish ballot data have neither.
//
//   Result<BallotProfile> profile = ReadBlt("blt/aberdeen_2017_ward1.blt");
//   if (!profile) return Fail(profile.error());
//   Result<StvCount> count = CountStv(*profile, StvRules::kScotland);
#ifndef PSEPHOS_READERS_BLT_H_
#define PSEPHOS_READERS_BLT_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/stv.h"

namespace psephos {

Result<BallotProfile> ReadBlt(const std::string& path);
Result<BallotProfile> ParseBlt(std::string_view text, const std::string& file);

}  // namespace psephos

#endif  // PSEPHOS_READERS_BLT_H_
