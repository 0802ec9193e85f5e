#include "core/night.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <boost/container/small_vector.hpp>

#include "core/ward_count.h"

namespace psephos {

namespace {

Error BallotError(const Declaration& d, std::string field, std::string message) {
  return MakeError(std::move(message), std::move(field), d.ballot_id.str());
}

// A ward named twice in one batch: the second place is the error.
Error TwiceInBatch(const Declaration& d) {
  return WithKind(
      BallotError(d, "ward", "ward '" + d.ward + "' of '" + d.council + "' appears twice in one batch"),
      ErrorKind::kConflict);
}

// A batch this big (a night read whole: psephos outcomes) is checked, and if new applied, on two
// threads when the night has them (NightOptions::run_both); a live declaration, a batch of one,
// never is, nor the 1x night (2,933), where a thread cost more than it saved (bench/ab.py).
// Checked (and so applied) a block at a time, whatever its size.
constexpr size_t kTwoThreadBatch = 16384;
constexpr size_t kCheckBlock = 16384;
// How far ahead of the declaration taken the check of a ward twice fetches its index slot: some
// hundreds of cycles of other work, the time a cache miss takes.
constexpr size_t kLookAhead = 8;

uint64_t WardHash(const Declaration& d) {
  const std::hash<std::string_view> hash;
  return hash(d.council) * 31 + hash(d.ward);
}

// The batch's check of a ward twice: false when batch[position]'s ward is one before it.
// `pending` indexes the declarations before it by council and ward (and takes this one); `hash`
// is the declaration's WardHash.
bool FirstInBatch(const std::vector<Declaration>& batch, size_t position, uint64_t hash, PositionIndex& pending) {
  const Declaration& d = batch[position];
  auto same_ward = [&](size_t p) { return batch[p].council == d.council && batch[p].ward == d.ward; };
  return pending.FindOrAdd(hash, position, same_ward) == position;
}

std::optional<CouncilType> TypeFromGss(std::string_view gss) {
  if (gss.starts_with("E09")) return CouncilType::kLondonBorough;
  if (gss.starts_with("E08")) return CouncilType::kMetropolitanBorough;
  if (gss.starts_with("E07")) return CouncilType::kNonMetropolitanDistrict;
  if (gss.starts_with("E06") || gss.starts_with("W06") || gss.starts_with("S12")) return CouncilType::kUnitary;
  return std::nullopt;
}

}  // namespace

Night::Night(Election election, PartyRegistry registry, NightOptions options)
    : election_(std::move(election)), registry_(std::move(registry)), options_(options) {}

Result<Night> Night::Create(Election election, PartyRegistry registry, NightOptions options) {
  StringSet ward_gss;  // hashed: 2.9 million wards at 1000x
  StringSet council_ids;
  // A seat's party is mostly the seat's before: the one last found in the registry is not
  // looked up again (a 1000x night has 8.8 million of them).
  std::string_view known_party;
  auto unknown_party = [&](std::string_view key) {
    if ((!known_party.empty() && key == known_party) || key.starts_with("IND:")) return false;
    if (!registry.Find(key)) return true;
    known_party = key;
    return false;
  };
  for (const Council& c : election.councils) {
    std::string where = "councils." + c.id;
    if (c.id.empty()) return MakeError("a council needs an id", "councils[].id");
    if (!council_ids.insert(c.id).second) return MakeError("council id appears twice", where);
    // The council's wards by id hash and position, as the night's ward index keeps them: no copy
    // of an id, nor a node, a ward. Where a ward is named comes only with an error.
    PositionIndex ward_ids;
    ward_ids.Reserve(c.wards.size());
    int seats = c.vacant_not_up;
    for (const auto& [key, n] : c.not_up) {
      if (n < 0) return MakeError("negative seats not up for " + key, where + ".not_up");
      if (unknown_party(key)) return MakeError("unknown party id '" + key + "'", where + ".not_up");
      seats += n;
    }
    for (size_t i = 0; i < c.wards.size(); ++i) {
      const Ward& w = c.wards[i];
      auto ward_where = [&](std::string_view field) { return where + ".wards." + w.id + std::string(field); };
      if (w.id.empty()) return MakeError("a ward needs an id", where + ".wards");
      if (ward_ids.FindOrAdd(std::hash<std::string_view>{}(w.id.view()), i,
                             [&](size_t p) { return c.wards[p].id == w.id; }) != i)
        return MakeError("ward id appears twice", ward_where(""));
      if (!w.gss.empty() && !ward_gss.insert(w.gss.str()).second)
        return MakeError("ward GSS code " + w.gss + " is in two councils or twice in one", ward_where(".gss"));
      if (w.seats_up.empty()) return MakeError("a ward must have at least one seat up", ward_where(".seats_up"));
      for (const SeatUp& s : w.seats_up)
        for (const OptionalShortString* key : {&s.defending, &s.last_won})
          if (*key && unknown_party(**key))
            return MakeError("unknown party id '" + **key + "'", ward_where(".seats_up"));
      seats += static_cast<int>(w.seats_up.size());
    }
    if (seats != c.total_seats)
      return MakeError("seats not up (" + std::to_string(seats - c.SeatsUp()) + ") and seats up (" +
                           std::to_string(c.SeatsUp()) + ") make " + std::to_string(seats) +
                           ", but the council has " + std::to_string(c.total_seats),
                       where + ".seats");
  }
  Night night(std::move(election), std::move(registry), options);
  for (size_t i = 0; i < night.election_.councils.size(); ++i) {
    const Council& c = night.election_.councils[i];
    CouncilState& state = night.councils_[c.id];
    state.index = i;
    // Each council is decided (and its ward index kept) from here, so that even its first
    // declaration on the night follows ward by ward rather than working out the whole council
    // (the slowest 5% of declarations in the incremental benchmark, which set its p99).
    night.DecideWhole(state);
    // A council with no seats up is settled before the night starts; it has no headline.
  }
  return night;
}

Night::CouncilState* Night::StateOf(std::string_view council_id) {
  auto it = councils_.find(council_id);
  return it == councils_.end() ? nullptr : &it->second;
}

const Night::CouncilState* Night::StateOf(std::string_view council_id) const {
  auto it = councils_.find(council_id);
  return it == councils_.end() ? nullptr : &it->second;
}

const Council* Night::FindCouncil(std::string_view id) const {
  const CouncilState* state = StateOf(id);
  return state ? &election_.councils[state->index] : nullptr;
}

const CouncilOutcome* Night::Outcome(std::string_view council_id) const {
  const CouncilState* state = StateOf(council_id);
  return state ? &state->outcome : nullptr;
}

const DeclaredWards* Night::Declared(std::string_view council_id) const {
  const CouncilState* state = StateOf(council_id);
  return state ? &state->declared : nullptr;
}

Status Night::CheckPlace(Declaration& d, const CouncilState*& state) const {
  state = nullptr;
  if (d.council.empty()) return BallotError(d, "council", "a declaration needs a council");
  if (d.ward.empty()) d.ward = Slugify(d.ward_name);
  if (d.ward.empty()) return BallotError(d, "ward", "a declaration needs a ward");
  if (d.ballot_id.empty()) d.ballot_id = BallotId(d.council, d.ward, election_.date);

  state = StateOf(d.council);
  const Council* council = state ? &election_.councils[state->index] : nullptr;
  if (!council && !options_.infer_councils)
    return WithKind(BallotError(d, "council", "unknown council '" + d.council + "'"), ErrorKind::kNotFound);
  if (council && council->has_baseline) {
    const Ward* ward = FindWard(*council, *state, d.ward);
    if (!ward && !d.ward_gss.empty())
      for (const Ward& w : council->wards)
        if (w.gss == d.ward_gss) ward = &w;
    if (!ward)
      return WithKind(BallotError(d, "ward", "council '" + d.council + "' has no ward '" + d.ward + "'"),
                      ErrorKind::kNotFound);
    d.ward = ward->id;
    if (static_cast<size_t>(d.seats) != ward->seats_up.size())
      return BallotError(d, "seats", "declares " + std::to_string(d.seats) + " seats, but ward '" +
                                         ward->id + "' has " + std::to_string(ward->seats_up.size()) + " up");
  }
  return {};
}

Result<WardCount> Night::CheckRest(const Declaration& d, const CouncilState* state, Revision revision) const {
  const bool declared = state && state->declared.contains(d.ward);
  if (revision == Revision::kNew && declared)
    return WithKind(BallotError(d, "ward", "ward '" + d.ward + "' of '" + d.council +
                                               "' is already declared (send a correction for a recount)"),
                    ErrorKind::kConflict);
  if (revision == Revision::kCorrection && !declared)
    return WithKind(BallotError(d, "ward", "a correction for ward '" + d.ward + "' of '" + d.council +
                                               "', which has not been declared"),
                    ErrorKind::kConflict);
  for (size_t i = 0; i < d.candidates.size(); ++i)
    if (!registry_.Find(d.candidates[i].party))
      return BallotError(d, "candidates[" + std::to_string(i) + "].party",
                         "unknown party id '" + d.candidates[i].party + "'");
  return CountWard(d);
}

Council& Night::InferCouncil(const Declaration& d) {
  if (const CouncilState* state = StateOf(d.council)) return election_.councils[state->index];
  Council c;
  c.id = d.council;
  c.name = d.council_name.empty() ? d.council : d.council_name;
  c.gss = d.council_gss;
  c.type = TypeFromGss(d.council_gss).value_or(CouncilType::kNonMetropolitanDistrict);
  if (c.type == CouncilType::kLondonBorough) c.region = "London";
  c.cycle = ElectoralCycle::kAllOut;
  c.has_baseline = false;
  councils_[c.id].index = election_.councils.size();  // no ward index: decided whole by Redecide
  election_.councils.push_back(std::move(c));
  return election_.councils.back();
}

bool Night::ApplyOne(Declaration& d, WardCount count) {
  // A council with no baseline grows with its declarations: its seats are the declared ones.
  CouncilState* found = StateOf(d.council);
  if (!found || !election_.councils[found->index].has_baseline) {
    Council& c = InferCouncil(d);
    found = StateOf(c.id);
    if (!c.FindWard(d.ward)) {
      c.wards.push_back(Ward{d.ward.str(), d.ward_gss.str(), d.ward_name.str(), CompactVector<SeatUp>(static_cast<size_t>(d.seats))});
      c.total_seats += d.seats;
      found->ward_index.reset();
    }
  }
  return ApplyTo(*found, d, std::move(count));
}

bool Night::ApplyTo(CouncilState& state, Declaration& d, WardCount count) {
  if (WardResult* previous = state.declared.FindMutable(d.ward)) {
    // A correction: the new result takes the old one's place, in the order of declaration and
    // where it is stored. Every declared ward's declaration is one the night holds in batches_,
    // so it may be written through the outcome's pointer (which is const for everyone else);
    // searching a list of them for it was a pass over the whole night a correction. The
    // declaration moved in has the same ward id, so the result keeps its place.
    Follow(state, *previous, -1);
    *const_cast<Declaration*>(previous->declaration) = std::move(d);
    previous->count = std::move(count);
    Follow(state, *previous, +1);
    return false;
  }
  // Room for all the council's wards at its first: grown by doubling, a night's blocks held a
  // fifth more than their wards. Made here rather than with the night, so that a batch's counts
  // are freed as these are made, not all held beside them (BENCHMARKS.md, Memory).
  if (state.declared.empty()) state.declared.Reserve(election_.councils[state.index].wards.size());
  const WardResult& result = state.declared.Insert(WardResult{&d, std::move(count)});
  Follow(state, result, +1);
  return true;
}

const Ward* Night::FindWard(const Council& council, const CouncilState& state, std::string_view ward_id) const {
  if (!state.ward_index) return council.FindWard(ward_id);  // its setup has just changed
  auto index = state.ward_index->Find(council.wards, ward_id);
  return index ? &council.wards[*index] : nullptr;
}

void Night::Follow(CouncilState& state, const WardResult& result, int sign) {
  if (!state.ward_index) return;  // Redecide works it out whole
  const Council& council = election_.councils[state.index];
  auto ward = state.ward_index->Find(council.wards, result.declaration->ward);
  if (!ward) return;
  AddWard(state.outcome, state.touches, council, council.wards[*ward], result, registry_, sign);
}

void Night::DecideWhole(CouncilState& state) {
  const Council& council = election_.councils[state.index];
  CouncilStart start = StartCouncil(council);
  state.outcome = DecideCouncil(council, start, state.declared, registry_, &state.touches);
  state.ward_index = std::move(start.ward_index);
}

void Night::Redecide(const std::string& council_id) {
  CouncilState& state = *StateOf(council_id);
  if (state.ward_index) SettleControl(state.outcome);  // the wards are in already (Follow)
  else DecideWhole(state);  // its setup changed (or it was inferred): whole, from a new start
  // The flag answers "already in the headline order?" without a walk of the order, so a
  // declaration costs the same at 150 councils as at 150,000 (scripts/bench incremental).
  if (state.outcome.control.settled && !state.in_news) {
    news_order_.push_back(council_id);
    state.in_news = true;
  }
  // A withdrawal or a recount can unsettle a call: it leaves the headlines until settled again.
  if (!state.outcome.control.settled && state.in_news) {
    news_order_.erase(std::find(news_order_.begin(), news_order_.end(), council_id));
    state.in_news = false;
  }
}

Result<CheckedBatch> Night::Check(std::vector<Declaration> declarations, Revision revision) const {
  CheckedBatch batch;
  batch.revision = revision;
  batch.counts.Reserve(declarations.size());
  // The batch's wards by council and ward, to catch a ward twice in it. Hashed: a whole night in
  // one batch (psephos outcomes at 1000x: 2.9 million wards) made an ordered set's string
  // compares a tenth of checking it, and a hash set of "council/ward" strings was some 260 MB of
  // it. A live declaration, a batch of one, makes none.
  std::optional<PositionIndex> pending;
  if (declarations.size() > 1) pending.emplace().Reserve(declarations.size());
  // Each declaration's own checks (CheckPlace, then CheckRest), which read the night and write
  // only the declaration (and its ward's hash for the next part), are made a block at a time, and
  // kept until taken in order with the
  // batch's check of a ward twice between the two: so the first error is the one a declaration
  // at a time meets, however the own checks were shared out. A big batch (a night read whole)
  // shares them between the two of options_.run_both; checking was a fifth of psephos outcomes
  // at 1000x.
  struct Own {
    Status place;
    std::optional<Result<WardCount>> rest;  // when the place is good
    uint64_t ward_hash = 0;                 // when the place is good, for `pending`
  };
  // In the object for a batch of one: a live declaration allocates nothing for it.
  boost::container::small_vector<Own, 1> own(std::min(declarations.size(), kCheckBlock));
  auto check_own = [&](size_t first, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      Own& o = own[i - first];
      const CouncilState* state = nullptr;
      o.place = CheckPlace(declarations[i], state);
      o.rest.reset();
      if (!o.place) continue;
      o.rest.emplace(CheckRest(declarations[i], state, revision));
      if (pending) o.ward_hash = WardHash(declarations[i]);
    }
  };
  const bool shared = options_.run_both && declarations.size() >= kTwoThreadBatch;
  for (size_t first = 0; first < declarations.size(); first += kCheckBlock) {
    const size_t end = std::min(declarations.size(), first + kCheckBlock);
    const size_t half = first + (end - first) / 2;
    if (shared)
      options_.run_both([&] { check_own(first, first, half); }, [&] { check_own(first, half, end); });
    else
      check_own(first, first, end);
    for (size_t i = first; i < end; ++i) {
      Own& o = own[i - first];
      if (!o.place) return o.place.error();
      // The index's slot for a declaration a few ahead is fetched while this one is taken: at
      // 1000x the index is 67 MB, and a slot a declaration was a cache miss in a loop on one
      // thread, half of checking the night.
      if (pending && i + kLookAhead < end && own[i + kLookAhead - first].place)
        pending->Prefetch(own[i + kLookAhead - first].ward_hash);
      if (pending && !FirstInBatch(declarations, i, o.ward_hash, *pending)) return TwiceInBatch(declarations[i]);
      if (!*o.rest) return o.rest->error();
      batch.counts.Add(std::move(**o.rest));
    }
  }
  batch.declarations = std::move(declarations);
  return batch;
}

