// profile.h
//
// A demo council's political profile: how strong each party was when the seats up were last
// fought (2014 in the real cycle) and how strong it is now (2018), as vote weights in tenths
// of a percent, plus how often independents, residents and minor parties stand. Profiles are
// drawn from archetypes per council type ("Labour city", "Conservative shire", "Lib Dem-Con
// battleground"...) so that the night's control picture looks like May 2018: Labour holding
// London and the mets, the Conservatives the shires, a few Lib Dem and hung councils, and
// UKIP's 2014 vote mostly gone to the Conservatives.
//
//   CouncilProfile profile = MakeProfile(rng, CouncilType::kLondonBorough);
//   profile.now[kLab];   // e.g. 470: Labour on about 47% in the borough
#ifndef PSEPHOS_DEMO_INTERNAL_PROFILE_H_
#define PSEPHOS_DEMO_INTERNAL_PROFILE_H_

#include <array>
#include <string>
#include <string_view>

#include "core/model.h"
#include "demo/internal/random.h"

namespace psephos::demo_internal {

// The parties the demo night models, in a fixed order used to index weights.
enum PartyIndex { kCon, kLab, kLd, kGrn, kUkip, kInd, kRes, kMinor, kPartyCount };

using Weights = std::array<int, kPartyCount>;

struct CouncilProfile {
  Weights last{};  // when the seats up were last fought
  Weights now{};   // on the night
  bool has_residents = false;  // a residents' group is active here
  int independent_per_mille = 0;  // chance that a ward has an independent candidate
  std::string minor_party;        // the minor party that stands here now and then
};

CouncilProfile MakeProfile(Rng& rng, CouncilType type);

// The party id of a modelled party: "PP52", "PP53", ..., "IND", "RES", or the minor party.
std::string_view PartyId(PartyIndex party, const CouncilProfile& profile);

}  // namespace psephos::demo_internal

#endif  // PSEPHOS_DEMO_INTERNAL_PROFILE_H_
