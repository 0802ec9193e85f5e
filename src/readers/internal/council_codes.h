// council_codes.h (internal)
//
// What the results files in ../shared/data do not say about a council: its ONS GSS code and
// a display name when the file only gives a slug. A small table of the councils those files
// cover, so that declarations carry the code when we know it and "" when we do not; the
// core's council set-up (from nominations) is the authority and overrides these.
//
//   KnownCouncilGss("trafford");      // "E08000009"
//   CouncilNameFromSlug("ribble-valley");  // "Ribble Valley"
#ifndef PSEPHOS_READERS_INTERNAL_COUNCIL_CODES_H_
#define PSEPHOS_READERS_INTERNAL_COUNCIL_CODES_H_

#include <string>
#include <string_view>

namespace psephos::internal {

// The GSS code of a council by its uk-election-ids slug; "" when not in the table.
std::string KnownCouncilGss(std::string_view slug);

// "ribble-valley" -> "Ribble Valley", "blackburn-with-darwen" -> "Blackburn with Darwen".
std::string CouncilNameFromSlug(std::string_view slug);

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_COUNCIL_CODES_H_