std::vector<std::string> Night::Apply(CheckedBatch batch) {
  std::vector<Declaration>& stored = batches_.emplace_back(std::move(batch.declarations));
  if (batch.revision == Revision::kNew)
    if (auto shared = ApplyShared(stored, batch.counts)) {
      for (const std::string& council : *shared) Redecide(council);
      return std::move(*shared);
    }
  std::vector<std::string> touched;
  // Each council touched once: found in `touched` itself while it is short (a live declaration
  // touches one), in a hash set past that: a whole night in one batch (psephos outcomes at 1000x:
  // 3 million wards, 150,000 councils) must not search the councils touched for every ward.
  StringSet seen;
  auto first_touch = [&](const std::string& council) {
    if (touched.size() < 16) return std::find(touched.begin(), touched.end(), council) == touched.end();
    if (seen.empty()) seen.insert(touched.begin(), touched.end());
    return seen.insert(council).second;
  };
  bool kept = false;
  for (size_t i = 0; i < stored.size(); ++i) {
    std::string council(stored[i].council);
    kept |= ApplyOne(stored[i], batch.counts.Take(i));
    if (first_touch(council)) touched.push_back(std::move(council));
  }
  // A batch of corrections moved each declaration into the place of the one it corrects: what
  // is left is empty, and kept it would grow the night by a batch a correction (the soak's
  // thousands of them).
  if (!kept) batches_.pop_back();
  for (const std::string& council : touched) Redecide(council);
  return touched;
}

