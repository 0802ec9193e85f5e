#include "readers/lga.h"

#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "readers/csv.h"
#include "readers/fields.h"
#include "readers/internal/ballot_rows.h"
#include "readers/internal/council_codes.h"

namespace psephos {

namespace {

enum class RowKind { kLocal, kLocalByElection, kSkipped, kUnknown };

// LGA TypeofElection values. Local council contests are read; the rest are not council seats.
RowKind KindOf(std::string_view type) {
  if (type.starts_with("Parliamentary") || type.starts_with("European") ||
      type.starts_with("Mayor") || type.starts_with("PoliceAndCrime") ||
      type.starts_with("Parish") || type.starts_with("Referendum"))
    return RowKind::kSkipped;
  for (std::string_view local : {"DistrictAndBorough", "County", "Unitary", "LondonBorough",
                                 "Metropolitan", "CityOfLondon"}) {
    if (type.starts_with(local))
      return type.ends_with("ByElection") || type.ends_with("Byelection") ? RowKind::kLocalByElection
                                                                          : RowKind::kLocal;
  }
  return RowKind::kUnknown;
}

// "Trafford Council" -> "Trafford"; "London Borough of Barnet" -> "Barnet".
std::string CouncilName(std::string label) {
  for (std::string_view prefix : {"London Borough of ", "Royal Borough of ", "City of ",
                                  "Borough of ", "Council of the "})
    if (label.starts_with(prefix)) label.erase(0, prefix.size());
  for (std::string_view suffix : {" Metropolitan Borough Council", " Borough Council",
                                  " District Council", " City Council", " County Council",
                                  " Council"})
    if (label.ends_with(suffix)) {
      label.erase(label.size() - suffix.size());
      break;
    }
  return label;
}

std::string LastSegment(std::string_view uri) {
  while (uri.ends_with('/')) uri.remove_suffix(1);
  size_t slash = uri.rfind('/');
  return std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
}

std::string ByElectionBallotId(std::string_view council, std::string_view ward, std::string_view date) {
  return "local." + std::string(council) + "." + std::string(ward) + ".by." + std::string(date);
}

// Columns of the LGA schema this reader needs, looked up once.
struct LgaColumns {
  size_t body, date, type, area_uri, area, surname, forenames, used_surname, used_forenames,
      party_uri, party_label, votes, elected, votes_cast, electorate;
  std::vector<size_t> rejected;
};

Result<LgaColumns> FindColumns(const CsvTable& table) {
  LgaColumns c{};
  std::array<std::pair<const char*, size_t*>, 15> wanted{{
      {"ElectedBodyLabel", &c.body}, {"ElectionDate", &c.date}, {"TypeofElection", &c.type},
      {"ElectoralAreaURI", &c.area_uri}, {"ElectoralAreaLabel", &c.area},
      {"CandidateSurname", &c.surname}, {"CandidateForenames", &c.forenames},
      {"CommonlyUsedSurname", &c.used_surname}, {"CommonlyUsedForenames", &c.used_forenames},
      {"PoliticalPartyURI", &c.party_uri}, {"PoliticalPartyLabel", &c.party_label},
      {"VotesWon", &c.votes}, {"Elected", &c.elected}, {"VotesCast", &c.votes_cast},
      {"EligibleElectorate", &c.electorate}}};
  for (auto& [name, index] : wanted) {
    auto found = table.Column(name);
    if (!found) return found.error();
    *index = *found;
  }
  for (const char* name : {"BallotsRejectedOfficialMark", "BallotsRejectedMultipleVote",
                           "BallotsRejectedIdentification", "BallotsRejectedInPart",
                           "BallotsRejectedUnmarked"}) {
    auto found = table.Column(name);
    if (!found) return found.error();
    c.rejected.push_back(*found);
  }
  return c;
}

// A party from the URI's id, or from the label when there is no id or the registry lacks it.
Result<std::string> LgaParty(const CsvTable& table, const CsvRow& row, const LgaColumns& c,
                             PartyResolver& parties, bool options_local,
                             std::vector<std::string>& warnings) {
  std::string uri = TrimText(row.fields[c.party_uri]);
  std::string label = TrimText(row.fields[c.party_label]);
  if (uri.empty()) {
    if (label.empty())
      return table.FieldError(row, c.party_uri, "empty party: no PoliticalPartyURI and no PoliticalPartyLabel (an independent is labelled 'Independent')");
    return parties.Resolve(label, table, row, c.party_label);
  }
  std::string id = LastSegment(uri);
  if (parties.registry().Find(id)) return id;
  if (!label.empty()) {
    if (auto by_label = parties.registry().Resolve(label)) {
      warnings.push_back(table.file + ":" + std::to_string(row.line) + ": party " + id + " ('" +
                         label + "') is not in data/parties.csv; read by its label as " + *by_label);
      return *by_label;
    }
  }
  if (options_local && !label.empty()) return parties.Resolve(label, table, row, c.party_label);
  return table.FieldError(row, c.party_uri, "unknown party id '" + id + "'" +
                                                (label.empty() ? "" : " ('" + label + "')") +
                                                " (add it to data/parties.csv)");
}

// Checks a ward-level value repeated on each row agrees with the contest's first row.
Status SameOnEveryRow(const CsvTable& table, const CsvRow& row, size_t column,
                      const std::optional<int64_t>& first, const std::optional<int64_t>& here,
                      const std::string& ballot_id) {
  if (first == here) return {};
  return table.FieldError(row, column, "differs from the earlier rows of " + ballot_id +
                                           " (a ward-level value must be the same on every row)");
}

}  // namespace

Result<DeclarationSet> ReadLgaCsvText(std::string_view text, std::string file,
                                      const PartyRegistry& registry, const ReadOptions& options) {
  auto table = ParseCsv(text, std::move(file));
  if (!table) return table.error();
  auto columns = FindColumns(*table);
  if (!columns) return columns.error();
  const LgaColumns& c = *columns;
  PartyResolver parties(registry, options.unknown_parties);
  internal::BallotIndex index;
  DeclarationSet set;
  std::map<std::string, int> skipped;  // TypeofElection -> rows

  for (const CsvRow& row : table->rows) {
    std::string date = TrimText(row.fields[c.date]);
    if (!options.election_date.empty() && date != options.election_date) continue;
    std::string type = TrimText(row.fields[c.type]);
    RowKind kind = KindOf(type);
    if (kind == RowKind::kSkipped) {
      ++skipped[type];
      continue;
    }
    if (kind == RowKind::kUnknown)
      return table->FieldError(row, c.type, "'" + type + "' is not a TypeofElection this reader knows");
    if (date.size() != 10 || date[4] != '-' || date[7] != '-')
      return table->FieldError(row, c.date, "'" + date + "' is not a date (YYYY-MM-DD)");
    std::string council_name = CouncilName(TrimText(row.fields[c.body]));
    std::string council = Slugify(council_name);
    if (council.empty()) return table->FieldError(row, c.body, "empty elected body");
    std::string ward_name = TrimText(row.fields[c.area]);
    std::string ward = Slugify(ward_name);
    if (ward.empty()) return table->FieldError(row, c.area, "empty electoral area");

    auto party = LgaParty(*table, row, c, parties,
                          options.unknown_parties == UnknownParties::kLocal, set.warnings);
    if (!party) return party.error();
    auto votes = ParseCount(*table, row, c.votes);
    if (!votes) return votes.error();
    auto elected = ParseFlag(*table, row, c.elected, /*empty_is_false=*/false);
    if (!elected) return elected.error();
    auto votes_cast = ParseOptionalCount(*table, row, c.votes_cast);
    if (!votes_cast) return votes_cast.error();
    auto electorate = ParseOptionalCount(*table, row, c.electorate);
    if (!electorate) return electorate.error();
    std::optional<int64_t> rejected;
    for (size_t column : c.rejected) {
      auto n = ParseOptionalCount(*table, row, column);
      if (!n) return n.error();
      if (*n) rejected = rejected.value_or(0) + **n;
      // Each column is at most 10^9; their sum is held to the same bound as every count.
      if (rejected > Candidate::kMaxVotes)
        return table->FieldError(row, column, "rejected ballots add up to more than 1,000,000,000");
    }
    std::string forenames = TrimText(row.fields[c.used_forenames]);
    if (forenames.empty()) forenames = TrimText(row.fields[c.forenames]);
    std::string surname = TrimText(row.fields[c.used_surname]);
    if (surname.empty()) surname = TrimText(row.fields[c.surname]);
    if (surname.empty()) return table->FieldError(row, c.surname, "empty candidate surname");
    std::string name = forenames.empty() ? surname : forenames + " " + surname;

    std::string ballot_id = kind == RowKind::kLocalByElection ? ByElectionBallotId(council, ward, date)
                                                              : BallotId(council, ward, date);
    bool is_new = false;
    internal::BallotRows ballot = index.Get(ballot_id, &is_new);
    Declaration& d = ballot.declaration;
    if (is_new) {
      ballot.SetPlace(council, council_name, ward, ward_name, LastSegment(TrimText(row.fields[c.area_uri])));
      d.ballot_papers = *votes_cast;
      d.electorate = *electorate;
      d.rejected = rejected;
    } else {
      if (Status s = SameOnEveryRow(*table, row, c.votes_cast, d.ballot_papers, *votes_cast, ballot_id); !s) return s.error();
      if (Status s = SameOnEveryRow(*table, row, c.electorate, d.electorate, *electorate, ballot_id); !s) return s.error();
      if (Status s = SameOnEveryRow(*table, row, c.rejected[0], d.rejected, rejected, ballot_id); !s) return s.error();
    }
    ballot.Add(Candidate{name, *party, Candidate::Votes(*votes), *elected}, row.line);
  }

  for (internal::BallotRows ballot : index.ballots()) {
    if (Status s = ballot.CheckNoRepeatedCandidate(table->file, "CandidateSurname"); !s) return s.error();
    int seats = ballot.ElectedCount();
    if (seats == 0)
      return MakeError("no candidate is ELECTED in " + ballot.declaration.ballot_id, "Elected",
                       table->file, ballot.first_line);
    ballot.declaration.seats = seats;
  }
  set.declarations = index.TakeDeclarations();
  for (const auto& [type, rows] : skipped)
    set.warnings.push_back(table->file + ": skipped " + std::to_string(rows) + " rows of " + type +
                           " contests (not council seats)");
  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadLgaCsv(const std::string& path, const PartyRegistry& registry,
                                  const ReadOptions& options) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  return ReadLgaCsvText(*text, path, registry, options);
}

Result<DeclarationSet> ReadWardVotesCsvText(std::string_view text, std::string file,
                                            const PartyRegistry& registry,
                                            const ReadOptions& options,
                                            const WardVotesContext& context) {
  if (options.election_date.empty())
    return MakeError("a ward-votes file does not give its poll date: set the election date", "election_date", file);
  if (context.council.empty())
    return MakeError("a ward-votes file does not name its council: set the council", "council", file);
  auto table = ParseCsv(text, std::move(file));
  if (!table) return table.error();
  std::vector<size_t> col;
  for (const char* name : {"wardcode", "ward", "candidate", "party", "votes"}) {
    auto found = table->Column(name);
    if (!found) return found.error();
    col.push_back(*found);
  }
  enum { kCode, kWard, kCandidate, kParty, kVotes };
  PartyResolver parties(registry, options.unknown_parties);
  internal::BallotIndex index;
  std::string council_name = context.council_name.empty() ? internal::CouncilNameFromSlug(context.council)
                                                          : context.council_name;
  for (const CsvRow& row : table->rows) {
    std::string ward_name = TrimText(row.fields[col[kWard]]);
    std::string ward = Slugify(ward_name);
    if (ward.empty()) return table->FieldError(row, col[kWard], "empty ward");
    std::string name = TrimText(row.fields[col[kCandidate]]);
    if (name.empty()) return table->FieldError(row, col[kCandidate], "empty candidate name");
    auto party = parties.Resolve(row.fields[col[kParty]], *table, row, col[kParty]);
    if (!party) return party.error();
    auto votes = ParseCount(*table, row, col[kVotes]);
    if (!votes) return votes.error();
    std::string code = TrimText(row.fields[col[kCode]]);

    bool is_new = false;
    internal::BallotRows ballot = index.Get(BallotId(context.council, ward, options.election_date), &is_new);
    Declaration& d = ballot.declaration;
    if (is_new) {
      ballot.SetPlace(context.council, council_name, ward, ward_name, code);
      d.seats = 1;
      if (auto it = context.seats.find(code); !code.empty() && it != context.seats.end()) d.seats = it->second;
      else if (auto by_slug = context.seats.find(ward); by_slug != context.seats.end()) d.seats = by_slug->second;
    } else if (d.ward_gss != code) {
      return table->FieldError(row, col[kCode], "ward code '" + code + "' differs from the ward's earlier rows (" + d.ward_gss + ")");
    }
    ballot.Add(Candidate{name, *party, Candidate::Votes(*votes), std::nullopt}, row.line);
  }
  DeclarationSet set;
  for (internal::BallotRows ballot : index.ballots()) {
    if (Status s = ballot.CheckNoRepeatedCandidate(table->file, "candidate"); !s) return s.error();
    if (ballot.declaration.seats < 1)
      return MakeError("seats for " + ballot.declaration.ward + " must be at least 1", "seats", table->file, ballot.first_line);
  }
  set.declarations = index.TakeDeclarations();
  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadWardVotesCsv(const std::string& path, const PartyRegistry& registry,
                                        const ReadOptions& options,
                                        const WardVotesContext& context) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  return ReadWardVotesCsvText(*text, path, registry, options, context);
}

}  // namespace psephos
