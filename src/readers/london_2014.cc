#include "readers/london_2014.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/model.h"
#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

struct Columns {
  size_t ward_code = 0, borough_code = 0, borough_name = 0, ward_name = 0, candidate = 0,
         party = 0, party_long = 0, votes = 0, elected = 0, seats = 0;
};

Result<Columns> FindColumns(const CsvTable& table) {
  Columns c;
  const std::pair<std::string_view, size_t*> wanted[] = {
      {"Ward_code", &c.ward_code},       {"Borough_code", &c.borough_code},
      {"Borough_name", &c.borough_name}, {"Ward_name", &c.ward_name},
      {"candidate", &c.candidate},       {"party", &c.party},
      {"party_long", &c.party_long},     {"number_votes", &c.votes},
      {"elected_flag", &c.elected},      {"Number of councillors in ward", &c.seats}};
  for (const auto& [name, out] : wanted) {
    Result<size_t> index = table.Column(name);
    if (!index) return index.error();
    *out = *index;
  }
  return c;
}

// A field that must not be empty, trimmed.
Result<std::string> Required(const CsvTable& table, const CsvRow& row, size_t column,
                             std::string_view what) {
  std::string text = TrimText(row.fields[column]);
  if (text.empty()) return table.FieldError(row, column, "empty; expected " + std::string(what));
  return text;
}

// "Butt, Laila Ms.*" -> "Butt, Laila Ms.": the star only marks a sitting councillor.
std::string CandidateName(std::string_view raw) {
  std::string name = TrimText(raw);
  while (!name.empty() && (name.back() == '*' || name.back() == ' ')) name.pop_back();
  return name;
}

// The party id of a row: the long name first (codes are shared: NLP, SP, REA), then the code;
// when neither resolves, the long name goes to the resolver, which fails in strict mode or
// makes a local party named after it.
Result<std::string> RowParty(PartyResolver& parties, const CsvTable& table, const CsvRow& row,
                             const Columns& c) {
  std::string long_name = TrimText(row.fields[c.party_long]);
  std::string code = TrimText(row.fields[c.party]);
  if (!long_name.empty()) {
    if (auto id = parties.registry().Resolve(long_name)) return *id;
  }
  if (!code.empty()) {
    if (auto id = parties.registry().Resolve(code)) return *id;
  }
  if (long_name.empty()) return parties.Resolve(code, table, row, c.party);
  return parties.Resolve(long_name, table, row, c.party_long);
}

}  // namespace