std::optional<std::vector<std::string>> Night::ApplyShared(std::vector<Declaration>& stored, CheckedCounts& counts) {
  if (!options_.run_both || stored.size() < kTwoThreadBatch || election_.councils.size() > UINT32_MAX)
    return std::nullopt;
  // Each declaration's council, found once here (its index: half the room of a pointer, beside
  // a night at its peak). Two threads may then apply at once only if no declaration changes what
  // they share: the councils' map and setups (InferCouncil, or a council with no ward index,
  // decided whole).
  std::vector<CouncilState*> state_of(election_.councils.size());
  std::vector<uint32_t> council_of(stored.size());
  for (size_t i = 0; i < stored.size(); ++i) {
    CouncilState* state = StateOf(stored[i].council);
    if (!state || !state->ward_index || !election_.councils[state->index].has_baseline) return std::nullopt;
    state_of[state->index] = state;
    council_of[i] = static_cast<uint32_t>(state->index);
  }
  // A council's declarations go to one thread, in the batch's order; the councils' states are
  // each one thread's, and the registry and setups only read. A block at a time, like the check,
  // and each block's counts freed once both halves have taken them.
  auto apply_part = [&](size_t from, size_t to, uint32_t parity) {
    for (size_t i = from; i < to; ++i)
      if (council_of[i] % 2 == parity) ApplyTo(*state_of[council_of[i]], stored[i], std::move(counts.At(i)));
  };
  for (size_t first = 0; first < stored.size(); first += kCheckBlock) {
    const size_t end = std::min(stored.size(), first + kCheckBlock);
    options_.run_both([&] { apply_part(first, end, 0); }, [&] { apply_part(first, end, 1); });
    counts.FreeBefore(end);
  }
  std::vector<std::string> touched;
  std::vector<bool> seen(election_.councils.size());
  for (uint32_t council : council_of)
    if (!seen[council]) {
      seen[council] = true;
      touched.push_back(election_.councils[council].id);
    }
  return touched;
}

