#include "engine/engine.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <tuple>
#include <variant>

#include "core/ward_count.h"
#include "readers/night_json.h"
#include "readers/json_text.h"

namespace psephos {

namespace {

constexpr size_t kFoldChunk = 4096;
// Writes that find the log moved on (another server appended first) catch up and try again; two
// servers taking turns settle within a few, so this many means the log is far too busy.
constexpr int kWriteAttempts = 16;

std::string SystemNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return out;
}

}  // namespace

Engine::Engine(std::unique_ptr<ResultsLog> log, EngineOptions options)
    : log_(std::move(log)), options_(std::move(options)) {}

std::string Engine::Now() const { return options_.clock ? options_.clock() : SystemNow(); }

Result<std::unique_ptr<Engine>> Engine::Open(std::unique_ptr<ResultsLog> log, const Election* setup,
                                             PartyRegistry registry, EngineOptions options, Listener listener) {
  std::unique_ptr<Engine> engine(new Engine(std::move(log), std::move(options)));
  engine->registry_ = std::move(registry);
  if (listener) engine->listeners_.push_back(std::move(listener));
  if (engine->log_->LastSeq() == 0) {
    if (!setup) return MakeError("the results log is empty and no night was given to start it", "", engine->log_->Describe());
    std::vector<LogEntry> first{LogEntry{0, EntryKind::kSetup, engine->Now(), "setup", "psephos",
                                         WriteNightJson(*setup, {})}};
    // kLogMoved: another server set the night up first; its setup is the one folded.
    if (auto r = engine->log_->AppendAfter(0, first); !r) return WithKind(r.error(), ErrorKind::kUnavailable);
  }
  if (Status s = engine->Fold(); !s) return s.error();
  return engine;
}

Status Engine::Fold() {
  const std::string where = log_->Describe();
  auto first = log_->Read(0, 1);
  if (!first) return first.error();
  if (first->empty() || first->front().kind != EntryKind::kSetup)
    return MakeError("the first entry of a results log must be the night's setup", "kind", where, 1);
  const LogEntry& setup = first->front();
  auto file = ParseNightJson(setup.body, where + " entry 1", registry_);
  if (!file) return file.error();
  // A night set up with no councils takes them from its declarations (a replay of results
  // files with no nominations data); the log says so by its setup alone, so a restart agrees.
  if (file->election.councils.empty()) options_.night.infer_councils = true;
  auto night = Night::Create(std::move(file->election), registry_, options_.night);
  if (!night) {
    Error e = night.error();
    e.file = where + " entry 1";
    return e;
  }
  night_ = std::make_unique<Night>(std::move(*night));
  seq_ = setup.seq;
  if (Status s = StartTallies(); !s) return s;
  for (const Listener& l : listeners_) l(Delta{setup.seq, setup.kind, setup.recorded_at, setup.author, "", "", "", false}, *this);
  if (auto caught_up = CatchUp(); !caught_up) return caught_up.error();
  return {};
}

Result<size_t> Engine::CatchUp() {
  size_t applied = 0;
  for (;;) {
    auto chunk = log_->Read(seq_, kFoldChunk);
    if (!chunk) return WithKind(chunk.error(), ErrorKind::kUnavailable);
    if (chunk->empty()) return applied;
    for (const LogEntry& entry : *chunk) {
      if (auto council = ApplyEntry(entry); !council) {
        Error e = council.error();
        e.message = "entry " + std::to_string(entry.seq) + " (" + std::string(ToString(entry.kind)) +
                    ") does not apply: " + e.message;
        if (e.file.empty()) e.file = log_->Describe();
        return e;
      }
      ++applied;
    }
  }
}

Status Engine::StartTallies() {
  std::vector<CouncilFilter> filters(2);
  filters[1].london_only = true;
  std::map<std::string, bool> regions;
  for (const Council& c : night_->councils())
    if (!c.region.empty()) regions[c.region] = true;
  for (const auto& [region, unused] : regions) filters.push_back(CouncilFilter{false, region, std::nullopt});
  for (CouncilType t : {CouncilType::kLondonBorough, CouncilType::kMetropolitanBorough,
                        CouncilType::kNonMetropolitanDistrict, CouncilType::kUnitary})
    filters.push_back(CouncilFilter{false, std::nullopt, t});
  tallies_.clear();
  tallies_of_.clear();
  for (const CouncilFilter& f : filters) {
    auto& pair = tallies_[f.Describe()];
    pair = {PartyTallies(f, Baseline::kLastFought), PartyTallies(f, Baseline::kEveOfPoll)};
  }
  for (const Council& c : night_->councils()) Retally(c, *night_->Outcome(c.id), +1);
  return {};
}

