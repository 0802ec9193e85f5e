// council_outcome.h
//
// What an election did to a council (DOMAIN.md, "A council"): its composition before and
// after, who controls it, the newsroom label ("NOC gain from Conservative") and the seat
// change, each against a named baseline. Pure: takes the council as set up before the night
// and the counted wards declared so far; works on a partly declared council too, where
// control is "settled" only once the undeclared seats can no longer change it.
//
//   DeclaredWards declared = ...;                        // by ward id: declaration + count
//   CouncilOutcome outcome = DecideCouncil(council, declared, registry);
//   outcome.Label(Baseline::kEveOfPoll, registry);       // "Conservative gain from NOC"
#ifndef PSEPHOS_CORE_COUNCIL_OUTCOME_H_
#define PSEPHOS_CORE_COUNCIL_OUTCOME_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/party.h"
#include "core/ward_count.h"

namespace psephos {

// Which "before" a change is measured against. Every figure says which.
enum class Baseline {
  kLastFought,  // the last time the same seats were fought (national tallies use this)
  kEveOfPoll,   // the composition just before polling day (news reports of control use this)
};
std::string_view ToString(Baseline baseline);  // "last-fought", "eve-of-poll"
std::optional<Baseline> ParseBaseline(std::string_view text);
// "since the seats were last fought", "since the eve of poll"
std::string_view Describe(Baseline baseline);

// Seats by control key (party id; each independent separate: party.h).
struct Composition {
  SeatsByKey seats;
  int vacant = 0;
  int unknown = 0;  // seats whose holder is not known (not declared, postponed, unresolved tie)

  int Total() const;
  int Of(std::string_view key) const;
  // The keys with the most seats (several when level); empty when no seat is held.
  std::vector<std::string> Largest() const;
  friend bool operator==(const Composition&, const Composition&) = default;
};

// Who controls a council. `party` is set when one party holds more than half of all seats;
// `settled` is false while undeclared seats could still change the answer.
struct Control {
  OptionalShortString party;  // none: no overall control (when settled)
  bool settled = false;

  bool IsNoc() const { return settled && !party; }
  friend bool operator==(const Control&, const Control&) = default;
};

// The control a composition gives, treating its unknown seats as still to be decided.
Control ControlOf(const Composition& composition);

struct WardResult {
  const Declaration* declaration = nullptr;
  WardCount count;
};

// A council's declared wards in ward id order, each found by its id. A result is ordered by its
// own declaration's ward id rather than a copy of it: the copy was 16 bytes a ward and a heap
// block for an id over 15 characters: the 1000x night's peak fell 2,374 -> 2,324 MiB
// (BENCHMARKS.md, Memory). So a declaration must keep its place and its ward id for as long as
// its result is held (Night keeps both). One sorted block, 64 bytes a ward (Night reserves a
// council's wards); an insertion moves the results after it, a council's handful, and a
// result's address holds only until the next insertion or erasure.
class DeclaredWards {
 public:
  using const_iterator = std::vector<WardResult>::const_iterator;

  const_iterator begin() const { return results_.begin(); }
  const_iterator end() const { return results_.end(); }
  size_t size() const { return results_.size(); }
  bool empty() const { return results_.empty(); }
  // The result for this ward id; end() when it is not declared.
  const_iterator find(std::string_view ward_id) const;
  bool contains(std::string_view ward_id) const { return find(ward_id) != end(); }

  // The result for this ward id, to be changed in place (its ward id may not change); nullptr
  // when it is not declared.
  WardResult* FindMutable(std::string_view ward_id);
  // Adds the result of a ward not declared yet (result.declaration is not null).
  const WardResult& Insert(WardResult result);
  void Erase(const_iterator position) { results_.erase(position); }
  void Reserve(size_t wards) { results_.reserve(wards); }

 private:
  std::vector<WardResult> results_;
};

struct CouncilOutcome {
  std::string council;  // slug
  int wards_total = 0;
  int wards_declared = 0;  // postponed polls count as declared (there is nothing to wait for)
  int wards_postponed = 0;
  int seats_up = 0;
  int seats_declared = 0;  // seats up in declared wards, filled or not

  Composition eve_of_poll;  // not up + defended + vacancies
  Composition last_fought;  // not up + the last winners of the seats up
  Composition after;        // not up + won now; undeclared seats unknown

  // Won at this election, by control key.
  SeatsByKey won;
  // Change in seats by totals group over the declared wards, against each baseline.
  SeatsByKey change_last_fought;
  SeatsByKey change_eve_of_poll;
  bool last_fought_known = true;  // false when some declared seat has no last winner