Status Night::ApplyAll(std::vector<Declaration> declarations, Revision revision) {
  auto batch = Check(std::move(declarations), revision);
  if (!batch) return batch.error();
  Apply(std::move(*batch));
  return {};
}

Status Night::Apply(Declaration declaration, Revision revision) {
  std::vector<Declaration> one;
  one.push_back(std::move(declaration));
  return ApplyAll(std::move(one), revision);
}

Status Night::CheckWithdrawal(std::string_view council_id, std::string_view ward_id) const {
  const CouncilState* state = StateOf(council_id);
  if (!state || !state->declared.contains(ward_id))
    return WithKind(MakeError("ward '" + std::string(ward_id) + "' of '" + std::string(council_id) +
                                  "' has not been declared, so there is nothing to withdraw",
                              "ward"),
                    ErrorKind::kConflict);
  return {};
}

void Night::EraseDeclaration(const Declaration* declaration) {
  // Every declared ward's declaration is one the night holds in batches_ (see ApplyOne).
  *const_cast<Declaration*>(declaration) = Declaration{};  // its place stays; what it held goes
}

void Night::Withdraw(std::string_view council_id, std::string_view ward_id) {
  CouncilState& state = *StateOf(council_id);
  auto ward = state.declared.find(ward_id);
  const int seats = ward->declaration->seats;
  const Declaration* declaration = ward->declaration;
  Follow(state, *ward, -1);
  state.declared.Erase(ward);  // before its declaration, which orders it, is cleared
  EraseDeclaration(declaration);
  Council& council = election_.councils[state.index];
  if (!council.has_baseline) {
    // An inferred council is made of its declarations: the ward goes with its declaration.
    std::erase_if(council.wards, [&](const Ward& w) { return w.id == ward_id; });
    council.total_seats -= seats;
    state.ward_index.reset();
  }
  Redecide(council.id);
}