template <typename F>
void Engine::ForEachTallyOf(const Council& council, F&& f) {
  auto [found, is_new] = tallies_of_.try_emplace(council.id);
  if (is_new)
    for (auto& [key, pair] : tallies_)
      if (pair.front().filter().Matches(council)) found->second.push_back(&pair);  // both baselines share it
  for (std::vector<PartyTallies>* pair : found->second)
    for (PartyTallies& t : *pair) f(t);
}

void Engine::Retally(const Council& council, const CouncilOutcome& outcome, int sign) {
  const CouncilContribution contribution = ContributionOf(outcome, night_->registry());
  ForEachTallyOf(council, [&](PartyTallies& t) { t.Add(council, contribution, sign); });
}

StateOfParties Engine::Parties(const CouncilFilter& filter, Baseline baseline) const {
  auto it = tallies_.find(filter.Describe());
  if (it == tallies_.end()) return TallyParties(*night_, filter, baseline);
  return it->second[baseline == Baseline::kLastFought ? 0 : 1].State();
}

int64_t Engine::ChangedAt(const std::string& council) const {
  auto it = changed_at_.find(council);
  return it == changed_at_.end() ? 0 : it->second;
}

bool Engine::IsDeclared(std::string_view council, std::string_view ward) const {
  const auto* declared = night_->Declared(council);
  return declared && declared->contains(ward);
}

Result<std::string> Engine::ApplyEntry(const LogEntry& entry) {
  if (entry.kind == EntryKind::kMayor)
    return ApplyMayor(entry, log_->Describe() + " entry " + std::to_string(entry.seq));
  auto change = Decode(entry);
  if (!change) return change.error();
  return ApplyChange(entry, std::move(*change));
}

Result<Engine::Change> Engine::Decode(const LogEntry& entry) const {
  const std::string where = log_->Describe() + " entry " + std::to_string(entry.seq);
  Change change;
  switch (entry.kind) {
    case EntryKind::kSetup:
      return MakeError("a second setup entry", "kind", where);
    case EntryKind::kMayor:
      return MakeError("a mayor is not a council's change", "kind", where);
    case EntryKind::kDeclaration:
    case EntryKind::kCorrection: {
      auto d = ParseDeclarationJson(entry.body, where, night_->registry());
      if (!d) return d.error();
      std::vector<Declaration> one;
      one.push_back(std::move(*d));
      auto checked = night_->Check(std::move(one),
                                   entry.kind == EntryKind::kCorrection ? Revision::kCorrection : Revision::kNew);
      if (!checked) return checked.error();
      change.council = checked->declarations[0].council;
      change.ward = checked->declarations[0].ward;
      change.batch = std::move(*checked);
      return change;
    }
    case EntryKind::kWithdrawal: {
      auto w = ParseWithdrawalJson(entry.body, where);
      if (!w) return w.error();
      if (Status s = night_->CheckWithdrawal(w->council, w->ward); !s) return s.error();
      change.council = w->council;
      change.ward = w->ward;
      return change;
    }
    case EntryKind::kCouncil: {
      auto c = ParseCouncilJson(entry.body, where, night_->registry());
      if (!c) return c.error();
      if (Status s = night_->CheckCouncil(*c); !s) return s.error();
      change.council = c->id;
      change.setup = std::move(*c);
      return change;
    }
  }
  return MakeError("unknown entry kind", "kind", where);
}

