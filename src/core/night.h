// night.h
//
// Night: an election night's results so far. Holds the councils as set up before the night,
// the declarations applied, and each council's outcome. Applying a declaration checks it
// against the council's setup and counts it; only the council it touches is decided again.
// A batch is all-or-nothing: ApplyAll checks every declaration first and applies none if one
// is wrong.
//
//   Night night(std::move(election), std::move(registry));
//   Status s = night.ApplyAll(declarations);      // error names the ballot and field
//   const CouncilOutcome* o = night.Outcome("trafford");
//
// Pure: no I/O, no clock. The store and engine (later layers) drive it from the log.
#ifndef PSEPHOS_CORE_NIGHT_H_
#define PSEPHOS_CORE_NIGHT_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/council_outcome.h"
#include "core/error.h"
#include "core/model.h"
#include "core/party.h"

namespace psephos {

struct NightOptions {
  // Declarations for a council the night does not have create it, with no baseline: an
  // all-out council whose seats are the declared ones. For importing a past election's results
  // when no nominations data exist (London 2014). Off for a live night.
  bool infer_councils = false;
};

class Night {
 public:
  // Fails when the councils are inconsistent: a repeated council or ward id, a ward GSS code
  // in two councils, seats not adding up to the council's total.
  static Result<Night> Create(Election election, PartyRegistry registry, NightOptions options = {});

  // Checks and applies one declaration. Fails (and applies nothing) on: an unknown council or
  // ward (unless infer_councils), a ward declared twice, seats that differ from the seats up
  // in the ward, a party id the registry does not know, and every failure of CountWard.
  Status Apply(Declaration declaration);
  // All or nothing.
  Status ApplyAll(std::vector<Declaration> declarations);

  const Election& election() const { return election_; }
  const PartyRegistry& registry() const { return registry_; }
  const std::vector<Council>& councils() const { return election_.councils; }
  const Council* FindCouncil(std::string_view id) const;
  // The outcome of a council (nullptr when the id is unknown). Always current.
  const CouncilOutcome* Outcome(std::string_view council_id) const;
  // Declared wards of a council, keyed by ward id.
  const std::map<std::string, WardResult>* Declared(std::string_view council_id) const;
  // Councils in the order their control became settled (the headline order).
  const std::vector<std::string>& settled_order() const { return settled_order_; }
  // Declarations in the order applied.
  const std::vector<std::unique_ptr<Declaration>>& declarations() const { return declarations_; }

 private:
  Night(Election election, PartyRegistry registry, NightOptions options);
  // Checks a declaration against the night as it is plus `pending` (earlier declarations of
  // the same batch), filling in the ward id. Returns the count when it is good.
  Result<WardCount> Check(Declaration& declaration, const std::set<std::string>& pending) const;
  void ApplyChecked(Declaration declaration, WardCount count);
  Council& InferCouncil(const Declaration& declaration);

  Election election_;
  PartyRegistry registry_;
  NightOptions options_;
  std::map<std::string, size_t, std::less<>> council_index_;
  std::map<std::string, std::map<std::string, WardResult>, std::less<>> declared_;
  std::map<std::string, CouncilOutcome, std::less<>> outcomes_;
  std::vector<std::unique_ptr<Declaration>> declarations_;
  std::vector<std::string> settled_order_;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_NIGHT_H_