Status Night::CheckCouncil(const Council& council) const {
  const Council* current = FindCouncil(council.id);
  if (!current)
    return WithKind(MakeError("unknown council '" + council.id + "'", "id"), ErrorKind::kNotFound);
  // The same checks as a night's setup, on this council alone.
  Election one;
  one.councils.push_back(council);
  auto alone = Create(std::move(one), registry_, options_);
  if (!alone) return alone.error();
  if (const CouncilState* state = StateOf(council.id)) {
    for (const WardResult& result : state->declared) {
      const std::string ward_id = result.declaration->ward.str();
      const Ward* ward = council.FindWard(ward_id);
      if (!ward)
        return WithKind(MakeError("ward '" + ward_id + "' is declared, but the new setup does not have it",
                                  "wards"),
                        ErrorKind::kConflict);
      if (static_cast<int>(ward->seats_up.size()) != result.declaration->seats)
        return WithKind(MakeError("ward '" + ward_id + "' is declared with " +
                                      std::to_string(result.declaration->seats) + " seats, but the new setup has " +
                                      std::to_string(ward->seats_up.size()) + " up",
                                  "wards." + ward_id + ".seats_up"),
                        ErrorKind::kConflict);
    }
  }
  return {};
}

void Night::ReplaceCouncil(Council council) {
  const std::string id = council.id;
  CouncilState& state = *StateOf(id);
  election_.councils[state.index] = std::move(council);
  state.ward_index.reset();
  Redecide(id);
}