  Control before_eve_of_poll;
  Control before_last_fought;
  Control control;  // after

  bool has_baseline = true;

  friend bool operator==(const CouncilOutcome&, const CouncilOutcome&) = default;
  bool Complete() const { return wards_declared == wards_total; }
  int WardsLeft() const { return wards_total - wards_declared; }
  const Control& Before(Baseline baseline) const;
  const SeatsByKey& Change(Baseline baseline) const;
  // "Conservative hold", "Labour gain from NOC", "NOC gain from Conservative", "NOC hold";
  // "Labour control" / "NOC" with no baseline; "" while control is not settled.
  std::string Label(Baseline baseline, const PartyRegistry& registry) const;
  // The largest party or parties (control keys) after, by seats held.
  std::vector<std::string> LargestParties() const { return after.Largest(); }
};

// A council's wards by id: each ward's position in council.wards beside a hash of its id, sorted
// by hash for a binary search over integers, the id compared only where the hashes agree. Eight
// bytes a ward, where a hash map made a node and a copy of the id for each (some 72 bytes: 200 MB
// of the 1000x night); and a search that touches no ward but the one it finds (a search by the
// ids themselves compared five wards' strings a lookup). Made from, and asked with, the same
// council's wards.
class WardIndex {
 public:
  WardIndex() = default;
  explicit WardIndex(const std::vector<Ward>& wards);
  // The position in `wards` of the ward with this id; nullopt when there is none.
  std::optional<size_t> Find(const std::vector<Ward>& wards, std::string_view id) const;

 private:
  struct Entry {
    uint32_t hash;
    uint32_t position;
  };
  static uint32_t Hash(std::string_view id);
  std::vector<Entry> by_hash_;
};

// The part of a council's outcome that depends only on its setup: the compositions before,
// the seats up, and where each ward sits. Night works it out once a council, not at every
// declaration, so deciding a council costs its declared wards, not all its seats (the
// incremental benchmark: one declaration with every view updated).
struct CouncilStart {
  CouncilOutcome undeclared;  // the outcome while no ward is declared
  WardIndex ward_index;       // over council.wards
};
CouncilStart StartCouncil(const Council& council);

// What lets a council's outcome follow its wards one at a time (AddWard) and still equal
// DecideCouncil's to the last map key: how many contributions each key of the change maps has
// had (a key is in the map exactly while it has one), and how many declared wards have a seat
// whose last winner is not known.
struct OutcomeTouches {
  SeatsByKey change_last_fought;
  SeatsByKey change_eve_of_poll;
  int wards_without_last_winner = 0;
};

// Adds one declared ward's result to its council's outcome (sign +1), or takes it back (-1: the
// old result of a correction, a withdrawal), so a night updates a council by the ward that
// changed instead of deciding it whole. `ward` is the council's ward the result is for. Control
// is left as it was: SettleControl once the wards are in.
void AddWard(CouncilOutcome& outcome, OutcomeTouches& touches, const Council& council, const Ward& ward,
             const WardResult& result, const PartyRegistry& registry, int sign);
inline void SettleControl(CouncilOutcome& outcome) { outcome.control = ControlOf(outcome.after); }

// Decides a council from the wards declared so far (keyed by ward id; wards of the council
// not in the map are undeclared). Wards in the map that the council does not have are ignored:
// the caller (Night) rejects them before they get here. `start` is StartCouncil(council); the
// touches, for a caller that goes on with AddWard, are written to `touches` when given.
CouncilOutcome DecideCouncil(const Council& council, const CouncilStart& start,
                             const DeclaredWards& declared,
                             const PartyRegistry& registry, OutcomeTouches* touches = nullptr);
inline CouncilOutcome DecideCouncil(const Council& council,
                                    const DeclaredWards& declared,
                                    const PartyRegistry& registry) {
  return DecideCouncil(council, StartCouncil(council), declared, registry);
}

// "Trafford: NOC gain from Conservative, Labour the largest party"; in no overall control
// the largest party is named once the undeclared seats cannot change which it is; with calls
// made before the last ward declares, " (called with 3 wards to declare)" is added.
std::string Headline(const Council& council, const CouncilOutcome& outcome, Baseline baseline,
                     const PartyRegistry& registry);

}  // namespace psephos

#endif  // PSEPHOS_CORE_COUNCIL_OUTCOME_H_
