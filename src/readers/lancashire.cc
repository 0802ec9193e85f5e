#include "readers/lancashire.h"

#include <map>
#include <utility>
#include <vector>

#include "readers/csv.h"
#include "readers/fields.h"
#include "readers/internal/ballot_rows.h"

namespace psephos {

namespace {

constexpr const char* kRekeyed =
    " (two contests may share this ward label on this date: the source re-keyed old wards to "
    "current names, see SOURCE.md)";

}  // namespace

Result<DeclarationSet> ReadLancashireCsvText(std::string_view text, std::string file,
                                             const PartyRegistry& registry,
                                             const ReadOptions& options,
                                             std::string_view council_filter) {
  auto table = ParseCsv(text, std::move(file));
  if (!table) return table.error();
  std::vector<size_t> col;
  for (const char* name : {"council", "council_slug", "ward", "ward_gss", "election_date",
                           "seats_contested", "turnout_valid_votes", "electorate", "candidate",
                           "party", "votes", "elected"}) {
    auto found = table->Column(name);
    if (!found) return found.error();
    col.push_back(*found);
  }
  enum { kCouncil, kCouncilSlug, kWard, kWardGss, kDate, kSeats, kValid, kElectorate, kCandidate,
         kParty, kVotes, kElected };
  PartyResolver parties(registry, options.unknown_parties);
  internal::BallotIndex index;

  for (const CsvRow& row : table->rows) {
    std::string date = TrimText(row.fields[col[kDate]]);
    if (!options.election_date.empty() && date != options.election_date) continue;
    std::string council_name = TrimText(row.fields[col[kCouncil]]);
    std::string council = Slugify(council_name);
    if (council.empty()) return table->FieldError(row, col[kCouncil], "empty council");
    if (!council_filter.empty() && council_filter != council &&
        council_filter != TrimText(row.fields[col[kCouncilSlug]]))
      continue;
    if (date.size() != 10 || date[4] != '-' || date[7] != '-')
      return table->FieldError(row, col[kDate], "'" + date + "' is not a date (YYYY-MM-DD)");
    std::string ward_name = TrimText(row.fields[col[kWard]]);
    std::string ward = Slugify(ward_name);
    if (ward.empty()) return table->FieldError(row, col[kWard], "empty ward");
    std::string name = TrimText(row.fields[col[kCandidate]]);
    if (name.empty()) return table->FieldError(row, col[kCandidate], "empty candidate name");

    auto seats = ParseCount(*table, row, col[kSeats]);
    if (!seats) return seats.error();
    if (*seats < 1 || *seats > 10) return table->FieldError(row, col[kSeats], "expected 1 to 10 seats");
    auto valid = ParseOptionalCount(*table, row, col[kValid]);
    if (!valid) return valid.error();
    auto electorate = ParseOptionalCount(*table, row, col[kElectorate]);
    if (!electorate) return electorate.error();
    auto party = parties.Resolve(row.fields[col[kParty]], *table, row, col[kParty]);
    if (!party) return party.error();
    auto votes = ParseCount(*table, row, col[kVotes]);
    if (!votes) return votes.error();
    auto elected = ParseFlag(*table, row, col[kElected], /*empty_is_false=*/false);
    if (!elected) return elected.error();

    bool is_new = false;
    internal::BallotRows ballot = index.Get(BallotId(council, ward, date), &is_new);
    Declaration& d = ballot.declaration;
    if (is_new) {
      ballot.SetPlace(council, council_name, ward, ward_name, TrimText(row.fields[col[kWardGss]]));
      d.seats = static_cast<int>(*seats);
      d.ballot_papers = *valid;
      d.electorate = *electorate;
    } else {
      // Ward-level values repeat on every row of one contest; a change means a second contest.
      if (d.seats != *seats)
        return table->FieldError(row, col[kSeats], "differs from the ward's earlier rows" + std::string(kRekeyed));
      if (d.ballot_papers != *valid)
        return table->FieldError(row, col[kValid], "differs from the ward's earlier rows" + std::string(kRekeyed));
      if (d.electorate != *electorate)
        return table->FieldError(row, col[kElectorate], "differs from the ward's earlier rows" + std::string(kRekeyed));
    }
    ballot.Add(Candidate{name, *party, Candidate::Votes(*votes), *elected}, row.line);
    if (ballot.ElectedCount() > d.seats)
      return table->FieldError(row, col[kElected], "more candidates elected than seats_contested (" +
                                                       std::to_string(d.seats) + ")" + kRekeyed);
  }

  DeclarationSet set;
  for (internal::BallotRows ballot : index.ballots()) {
    if (Status s = ballot.CheckNoRepeatedCandidate(table->file, "candidate"); !s) {
      Error e = s.error();
      e.message += kRekeyed;
      return e;
    }
    // Fewer winners than seats: the source says its flags always match seats_contested, so a
    // shortfall is a damaged row rather than a tie to report.
    if (ballot.ElectedCount() != ballot.declaration.seats)
      return MakeError(std::to_string(ballot.ElectedCount()) + " elected in " +
                           ballot.declaration.ballot_id + " but seats_contested is " +
                           std::to_string(ballot.declaration.seats),
                       "elected", table->file, ballot.first_line);
  }
  set.declarations = index.TakeDeclarations();
  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadLancashireCsv(const std::string& path, const PartyRegistry& registry,
                                         const ReadOptions& options, std::string_view council) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  return ReadLancashireCsvText(*text, path, registry, options, council);
}

}  // namespace psephos