Result<MayoralResult> Night::CheckMayor(std::string ballot_id, std::string area, SvContest contest,
                                        Revision revision) const {
  if (!ballot_id.starts_with("mayor."))
    return MakeError("a mayoral contest's id is mayor.<area>.<date>, not '" + ballot_id + "'", "ballot");
  if (area.empty()) return MakeError("a mayoral contest needs the area it is for", "area", ballot_id);
  const bool declared = FindMayor(ballot_id) != nullptr;
  if (revision == Revision::kNew && declared)
    return WithKind(MakeError("'" + ballot_id + "' is already declared (send a correction for a recount)", "ballot"),
                    ErrorKind::kConflict);
  if (revision == Revision::kCorrection && !declared)
    return WithKind(MakeError("a correction for '" + ballot_id + "', which has not been declared", "ballot"),
                    ErrorKind::kConflict);
  auto count = CountSupplementaryVote(contest);
  if (!count) {
    Error e = count.error();
    if (e.file.empty()) e.file = ballot_id;
    return e;
  }
  return MayoralResult{std::move(ballot_id), std::move(area), std::move(contest), std::move(*count)};
}

void Night::DeclareMayor(MayoralResult mayor) {
  for (MayoralResult& m : mayors_)
    if (m.ballot_id == mayor.ballot_id) {
      m = std::move(mayor);
      return;
    }
  news_order_.push_back(mayor.ballot_id);
  mayors_.push_back(std::move(mayor));
}

const MayoralResult* Night::FindMayor(std::string_view ballot_id) const {
  for (const MayoralResult& m : mayors_)
    if (m.ballot_id == ballot_id) return &m;
  return nullptr;
}

}  // namespace psephos
