// engine.h
//
// Engine: the live night. It takes writes (declarations, corrections after a recount,
// withdrawals, a council's new setup), records each one durably in the results log before
// applying it, keeps the derived views up to date incrementally (a ward declared touches its
// council and the party tallies, nothing else), and tells subscribers what changed as a Delta
// carrying the log's sequence number. Opening an engine on a log that has entries folds them,
// so a restart gives the same night, and the same deltas, as before.
//
//   auto log = OpenSqliteLog("night.db");
//   auto engine = Engine::Open(std::move(*log), &election_setup, DefaultPartyRegistry(), {},
//                              [](const Delta& d, const Engine& e) { ... });
//   Result<Receipt> r = (*engine)->Declare({declaration}, Revision::kNew, Writer{"http", "desk-1"});
//   StateOfParties s = (*engine)->Parties(CouncilFilter{}, Baseline::kEveOfPoll);
//
// Single-threaded by design: the server calls it from one thread, so every read sees the night
// as of one sequence number and responses are a function of the log alone.
//
// Several engines (one a server) may share a log (PostgreSQL). Each follows it with CatchUp(),
// which folds what the others appended and tells listeners as for its own writes. A write is
// checked against this engine's night and logged only if no one appended since; otherwise the
// engine catches up and checks again, so a ward declared through another server first is
// refused here as it would be there.
#ifndef PSEPHOS_ENGINE_ENGINE_H_
#define PSEPHOS_ENGINE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/night.h"
#include "core/state_of_parties.h"
#include "core/string_map.h"
#include "readers/night_json.h"
#include "store/results_log.h"

namespace psephos {

// Who is writing: the channel and the name of the writer (a token's name, "replay").
struct Writer {
  std::string source;
  std::string author;
};

// What one log entry changed.
struct Delta {
  int64_t seq = 0;
  EntryKind kind = EntryKind::kDeclaration;
  std::string recorded_at;
  std::string author;
  std::string council;  // the council touched; "" for the setup
  std::string ward;     // the ward touched; "" for the setup and a council's setup
  std::string mayor;    // the mayoral contest declared (its ballot id); "" otherwise
  // The council's control, its settledness or its label changed, or a mayor was declared:
  // its headline is news.
  bool council_decided = false;
};

// What a write was given in the log: entries first_seq..last_seq.
struct Receipt {
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  std::vector<std::string> councils;
};

struct EngineOptions {
  // The time an entry is recorded, as ISO 8601 UTC; the system clock when empty. Tests fix it.
  std::function<std::string()> clock;
  NightOptions night;
};

class Engine {
 public:
  // Hears each delta with the engine as it stands just after the entry was applied.
  using Listener = std::function<void(const Delta&, const Engine&)>;

  // Opens the night in `log`. A log with entries is folded: its first entry must be a setup,
  // and every later entry must apply (an error names the log and the entry's seq). An empty
  // log needs `setup`, which is written as entry 1. `listener` hears every delta, those of the
  // fold included, so that what it derives is the same after a restart.
  static Result<std::unique_ptr<Engine>> Open(std::unique_ptr<ResultsLog> log, const Election* setup,
                                              PartyRegistry registry, EngineOptions options = {},
                                              Listener listener = {});

  // Writes. Each checks everything first (nothing is logged or applied on error), then logs
  // all of its entries in one durable transaction, then applies them. A batch of declarations
  // is one entry a ward. The error's kind says why it failed (ErrorKind).
  Result<Receipt> Declare(std::vector<Declaration> declarations, Revision revision, const Writer& writer);
  Result<Receipt> Withdraw(const std::string& council, const std::string& ward, const Writer& writer);
  Result<Receipt> ReplaceCouncil(Council council, const Writer& writer);
  // A mayoral contest's result (kCorrection replaces one declared before).
  Result<Receipt> DeclareMayor(MayoralDeclaration mayor, Revision revision, const Writer& writer);

