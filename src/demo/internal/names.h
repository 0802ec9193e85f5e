// names.h
//
// Made-up names for the demo night: places (councils and wards) built from English
// place-name parts ("Ash" + "bridge", "Kelham Vale", "North Thornwold"), and people (a first
// name and a surname). None is meant to be a real council or person; a clash with a real
// place is a coincidence of the word lists. Callers make names unique where they must be.
//
//   Rng rng(seed);
//   std::string council = CouncilName(rng);              // "Kelham Vale"
//   std::string ward = WardName(rng, "Kelham Vale");     // "Kelham North", "Abbey", ...
//   PersonName person = MakePersonName(rng);             // {"Priya", "Hollins"}
#ifndef PSEPHOS_DEMO_INTERNAL_NAMES_H_
#define PSEPHOS_DEMO_INTERNAL_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "demo/internal/random.h"

namespace psephos::demo_internal {

// A town or district name.
std::string CouncilName(Rng& rng);
// A ward name; sometimes built on the council's own name ("Ashbridge Central").
std::string WardName(Rng& rng, std::string_view council_name);

struct PersonName {
  std::string first;
  std::string last;
  std::string Full() const { return first + " " + last; }
};
PersonName MakePersonName(Rng& rng);

// Minor parties that stood here and there in England in 2018 (ids from data/parties.csv).
const std::vector<std::string>& MinorPartyIds();

}  // namespace psephos::demo_internal

#endif  // PSEPHOS_DEMO_INTERNAL_NAMES_H_
