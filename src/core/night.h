// night.h
//
// Night: an election night's results so far. Holds the councils as set up before the night,
// the declarations applied, and each council's outcome. Applying a declaration checks it
// against the council's setup and counts it; only the council it touches is decided again.
// A batch is all-or-nothing: ApplyAll checks every declaration first and applies none if one
// is wrong. A recount is a correction: it replaces a declared ward's result; a withdrawal
// takes a declaration back (declared in error); a council's setup (its eve-of-poll
// composition) can be replaced while the night runs.
//
//   Result<Night> night = Night::Create(std::move(election), std::move(registry));
//   Status s = night->ApplyAll(declarations);      // error names the ballot and field
//   const CouncilOutcome* o = night->Outcome("trafford");
//
// Callers that must record a change durably before applying it (engine/) split each change
// in two: Check (const; fails with nothing changed) and Apply (cannot fail), with nothing
// else applied between the two.
//
// Pure: no I/O, no clock.
#ifndef PSEPHOS_CORE_NIGHT_H_
#define PSEPHOS_CORE_NIGHT_H_

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/council_outcome.h"
#include "core/error.h"
#include "core/mayor.h"
#include "core/model.h"
#include "core/party.h"
#include "core/position_index.h"
#include "core/string_map.h"

namespace psephos {

// Whether a batch declares wards for the first time or corrects declared ones (a recount).
enum class Revision { kNew, kCorrection };

// A checked batch's ward counts, in order, taken out in that order (Take), or, by two threads at
// once, out of order (At, then FreeBefore). They are held in blocks of up to 4,096, and a block
// is freed once its last count is taken, so that Apply frees a batch's
// counts as it moves them into the night: held in one vector, a whole night's (162 MB at 1000x)
// stayed allocated beside the night's own until the last ward was in, at the peak. A block of its
// own a count was freed as well, but the 1000x peak was 22 MiB higher (a pointer a count, and
// holes among the small blocks), and a deque made and moved a live declaration's batch of one
// at 2% of its cost.
class CheckedCounts {
 public:
  // Room for `n` counts: the blocks are made no larger than the counts still to come.
  void Reserve(size_t n) {
    blocks_.reserve((n + kBlock - 1) / kBlock);
    expected_ = n;
  }
  void Add(WardCount count) {
    if (blocks_.empty() || blocks_.back().size() == kBlock) {
      blocks_.emplace_back().reserve(std::clamp<size_t>(expected_ - std::min(expected_, size_), 1, kBlock));
    }
    blocks_.back().push_back(std::move(count));
    ++size_;
  }
  size_t size() const { return size_; }
  // Count i, moved out. Counts are taken in order, each once.
  WardCount Take(size_t i) {
    WardCount count = std::move(At(i));
    if (i % kBlock + 1 == blocks_[i / kBlock].size()) std::vector<WardCount>().swap(blocks_[i / kBlock]);
    return count;
  }
  // For counts taken out of order (by two threads at once): count i, to be moved out, its block
  // freed only by FreeBefore.
  WardCount& At(size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  // Frees the blocks whose counts all lie before `end`, all of them taken.
  void FreeBefore(size_t end) {
    for (; freed_ < end / kBlock && freed_ < blocks_.size(); ++freed_) std::vector<WardCount>().swap(blocks_[freed_]);
  }

 private:
  static constexpr size_t kBlock = 4096;
  std::vector<std::vector<WardCount>> blocks_;
  size_t size_ = 0;
  size_t expected_ = 0;
  size_t freed_ = 0;  // blocks freed by FreeBefore, from the first
};

// A batch of declarations that passed Night::Check: ward ids filled in, each ward counted.
struct CheckedBatch {
  Revision revision = Revision::kNew;
  std::vector<Declaration> declarations;
  CheckedCounts counts;  // declarations[i]'s is counts.Take(i) (or counts.At(i))
};

// Runs both functions and returns once both are done, on two threads or one after the other;
// what either throws, it throws. core/, publish/ and server/ start no thread of their own for
// their work: a program that has two cores to give hands one in (psephos outcomes and psephos
// serve: RunOnTwoThreads, cli/night_input.h).
using RunBoth = std::function<void(const std::function<void()>&, const std::function<void()>&)>;

struct NightOptions {
  // Declarations for a council the night does not have create it, with no baseline: an
  // all-out council whose seats are the declared ones. For importing a past election's results
  // when no nominations data exist (London 2014). Off for a live night.
  bool infer_councils = false;
  // Given, a batch of 16,384 declarations or more (a night read whole) has each block's own
  // checks shared between the two (Check), and, when its wards are new and every council is set
  // up, is applied in two halves, a council's wards all in one (Apply).
  RunBoth run_both = {};
};

class Night {
 public:
  // Fails when the councils are inconsistent: a repeated council or ward id, a ward GSS code
  // in two councils, seats not adding up to the council's total.
  static Result<Night> Create(Election election, PartyRegistry registry, NightOptions options = {});
  // Moved, never copied: its results point at its own declarations.
  Night(Night&&) = default;
  Night& operator=(Night&&) = default;
  Night(const Night&) = delete;
  Night& operator=(const Night&) = delete;