  // Folds the entries after seq() that other writers appended, each heard by listeners as a
  // local write is. Returns how many. Fails when the log cannot be read (try again later) or an
  // entry does not apply (the error names it; the entries before it stay applied).
  Result<size_t> CatchUp();

  void AddListener(Listener listener) { listeners_.push_back(std::move(listener)); }

  const Night& night() const { return *night_; }
  const ResultsLog& log() const { return *log_; }
  // The seq of the last entry applied: the night as of this entry is what every view shows.
  int64_t seq() const { return seq_; }
  // The state of the parties. Kept up to date for all councils, London, each region and each
  // council type under both baselines; any other filter is tallied on demand.
  StateOfParties Parties(const CouncilFilter& filter, Baseline baseline) const;
  // The seq of the last entry that touched a council (0: none yet).
  int64_t ChangedAt(const std::string& council) const;
  // Declared already (so a replay skips it)?
  bool IsDeclared(std::string_view council, std::string_view ward) const;

 private:
  Engine(std::unique_ptr<ResultsLog> log, EngineOptions options);
  Status Fold();
  Status StartTallies();
  // What one entry does to one council, decoded and checked against the night as it is:
  // a declaration or correction (batch), a council's new setup (setup), or else a withdrawal.
  struct Change {
    std::string council;
    std::string ward;
    std::optional<CheckedBatch> batch;
    std::optional<Council> setup;
  };
  // What a write logs: its entries and, for each entry i < changes.size(), the change it makes,
  // already decoded and checked by the writer (the others are decoded from their bodies).
  struct Pending {
    std::vector<LogEntry> entries;
    std::vector<Change> changes;
  };
  using Prepare = std::function<Result<Pending>()>;
  // Checks and builds a write with `prepare`, logs it durably after seq(), then applies it. When
  // another writer appended first, catches up and prepares again (a bounded number of times),
  // first handing the write that was not logged to `not_logged` when given, so that `prepare`
  // may take what it needs from it rather than keep a copy of its input for a retry.
  Result<Receipt> Record(const Prepare& prepare, const std::function<void(Pending)>& not_logged = {});
  // Applies a write just logged, against the night it was checked on: it cannot fail.
  Result<Receipt> ApplyLogged(Pending pending);
  Result<Change> Decode(const LogEntry& entry) const;
  // Applies a checked change (cannot fail): tallies, seq, delta. Returns the council touched.
  std::string ApplyChange(const LogEntry& entry, Change change);
  // Decodes, checks and applies one logged entry; returns the council it touched. On the write
  // path the entry was checked before it was logged, so it cannot fail there.
  Result<std::string> ApplyEntry(const LogEntry& entry);
  Result<std::string> ApplyMayor(const LogEntry& entry, const std::string& where);
  void Retally(const Council& council, const CouncilOutcome& outcome, int sign);
  // Calls f(tallies) for the tallies of both baselines of each filter that takes the council.
  template <typename F>
  void ForEachTallyOf(const Council& council, F&& f);
  std::string Now() const;

  std::unique_ptr<ResultsLog> log_;
  EngineOptions options_;
  PartyRegistry registry_;
  std::unique_ptr<Night> night_;
  int64_t seq_ = 0;
  std::vector<Listener> listeners_;
  // Hashed: an ordered map of a 100x night's 15,000 councils was a dozen cache misses a declaration.
  StringMap<int64_t> changed_at_;
  // Keyed by CouncilFilter::Describe(): index 0 last fought, 1 eve of poll.
  std::map<std::string, std::vector<PartyTallies>> tallies_;
  // By council id, the tallies (in tallies_) whose filter takes the council, found when the
  // council is first tallied (StartTallies tallies every council): every filter matched on every
  // declaration (a dozen regions compared ignoring case) was 3% of the engine's instructions.
  // Some 100 bytes a council (15 MB at 1000x). Dropped when the council's setup is replaced.
  StringMap<std::vector<std::vector<PartyTallies>*>> tallies_of_;
};

}  // namespace psephos

#endif  // PSEPHOS_ENGINE_ENGINE_H_