std::string Engine::ApplyChange(const LogEntry& entry, Change change) {
  const std::string& council_id = change.council;
  const PartyRegistry& registry = night_->registry();
  // What the delta compares: control and its label before. A council inferred from
  // declarations does not exist before its first one.
  std::optional<std::pair<Control, std::string>> before;
  // The council's contribution before, to be replaced in each tally by the one after; or, when
  // a new setup moves the council to another type or region (other tallies), taken away now.
  std::optional<CouncilContribution> was;
  if (const Council* c = night_->FindCouncil(council_id)) {
    const CouncilOutcome& old_outcome = *night_->Outcome(council_id);
    before.emplace(old_outcome.control, old_outcome.Label(Baseline::kEveOfPoll, registry));
    if (change.setup && (change.setup->type != c->type || change.setup->region != c->region))
      Retally(*c, old_outcome, -1);  // the council as it was: nothing has been applied yet
    else
      was = ContributionOf(old_outcome, registry);
  }
  if (change.batch) {
    night_->Apply(std::move(*change.batch));
  } else if (change.setup) {
    night_->ReplaceCouncil(std::move(*change.setup));
    tallies_of_.erase(council_id);  // its type or region may be new
  } else {
    night_->Withdraw(council_id, change.ward);
  }
  const Council& council = *night_->FindCouncil(council_id);
  const CouncilOutcome& outcome = *night_->Outcome(council_id);
  if (was) {
    const CouncilContribution now = ContributionOf(outcome, registry);
    const TallyMove moves[] = {MoveBetween(*was, now, Baseline::kLastFought),
                               MoveBetween(*was, now, Baseline::kEveOfPoll)};
    ForEachTallyOf(council, [&](PartyTallies& t) {
      t.Apply(council, moves[t.baseline() == Baseline::kLastFought ? 0 : 1]);
    });
  } else {
    Retally(council, outcome, +1);
  }

  seq_ = entry.seq;
  changed_at_[council_id] = entry.seq;
  const bool decided = !before || before->first != outcome.control ||
                       before->second != outcome.Label(Baseline::kEveOfPoll, registry);
  Delta delta{entry.seq, entry.kind, entry.recorded_at, entry.author, council_id, change.ward, "",
              decided && outcome.control.settled};
  for (const Listener& l : listeners_) l(delta, *this);
  return council_id;
}

Result<std::string> Engine::ApplyMayor(const LogEntry& entry, const std::string& where) {
  auto mayor = ParseMayorJson(entry.body, where);
  if (!mayor) return mayor.error();
  const Revision revision = night_->FindMayor(mayor->ballot_id) ? Revision::kCorrection : Revision::kNew;
  auto result = night_->CheckMayor(mayor->ballot_id, mayor->area, std::move(mayor->contest), revision);
  if (!result) return result.error();
  const std::string ballot = result->ballot_id;
  night_->DeclareMayor(std::move(*result));
  seq_ = entry.seq;
  Delta delta{entry.seq, entry.kind, entry.recorded_at, entry.author, "", "", ballot, true};
  for (const Listener& l : listeners_) l(delta, *this);
  return std::string();
}

Result<Receipt> Engine::DeclareMayor(MayoralDeclaration mayor, Revision revision, const Writer& writer) {
  return Record([&]() -> Result<Pending> {
    if (auto checked = night_->CheckMayor(mayor.ballot_id, mayor.area, mayor.contest, revision); !checked)
      return checked.error();
    return Pending{{LogEntry{0, EntryKind::kMayor, Now(), writer.source, writer.author, WriteMayorJson(mayor)}}, {}};
  });
}

Result<Receipt> Engine::Record(const Prepare& prepare, const std::function<void(Pending)>& not_logged) {
  for (int attempt = 1;; ++attempt) {
    auto pending = prepare();
    if (!pending) return pending.error();
    auto appended = log_->AppendAfter(seq_, pending->entries);
    if (!appended) {
      // Not the writer's fault (a full disk, a file size limit): said so, so that it is not
      // taken for a bad declaration. Nothing was applied; the night is as it was.
      Error error = WithKind(appended.error(), ErrorKind::kUnavailable);
      error.message = "the results log could not be written: " + error.message;
      return error;
    }
    if (*appended == AppendOutcome::kAppended) return ApplyLogged(std::move(*pending));
    if (attempt == kWriteAttempts)
      return WithKind(MakeError("the results log kept moving on (other servers writing); nothing was recorded: "
                                "try again", "", log_->Describe()),
                      ErrorKind::kUnavailable);
    if (not_logged) not_logged(std::move(*pending));
    // Not the write's fault whatever stops the catch-up: the write can be tried again.
    if (auto caught_up = CatchUp(); !caught_up) return WithKind(caught_up.error(), ErrorKind::kUnavailable);
  }
}