  // Checks a batch against the night as it is. Fails (and changes nothing) on: an unknown
  // council or ward (unless infer_councils; ErrorKind::kNotFound), a ward declared twice, or a
  // correction of a ward not declared (ErrorKind::kConflict), seats that differ from the seats
  // up in the ward, a party id the registry does not know, and every failure of CountWard.
  Result<CheckedBatch> Check(std::vector<Declaration> declarations, Revision revision) const;
  // Applies a batch checked against the night as it is now. Returns the councils touched.
  std::vector<std::string> Apply(CheckedBatch batch);
  // Check, then Apply: all or nothing.
  Status ApplyAll(std::vector<Declaration> declarations, Revision revision = Revision::kNew);
  Status Apply(Declaration declaration, Revision revision = Revision::kNew);

  // Takes back a ward's declaration (declared in error): the ward is undeclared again.
  Status CheckWithdrawal(std::string_view council_id, std::string_view ward_id) const;
  void Withdraw(std::string_view council_id, std::string_view ward_id);

  // Replaces a council's setup (seats not up, seats up and who defends them): the eve-of-poll
  // composition as it stands. Its declared wards must still be wards of it with the same seats.
  Status CheckCouncil(const Council& council) const;
  void ReplaceCouncil(Council council);

  const Election& election() const { return election_; }
  const PartyRegistry& registry() const { return registry_; }
  const std::vector<Council>& councils() const { return election_.councils; }
  const Council* FindCouncil(std::string_view id) const;
  // The outcome of a council (nullptr when the id is unknown). Always current.
  const CouncilOutcome* Outcome(std::string_view council_id) const;
  // Declared wards of a council, keyed by ward id (empty when none); nullptr for an unknown council.
  const DeclaredWards* Declared(std::string_view council_id) const;
  // The headline order: councils (by id) in the order their control became settled, and
  // mayoral contests (by ballot id, "mayor.<area>.<date>") in the order they were declared.
  const std::vector<std::string>& news_order() const { return news_order_; }

  // A directly elected mayor: a result of its own beside the councils. Counted by the
  // supplementary vote (core/supplementary_vote.h); a second declaration of one contest is a
  // correction and replaces the first (revision kCorrection), keeping its place in the news.
  Result<MayoralResult> CheckMayor(std::string ballot_id, std::string area, SvContest contest,
                                   Revision revision) const;
  void DeclareMayor(MayoralResult mayor);
  const std::vector<MayoralResult>& mayors() const { return mayors_; }
  const MayoralResult* FindMayor(std::string_view ballot_id) const;
  // The declarations applied, in order (a correction in the place of the one it corrects), as
  // `const Declaration*`: read where the night keeps them, with no list of its own (a pointer a
  // ward was 23 MB of the 1000x night), passing over the places of withdrawn ones.
  class Declarations {
   public:
    class Iterator {
     public:
      using Batches = std::deque<std::vector<Declaration>>;
      using iterator_category = std::forward_iterator_tag;
      using value_type = const Declaration*;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = const Declaration*;
      Iterator(const Batches* batches, size_t batch, size_t i) : batches_(batches), batch_(batch), i_(i) { Settle(); }
      const Declaration* operator*() const { return &(*batches_)[batch_][i_]; }
      Iterator& operator++() {
        ++i_;
        Settle();
        return *this;
      }
      Iterator operator++(int) {
        Iterator was = *this;
        ++*this;
        return was;
      }
      bool operator==(const Iterator& other) const { return batch_ == other.batch_ && i_ == other.i_; }

     private:
      // On to the next place that holds a declaration, or to the end ({batches, 0}).
      void Settle() {
        for (; batch_ < batches_->size(); ++batch_, i_ = 0) {
          const std::vector<Declaration>& batch = (*batches_)[batch_];
          while (i_ < batch.size() && Withdrawn(batch[i_])) ++i_;
          if (i_ < batch.size()) return;
        }
      }
      const Batches* batches_;
      size_t batch_, i_;
    };
    explicit Declarations(const Iterator::Batches& batches) : batches_(batches) {}
    Iterator begin() const { return {&batches_, 0, 0}; }
    Iterator end() const { return {&batches_, batches_.size(), 0}; }
    // Counted as they are read: a pass over the night.
    size_t size() const { return static_cast<size_t>(std::distance(begin(), end())); }
    bool empty() const { return begin() == end(); }