Result<DeclarationSet> ReadLondon2014Text(std::string_view text, std::string file,
                                          const PartyRegistry& registry,
                                          const ReadOptions& options) {
  Result<CsvTable> parsed = ParseCsv(text, std::move(file));
  if (!parsed) return parsed.error();
  const CsvTable& table = *parsed;
  Result<Columns> columns = FindColumns(table);
  if (!columns) return columns.error();
  const Columns& c = *columns;

  DeclarationSet set;
  if (!options.election_date.empty() && options.election_date != kLondon2014Date) return set;

  PartyResolver parties(registry, options.unknown_parties);
  std::map<std::string, size_t> ward_index;  // "<borough gss>/<ward gss>" -> declaration
  std::vector<const CsvRow*> ward_first_row;
  std::map<std::string, int> flag_spellings;             // across the file
  std::vector<std::set<std::string>> ward_flag_spellings;  // per declaration

  for (const CsvRow& row : table.rows) {
    Result<std::string> borough_code = Required(table, row, c.borough_code, "a borough GSS code (E09...)");
    if (!borough_code) return borough_code.error();
    Result<std::string> ward_code = Required(table, row, c.ward_code, "a ward GSS code (E05...)");
    if (!ward_code) return ward_code.error();
    Result<std::string> borough_name = Required(table, row, c.borough_name, "the borough's name");
    if (!borough_name) return borough_name.error();
    Result<std::string> ward_name = Required(table, row, c.ward_name, "the ward's name");
    if (!ward_name) return ward_name.error();
    Result<int64_t> seats = ParseCount(table, row, c.seats);
    if (!seats) return seats.error();
    // Representation of the People Act wards elect one to three councillors.
    if (*seats < 1 || *seats > 3)
      return table.FieldError(row, c.seats, "a ward elects 1 to 3 councillors, not " + std::to_string(*seats));

    std::string key = *borough_code + "/" + *ward_code;
    auto [it, is_new] = ward_index.emplace(key, set.declarations.size());
    if (is_new) {
      Declaration d;
      d.council = Slugify(*borough_name);
      d.council_name = *borough_name;
      d.council_gss = *borough_code;
      d.ward = Slugify(*ward_name);
      d.ward_name = *ward_name;
      d.ward_gss = *ward_code;
      d.ballot_id = BallotId(d.council, d.ward, kLondon2014Date);
      d.seats = static_cast<int>(*seats);
      set.declarations.push_back(std::move(d));
      ward_first_row.push_back(&row);
      ward_flag_spellings.emplace_back();
    }
    Declaration& d = set.declarations[it->second];
    const std::string first_line = std::to_string(ward_first_row[it->second]->line);
    if (d.seats != *seats)
      return table.FieldError(row, c.seats, "differs from the ward's first row (line " + first_line + ")");
    if (d.ward_name != *ward_name)
      return table.FieldError(row, c.ward_name, "differs from the ward's first row (line " + first_line + ")");
    if (d.council_name != *borough_name)
      return table.FieldError(row, c.borough_name, "differs from the ward's first row (line " + first_line + ")");

    Candidate candidate;
    candidate.name = CandidateName(row.fields[c.candidate]);
    if (candidate.name.empty()) return table.FieldError(row, c.candidate, "empty; expected the candidate's name");
    Result<std::string> party = RowParty(parties, table, row, c);
    if (!party) return party.error();
    candidate.party = std::move(*party);
    Result<int64_t> votes = ParseCount(table, row, c.votes);
    if (!votes) return votes.error();
    candidate.votes = Candidate::Votes(*votes);
    Result<bool> elected = ParseFlag(table, row, c.elected, /*empty_is_false=*/true);
    if (!elected) return elected.error();
    candidate.elected = *elected;
    if (std::string spelling = TrimText(row.fields[c.elected]); !spelling.empty()) {
      ++flag_spellings[spelling];
      ward_flag_spellings[it->second].insert(spelling);
    }
    d.candidates.push_back(std::move(candidate));
  }

  // The flags are the returning officers' word; a ward whose count of them is not its seats
  // is a broken file, not a result.
  for (size_t i = 0; i < set.declarations.size(); ++i) {
    Declaration& d = set.declarations[i];
    if (Status s = CheckFlaggedSeats(d, table, *ward_first_row[i], c.elected); !s) return s.error();
  }

  // The usual spelling of "elected" in this file; a ward spelling it otherwise came from
  // somewhere else (Faraday: the postponed poll, held after 22 May).
  std::string usual;
  int usual_count = 0;
  for (const auto& [spelling, count] : flag_spellings)
    if (count > usual_count) usual = spelling, usual_count = count;
  for (size_t i = 0; i < set.declarations.size(); ++i) {
    for (const std::string& spelling : ward_flag_spellings[i]) {
      if (spelling == usual) continue;
      const Declaration& d = set.declarations[i];
      set.warnings.push_back(
          table.file + ":" + std::to_string(ward_first_row[i]->line) + ": " + d.ward_name + " (" +
          d.council_name + ", " + d.ward_gss + "): elected flags written '" + spelling +
          "' where the rest of the file writes '" + usual +
          "'; this poll was postponed and held after 22 May 2014 (see SOURCE.md), so its result "
          "is not a 22 May declaration");
      break;
    }
  }

  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadLondon2014Csv(const std::string& path, const PartyRegistry& registry,
                                         const ReadOptions& options) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ReadLondon2014Text(*text, path, registry, options);
}

}  // namespace psephos