Result<Receipt> Engine::ApplyLogged(Pending pending) {
  std::vector<LogEntry>& entries = pending.entries;
  std::vector<Change>& changes = pending.changes;
  Receipt receipt{entries.front().seq, entries.back().seq, {}};
  for (size_t i = 0; i < entries.size(); ++i) {
    const LogEntry& e = entries[i];
    // Checked before logging, against this same night: it cannot fail here. Changes the
    // writer already decoded and checked are applied as they are, not read back from the body.
    auto council = i < changes.size() ? Result<std::string>(ApplyChange(e, std::move(changes[i]))) : ApplyEntry(e);
    if (!council) return council.error();
    if (!council->empty() &&
        std::find(receipt.councils.begin(), receipt.councils.end(), *council) == receipt.councils.end())
      receipt.councils.push_back(*council);
  }
  return receipt;
}

Result<Receipt> Engine::Declare(std::vector<Declaration> declarations, Revision revision, const Writer& writer) {
  if (declarations.empty()) return MakeError("no declarations", "declarations");
  const std::string now = Now();
  for (Declaration& d : declarations) {
    if (Status s = CheckVotesFitPapers(d); !s) return s.error();
    if (d.declared_at.empty()) d.declared_at = now;
  }
  const EntryKind kind = revision == Revision::kCorrection ? EntryKind::kCorrection : EntryKind::kDeclaration;
  // The declarations are moved into the check, not copied (a copy of each was 3% of the engine's
  // instructions). Should another server have logged first, they are taken back from the write
  // that was not logged and checked again against the night caught up, as they were given: the
  // check fills in a declaration's ward id (found by GSS code, perhaps) and ballot id, and against
  // a night whose setup has changed meanwhile those may no longer be what it finds.
  std::vector<std::pair<std::string, std::string>> given;  // ward, ballot id
  given.reserve(declarations.size());
  for (const Declaration& d : declarations) given.emplace_back(d.ward, d.ballot_id);
  auto take_back = [&](Pending unlogged) {
    declarations.clear();
    for (size_t i = 0; i < unlogged.changes.size(); ++i) {
      Declaration& d = declarations.emplace_back(std::move(unlogged.changes[i].batch->declarations.front()));
      std::tie(d.ward, d.ballot_id) = given[i];  // copied: there may be another retry
    }
  };
  return Record([&]() -> Result<Pending> {
    auto batch = night_->Check(std::move(declarations), revision);
    if (!batch) return batch.error();
    // One entry and one checked change a ward: the batch was checked as a whole, and its wards
    // are distinct, so each applies alone exactly as the fold of the log will apply it.
    Pending pending;
    for (size_t i = 0; i < batch->declarations.size(); ++i) {
      Declaration& d = batch->declarations[i];
      pending.entries.push_back(LogEntry{0, kind, now, writer.source, writer.author, WriteDeclarationJson(d)});
      Change change{d.council.str(), d.ward.str(), CheckedBatch{revision, {}, {}}, std::nullopt};
      change.batch->declarations.push_back(std::move(d));
      change.batch->counts.Add(batch->counts.Take(i));
      pending.changes.push_back(std::move(change));
    }
    return pending;
  }, take_back);
}

Result<Receipt> Engine::Withdraw(const std::string& council, const std::string& ward, const Writer& writer) {
  return Record([&]() -> Result<Pending> {
    if (Status s = night_->CheckWithdrawal(council, ward); !s) return s.error();
    return Pending{{LogEntry{0, EntryKind::kWithdrawal, Now(), writer.source, writer.author,
                             WriteWithdrawalJson({council, ward})}},
                   {}};
  });
}

Result<Receipt> Engine::ReplaceCouncil(Council council, const Writer& writer) {
  return Record([&]() -> Result<Pending> {
    if (Status s = night_->CheckCouncil(council); !s) return s.error();
    return Pending{{LogEntry{0, EntryKind::kCouncil, Now(), writer.source, writer.author, WriteCouncilJson(council)}},
                   {}};
  });
}

}  // namespace psephos