   private:
    const Iterator::Batches& batches_;
  };
  Declarations declarations() const { return Declarations(batches_); }

 private:
  Night(Election election, PartyRegistry registry, NightOptions options);
  struct CouncilState;
  // A declaration's own checks, which read no other declaration of the batch: its council, ward
  // and seats (filling in the ward id), then, after the batch's check of a ward twice, the rest
  // and the count. CheckPlace gives the council's state it found (null for a council the night
  // does not have yet) to CheckRest, which would otherwise look it up again.
  Status CheckPlace(Declaration& d, const CouncilState*& state) const;
  Result<WardCount> CheckRest(const Declaration& d, const CouncilState* state, Revision revision) const;
  // Applies a declaration where it is stored (in batches_). True when it stays there (a ward
  // declared for the first time); false when, correcting a declared ward, it was moved into the
  // place of the declaration it corrects.
  bool ApplyOne(Declaration& declaration, WardCount count);
  // The same for a declaration whose council is `state`, set up with a baseline and following
  // ward by ward: it changes that council's state alone.
  bool ApplyTo(CouncilState& state, Declaration& declaration, WardCount count);
  // Applies a big batch of new wards in two halves at once (NightOptions::run_both), each taking
  // the councils of one parity of their index, when every council is set up and following; the
  // councils it touched, in the order first touched, or nullopt (nothing applied) otherwise.
  std::optional<std::vector<std::string>> ApplyShared(std::vector<Declaration>& stored, CheckedCounts& counts);
  Council& InferCouncil(const Declaration& declaration);
  // What the night keeps of a council beside its setup (election_.councils[index]). While it
  // has its start's ward index, its outcome is current and follows ward by ward (Follow, keeping
  // the touches that make that equal to deciding it whole); the index is dropped when the
  // council's setup changes, and Redecide then works the council out whole from a new start.
  // Of the start only the index is kept: its outcome with no ward declared is needed once.
  struct CouncilState {
    size_t index = 0;
    DeclaredWards declared;  // by ward id
    CouncilOutcome outcome;
    std::optional<WardIndex> ward_index;
    OutcomeTouches touches;
    bool in_news = false;  // in news_order_
  };
  CouncilState* StateOf(std::string_view council_id);
  const CouncilState* StateOf(std::string_view council_id) const;
  // Works the council out whole, from a start made from its setup and the wards declared, and
  // keeps the start's ward index.
  void DecideWhole(CouncilState& state);
  // The council's ward with this id, by its ward index (a walk of its wards when the index is
  // not made yet); nullptr when it has none. `state` is the council's.
  const Ward* FindWard(const Council& council, const CouncilState& state, std::string_view ward_id) const;
  // Adds a declared ward's result to its council's outcome, or takes it back (sign -1), when
  // the outcome is following ward by ward; otherwise Redecide decides the council whole.
  void Follow(CouncilState& state, const WardResult& result, int sign);
  // Settles the council's control (deciding it whole when its setup changed) and keeps the
  // headline order true.
  void Redecide(const std::string& council_id);
  // Empties a withdrawn declaration's place in batches_.
  void EraseDeclaration(const Declaration* declaration);

  Election election_;
  PartyRegistry registry_;
  NightOptions options_;
  // Hashed by council id, looked up by string_view: a declaration's cost must not grow with
  // the number of councils (scripts/bench incremental); one record a council, so a declaration
  // finds all it changes with one lookup.
  StringMap<CouncilState> councils_;
  // Each applied batch's declarations stay where the batch held them (a vector moved keeps its
  // elements in place), so that applying a batch moves no declaration and makes none anew:
  // a whole night's 2.9 million at 1000x, and one on every live declaration. A deque, so that
  // a new batch moves none of those before it: as a vector, growing at the 1,024th, 2,048th...
  // batch moved every one, and those declarations were the slowest 1% (BENCHMARKS.md).
  // A withdrawn declaration's place stays, emptied (Withdrawn); a correction's batch, each of
  // its declarations moved into the place of the one it corrects, is not kept.
  std::deque<std::vector<Declaration>> batches_;
  // A place in batches_ whose declaration was withdrawn: emptied, so it has no council.
  static bool Withdrawn(const Declaration& place) { return place.council.empty(); }
  std::vector<std::string> news_order_;
  std::vector<MayoralResult> mayors_;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_NIGHT_H_
