// stv_ward.h
//
// An STV ward as a Declaration for the night: the ballot profile's candidates with their first
// preferences as votes and their elected flags from the count, voting_system = kStv, so that
// a Scottish council's composition and control come from its STV wards like any other ward's.
// Parties come from the ballot-paper description that ends each BLT name ("Graham HUTCHISON
// (C)" -> Conservative); Scottish abbreviations the registry does not know are mapped here
// (C, LD, Grn, Ind, ...), and any other label goes through the PartyResolver (an error, or a
// local party, as the resolver was made).
//
//   StvWardContext where{"aberdeen", "Aberdeen City", "Dyce/Bucksburn/Danestone", "S13002842", "2017-05-04"};
//   Result<Declaration> d = StvDeclaration(profile, count, where, resolver);
//   night.Apply(*d);
#ifndef PSEPHOS_READERS_STV_WARD_H_
#define PSEPHOS_READERS_STV_WARD_H_

#include <string>

#include "core/error.h"
#include "core/model.h"
#include "core/stv.h"
#include "readers/fields.h"

namespace psephos {

struct StvWardContext {
  std::string council;       // slug
  std::string council_name;
  std::string ward_name;     // "" -> the profile's title
  std::string ward_gss;
  std::string date;          // YYYY-MM-DD
  std::string file;          // for errors
};

// Fails when the count did not fill the seats (a tie for the lot) or a party does not resolve.
Result<Declaration> StvDeclaration(const BallotProfile& profile, const StvCount& count,
                                   const StvWardContext& context, PartyResolver& parties);

}  // namespace psephos

#endif  // PSEPHOS_READERS_STV_WARD_H_
