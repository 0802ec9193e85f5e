// council_builder.h
//
// Builds one council of the demo night: its wards and their members, the baseline known
// before the night (seats not up by party, and per seat up the party defending it and the
// party that won it last time), and one declaration per ward with candidates and votes.
// Times of declaration are left empty: the night (generator.cc) sets them.
//
//   CouncilPlan plan{.name = "Kelham Vale", .type = CouncilType::kUnitary, ...};
//   BuiltCouncil built = BuildCouncil(rng, plan);
//   built.council.wards.size() == built.declarations.size();   // same order
#ifndef PSEPHOS_DEMO_INTERNAL_COUNCIL_BUILDER_H_
#define PSEPHOS_DEMO_INTERNAL_COUNCIL_BUILDER_H_

#include <string>
#include <vector>

#include "core/model.h"
#include "demo/internal/random.h"

namespace psephos::demo_internal {

struct CouncilPlan {
  std::string name;
  CouncilType type = CouncilType::kNonMetropolitanDistrict;
  std::string region;
  ElectoralCycle cycle = ElectoralCycle::kAllOut;
  int size = 0;  // every seat on the council (the ward structure may round it)
  std::string date;
  // The rare cases the night guarantees, placed in this council (one ward each).
  bool force_uncontested = false;
  bool force_tie = false;
  bool force_postponed = false;
};

struct BuiltCouncil {
  Council council;
  std::vector<Declaration> declarations;  // one per ward, in ward order; declared_at empty
};

BuiltCouncil BuildCouncil(Rng& rng, const CouncilPlan& plan);

}  // namespace psephos::demo_internal

#endif  // PSEPHOS_DEMO_INTERNAL_COUNCIL_BUILDER_H_
